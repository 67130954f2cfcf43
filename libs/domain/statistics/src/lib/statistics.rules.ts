import { addDays, DomainException, isIsoDate, Problems } from '@puente/common';

/**
 * The dimensions a migration flow can be grouped by (20th ICLS 2018 guidelines on statistics of international
 * labour migration: sex, age, occupation, industry, destination, duration, origin within the country).
 */
export const STATISTICS_DIMENSIONS = [
  'SEX',
  'AGE_GROUP',
  'ISCO_MAJOR',
  'ISCO_SUB_MAJOR',
  'ISIC_SECTION',
  'DESTINATION_COUNTRY',
  'DESTINATION_REGION',
  'DURATION_BAND',
  'FIRST_TIME_OR_RETURNING',
  'DEPARTMENT',
  'MUNICIPALITY',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** The sexes a table shows: an applicant's gender as registered; OTHER is its own row (ILO tables show two sexes). */
export const SEXES = ['FEMALE', 'MALE', 'OTHER'] as const;
export type Sex = (typeof SEXES)[number];

/** The ILO's ten-year age groups from 15 (youth is 15–24); the last is open. */
export const AGE_GROUPS = ['AGE_15_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_PLUS'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The last whole age of each age group but the open one (Puente registers adults, so none is under 15). */
const AGE_GROUP_UP_TO: readonly (readonly [AgeGroup, number])[] = [
  ['AGE_15_24', 24],
  ['AGE_25_34', 34],
  ['AGE_35_44', 44],
  ['AGE_45_54', 54],
];

/** The age group of a whole age in years: 24 is the last year of youth, 55 the first of the open group. */
export function ageGroup(age: number): AgeGroup {
  return AGE_GROUP_UP_TO.find(([, upTo]) => age <= upTo)?.[0] ?? 'AGE_55_PLUS';
}

/** `ageOn(birthDate, onDate)` in SQL: PostgreSQL's age() counts whole years the same way. */
export function ageOnSql(birthDate: string, onDate: string): string {
  return `date_part('year', age(${onDate}, ${birthDate}))::int`;
}

/** `ageGroup` in SQL over an age in whole years (a column, so it is computed once per row), for the refresh. */
export function ageGroupSql(age: string): string {
  return `CASE ${AGE_GROUP_UP_TO.map(([group, upTo]) => `WHEN ${age} <= ${upTo} THEN '${group}'`).join(' ')} ELSE 'AGE_55_PLUS' END`;
}

/** Whole years of age on a date (YYYY-MM-DD): the birthday counts on the day itself; 29 February counts on 1 March in other years. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The upper bounds of the contract duration bands, in calendar months: a contract is in the first band whose
 * bound its length is under; the last band (24 months and over) has none. The refresh's SQL is written from
 * this list (`durationBandSql`).
 */
export const DURATION_BANDS = [
  { band: 'UNDER_3_MONTHS', underMonths: 3 },
  { band: 'MONTHS_3_TO_6', underMonths: 6 },
  { band: 'MONTHS_6_TO_12', underMonths: 12 },
  { band: 'MONTHS_12_TO_24', underMonths: 24 },
  { band: 'MONTHS_24_AND_OVER', underMonths: null },
] as const;
export type DurationBand = (typeof DURATION_BANDS)[number]['band'];

/** A date plus whole calendar months, the day clamped to the month's last (31 January + 1 month = 28 or 29 February), as PostgreSQL adds them. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The duration band of a contract running from `startDate` to `endDate`, both days included: under N months when
 * the day after its last day comes before the start plus N months (1 January to 31 March is 3 months, so 3–6).
 */
export function durationBand(startDate: string, endDate: string): DurationBand {
  const after = addDays(endDate, 1);
  for (const { band, underMonths } of DURATION_BANDS) {
    if (underMonths === null || after < addMonths(startDate, underMonths)) return band;
  }
  return 'MONTHS_24_AND_OVER';
}

/** `durationBand` in SQL over a start and an end date column, for the set-based refresh. */
export function durationBandSql(start: string, end: string): string {
  const cases = DURATION_BANDS.filter((b) => b.underMonths !== null).map(
    (b) => `WHEN ${end} + 1 < (${start} + interval '${b.underMonths} months')::date THEN '${b.band}'`,
  );
  return `CASE ${cases.join(' ')} ELSE '${DURATION_BANDS[DURATION_BANDS.length - 1].band}' END`;
}

/** The employer sectors Puente registers (the employer's `sector`). */
export const EMPLOYER_SECTORS = ['AGRICULTURE', 'LIVESTOCK', 'FOOD_PROCESSING', 'CONSTRUCTION', 'HOSPITALITY'] as const;
export type EmployerSector = (typeof EMPLOYER_SECTORS)[number];

/**
 * The ISIC Rev. 4 section of an employer's sector: crops and livestock are A (agriculture, forestry and fishing),
 * food processing C (manufacturing), construction F, hospitality I (accommodation and food service).
 */
export const SECTOR_ISIC_SECTION: Readonly<Record<EmployerSector, string>> = {
  AGRICULTURE: 'A',
  LIVESTOCK: 'A',
  FOOD_PROCESSING: 'C',
  CONSTRUCTION: 'F',
  HOSPITALITY: 'I',
};

/** `SECTOR_ISIC_SECTION` of one sector; an unknown sector has none (null). */
export function isicSectionOf(sector: string): string | null {
  return (SECTOR_ISIC_SECTION as Record<string, string>)[sector] ?? null;
}

/** `isicSectionOf` in SQL over a sector column, for the set-based refresh. */
export function isicSectionSql(sector: string): string {
  return `CASE ${Object.entries(SECTOR_ISIC_SECTION).map(([s, section]) => `WHEN ${sector} = '${s}' THEN '${section}'`).join(' ')} END`;
}

/** The ISCO-08 major group (first digit) and sub-major group (first two digits) of a four-digit unit group. */
export function iscoMajorGroup(iscoCode: string): string {
  return iscoCode.slice(0, 1);
}

export function iscoSubMajorGroup(iscoCode: string): string {
  return iscoCode.slice(0, 2);
}

/** The exact median of whole numbers given as a histogram (each value with how many times it occurs): the middle value, or the mean of the two middle ones; null when there is none. */
export function medianOfHistogram(histogram: readonly { value: number; count: number }[]): number | null {
  const sorted = histogram.filter((h) => h.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, h) => sum + h.count, 0);
  if (n === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (index < seen) return h.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** A share (0 to 1) of a whole, or null when the whole is zero (nothing to share). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** A count per 1,000 of a base: zero when the count is zero (even over no base), null when there is a count but no base. */
export function perThousand(count: number, base: number): number | null {
  if (count === 0) return 0;
  return base > 0 ? (count * 1000) / base : null;
}

/**
 * A group's share of deployments over its share of registrants: 1 is parity, under 1 under-represented, over 1
 * over-represented; null when either share is unknown or the registrant share is zero.
 */
export function disparityRatio(deploymentShare: number | null, registrantShare: number | null): number | null {
  if (deploymentShare === null || registrantShare === null || registrantShare === 0) return null;
  return deploymentShare / registrantShare;
}

/** How many qualified available applicants per requested position make a surplus: matching proposes three per position. */
export const SURPLUS_PER_POSITION = 3;

export const SUPPLY_BALANCES = ['DEFICIT', 'BALANCED', 'SURPLUS'] as const;
export type SupplyBalance = (typeof SUPPLY_BALANCES)[number];

/**
 * Supply against demand for an occupation: DEFICIT when fewer qualified available applicants than positions
 * requested, SURPLUS when more than `SURPLUS_PER_POSITION` per position (or any when none was requested),
 * BALANCED in between (and when there is neither).
 */
export function supplyBalance(positionsRequested: number, qualifiedAvailable: number): SupplyBalance {
  if (qualifiedAvailable < positionsRequested) return 'DEFICIT';
  if (qualifiedAvailable > positionsRequested * SURPLUS_PER_POSITION) return 'SURPLUS';
  return 'BALANCED';
}

/** Days after the contract's last day a return still counts as on time (travel is booked for the days after it). */
export const ON_TIME_GRACE_DAYS = 7;

/** When a worker is due home: the contract's end date, or the day the placement ended when it ended before that. */
export function returnDueOn(endDate: string, endedOn: string | null): string {
  return endedOn !== null && endedOn < endDate ? endedOn : endDate;
}

/**
 * Whether a placement's worker came home on time: a return recorded at most `ON_TIME_GRACE_DAYS` after the day
 * they were due (`returnDueOn`), and the job not abandoned. No return recorded is not on time.
 */
export function returnedOnTime(dueOn: string, returnedOn: string | null, status: string): boolean {
  return returnedOn !== null && status !== 'ABANDONED' && returnedOn <= addDays(dueOn, ON_TIME_GRACE_DAYS);
}

/**
 * Whether a return can be judged on `today`: the worker is home, or the grace days after the due day have passed
 * (until then a worker not yet home is neither on time nor late, and is left out of the rate).
 */
export function returnSettled(dueOn: string, returnedOn: string | null, today: string): boolean {
  return returnedOn !== null || addDays(dueOn, ON_TIME_GRACE_DAYS) < today;
}

/** `returnDueOn`, `returnedOnTime` and `returnSettled` in SQL over a placement row `p`, for the refresh (`$today` a date parameter). */
export function returnSql(today: string): { dueOn: string; onTime: string; settled: string } {
  const dueOn = `CASE WHEN p.ended_on IS NOT NULL AND p.ended_on < p.end_date THEN p.ended_on ELSE p.end_date END`;
  return {
    dueOn,
    onTime: `(p.returned_on IS NOT NULL AND p.status <> 'ABANDONED' AND p.returned_on <= (${dueOn}) + ${ON_TIME_GRACE_DAYS})`,
    settled: `(p.returned_on IS NOT NULL OR (${dueOn}) + ${ON_TIME_GRACE_DAYS} < ${today})`,
  };
}

/** The outcome of a protection case as statistics count it: PENDING until decided, then SUBSTANTIATED (a finding) or UNSUBSTANTIATED. */
export const CASE_OUTCOMES = ['PENDING', 'SUBSTANTIATED', 'UNSUBSTANTIATED'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export function caseOutcome(decided: boolean, finding: string | null): CaseOutcome {
  if (!decided) return 'PENDING';
  return finding ? 'SUBSTANTIATED' : 'UNSUBSTANTIATED';
}

/** `caseOutcome` in SQL over a protection case row `c`, for the refresh. */
export const CASE_OUTCOME_SQL = `CASE WHEN c.decided_at IS NULL THEN 'PENDING' WHEN c.finding IS NOT NULL THEN 'SUBSTANTIATED' ELSE 'UNSUBSTANTIATED' END`;

/** The longest period a query may span: ten years, enough for any program report. */
export const MAX_PERIOD_DAYS = 3660;
/** How many dimensions a query may group by at once. */
export const MAX_GROUP_BY = 2;

export interface StatisticsFilterFacts {
  from: string;
  to: string;
  groupBy?: readonly string[] | null;
  destinationCountry?: string | null;
  regionCode?: string | null;
  departmentCode?: string | null;
  iscoMajorGroup?: string | null;
  sex?: string | null;
}

/** What the reference data says a restriction may name. */
export interface FilterVocabulary {
  /** region code → country */
  regionCountry: ReadonlyMap<string, string>;
  departments: ReadonlySet<string>;
}

/**
 * What is wrong with a statistics filter, field by field: dates written YYYY-MM-DD, `to` not before `from`, at most
 * `MAX_PERIOD_DAYS`; one or two different dimensions; restrictions the reference data knows (a region in the
 * destination country when both are given).
 */
export function statisticsFilterProblems(filter: StatisticsFilterFacts, vocabulary: FilterVocabulary): Problems {
  const p = new Problems();
  const fromOk = isIsoDate(filter.from);
  const toOk = isIsoDate(filter.to);
  p.check(fromOk, 'from', 'must be a date written YYYY-MM-DD');
  p.check(toOk, 'to', 'must be a date written YYYY-MM-DD');
  if (fromOk && toOk) {
    p.check(filter.to >= filter.from, 'to', 'must be on or after from');
    p.check(filter.to < addDays(filter.from, MAX_PERIOD_DAYS), 'to', `must be within ${MAX_PERIOD_DAYS} days of from`);
  }
  const groupBy = filter.groupBy ?? [];
  p.check(groupBy.length <= MAX_GROUP_BY, 'groupBy', `may name at most ${MAX_GROUP_BY} dimensions`);
  p.check(new Set(groupBy).size === groupBy.length, 'groupBy', 'may name each dimension once');
  p.check(groupBy.every((d) => (STATISTICS_DIMENSIONS as readonly string[]).includes(d)), 'groupBy', 'must name known dimensions');
  const countries = new Set(vocabulary.regionCountry.values());
  if (filter.destinationCountry != null) p.check(countries.has(filter.destinationCountry), 'destinationCountry', `must be one of ${[...countries].sort().join(', ')}`);
  if (filter.regionCode != null) {
    const country = vocabulary.regionCountry.get(filter.regionCode);
    p.check(country !== undefined, 'regionCode', 'is not a known destination region');
    if (country !== undefined && filter.destinationCountry != null) {
      p.check(country === filter.destinationCountry, 'regionCode', `lies in ${country}, not in destinationCountry ${filter.destinationCountry}`);
    }
  }
  if (filter.departmentCode != null) p.check(vocabulary.departments.has(filter.departmentCode), 'departmentCode', 'is not a department of El Salvador');
  if (filter.iscoMajorGroup != null) p.check(/^\d$/.test(filter.iscoMajorGroup), 'iscoMajorGroup', 'must be one digit (ISCO-08 major group, 0 to 9)');
  if (filter.sex != null) p.check((SEXES as readonly string[]).includes(filter.sex), 'sex', `must be one of ${SEXES.join(', ')}`);
  return p;
}

/** Throws BAD_USER_INPUT naming each wrong field of a statistics filter (`statisticsFilterProblems`). */
export function assertStatisticsFilter(filter: StatisticsFilterFacts, vocabulary: FilterVocabulary): void {
  DomainException.assertValid(statisticsFilterProblems(filter, vocabulary).list);
}
