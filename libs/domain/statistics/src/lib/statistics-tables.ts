import type { Bilingual } from './classifications';
import type { StatisticsDimension } from './statistics.rules';
import type { StatisticsTable } from './statistics-table';
import type {
  CaseRates,
  CheckedStatisticsFilter,
  Fairness,
  FairnessArea,
  MigrationFlow,
  ProgramMeasures,
  ReturneeFigures,
  ShareComparison,
  SupplyDemandRow,
} from './statistics.service';

export type TableLanguage = 'es' | 'en';

/** Every section of one answer, as `StatisticsService.tables` gathers them. */
export interface StatisticsAnswer {
  filter: CheckedStatisticsFilter;
  asOf: Date | null;
  flows: MigrationFlow[];
  total: MigrationFlow;
  program: ProgramMeasures;
  cases: CaseRates;
  supplyDemand: SupplyDemandRow[];
  fairness: Fairness;
  returnees: ReturneeFigures;
}

export const DIMENSION_HEADERS: Readonly<Record<StatisticsDimension, Bilingual>> = {
  SEX: { es: 'Sexo', en: 'Sex' },
  AGE_GROUP: { es: 'Grupo de edad', en: 'Age group' },
  ISCO_MAJOR: { es: 'Gran grupo CIUO-08', en: 'ISCO-08 major group' },
  ISCO_SUB_MAJOR: { es: 'Subgrupo principal CIUO-08', en: 'ISCO-08 sub-major group' },
  ISIC_SECTION: { es: 'Sección CIIU Rev. 4', en: 'ISIC Rev. 4 section' },
  DESTINATION_COUNTRY: { es: 'País de destino', en: 'Destination country' },
  DESTINATION_REGION: { es: 'Estado o provincia de destino', en: 'Destination state or province' },
  DURATION_BAND: { es: 'Duración del contrato', en: 'Contract duration' },
  FIRST_TIME_OR_RETURNING: { es: 'Primera vez o recurrente', en: 'First-time or returning' },
  DEPARTMENT: { es: 'Departamento', en: 'Department' },
  MUNICIPALITY: { es: 'Municipio', en: 'Municipality' },
};

/** The measures of the program table, in order, with their names. */
export const PROGRAM_MEASURE_LABELS: Readonly<Record<keyof ProgramMeasures, Bilingual>> = {
  registeredApplicants: { es: 'Solicitantes inscritos al cierre del período', en: 'Applicants registered by the end of the period' },
  registeredInPeriod: { es: 'Solicitantes inscritos en el período', en: 'Applicants registered in the period' },
  verifiedApplicants: { es: 'Solicitantes verificados al cierre del período', en: 'Applicants verified by the end of the period' },
  verifiedInPeriod: { es: 'Solicitantes verificados en el período', en: 'Applicants verified in the period' },
  availableApplicants: { es: 'Solicitantes disponibles (a la fecha de actualización)', en: 'Applicants available (as of the refresh)' },
  ordersRequested: { es: 'Órdenes de trabajo solicitadas', en: 'Job orders requested' },
  positionsRequested: { es: 'Puestos solicitados', en: 'Positions requested' },
  ordersApproved: { es: 'Órdenes aprobadas', en: 'Orders approved' },
  positionsApproved: { es: 'Puestos aprobados', en: 'Positions approved' },
  ordersFilled: { es: 'Órdenes aprobadas cubiertas', en: 'Approved orders filled' },
  positionsFilled: { es: 'Puestos cubiertos', en: 'Positions filled' },
  deployments: { es: 'Despliegues (salidas)', en: 'Deployments (outflows)' },
  medianDaysRegistrationToSelection: { es: 'Mediana de días de la inscripción a la selección', en: 'Median days from registration to selection' },
  medianDaysSelectionToDeparture: { es: 'Mediana de días de la selección a la salida', en: 'Median days from selection to departure' },
  returnsDue: { es: 'Retornos debidos', en: 'Returns due' },
  returnsOnTime: { es: 'Retornos a tiempo', en: 'Returns on time' },
  onTimeReturnRate: { es: 'Tasa de retorno a tiempo', en: 'On-time return rate' },
  rehires: { es: 'Recontrataciones', en: 'Rehires' },
  rehireRate: { es: 'Tasa de recontratación', en: 'Rehire rate' },
  namedRequests: { es: 'Solicitudes nominales', en: 'Named requests' },
  namedRequestShare: { es: 'Proporción de solicitudes nominales', en: 'Named-request share' },
};

