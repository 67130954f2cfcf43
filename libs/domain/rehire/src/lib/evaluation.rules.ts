import { DomainException, ErrorCode } from '@puente/common';
import type { RehirePolicy } from './rehire.policy';
import { EndFault, evaluationWindowCloses, PlacementOutcome } from './rehire.rules';

/** The scores an employer gives, each a whole number from 1 to 5. */
export const EVALUATION_SCORES = ['punctuality', 'quality', 'safety', 'teamwork', 'overall'] as const;
export const MAX_COMMENT_LENGTH = 4000;

export interface EvaluationScores {
  punctuality: number;
  quality: number;
  safety: number;
  teamwork: number;
  overall: number;
  comments?: string | null;
}

/**
 * Whose fault an early end was, as it is stored: a coordinator must say it for an early end, and an abandoned
 * job is the worker's by definition.
 */
export function endFaultOf(outcome: 'TERMINATED_EARLY' | 'ABANDONED', fault: EndFault | null | undefined): EndFault {
  if (outcome === 'ABANDONED') return 'WORKER';
  if (!fault) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Say whose fault an early end was: WORKER, EMPLOYER or NONE.', [{ field: 'fault', message: 'is required for an early end' }]);
  }
  return fault;
}

/** A worker's own return is dated once their placement has ended. */
export function assertReturnable(placement: { status: PlacementOutcome | string }): void {
  if (placement.status === 'ACTIVE') throw new DomainException(ErrorCode.INVALID_TRANSITION, 'End the placement first (endPlacement, or recordReturn for the whole contingent).');
}

/** Checks the scores (the first wrong one is named) and returns the comments trimmed, or null when there are none. */
export function cleanEvaluation(input: EvaluationScores): string | null {
  for (const score of EVALUATION_SCORES) {
    if (!Number.isInteger(input[score]) || input[score] < 1 || input[score] > 5) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, `Give ${score} as a whole score from 1 to 5.`, [{ field: score, message: 'must be 1 to 5' }]);
    }
  }
  const comments = input.comments?.trim() || null;
  if (comments && comments.length > MAX_COMMENT_LENGTH) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Keep comments under 4,000 characters.', [{ field: 'comments', message: 'is too long' }]);
  }
  return comments;
}

/** An evaluation is taken from the end of the placement until its window closes (reopened windows counted). */
export function assertEvaluationOpen(
  placement: { status: PlacementOutcome | string; endedOn: string | null; evaluationOpenUntil?: string | null },
  today: string,
  policy: RehirePolicy,
): void {
  if (placement.status === 'ACTIVE' || !placement.endedOn) throw new DomainException(ErrorCode.INVALID_TRANSITION, 'A placement is evaluated once it has ended.');
  const closes = evaluationWindowCloses({ endedOn: placement.endedOn, evaluationOpenUntil: placement.evaluationOpenUntil }, policy);
  if (today > closes) throw new DomainException(ErrorCode.INVALID_TRANSITION, `The evaluation window closed on ${closes}; a coordinator can reopen it.`);
}

/** A coordinator reopens a window until today or later. */
export function assertReopenUntil(until: string, today: string): void {
  if (until < today) throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Reopen the window until today or later.', [{ field: 'until', message: 'is in the past' }]);
}

/** Only an ended placement's evaluation can be reopened. */
export function assertReopenable(placement: { status: PlacementOutcome | string }): void {
  if (placement.status === 'ACTIVE') throw new DomainException(ErrorCode.INVALID_TRANSITION, 'The placement has not ended; its evaluation is not due yet.');
}
