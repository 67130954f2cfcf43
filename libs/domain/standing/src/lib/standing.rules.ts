import { DomainException, ErrorCode, todayIso } from '@puente/common';
import type { StandingPolicy } from './standing.policy';

export const STANDING_LEVELS = ['GOOD', 'WATCH', 'AT_RISK', 'BLOCKED'] as const;
export type StandingLevel = (typeof STANDING_LEVELS)[number];

/** The questions a worker answers about an employer after their return, each a whole number from 1 to 5. */
export const RATING_QUESTIONS = ['wagesAsAgreed', 'hoursAsAgreed', 'housing', 'treatment', 'safety', 'wouldGoBack'] as const;
export type RatingQuestion = (typeof RATING_QUESTIONS)[number];
export type RatingScores = Record<RatingQuestion, number>;

/** How each question reads in a reason. */
const QUESTION_WORDS: Record<RatingQuestion, string> = {
  wagesAsAgreed: 'wages paid as agreed',
  hoursAsAgreed: 'hours as agreed',
  housing: 'housing',
  treatment: 'treatment',
  safety: 'safety',
  wouldGoBack: 'would go back',
};

export const MAX_RATING_COMMENT_LENGTH = 4000;

/** What the workers' ratings of an employer add up to: never a single rating, never who rated. */
export interface RatingAggregate {
  /** The rated placements the averages are over: a whole number of blocks of the policy's minimum. */
  ratedPlacements: number;
  /** Each question's average, to one decimal. */
  averages: RatingScores;
}

/** Everything a standing looks at, stored with it so anyone can see what it was decided from. */
export interface StandingInputs {
  /** null under the policy's minimum of rated placements: not used. */
  ratings: RatingAggregate | null;
  /** Cases against the employer decided SUBSTANTIATED with the finding EMPLOYER, and how many of them CRITICAL. */
  cases: { substantiated: number; substantiatedCritical: number };
  /** Approval of the employer's orders is on hold (since when, and the case that caused it). */
  hold: { since: string; caseId: string | null } | null;
  /** Placements that ended (completed, ended early or abandoned), and those ended early by the employer's fault. */
  placements: { ended: number; terminatedByEmployer: number };
  /** Seats that travelled, and seats cancelled because the employer's order was cancelled after workers were seated. */
  seats: { travelled: number; cancelledWithOrder: number };
  /** Former workers found rehire-eligible after a placement ended long enough ago, and how many it asked back. */
  rehire: { eligibleFormerWorkers: number; askedBack: number };
}

export type StandingReasonCode = 'APPROVAL_HOLD' | 'SUBSTANTIATED_CASES' | 'RATINGS' | 'EARLY_TERMINATIONS' | 'NO_SHOWS' | 'REHIRE_RATE';

export interface StandingReason {
  code: StandingReasonCode;
  /** true: met; false: not met (sets the level); null: too little to judge yet (does not count). */
  met: boolean | null;
  /** The level this reason alone gives: GOOD when met or not judged. */
  level: StandingLevel;
  message: string;
}

export interface StandingDecision {
  level: StandingLevel;
  reasons: StandingReason[];
}

const rank = (level: StandingLevel) => STANDING_LEVELS.indexOf(level);
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * What the workers' ratings of an employer show: the average of each question over the oldest whole blocks of
 * the policy's minimum (5, 10, 15… rated placements), or null under the minimum. In blocks, so comparing the
 * aggregate before and after one more rating reveals nothing of it: the aggregate moves only when a whole new
 * block of ratings is in. `rows` are the ratings in the order they were submitted.
 */
export function ratingAggregate(rows: readonly RatingScores[], policy: StandingPolicy): RatingAggregate | null {
  const used = Math.floor(rows.length / policy.minRatedPlacements) * policy.minRatedPlacements;
  if (used === 0) return null;
  const block = rows.slice(0, used);
  const averages = Object.fromEntries(RATING_QUESTIONS.map((q) => [q, oneDecimal(block.reduce((sum, r) => sum + r[q], 0) / used)])) as RatingScores;
  return { ratedPlacements: used, averages };
}

