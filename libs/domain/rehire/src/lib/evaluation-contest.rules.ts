import { addDays, cleanText, DomainException, ErrorCode } from '@puente/common';
import { closedBecause } from '@puente/domain/contingents';

/** How many of El Salvador's working days a worker has to contest an evaluation, counted after the day it was submitted. */
export const CONTEST_WINDOW_WORKING_DAYS = 10;
/** A contest statement is the worker's own account: at least this many characters … */
export const MIN_STATEMENT_LENGTH = 10;
/** … and at most this many. */
export const MAX_STATEMENT_LENGTH = 4000;

/** Where a worker's contest of an evaluation stands: never contested (null), waiting for a coordinator, or decided. */
export type ContestStatus = 'CONTESTED' | 'UPHELD' | 'OVERTURNED';
/** A coordinator's answer to a contest or a retaliation flag: the evaluation stands (UPHOLD) or is void (OVERTURN). */
export type ContestDecision = 'UPHOLD' | 'OVERTURN';

/**
 * Whether a YYYY-MM-DD date is one of El Salvador's working days: not a Saturday or Sunday, not a national holiday
 * (`closedBecause` of the contingents' timeline, over `holidayOn` of `@puente/common`).
 */
export function isWorkingDay(date: string): boolean {
  return closedBecause(date) === null;
}

/**
 * The working day that is `count` working days after `date` (the date itself not counted, whatever it is): 1
 * working day after a Friday is the Monday, unless that is a holiday. `count` 0 is the date itself.
 */
