import { Actor, cleanText, DomainException, ErrorCode, FieldProblem, Role } from '@puente/common';

/** What savings went to, as a worker says it (any of them, each once). */
export const SAVINGS_USES = ['HOUSING', 'EDUCATION', 'BUSINESS', 'DEBT', 'OTHER'] as const;
export type SavingsUse = (typeof SAVINGS_USES)[number];

/** A skill to certify: an ISCO-08 occupation of the reference data and the hours worked at it in the season. */
export interface ReturneeSkill {
  iscoCode: string;
  hours: number;
}

/** The most a season's earnings or remittances may be, in the job order's currency (the table checks it too). */
export const MAX_SEASON_AMOUNT = 250_000;
/** How many skills one season's record may name. */
export const MAX_SKILLS = 10;
/** The most hours a day abroad may count towards the skills to certify, all skills together. */
export const MAX_HOURS_PER_DAY = 16;
/** The longest training wish a worker may write, in characters (the table checks it too). */
export const MAX_TRAINING_WANTED_LENGTH = 500;
/** The longest name of the institution a returnee is referred to, in characters. */
export const MAX_INSTITUTION_LENGTH = 120;
/** The longest note a coordinator adds to a referral, in characters. */
export const MAX_REFERRAL_NOTE_LENGTH = 1000;

/** What a worker or a coordinator says about a season, as typed: the whole record, each call. */
export interface ReturneeRecordInput {
  earnings?: number | null;
  remittances?: number | null;
  savingsUses?: readonly string[] | null;
  skills?: readonly { iscoCode: string; hours: number }[] | null;
  wantsDomesticJob: boolean;
  wantsTraining: boolean;
  trainingWanted?: string | null;
}

/** The record as stored: amounts null when not reported, lists in a fixed order, the wish trimmed (null when none). */
export interface ReturneeRecordFacts {
  earnings: number | null;
  remittances: number | null;
  savingsUses: SavingsUse[];
  skills: ReturneeSkill[];
  wantsDomesticJob: boolean;
  wantsTraining: boolean;
  trainingWanted: string | null;
}

/** The fields of a record a correction may change (the names the audit trail keeps, never their values). */
export const RETURNEE_RECORD_FIELDS = ['earnings', 'remittances', 'savingsUses', 'skills', 'wantsDomesticJob', 'wantsTraining', 'trainingWanted'] as const;
export type ReturneeRecordField = (typeof RETURNEE_RECORD_FIELDS)[number];

/** The placement facts the rules read: whose it is, and whether and when the worker came home. */
export interface ReturneePlacement {
  applicantId: string;
  status: string;
  departedOn: string;
  returnedOn: string | null;
}

