import { addDays, cleanText, FieldProblem, isIsoDate, Problems } from '@puente/common';
import { languageProblems, type LanguageSkill } from '@puente/domain/applicants';

export const MIN_POSITIONS = 1;
export const MAX_POSITIONS = 500;
/** Recruitment, visas and travel take time: work cannot start sooner than this after the order is written. */
export const MIN_LEAD_DAYS = 14;
export const MAX_DURATION_WEEKS = 156;
export const MAX_HOURLY_WAGE = 500;

export type OccupationSystem = 'NOC_2021' | 'ONET_SOC';

export interface JobOrderDraft {
  title: string;
  iscoCode: string;
  destinationOccupationCode: string;
  positions: number;
  requiredSkills: string[];
  preferredSkills: string[];
  languages: LanguageSkill[];
  minExperienceYears: number;
  workRegionCode: string;
  workCity: string;
  startDate: string;
  durationWeeks: number;
  hourlyWage: number;
  hoursPerWeek: number;
  housingProvided: boolean;
  housingDescription?: string | null;
  employerPaysRecruitment: boolean;
  employerPaysTravel: boolean;
}

export interface JobOrderContext {
  employerCountry: 'US' | 'CA';
  regionCountry: ReadonlyMap<string, string>;
  occupations: ReadonlySet<string>;
  skills: ReadonlySet<string>;
  today: string;
}

/** Canada's NOC 2021 is five digits; the US uses O*NET-SOC (45-2092.00) or plain SOC (45-2092). */
export function destinationSystem(country: 'US' | 'CA'): OccupationSystem {
  return country === 'CA' ? 'NOC_2021' : 'ONET_SOC';
}

const DESTINATION_CODE: Record<OccupationSystem, { pattern: RegExp; example: string }> = {
  NOC_2021: { pattern: /^\d{5}$/, example: '85100' },
  ONET_SOC: { pattern: /^\d{2}-\d{4}(\.\d{2})?$/, example: '45-2092.00' },
};

/** At most two decimals, tolerant of binary floating point (16.1 * 100 is 1610.0000000000002). */
function hasCents(amount: number): boolean {
  return Math.abs(Math.round(amount * 100) - amount * 100) < 1e-6;
}

export function currencyOf(country: 'US' | 'CA'): 'USD' | 'CAD' {
  return country === 'CA' ? 'CAD' : 'USD';
}

/** The last day of the contract: start plus the weeks, less one day. */
export function endDate(startDate: string, durationWeeks: number): string {
  return addDays(startDate, durationWeeks * 7 - 1);
}

