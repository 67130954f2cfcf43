import type { ApplicantService } from '@puente/domain/applicants';
import type { ContingentView } from '@puente/domain/contingents';
import type { EmployerService } from '@puente/domain/employers';
import type { JobOrderService } from '@puente/domain/job-orders';
import type { ReferenceData } from '@puente/domain/reference';
import type { CellType, CellValue, Localized } from './export.rules';

/** One column of a list export: its key, its header in both languages, how its cells are typed, and its value. */
export interface ExportColumn<R> {
  key: string;
  header: Localized;
  type: CellType;
  value: (row: R) => CellValue;
}

/** The rows the owners' list services return (the export reads nothing else). */
type ApplicantRow = Awaited<ReturnType<ApplicantService['list']>>[number];
type EmployerRow = Awaited<ReturnType<EmployerService['list']>>[number];
type JobOrderRow = Awaited<ReturnType<JobOrderService['list']>>[number];

const col = <R>(key: string, es: string, en: string, type: CellType, value: (row: R) => CellValue): ExportColumn<R> => ({ key, header: { es, en }, type, value });
const list = (values: readonly string[]) => (values.length ? values.join('; ') : null);

/** The sheet titles of the list exports. */
export const LIST_TITLES = {
  APPLICANTS: { es: 'Solicitantes', en: 'Applicants' },
  EMPLOYERS: { es: 'Empleadores', en: 'Employers' },
  JOB_ORDERS: { es: 'Órdenes de trabajo', en: 'Job orders' },
  CONTINGENTS: { es: 'Contingentes', en: 'Contingents' },
} as const satisfies Record<string, Localized>;

/**
 * Applicants as coordinators list them: who (DUI decrypted, names, birth date, sex), where (department and
 * municipality), contacts, profile and status. The address and the passport number are left out: a list for
 * planning and reporting needs neither, and the file leaves the system.
 */
export function applicantColumns(ctx: { ref: ReferenceData; nationalIdOf: (a: ApplicantRow) => string }): ExportColumn<ApplicantRow>[] {
  const municipality = (a: ApplicantRow) => ctx.ref.municipalities.get(a.municipalityCode);
  const department = (a: ApplicantRow) => {
    const code = municipality(a)?.departmentCode;
    return ctx.ref.departments.find((d) => d.code === code)?.name ?? code ?? null;
  };
  return [
    col('id', 'ID', 'ID', 'text', (a) => a.id),
    col('nationalId', 'DUI', 'DUI', 'text', (a) => ctx.nationalIdOf(a)),
    col('firstNames', 'Nombres', 'First names', 'text', (a) => a.firstNames),
    col('lastNames', 'Apellidos', 'Last names', 'text', (a) => a.lastNames),
    col('birthDate', 'Fecha de nacimiento', 'Date of birth', 'date', (a) => a.birthDate),
    col('gender', 'Sexo', 'Sex', 'text', (a) => a.gender),
    col('department', 'Departamento', 'Department', 'text', department),
    col('municipality', 'Municipio', 'Municipality', 'text', (a) => municipality(a)?.name ?? a.municipalityCode),
    col('phone', 'Teléfono', 'Phone', 'text', (a) => a.phone),
    col('email', 'Correo electrónico', 'E-mail', 'text', (a) => a.email),
    col('occupations', 'Ocupaciones (CIUO-08)', 'Occupations (ISCO-08)', 'text', (a) => list(a.occupations)),
    col('skills', 'Habilidades', 'Skills', 'text', (a) => list(a.skills)),
    col('languages', 'Idiomas', 'Languages', 'text', (a) => list(a.languages.map((l) => `${l.code} ${l.level}`))),
    col('yearsExperience', 'Años de experiencia', 'Years of experience', 'number', (a) => a.yearsExperience),
    col('education', 'Escolaridad', 'Education', 'text', (a) => a.education),
    col('passportExpiry', 'Vencimiento del pasaporte', 'Passport expiry', 'date', (a) => a.passportExpiry),
    col('status', 'Estado', 'Status', 'text', (a) => a.status),
    col('verifiedAt', 'Verificado', 'Verified', 'datetime', (a) => a.verifiedAt),
    col('registeredAt', 'Registrado', 'Registered', 'datetime', (a) => a.createdAt),
  ];
}