const h = (es: string, en: string): Bilingual => ({ es, en });
const camel = (dimension: StatisticsDimension): string => dimension.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const SHARE_COLUMNS = [
  { key: 'deployments', header: h('Despliegues', 'Deployments') },
  { key: 'deploymentShare', header: h('Proporción de despliegues', 'Share of deployments') },
  { key: 'registrants', header: h('Inscritos', 'Registrants') },
  { key: 'registrantShare', header: h('Proporción de inscritos', 'Share of registrants') },
  { key: 'disparityRatio', header: h('Razón de disparidad', 'Disparity ratio') },
];
const shareCells = (s: ShareComparison) => ({
  deployments: s.deployments,
  deploymentShare: s.deploymentShare,
  registrants: s.registrants,
  registrantShare: s.registrantShare,
  disparityRatio: s.disparityRatio,
});

/**
 * The answer as tables for exports: flows by the filter's groups (a code and a name column per dimension, then a
 * total row), the program measures, cases per 1,000, supply against demand, fairness by area and by group, and
 * the returnee figures. Names in `language`; numbers stay numbers, shares 0 to 1.
 */
export function statisticsTables(a: StatisticsAnswer, language: TableLanguage): StatisticsTable[] {
  const name = (label: Bilingual) => label[language];
  const total = h('Total', 'Total');
  const dims = a.filter.groupBy;
  const flowRow = (flow: MigrationFlow, isTotal: boolean) => ({
    ...Object.fromEntries(
      dims.flatMap((d, i) => {
        const g = flow.groups[i];
        return [
          [`${camel(d)}Code`, isTotal ? null : g.key],
          [camel(d), isTotal ? name(total) : language === 'es' ? g.labelEs : g.label],
        ];
      }),
    ),
    outflows: flow.outflows,
    returns: flow.returns,
    stockAbroad: flow.stockAbroad,
  });
  const fairnessArea = (level: 'DEPARTMENT' | 'MUNICIPALITY') => (area: FairnessArea) => ({
    level,
    code: area.code,
    name: area.name,
    departmentCode: area.departmentCode,
    ...shareCells(area),
  });
  return [
    {
      key: 'flows',
      title: h('Flujos de salida, retornos y stock en el exterior', 'Outflows, returns and stock abroad'),
      columns: [
        ...dims.flatMap((d) => [
          { key: `${camel(d)}Code`, header: h(`${DIMENSION_HEADERS[d].es} (código)`, `${DIMENSION_HEADERS[d].en} (code)`) },
          { key: camel(d), header: DIMENSION_HEADERS[d] },
        ]),
        { key: 'outflows', header: h('Salidas', 'Outflows') },
        { key: 'returns', header: h('Retornos', 'Returns') },
        { key: 'stockAbroad', header: h(`En el exterior al ${a.filter.to}`, `Abroad on ${a.filter.to}`) },
      ],
      rows: dims.length ? [...a.flows.map((f) => flowRow(f, false)), flowRow(a.total, true)] : [flowRow(a.total, false)],
    },
    {
      key: 'program',
      title: h('Medidas del programa', 'Program measures'),
      columns: [
        { key: 'measure', header: h('Medida (código)', 'Measure (code)') },
        { key: 'label', header: h('Medida', 'Measure') },
        { key: 'value', header: h('Valor', 'Value') },
      ],
      rows: (Object.keys(PROGRAM_MEASURE_LABELS) as (keyof ProgramMeasures)[]).map((measure) => ({
        measure,
        label: name(PROGRAM_MEASURE_LABELS[measure]),
        value: a.program[measure],
      })),
    },
    {
      key: 'cases',
      title: h('Casos de protección por 1.000 colocaciones', 'Protection cases per 1,000 placements'),
      columns: [
        { key: 'category', header: h('Categoría', 'Category') },
        { key: 'outcome', header: h('Resultado', 'Outcome') },
        { key: 'cases', header: h('Casos', 'Cases') },
        { key: 'perThousand', header: h('Por 1.000 colocaciones', 'Per 1,000 placements') },
        { key: 'placements', header: h('Colocaciones activas en el período', 'Placements active in the period') },
      ],
      rows: [
        ...a.cases.categories.flatMap((c) => [
          ...c.outcomes.map((o) => ({ category: c.category, outcome: o.outcome, cases: o.cases, perThousand: o.perThousand, placements: a.cases.placements })),
          { category: c.category, outcome: 'ALL', cases: c.cases, perThousand: c.perThousand, placements: a.cases.placements },
        ]),
        ...a.cases.outcomes.map((o) => ({ category: 'ALL', outcome: o.outcome, cases: o.cases, perThousand: o.perThousand, placements: a.cases.placements })),
        { category: 'ALL', outcome: 'ALL', cases: a.cases.cases, perThousand: a.cases.perThousand, placements: a.cases.placements },
      ],
    },
    {
      key: 'supplyDemand',
      title: h('Oferta y demanda por ocupación y departamento', 'Supply and demand by occupation and department'),
      columns: [
        { key: 'iscoCode', header: h('CIUO-08', 'ISCO-08') },
        { key: 'occupation', header: h('Ocupación', 'Occupation') },
        { key: 'departmentCode', header: h('Departamento (código)', 'Department (code)') },
        { key: 'department', header: h('Departamento', 'Department') },
        { key: 'positionsRequested', header: h('Puestos solicitados', 'Positions requested') },
        { key: 'qualifiedAvailable', header: h('Solicitantes calificados disponibles', 'Qualified available applicants') },
        { key: 'balance', header: h('Balance', 'Balance') },
      ],
      rows: a.supplyDemand.map((r) => ({ ...r, department: r.department ?? name(h('Todo el país', 'Whole country')) })),
    },
    {
      key: 'fairnessAreas',
      title: h('Equidad territorial: despliegues frente a inscritos', 'Territorial fairness: deployments against registrants'),
      columns: [
        { key: 'level', header: h('Nivel', 'Level') },
        { key: 'code', header: h('Código', 'Code') },
        { key: 'name', header: h('Nombre', 'Name') },
        { key: 'departmentCode', header: h('Departamento (código)', 'Department (code)') },
        ...SHARE_COLUMNS,
      ],
      rows: [...a.fairness.departments.map(fairnessArea('DEPARTMENT')), ...a.fairness.municipalities.map(fairnessArea('MUNICIPALITY'))],
    },
    {
      key: 'fairnessGroups',
      title: h('Equidad: mujeres, jóvenes (15–24) y primera vez', 'Fairness: women, youth (15–24) and first-timers'),
      columns: [{ key: 'group', header: h('Grupo', 'Group') }, { key: 'label', header: h('Nombre', 'Name') }, ...SHARE_COLUMNS],
      rows: [
        { group: 'WOMEN', label: name(h('Mujeres', 'Women')), ...shareCells(a.fairness.women) },
        { group: 'YOUTH', label: name(h('Jóvenes (15–24)', 'Youth (15–24)')), ...shareCells(a.fairness.youth) },
        { group: 'FIRST_TIMERS', label: name(h('Primera vez', 'First-timers')), ...shareCells(a.fairness.firstTimers) },
      ],
    },
    {
      key: 'returnees',
      title: h('Registros de retornados', 'Returnee records'),
      columns: [
        { key: 'currency', header: h('Moneda', 'Currency') },
        { key: 'records', header: h('Registros', 'Records') },
        { key: 'medianEarnings', header: h('Mediana de ingresos', 'Median earnings') },
        { key: 'medianRemittances', header: h('Mediana de remesas', 'Median remittances') },
        { key: 'withSkillsToCertify', header: h('Con competencias por certificar', 'With skills to certify') },
        { key: 'referredForCertification', header: h('Remitidos a certificación', 'Referred for certification') },
        { key: 'interestedInDomesticJobs', header: h('Interesados en empleo nacional', 'Interested in domestic jobs') },
        { key: 'interestedInTraining', header: h('Interesados en formación', 'Interested in training') },
      ],
      rows: [
        ...a.returnees.byCurrency.map((c) => ({
          currency: c.currency,
          records: c.records,
          medianEarnings: c.medianEarnings,
          medianRemittances: c.medianRemittances,
          withSkillsToCertify: null,
          referredForCertification: null,
          interestedInDomesticJobs: null,
          interestedInTraining: null,
        })),
        {
          currency: name(total),
          records: a.returnees.records,
          medianEarnings: null,
          medianRemittances: null,
          withSkillsToCertify: a.returnees.withSkillsToCertify,
          referredForCertification: a.returnees.referredForCertification,
          interestedInDomesticJobs: a.returnees.interestedInDomesticJobs,
          interestedInTraining: a.returnees.interestedInTraining,
        },
      ],
    },
  ];
}