export function addWorkingDays(date: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number, 0 or more');
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * How many working days lie after `from` up to and including `to` (0 when `to` is not after `from`): the inverse of
 * `addWorkingDays` on working days, `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) n++;
  return n;
}

/**
 * The last day a worker may contest an evaluation: the tenth working day in El Salvador after the day it was
 * submitted (that day in El Salvador's calendar, `todayIso(createdAt)`), so weekends and national holidays do not
 * eat into the worker's time. The contest is accepted until the end of that day.
 */
export function contestWindowCloses(submittedOn: string): string {
  return addWorkingDays(submittedOn, CONTEST_WINDOW_WORKING_DAYS);
}

/** The facts about one evaluation that decide what may still happen to it. */
export interface EvaluationReviewState {
  /** The day it was submitted, in El Salvador's calendar. */
  submittedOn: string;
  contestStatus: ContestStatus | null;
  /** The worker's case against the employer that flagged it as possible retaliation, or null. */
  retaliationCaseId: string | null;
  /** When a coordinator reviewed that flag (null while unreviewed). */
  retaliationReviewedAt: Date | string | null;
}

/**
 * Whether an evaluation counts for the rehire decision and matching's history. It does not when a coordinator
 * overturned it, nor while it is flagged as possible retaliation (submitted after the worker reported a case
 * against that employer) and no coordinator has reviewed the flag. A contested evaluation still counts while the
 * contest is pending: contesting alone changes nothing until a coordinator overturns it. The table's generated
 * column `evaluation.counts` is this same condition (`EVALUATION_COUNTS_SQL`), so SQL filters on it; the integration test compares the two on every combination.
 */
export function evaluationCounts(e: Pick<EvaluationReviewState, 'contestStatus' | 'retaliationCaseId' | 'retaliationReviewedAt'>): boolean {
  if (e.contestStatus === 'OVERTURNED') return false;
  return e.retaliationCaseId === null || e.retaliationReviewedAt !== null;
}

/** The SQL of `evaluationCounts`, the expression of the generated column `evaluation.counts` (migration 1732400000025). */
export const EVALUATION_COUNTS_SQL = `contest_status IS DISTINCT FROM 'OVERTURNED' AND (retaliation_case_id IS NULL OR retaliation_reviewed_at IS NOT NULL)`;

/** Where an evaluation stands for a reader: counted as given, contested and pending, under review for retaliation, or overturned. */
export type EvaluationStanding = 'COUNTS' | 'CONTESTED' | 'UNDER_REVIEW' | 'OVERTURNED';

/**
 * One word for where an evaluation stands, the one the rehire decision and the worker read: OVERTURNED (void),
 * UNDER_REVIEW (flagged for retaliation, not reviewed: set aside meanwhile), CONTESTED (pending, still counts),
 * COUNTS otherwise (never contested, or upheld).
 */
export function evaluationStanding(e: Pick<EvaluationReviewState, 'contestStatus' | 'retaliationCaseId' | 'retaliationReviewedAt'>): EvaluationStanding {
  if (e.contestStatus === 'OVERTURNED') return 'OVERTURNED';
  if (e.retaliationCaseId !== null && e.retaliationReviewedAt === null) return 'UNDER_REVIEW';
  if (e.contestStatus === 'CONTESTED') return 'CONTESTED';
  return 'COUNTS';
}

/** The worker's statement, trimmed (spaces collapsed), between the minimum and the maximum length, or BAD_USER_INPUT naming the field. */
export function cleanStatement(statement: string | null | undefined): string {
  const clean = cleanText(statement);
  if (clean.length < MIN_STATEMENT_LENGTH || clean.length > MAX_STATEMENT_LENGTH) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `Say why you contest the evaluation (${MIN_STATEMENT_LENGTH} to ${MAX_STATEMENT_LENGTH} characters).`, [
      { field: 'statement', message: `must be ${MIN_STATEMENT_LENGTH} to ${MAX_STATEMENT_LENGTH} characters` },
    ]);
  }
  return clean;
}

/**
 * A worker contests an evaluation once, until the end of the day `contestWindowCloses` gives; an overturned
 * evaluation is void and has nothing left to contest. Refusals are INVALID_TRANSITION, the closed window with the
 * day it closed.
 */
export function assertContestable(e: Pick<EvaluationReviewState, 'submittedOn' | 'contestStatus'>, today: string): void {
  if (e.contestStatus === 'OVERTURNED') throw new DomainException(ErrorCode.INVALID_TRANSITION, 'This evaluation was overturned: it no longer counts, and there is nothing to contest.');
  if (e.contestStatus !== null) throw new DomainException(ErrorCode.INVALID_TRANSITION, 'This evaluation has been contested already; an evaluation is contested once.');
  const closes = contestWindowCloses(e.submittedOn);
  if (today > closes) {
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      `The time to contest this evaluation closed on ${closes} (${CONTEST_WINDOW_WORKING_DAYS} working days after it was submitted); a coordinator can still be told through a case.`,
    );
  }
}

/** What a coordinator's resolution writes: the contest's new state and whether the retaliation flag is reviewed by it. */
export interface ContestResolution {
  /** The evaluation's contest state after the resolution (unchanged when only a flag was reviewed and upheld). */
  contestStatus: ContestStatus | null;
  /** The worker's pending contest is decided by it. */
  resolvesContest: boolean;
  /** The retaliation flag is reviewed by it. */
  reviewsRetaliation: boolean;
}

/**
 * What a coordinator's UPHOLD or OVERTURN does to an evaluation, which must have something to decide: a contest
 * pending or a retaliation flag not reviewed yet (else INVALID_TRANSITION). It decides both at once when both are
 * pending. OVERTURN voids the evaluation (contest state OVERTURNED: it never counts again); UPHOLD makes a
 * contested one UPHELD and a flagged one count from now on, and leaves an uncontested one contestable by the
 * worker within the window.
 */
export function resolveContest(e: Pick<EvaluationReviewState, 'contestStatus' | 'retaliationCaseId' | 'retaliationReviewedAt'>, decision: ContestDecision): ContestResolution {
  const resolvesContest = e.contestStatus === 'CONTESTED';
  const reviewsRetaliation = e.retaliationCaseId !== null && e.retaliationReviewedAt === null;
  if (!resolvesContest && !reviewsRetaliation) {
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      e.contestStatus === null
        ? 'This evaluation is neither contested nor flagged for review: there is nothing to resolve.'
        : `This evaluation's contest was decided already (${e.contestStatus}); a decision is not made twice.`,
    );
  }
  const contestStatus: ContestStatus | null = decision === 'OVERTURN' ? 'OVERTURNED' : resolvesContest ? 'UPHELD' : e.contestStatus;
  return { contestStatus, resolvesContest, reviewsRetaliation };
}
