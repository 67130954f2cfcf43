import { cleanText, DomainException, ErrorCode, FieldProblem, isE164, isEmail, isIsoDate, Problems } from '@puente/common';

export type Gender = 'FEMALE' | 'MALE' | 'OTHER';
export const GENDERS: readonly Gender[] = ['FEMALE', 'MALE', 'OTHER'];
export type Education = 'NONE' | 'PRIMARY' | 'LOWER_SECONDARY' | 'UPPER_SECONDARY' | 'TECHNICAL' | 'UNIVERSITY';
export const EDUCATION_LEVELS: readonly Education[] = ['NONE', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'TECHNICAL', 'UNIVERSITY'];

/** CEFR levels in order, with NATIVE above C2. */
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const LANGUAGE_CODES = ['es', 'en', 'fr'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];
export interface LanguageSkill {
  code: LanguageCode;
  level: LanguageLevel;
}

export const MINIMUM_AGE = 18;
export const MAXIMUM_AGE = 100;

/**
 * The DUI (Documento Único de Identidad): eight digits, a dash and a check digit. The check digit is
 * (10 - Σ dᵢ·(9-i) mod 10) mod 10 over the eight digits. Accepts the nine digits without the dash too.
 * Returns the canonical "12345678-9" or null.
 */
export function normalizeDui(raw: string): string | null {
  const typed = raw.trim();
  if (!/^\d{8}-?\d$/.test(typed)) return null;
  const compact = typed.replace('-', '');
  const digits = [...compact].map(Number);
  const sum = digits.slice(0, 8).reduce((acc, d, i) => acc + d * (9 - i), 0);
  const check = (10 - (sum % 10)) % 10;
  if (check !== digits[8]) return null;
  return `${compact.slice(0, 8)}-${compact[8]}`;
}

/** Completes eight digits with their check digit; used by the demo seed and the tests. */
export function duiWithCheckDigit(eightDigits: string): string {
  const sum = [...eightDigits].map(Number).reduce((acc, d, i) => acc + d * (9 - i), 0);
  return `${eightDigits}-${(10 - (sum % 10)) % 10}`;
}

/** Whole years between a YYYY-MM-DD birth date and a day. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * Language tokens that make "speaks at least level L" an array containment test an index can answer:
 * English B1 becomes en:A1, en:A2, en:B1.
 */
export function languageLevelTokens(languages: readonly LanguageSkill[]): string[] {
  return languages.flatMap(({ code, level }) =>
    LANGUAGE_LEVELS.slice(0, LANGUAGE_LEVELS.indexOf(level) + 1).map((l) => `${code}:${l}`),
  );
}

export function languageProblems(field: string, languages: readonly LanguageSkill[]): FieldProblem[] {
  const p = new Problems();
  const seen = new Set<string>();
  languages.forEach((l, i) => {
    p.check(LANGUAGE_CODES.includes(l.code), `${field}[${i}].code`, `must be one of ${LANGUAGE_CODES.join(', ')}`);
    p.check(LANGUAGE_LEVELS.includes(l.level), `${field}[${i}].level`, `must be one of ${LANGUAGE_LEVELS.join(', ')}`);
    p.check(!seen.has(l.code), `${field}[${i}].code`, `${l.code} is listed twice`);
    seen.add(l.code);
  });
  return p.list;
}

export interface ApplicantDraft {
  nationalId: string;
  firstNames: string;
  lastNames: string;
  birthDate: string;
  gender: string;
  municipalityCode: string;
  address?: string | null;
  phone: string;
  email?: string | null;
  occupations: string[];
  skills: string[];
  languages: LanguageSkill[];
  yearsExperience: number;
  education: string;
  passportNumber?: string | null;
  passportExpiry?: string | null;
}

export interface KnownCodes {
  municipalities: ReadonlySet<string>;
  occupations: ReadonlySet<string>;
  skills: ReadonlySet<string>;
}

