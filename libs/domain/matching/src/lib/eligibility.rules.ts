import { DOCUMENT_NAMES, type DocumentKind } from '@puente/domain/applicants';
import type { ApplicantFacts, OrderFacts } from './matching.model';
import type { MatchingPolicy } from './matching.policy';

export type RequirementCode =
  | 'OCCUPATION'
  | 'REQUIRED_SKILLS'
  | 'LANGUAGES'
  | 'EXPERIENCE'
  | 'PASSPORT'
  | 'DOCUMENTS'
  | 'AVAILABILITY'
  | 'OVERLAPPING_COMMITMENT'
  | 'ADULT'
  | 'BLOCKED';

/** A hard requirement the applicant does not meet, named so a coordinator can explain it to the worker. */
export interface UnmetRequirement {
  code: RequirementCode;
  message: string;
}

/** YYYY-MM-DD plus whole days or years, in UTC calendar arithmetic. */
export function shiftDate(date: string, { days = 0, years = 0 }: { days?: number; years?: number }): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The passport must be valid on this day at least: the contract's end plus the policy's margin. */
export function passportValidThrough(order: OrderFacts, policy: MatchingPolicy): string {
  return shiftDate(order.endDate, { days: policy.passportMarginDays });
}

/**
 * A medical certificate or police record on file must be valid on this day at least: the same day as the passport
 * (the contract's end plus the policy's margin), since the worker travels home on them too.
 */
export function documentsValidThrough(order: OrderFacts, policy: MatchingPolicy): string {
  return passportValidThrough(order, policy);
}

/** The latest birth date of an applicant who is an adult on the first day of work. */
export function latestAdultBirthDate(order: OrderFacts, policy: MatchingPolicy): string {
  return shiftDate(order.startDate, { years: -policy.minimumAge });
}

/**
 * Every hard requirement of an order the applicant fails for this order; empty means eligible. The SQL that
 * retrieves candidates applies exactly these conditions (a test compares the two on random data).
 */
export function unmetRequirements(a: ApplicantFacts, o: OrderFacts, policy: MatchingPolicy): UnmetRequirement[] {
  const unmet: UnmetRequirement[] = [];
  if (a.status === 'BLOCKED') unmet.push({ code: 'BLOCKED', message: 'The applicant is blocked from the program.' });
  else if (a.status !== 'AVAILABLE') unmet.push({ code: 'AVAILABILITY', message: `The applicant is ${a.status}, not AVAILABLE.` });
  if (!a.occupations.includes(o.iscoCode)) {
    unmet.push({ code: 'OCCUPATION', message: `Not registered for occupation ${o.iscoCode}.` });
  }
  const missing = o.requiredSkills.filter((s) => !a.skills.includes(s));
  if (missing.length) unmet.push({ code: 'REQUIRED_SKILLS', message: `Missing required skills: ${missing.join(', ')}.` });
  const languages = o.requiredLanguageLevels.filter((l) => !a.languageLevels.includes(l));
  if (languages.length) unmet.push({ code: 'LANGUAGES', message: `Below the required language level: ${languages.join(', ')}.` });
  if (a.yearsExperience < o.minExperienceYears) {
    unmet.push({ code: 'EXPERIENCE', message: `${a.yearsExperience} years of experience; the order asks for ${o.minExperienceYears}.` });
  }
  const validThrough = passportValidThrough(o, policy);
  if (!a.passportExpiry) unmet.push({ code: 'PASSPORT', message: 'No passport on file.' });
  else if (a.passportExpiry < validThrough) {
    unmet.push({ code: 'PASSPORT', message: `The passport expires on ${a.passportExpiry}; it must be valid through ${validThrough}.` });
  }
  // The earliest of the current medical certificate and police record: if it lasts, both do. None on file is no
  // failure here (they are asked for at pre-departure).
  const documentsThrough = documentsValidThrough(o, policy);
  if (a.documentExpiry && a.documentExpiry < documentsThrough) {
    const name = DOCUMENT_NAMES[a.documentExpiryKind as DocumentKind]?.en ?? 'document';
    unmet.push({ code: 'DOCUMENTS', message: `The ${name} expires on ${a.documentExpiry}; it must be valid through ${documentsThrough}.` });
  }
  if (a.hasOverlappingCommitment) {
    unmet.push({ code: 'OVERLAPPING_COMMITMENT', message: 'Already selected, preparing to leave or working abroad during these dates.' });
  }
  if (a.birthDate > latestAdultBirthDate(o, policy)) {
    unmet.push({ code: 'ADULT', message: `Not yet ${policy.minimumAge} on the start date ${o.startDate}.` });
  }
  return unmet;
}

/** An order's requirements with their dates worked out once, to check many applicants against it. */
export interface OrderRequirements {
  order: OrderFacts;
  passportValidThrough: string;
  documentsValidThrough: string;
  latestBirthDate: string;
}

export function requirementsOf(order: OrderFacts, policy: MatchingPolicy): OrderRequirements {
  return {
    order,
    passportValidThrough: passportValidThrough(order, policy),
    documentsValidThrough: documentsValidThrough(order, policy),
    latestBirthDate: latestAdultBirthDate(order, policy),
  };
}

/**
 * Whether `unmetRequirements` would be empty, without working out dates or writing messages: a full run checks
 * each row it reads against several orders of its group, hundreds of thousands of checks (a test holds the two equal).
 */
export function meetsRequirements(a: ApplicantFacts, r: OrderRequirements): boolean {
  const o = r.order;
  return (
    a.status === 'AVAILABLE' &&
    !a.hasOverlappingCommitment &&
    a.occupations.includes(o.iscoCode) &&
    a.yearsExperience >= o.minExperienceYears &&
    a.passportExpiry !== null &&
    a.passportExpiry >= r.passportValidThrough &&
    (!a.documentExpiry || a.documentExpiry >= r.documentsValidThrough) &&
    a.birthDate <= r.latestBirthDate &&
    o.requiredSkills.every((s) => a.skills.includes(s)) &&
    o.requiredLanguageLevels.every((l) => a.languageLevels.includes(l))
  );
}