/**
 * Checks a worker's rating (the first wrong score is named) and returns the comments trimmed, or null when there
 * are none.
 */
export function cleanRating(input: RatingScores & { comments?: string | null }): string | null {
  for (const q of RATING_QUESTIONS) {
    if (!Number.isInteger(input[q]) || input[q] < 1 || input[q] > 5) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, `Give ${QUESTION_WORDS[q]} as a whole score from 1 to 5.`, [{ field: q, message: 'must be 1 to 5' }]);
    }
  }
  const comments = input.comments?.trim() || null;
  if (comments && comments.length > MAX_RATING_COMMENT_LENGTH) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Keep comments under 4,000 characters.', [{ field: 'comments', message: 'is too long' }]);
  }
  return comments;
}

/**
 * A worker rates the employer of a placement once they are back home: the placement has ended and their return
 * is recorded.
 */
export function assertRatable(placement: { status: string; returnedOn: string | null }): void {
  if (placement.status === 'ACTIVE') throw new DomainException(ErrorCode.INVALID_TRANSITION, 'You can rate the employer once your placement has ended and you are home.');
  if (!placement.returnedOn) {
    throw new DomainException(ErrorCode.INVALID_TRANSITION, 'You can rate the employer once your return home is recorded; ask your coordinator to record it.');
  }
}

/** Where a worker's rating of a placement stands: not yet (abroad, or home not recorded), OPEN, or RATED. */
export type RatingState = 'NOT_YET' | 'OPEN' | 'RATED';

/** The worker may rate a placement once it has ended and they are home, and only once (the same test as `assertRatable`). */
export function ratingState(placement: { status: string; returnedOn: string | null; rated: boolean }): RatingState {
  if (placement.rated) return 'RATED';
  return placement.status !== 'ACTIVE' && placement.returnedOn ? 'OPEN' : 'NOT_YET';
}

/** A case decision places an approval hold on the employer when it is substantiated against the employer and CRITICAL. */
export function placesApprovalHold(decision: { outcome: string; finding: string | null; severity: string }): boolean {
  return decision.outcome === 'SUBSTANTIATED' && decision.finding === 'EMPLOYER' && decision.severity === 'CRITICAL';
}

/** A share judged against two thresholds once there are enough to judge; null when there are too few. */
function shareLevel(count: number, of: number, minimum: number, limits: { watchAbove: number; atRiskAbove: number }): StandingLevel | null {
  if (of < minimum) return null;
  const share = count / of;
  return share > limits.atRiskAbove ? 'AT_RISK' : share > limits.watchAbove ? 'WATCH' : 'GOOD';
}

/**
 * An employer's standing under a versioned policy: GOOD, WATCH, AT_RISK or BLOCKED, with one reason per input
 * (met, not met, or too little to judge) in words the employer can read. The level is the worst any reason gives:
 * an approval hold BLOCKS; a substantiated case, ratings far below expectations or many early terminations or
 * no-shows put it AT_RISK; ratings below expectations, some early terminations or no-shows, or few former workers
 * asked back put it on WATCH. Ratings count only over the policy's minimum of rated placements. Pure.
 */
