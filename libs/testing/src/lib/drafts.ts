import { addDays, todayIso } from '@puente/common';
import { ApplicantDraft, duiWithCheckDigit } from '@puente/domain/applicants';
import type { EmployerDraft } from '@puente/domain/employers';

/**
 * Mixed crop and livestock farm labourers (ISCO-08 9213, NOC 85101): an occupation the end-to-end suites do not use,
 * so a matching run of theirs never shortlists the applicants made here, nor the reverse.
 */
export const DEFAULT_OCCUPATION = { isco: '9213', noc: '85101' } as const;

/** A valid registration of one applicant; `n` (eight digits at most) makes the DUI and the passport unique. */
export function applicantDraft(n: number, overrides: Partial<ApplicantDraft> = {}): ApplicantDraft {
  return {
    nationalId: duiWithCheckDigit(String(n).padStart(8, '0')),
    firstNames: 'María José',
    lastNames: 'Hernández López',
    birthDate: '1994-05-12',
    gender: 'FEMALE',
    municipalityCode: 'SV-SA-NORTE',
    phone: '+50371234567',
    occupations: [DEFAULT_OCCUPATION.isco],
    skills: [],
    languages: [{ code: 'es', level: 'NATIVE' }],
    yearsExperience: 3,
    education: 'PRIMARY',
    passportNumber: `A${n}`,
    passportExpiry: addDays(todayIso(), 5 * 365),
    ...overrides,
  } as ApplicantDraft;
}

/** A valid sign-up of one Canadian employer; `n` (seven to nine digits) makes its program reference and e-mail unique. */
export function employerDraft(n: number, overrides: Partial<EmployerDraft> = {}): EmployerDraft {
  return {
    legalName: `Ferme Test ${n} inc.`,
    country: 'CA',
    regionCode: 'CA-QC',
    city: 'Saint-Hyacinthe',
    sector: 'AGRICULTURE',
    program: 'CA_TFWP_AGRICULTURAL',
    programReference: String(n),
    contactName: 'Julie Tremblay',
    contactEmail: `rh-${n}@ferme.example`,
    contactPhone: '+14505550123',
    ...overrides,
  };
}