/** The days a worker was abroad for a placement: the departure and the return both counted; 0 while not home. */
export function daysAbroad(placement: { departedOn: string; returnedOn: string | null }): number {
  if (!placement.returnedOn) return 0;
  const days = (Date.parse(`${placement.returnedOn}T00:00:00Z`) - Date.parse(`${placement.departedOn}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days) + 1);
}

function amountProblem(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) return 'must be 0 or more';
  if (value > MAX_SEASON_AMOUNT) return `must be at most ${MAX_SEASON_AMOUNT.toLocaleString('en-US')} in the order's currency`;
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) return 'must have at most two decimals (cents)';
  return null;
}

/**
 * Everything wrong with a returnee record as typed, each problem naming its field: amounts from 0 to
 * `MAX_SEASON_AMOUNT` in cents, or not reported (remittances may exceed earnings: savings from earlier seasons are
 * sent too); savings uses from `SAVINGS_USES`, each once; at most `MAX_SKILLS` skills, each an occupation of the
 * reference data, once, with whole hours from 1, and all of them together at most `MAX_HOURS_PER_DAY` a day abroad;
 * a training wish of up to 500 characters, only with `wantsTraining`.
 */
export function returneeRecordProblems(
  input: ReturneeRecordInput,
  context: { occupations: ReadonlySet<string>; daysAbroad: number },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['earnings', 'remittances'] as const) {
    const problem = amountProblem(input[field]);
    if (problem) problems.push({ field, message: problem });
  }
  const uses = input.savingsUses ?? [];
  uses.forEach((use, i) => {
    if (!(SAVINGS_USES as readonly string[]).includes(use)) problems.push({ field: `savingsUses[${i}]`, message: `must be one of ${SAVINGS_USES.join(', ')}` });
    else if (uses.indexOf(use) !== i) problems.push({ field: `savingsUses[${i}]`, message: 'is named twice' });
  });
  const skills = input.skills ?? [];
  if (skills.length > MAX_SKILLS) problems.push({ field: 'skills', message: `must name at most ${MAX_SKILLS} skills` });
  const codes = skills.map((s) => (s.iscoCode ?? '').trim());
  skills.forEach((skill, i) => {
    if (!context.occupations.has(codes[i]!)) problems.push({ field: `skills[${i}].iscoCode`, message: 'must be an ISCO-08 occupation code of the reference data' });
    else if (codes.indexOf(codes[i]!) !== i) problems.push({ field: `skills[${i}].iscoCode`, message: 'is named twice' });
    if (!Number.isInteger(skill.hours) || skill.hours < 1) problems.push({ field: `skills[${i}].hours`, message: 'must be a whole number of hours, 1 or more' });
  });
  const total = skills.reduce((sum, s) => sum + (Number.isInteger(s.hours) && s.hours > 0 ? s.hours : 0), 0);
  const cap = MAX_HOURS_PER_DAY * context.daysAbroad;
  if (total > cap) {
    problems.push({ field: 'skills', message: `add up to ${total} hours, more than ${MAX_HOURS_PER_DAY} a day over ${context.daysAbroad} days abroad (${cap} hours)` });
  }
  const wish = input.trainingWanted?.trim() ?? '';
  if (wish.length > MAX_TRAINING_WANTED_LENGTH) problems.push({ field: 'trainingWanted', message: `must be at most ${MAX_TRAINING_WANTED_LENGTH} characters` });
  if (wish && !input.wantsTraining) problems.push({ field: 'trainingWanted', message: 'is given only with wantsTraining: true' });
  return problems;
}

/**
 * Checks a returnee record as typed (`returneeRecordProblems`, all problems at once as BAD_USER_INPUT) and gives
 * it as it is stored: savings uses in `SAVINGS_USES` order, skills by occupation code, the wish trimmed or null.
 */
export function cleanReturneeRecord(input: ReturneeRecordInput, context: { occupations: ReadonlySet<string>; daysAbroad: number }): ReturneeRecordFacts {
  DomainException.assertValid(returneeRecordProblems(input, context));
  const uses = new Set(input.savingsUses ?? []);
  return {
    earnings: input.earnings ?? null,
    remittances: input.remittances ?? null,
    savingsUses: SAVINGS_USES.filter((u) => uses.has(u)),
    skills: (input.skills ?? []).map((s) => ({ iscoCode: s.iscoCode.trim(), hours: s.hours })).sort((a, b) => a.iscoCode.localeCompare(b.iscoCode)),
    wantsDomesticJob: input.wantsDomesticJob,
    wantsTraining: input.wantsTraining,
    trainingWanted: input.trainingWanted?.trim() || null,
  };
}

/** Whether the worker of a placement is home: it has ended and their return is recorded, on today or before. */
export function isHome(placement: { status: string; returnedOn: string | null }, today: string): boolean {
  return placement.status !== 'ACTIVE' && placement.returnedOn !== null && placement.returnedOn <= today;
}

/**
 * Who records a season's returnee record, and when: the worker their own placement (another's reads as NOT_FOUND),
 * a coordinator or an administrator any; nobody else (NOT_FOUND). Only once the worker is home (`isHome`); before,
 * INVALID_TRANSITION says what to record first.
 */