/** Everything an employer types into a job order, checked at once. */
export function jobOrderProblems(d: JobOrderDraft, c: JobOrderContext): FieldProblem[] {
  const p = new Problems();
  const title = cleanText(d.title);
  p.check(title.length >= 3 && title.length <= 150, 'title', 'must be 3 to 150 characters');
  p.check(c.occupations.has(d.iscoCode), 'iscoCode', `${d.iscoCode} is not an ISCO-08 occupation the program places workers in`);
  const system = destinationSystem(c.employerCountry);
  const code = DESTINATION_CODE[system];
  p.check(
    code.pattern.test(d.destinationOccupationCode.trim()),
    'destinationOccupationCode',
    `must be a ${system === 'NOC_2021' ? 'NOC 2021' : 'O*NET-SOC'} code for ${c.employerCountry}, e.g. ${code.example}`,
  );
  p.check(
    Number.isInteger(d.positions) && d.positions >= MIN_POSITIONS && d.positions <= MAX_POSITIONS,
    'positions',
    `must be a whole number from ${MIN_POSITIONS} to ${MAX_POSITIONS}`,
  );
  p.check(d.requiredSkills.length <= 15, 'requiredSkills', 'list at most 15 required skills');
  p.check(d.preferredSkills.length <= 15, 'preferredSkills', 'list at most 15 preferred skills');
  d.requiredSkills.forEach((s, i) => p.check(c.skills.has(s), `requiredSkills[${i}]`, `${s} is not a known skill code`));
  d.preferredSkills.forEach((s, i) => p.check(c.skills.has(s), `preferredSkills[${i}]`, `${s} is not a known skill code`));
  const overlap = d.preferredSkills.filter((s) => d.requiredSkills.includes(s));
  p.check(overlap.length === 0, 'preferredSkills', `${overlap.join(', ')} is already required`);
  p.add(languageProblems('languages', d.languages));
  p.check(
    Number.isInteger(d.minExperienceYears) && d.minExperienceYears >= 0 && d.minExperienceYears <= 40,
    'minExperienceYears',
    'must be a whole number from 0 to 40',
  );
  const regionCountry = c.regionCountry.get(d.workRegionCode);
  p.check(regionCountry === c.employerCountry, 'workRegionCode', `must be a region of ${c.employerCountry} (e.g. ${c.employerCountry}-${c.employerCountry === 'CA' ? 'QC' : 'FL'})`);
  p.check(cleanText(d.workCity).length >= 1 && cleanText(d.workCity).length <= 100, 'workCity', 'must be 1 to 100 characters');
  if (!isIsoDate(d.startDate)) {
    p.check(false, 'startDate', 'must be a date written YYYY-MM-DD');
  } else {
    const earliest = addDays(c.today, MIN_LEAD_DAYS);
    p.check(d.startDate >= earliest, 'startDate', `must be on or after ${earliest}: recruitment and travel need at least ${MIN_LEAD_DAYS} days`);
    p.check(d.startDate <= addDays(c.today, 730), 'startDate', 'must be within two years');
  }
  p.check(
    Number.isInteger(d.durationWeeks) && d.durationWeeks >= 1 && d.durationWeeks <= MAX_DURATION_WEEKS,
    'durationWeeks',
    `must be a whole number of weeks from 1 to ${MAX_DURATION_WEEKS}`,
  );
  p.check(
    Number.isFinite(d.hourlyWage) && d.hourlyWage > 0 && d.hourlyWage <= MAX_HOURLY_WAGE && hasCents(d.hourlyWage),
    'hourlyWage',
    `must be a positive amount with at most two decimals, up to ${MAX_HOURLY_WAGE}`,
  );
  p.check(Number.isInteger(d.hoursPerWeek) && d.hoursPerWeek >= 1 && d.hoursPerWeek <= 84, 'hoursPerWeek', 'must be a whole number from 1 to 84');
  p.check(!d.housingProvided || cleanText(d.housingDescription).length >= 5, 'housingDescription', 'describe the housing provided');
  p.check(cleanText(d.housingDescription).length <= 1000, 'housingDescription', 'must be at most 1000 characters');
  p.check(d.employerPaysRecruitment, 'employerPaysRecruitment', 'the employer must pay all recruitment costs (Employer Pays Principle): workers pay no fees');
  p.check(d.employerPaysTravel, 'employerPaysTravel', 'the employer must pay the travel to and from the workplace (Employer Pays Principle)');
  return p.list;
}


/** The fields `updateJobOrder` may change: every field of the draft, each optional. */
export const JOB_ORDER_FIELDS = [
  'title', 'iscoCode', 'destinationOccupationCode', 'positions', 'requiredSkills', 'preferredSkills', 'languages',
  'minExperienceYears', 'workRegionCode', 'workCity', 'startDate', 'durationWeeks', 'hourlyWage', 'hoursPerWeek',
  'housingProvided', 'housingDescription', 'employerPaysRecruitment', 'employerPaysTravel',
] as const satisfies readonly (keyof JobOrderDraft)[];
export type JobOrderField = (typeof JOB_ORDER_FIELDS)[number];

/** A partial edit: a field left out (undefined) keeps its value; only `housingDescription` may be cleared with null. */
export type JobOrderChanges = { [K in JobOrderField]?: JobOrderDraft[K] | null };

/** The fields an edit names whose value differs from the order's (the names the audit trail keeps). */
export function changedJobOrderFields(current: JobOrderDraft, changes: JobOrderChanges): JobOrderField[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return JOB_ORDER_FIELDS.filter((f) => changes[f] !== undefined && !same(changes[f], current[f]));
}

/**
 * Checks an edit with exactly the rules of a new order (`jobOrderProblems`), on the order as it would be after
 * the edit, so a corrected order is one that could have been created as it is. Required fields cannot be
 * cleared; the field names are the input's.
 */
export function jobOrderChangeProblems(current: JobOrderDraft, changes: JobOrderChanges, c: JobOrderContext): FieldProblem[] {
  const cleared = JOB_ORDER_FIELDS.filter((f) => changes[f] === null && f !== 'housingDescription').map((field) => ({
    field,
    message: 'cannot be removed; leave the field out to keep its current value',
  }));
  const clearedNames = new Set<string>(cleared.map((p) => p.field));
  const problems = jobOrderProblems(applyJobOrderChanges(current, changes), c).filter((p) => !clearedNames.has(p.field));
  return [...cleared, ...problems];
}

/** The draft after an edit (a null on a required field keeps the current value; it is reported, not applied). */
export function applyJobOrderChanges(current: JobOrderDraft, changes: JobOrderChanges): JobOrderDraft {
  const next: Record<string, unknown> = { ...current };
  for (const f of JOB_ORDER_FIELDS) {
    const value = changes[f];
    if (value === undefined || (value === null && f !== 'housingDescription')) continue;
    next[f] = value;
  }
  return next as unknown as JobOrderDraft;
}