/** Everything a coordinator types at registration, checked at once so the form can show every problem. */
export function applicantProblems(d: ApplicantDraft, known: KnownCodes, today: string): FieldProblem[] {
  const p = new Problems();
  p.check(normalizeDui(d.nationalId) !== null, 'nationalId', 'must be a valid DUI: 8 digits, a dash and the check digit (e.g. 04567890-3)');
  for (const [field, value] of [['firstNames', d.firstNames], ['lastNames', d.lastNames]] as const) {
    const clean = cleanText(value);
    p.check(clean.length >= 1 && clean.length <= 100, field, 'must be between 1 and 100 characters');
  }
  if (!isIsoDate(d.birthDate)) {
    p.check(false, 'birthDate', 'must be a date written YYYY-MM-DD');
  } else {
    const age = ageOn(d.birthDate, today);
    p.check(age >= MINIMUM_AGE, 'birthDate', `the applicant must be at least ${MINIMUM_AGE} years old`);
    p.check(age <= MAXIMUM_AGE, 'birthDate', 'is not a plausible birth date');
  }
  p.check(GENDERS.includes(d.gender as Gender), 'gender', `must be one of ${GENDERS.join(', ')}`);
  p.check(known.municipalities.has(d.municipalityCode), 'municipalityCode', 'is not a municipality of El Salvador');
  p.check(cleanText(d.address).length <= 300, 'address', 'must be at most 300 characters');
  p.check(isE164(d.phone), 'phone', 'must be in international format, e.g. +50371234567');
  p.check(!d.email || isEmail(d.email), 'email', 'is not a valid e-mail address');
  p.check(d.occupations.length >= 1 && d.occupations.length <= 5, 'occupations', 'list 1 to 5 ISCO-08 occupations');
  d.occupations.forEach((o, i) => p.check(known.occupations.has(o), `occupations[${i}]`, `${o} is not a known ISCO-08 occupation code`));
  p.check(d.skills.length <= 30, 'skills', 'list at most 30 skills');
  d.skills.forEach((s, i) => p.check(known.skills.has(s), `skills[${i}]`, `${s} is not a known skill code`));
  p.add(languageProblems('languages', d.languages));
  p.check(Number.isInteger(d.yearsExperience) && d.yearsExperience >= 0 && d.yearsExperience <= 60, 'yearsExperience', 'must be a whole number from 0 to 60');
  p.check(EDUCATION_LEVELS.includes(d.education as Education), 'education', `must be one of ${EDUCATION_LEVELS.join(', ')}`);
  const hasNumber = Boolean(d.passportNumber), hasExpiry = Boolean(d.passportExpiry);
  p.check(hasNumber === hasExpiry, hasNumber ? 'passportExpiry' : 'passportNumber', 'give the passport number and its expiry date together');
  if (d.passportNumber) {
    p.check(/^[A-Z0-9]{6,12}$/.test(normalizePassport(d.passportNumber)), 'passportNumber', 'must be 6 to 12 letters or digits');
  }
  if (d.passportExpiry) {
    if (!isIsoDate(d.passportExpiry)) p.check(false, 'passportExpiry', 'must be a date written YYYY-MM-DD');
    else p.check(d.passportExpiry > today, 'passportExpiry', 'the passport has expired; register a valid passport or leave both passport fields empty');
  }
  return p.list;
}

/**
 * What a coordinator may correct on an applicant after registration (`updateApplicant`). Each field is optional:
 * left out (undefined) it keeps its value; `email` and `address` may be cleared with null. The DUI, names, birth
 * date and gender are not here: they identify the person and are fixed at registration.
 */
export interface ApplicantChanges {
  phone?: string | null;
  email?: string | null;
  municipalityCode?: string | null;
  address?: string | null;
  passportNumber?: string | null;
  passportExpiry?: string | null;
  occupations?: string[] | null;
  skills?: string[] | null;
  languages?: LanguageSkill[] | null;
  yearsExperience?: number | null;
  education?: string | null;
}