export function decideStanding(inputs: StandingInputs, policy: StandingPolicy): StandingDecision {
  const reasons: StandingReason[] = [];
  const add = (code: StandingReasonCode, level: StandingLevel | null, message: string) =>
    reasons.push({ code, met: level === null ? null : level === 'GOOD', level: level ?? 'GOOD', message });

  add(
    'APPROVAL_HOLD',
    inputs.hold ? 'BLOCKED' : 'GOOD',
    inputs.hold
      ? `Approval of new job orders is on hold since ${todayIso(new Date(inputs.hold.since))} after a critical case was substantiated; a coordinator must decide before any order is approved.`
      : 'No hold on the approval of job orders.',
  );

  const { substantiated, substantiatedCritical } = inputs.cases;
  add(
    'SUBSTANTIATED_CASES',
    substantiated >= policy.substantiatedCasesAtRiskFrom ? 'AT_RISK' : 'GOOD',
    substantiated
      ? `${substantiated} case(s) against the employer substantiated${substantiatedCritical ? `, ${substantiatedCritical} of them critical` : ''}.`
      : 'No case against the employer substantiated.',
  );

  if (!inputs.ratings) {
    add('RATINGS', null, `Workers' ratings are used once at least ${policy.minRatedPlacements} placements are rated.`);
  } else {
    const { ratedPlacements, averages } = inputs.ratings;
    const low = RATING_QUESTIONS.filter((q) => averages[q] < policy.ratings.watchBelow);
    const veryLow = RATING_QUESTIONS.filter((q) => averages[q] < policy.ratings.atRiskBelow);
    add(
      'RATINGS',
      veryLow.length ? 'AT_RISK' : low.length ? 'WATCH' : 'GOOD',
      low.length
        ? `Workers rate ${low.map((q) => `${QUESTION_WORDS[q]} ${averages[q]}`).join(', ')} of 5 on average over ${ratedPlacements} placements (at least ${policy.ratings.watchBelow} is expected${veryLow.length ? `; below ${policy.ratings.atRiskBelow} puts the employer at risk` : ''}).`
        : `Workers rate every question ${policy.ratings.watchBelow} of 5 or more on average over ${ratedPlacements} placements.`,
    );
  }

  const { ended, terminatedByEmployer } = inputs.placements;
  const early = shareLevel(terminatedByEmployer, ended, policy.earlyTerminations.minEnded, policy.earlyTerminations);
  add(
    'EARLY_TERMINATIONS',
    early,
    early === null
      ? `Early terminations are judged once ${policy.earlyTerminations.minEnded} placements have ended (${ended} so far${terminatedByEmployer ? `, ${terminatedByEmployer} ended early by the employer's fault` : ''}).`
      : `${terminatedByEmployer} of ${ended} ended placements (${percent(terminatedByEmployer / ended)}) were ended early by the employer's fault (up to ${percent(policy.earlyTerminations.watchAbove)} is expected).`,
  );

  const { travelled, cancelledWithOrder } = inputs.seats;
  const seats = travelled + cancelledWithOrder;
  const noShows = shareLevel(cancelledWithOrder, seats, policy.noShows.minSeats, policy.noShows);
  add(
    'NO_SHOWS',
    noShows,
    noShows === null
      ? `Workers not taken are judged once ${policy.noShows.minSeats} workers have been seated to travel (${seats} so far${cancelledWithOrder ? `, ${cancelledWithOrder} not taken` : ''}).`
      : `${cancelledWithOrder} of ${seats} workers seated to travel (${percent(cancelledWithOrder / seats)}) were not taken because the order was cancelled (up to ${percent(policy.noShows.watchAbove)} is expected).`,
  );

  const { eligibleFormerWorkers, askedBack } = inputs.rehire;
  const rehire = eligibleFormerWorkers < policy.rehire.minEligible ? null : askedBack / eligibleFormerWorkers < policy.rehire.watchBelow ? 'WATCH' : 'GOOD';
  add(
    'REHIRE_RATE',
    rehire,
    rehire === null
      ? `The rehire rate is judged once ${policy.rehire.minEligible} former workers eligible to return have had a season to be asked back (${eligibleFormerWorkers} so far).`
      : `${askedBack} of ${eligibleFormerWorkers} former workers eligible to return (${percent(askedBack / eligibleFormerWorkers)}) were asked back (at least ${percent(policy.rehire.watchBelow)} is expected).`,
  );

  const level = reasons.reduce<StandingLevel>((worst, r) => (rank(r.level) > rank(worst) ? r.level : worst), 'GOOD');
  return { level, reasons };
}

/** Two decisions say the same (the same level and reasons under the same policy): nothing new to store. */
export function sameStanding(a: { policyVersion: string } & StandingDecision, b: { policyVersion: string } & StandingDecision): boolean {
  const tuples = (d: StandingDecision) => JSON.stringify(d.reasons.map((r) => [r.code, r.met, r.level, r.message]));
  return a.policyVersion === b.policyVersion && a.level === b.level && tuples(a) === tuples(b);
}