export function assertMayRecord(actor: Pick<Actor, 'role' | 'applicantId'>, placement: ReturneePlacement, today: string): void {
  const staff = actor.role === Role.COORDINATOR || actor.role === Role.ADMIN;
  const own = actor.role === Role.APPLICANT && !!actor.applicantId && actor.applicantId === placement.applicantId;
  if (!staff && !own) throw DomainException.notFound('Placement');
  if (isHome(placement, today)) return;
  if (own) {
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      placement.status === 'ACTIVE'
        ? 'You can record what you bring home once your placement has ended and you are home.'
        : 'You can record what you bring home once your return is recorded; ask your coordinator to record it.',
    );
  }
  throw new DomainException(
    ErrorCode.INVALID_TRANSITION,
    placement.status === 'ACTIVE'
      ? "The worker is still abroad: record the contingent's return (recordReturn), or end the placement and record the worker's return (recordWorkerReturn), first."
      : "The worker's return is not recorded: record it first (recordWorkerReturn).",
  );
}

const sameSkills = (a: readonly ReturneeSkill[], b: readonly ReturneeSkill[]) =>
  a.length === b.length && a.every((s, i) => s.iscoCode === b[i]!.iscoCode && s.hours === b[i]!.hours);

/**
 * The fields a correction changes, in `RETURNEE_RECORD_FIELDS` order (the names the audit trail keeps); empty when
 * the call states the record as it is. Both sides as `cleanReturneeRecord` gives them.
 */
export function changedReturneeFields(before: ReturneeRecordFacts, after: ReturneeRecordFacts): ReturneeRecordField[] {
  return RETURNEE_RECORD_FIELDS.filter((field) => {
    if (field === 'skills') return !sameSkills(before.skills, after.skills);
    if (field === 'savingsUses') return before.savingsUses.join() !== after.savingsUses.join();
    return before[field] !== after[field];
  });
}

/** The fields a first record holds a value in (what the audit trail names for it). */
export function filledReturneeFields(record: ReturneeRecordFacts): ReturneeRecordField[] {
  return RETURNEE_RECORD_FIELDS.filter((field) => {
    const value = record[field];
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== false;
  });
}

/**
 * A record has something to refer: skills to certify, or interest in domestic jobs or training. The coordinators'
 * list and its partial index (`returnee_record_to_refer_idx`) use the same condition, `TO_REFER_SQL`.
 */
export function hasSomethingToRefer(record: { skills: readonly unknown[]; wantsDomesticJob: boolean; wantsTraining: boolean }): boolean {
  return record.skills.length > 0 || record.wantsDomesticJob || record.wantsTraining;
}

/** `hasSomethingToRefer` in SQL, over returnee_record aliased `r` (the partial index's condition). */
export const TO_REFER_SQL = '(jsonb_array_length(r.skills) > 0 OR r.wants_domestic_job OR r.wants_training)';

/**
 * A record is referred for certification once (CONFLICT after, naming where it went), and only with something to
 * refer (INVALID_TRANSITION: correct the record first).
 */
export function assertReferable(record: {
  referredAt: Date | null;
  referralInstitution: string | null;
  skills: readonly unknown[];
  wantsDomesticJob: boolean;
  wantsTraining: boolean;
}): void {
  if (record.referredAt) {
    throw DomainException.conflict(`This returnee was referred already (to ${record.referralInstitution}, on ${record.referredAt.toISOString().slice(0, 10)}); a record is referred once.`);
  }
  if (!hasSomethingToRefer(record)) {
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      'Nothing to refer: the record names no skill to certify and no interest in domestic jobs or training. Correct it first (recordReturneeRecord).',
    );
  }
}

/** The institution a returnee is referred to (2 to 120 characters: INSAFORP, for one) and an optional note (up to 1,000 characters). */
export function cleanReferral(input: { institution: string; note?: string | null }): { institution: string; note: string | null } {
  const institution = cleanText(input.institution);
  const note = input.note?.trim() || null;
  DomainException.assertValid([
    ...(institution.length < 2 || institution.length > MAX_INSTITUTION_LENGTH ? [{ field: 'institution', message: `must be 2 to ${MAX_INSTITUTION_LENGTH} characters (e.g. INSAFORP)` }] : []),
    ...(note && note.length > MAX_REFERRAL_NOTE_LENGTH ? [{ field: 'note', message: `must be at most ${MAX_REFERRAL_NOTE_LENGTH.toLocaleString('en-US')} characters` }] : []),
  ]);
  return { institution, note };
}