export type EditableField = keyof ApplicantChanges;
export const EDITABLE_FIELDS: readonly EditableField[] = [
  'phone', 'email', 'municipalityCode', 'address', 'passportNumber', 'passportExpiry',
  'occupations', 'skills', 'languages', 'yearsExperience', 'education',
];
const CLEARABLE_FIELDS: readonly EditableField[] = ['email', 'address'];

/**
 * The profile an employer selected a worker on (occupations, skills, languages, experience, education): frozen
 * from selection until the worker is back (SELECTED, PRE_DEPARTURE, DEPLOYED), so the worker who travels is the
 * one the employer chose. Contacts, address and passport stay editable in every status: an office must reach a
 * worker abroad, and a passport renewed before the visa appointment or at a consulate is the normal case.
 */
export const PROFILE_FIELDS: readonly EditableField[] = ['occupations', 'skills', 'languages', 'yearsExperience', 'education'];
export const PROFILE_FROZEN_STATUSES = ['SELECTED', 'PRE_DEPARTURE', 'DEPLOYED'] as const;

/** The fields a change names (given, even as null). */
export function fieldsGiven(changes: ApplicantChanges): EditableField[] {
  return EDITABLE_FIELDS.filter((f) => changes[f] !== undefined);
}

/** The applicant as it would be after the changes (nulls of required fields are reported, not applied). */
export function applyChanges<T extends ApplicantDraft>(current: T, changes: ApplicantChanges): T {
  const next = { ...current } as T & Record<string, unknown>;
  for (const f of fieldsGiven(changes)) {
    const value = changes[f];
    if (value === null && !CLEARABLE_FIELDS.includes(f)) continue;
    next[f] = value as never;
  }
  return next;
}

/**
 * Checks a partial update with exactly the registration rules (`applicantProblems`) on the applicant as it would
 * be, reporting only the fields the change names (a stored value is not re-judged by a phone fix) and the
 * passport's two fields together. Required fields cannot be cleared.
 */
export function applicantChangeProblems(current: ApplicantDraft, changes: ApplicantChanges, known: KnownCodes, today: string): FieldProblem[] {
  const given = fieldsGiven(changes);
  const touched = new Set<string>(given);
  if (touched.has('passportNumber') || touched.has('passportExpiry')) touched.add('passportNumber').add('passportExpiry');
  const cleared = given
    .filter((f) => changes[f] === null && !CLEARABLE_FIELDS.includes(f))
    .map((field) => ({ field, message: 'cannot be removed; leave the field out to keep its current value' }));
  const problems = applicantProblems(applyChanges(current, changes), known, today).filter((p) =>
    touched.has(p.field.replace(/\[.*$/, '')),
  );
  const clearedNames = new Set<string>(cleared.map((c) => c.field));
  return [...cleared, ...problems.filter((p) => !clearedNames.has(p.field))];
}

/** The profile fields a change would alter while the profile is frozen by the applicant's status. */
export function frozenFieldsOf(status: string, changed: readonly EditableField[]): EditableField[] {
  return (PROFILE_FROZEN_STATUSES as readonly string[]).includes(status) ? changed.filter((f) => PROFILE_FIELDS.includes(f)) : [];
}

/** Refuses a change to the profile an employer selected the worker on while it is frozen, naming each field. */
export function assertProfileEditable(applicant: { firstNames: string; lastNames: string; status: string }, changed: readonly EditableField[]): void {
  const frozen = frozenFieldsOf(applicant.status, changed);
  if (frozen.length) {
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      `${applicant.firstNames} ${applicant.lastNames} is ${applicant.status}: the profile an employer selected them on (${frozen.join(', ')}) ` +
        'cannot change until they are back or released. Contacts, address and passport can be corrected.',
      frozen.map((field) => ({ field, message: `cannot change while the applicant is ${applicant.status}` })),
    );
  }
}

export function normalizePassport(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s-]/g, '');
}