/** Employers: the company, where it is, its program, its contact person, its status and any approval hold. */
export function employerColumns(ctx: { ref: ReferenceData }): ExportColumn<EmployerRow>[] {
  return [
    col('id', 'ID', 'ID', 'text', (e) => e.id),
    col('legalName', 'Razón social', 'Legal name', 'text', (e) => e.legalName),
    col('tradeName', 'Nombre comercial', 'Trade name', 'text', (e) => e.tradeName),
    col('country', 'País', 'Country', 'text', (e) => e.country),
    col('region', 'Estado o provincia', 'State or province', 'text', (e) => ctx.ref.regions.get(e.regionCode)?.name ?? e.regionCode),
    col('city', 'Ciudad', 'City', 'text', (e) => e.city),
    col('sector', 'Sector', 'Sector', 'text', (e) => e.sector),
    col('program', 'Programa', 'Program', 'text', (e) => e.program),
    col('programReference', 'Referencia del programa', 'Program reference', 'text', (e) => e.programReference),
    col('contactName', 'Persona de contacto', 'Contact person', 'text', (e) => e.contactName),
    col('contactEmail', 'Correo de contacto', 'Contact e-mail', 'text', (e) => e.contactEmail),
    col('contactPhone', 'Teléfono de contacto', 'Contact phone', 'text', (e) => e.contactPhone),
    col('status', 'Estado', 'Status', 'text', (e) => e.status),
    col('approvalHoldSince', 'Aprobaciones retenidas desde', 'Approvals on hold since', 'datetime', (e) => e.approvalHoldSince),
    col('verifiedAt', 'Verificado', 'Verified', 'datetime', (e) => e.verifiedAt),
    col('registeredAt', 'Registrado', 'Registered', 'datetime', (e) => e.createdAt),
  ];
}

/** Job orders: the order, its employer (by name), the occupation, where and when, the terms and the status. */
export function jobOrderColumns(ctx: { ref: ReferenceData; employerName: (employerId: string) => string | null }): ExportColumn<JobOrderRow>[] {
  return [
    col('id', 'ID', 'ID', 'text', (o) => o.id),
    col('reference', 'Referencia', 'Reference', 'text', (o) => o.reference),
    col('employer', 'Empleador', 'Employer', 'text', (o) => ctx.employerName(o.employerId)),
    col('title', 'Puesto', 'Job title', 'text', (o) => o.title),
    col('iscoCode', 'Ocupación (CIUO-08)', 'Occupation (ISCO-08)', 'text', (o) => o.iscoCode),
    col('occupation', 'Ocupación', 'Occupation', 'text', (o) => ctx.ref.occupations.get(o.iscoCode)?.title ?? null),
    col('positions', 'Plazas', 'Positions', 'number', (o) => o.positions),
    col('workRegion', 'Estado o provincia', 'State or province', 'text', (o) => ctx.ref.regions.get(o.workRegionCode)?.name ?? o.workRegionCode),
    col('workCity', 'Ciudad', 'City', 'text', (o) => o.workCity),
    col('startDate', 'Inicio', 'Start', 'date', (o) => o.startDate),
    col('endDate', 'Fin', 'End', 'date', (o) => o.endDate),
    col('durationWeeks', 'Semanas', 'Weeks', 'number', (o) => o.durationWeeks),
    col('hourlyWage', 'Salario por hora', 'Hourly wage', 'number', (o) => o.hourlyWage),
    col('currency', 'Moneda', 'Currency', 'text', (o) => o.currency),
    col('hoursPerWeek', 'Horas por semana', 'Hours per week', 'number', (o) => o.hoursPerWeek),
    col('housingProvided', 'Vivienda incluida', 'Housing provided', 'boolean', (o) => o.housingProvided),
    col('employerPaysTravel', 'Viaje pagado por el empleador', 'Travel paid by the employer', 'boolean', (o) => o.employerPaysTravel),
    col('status', 'Estado', 'Status', 'text', (o) => o.status),
    col('submittedAt', 'Enviada', 'Submitted', 'datetime', (o) => o.submittedAt),
    col('approvedAt', 'Aprobada', 'Approved', 'datetime', (o) => o.approvedAt),
    col('createdAt', 'Creada', 'Created', 'datetime', (o) => o.createdAt),
  ];
}

/** Contingents: reference, destination, dates, capacity and seats taken, status. No person is named. */
export function contingentColumns(ctx: { ref: ReferenceData }): ExportColumn<ContingentView & { createdAt: Date }>[] {
  return [
    col('id', 'ID', 'ID', 'text', (k) => k.id),
    col('reference', 'Referencia', 'Reference', 'text', (k) => k.reference),
    col('region', 'Estado o provincia', 'State or province', 'text', (k) => ctx.ref.regions.get(k.regionCode)?.name ?? k.regionCode),
    col('startDate', 'Inicio del trabajo', 'Work starts', 'date', (k) => k.startDate),
    col('departureDate', 'Salida prevista', 'Planned departure', 'date', (k) => k.departureDate),
    col('status', 'Estado', 'Status', 'text', (k) => k.status),
    col('capacity', 'Capacidad', 'Capacity', 'number', (k) => k.capacity),
    col('seated', 'Plazas ocupadas', 'Seats taken', 'number', (k) => k.seated),
    col('departedOn', 'Salió', 'Departed', 'date', (k) => k.departedOn),
    col('arrivedOn', 'Llegó', 'Arrived', 'date', (k) => k.arrivedOn),
    col('returnedOn', 'Regresó', 'Returned', 'date', (k) => k.returnedOn),
    col('createdAt', 'Creado', 'Created', 'datetime', (k) => k.createdAt),
  ];
}
