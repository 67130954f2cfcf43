import { addDays } from '@puente/common';
import type { RehirePolicy } from './rehire.policy';

export type PlacementOutcome = 'ACTIVE' | 'COMPLETED' | 'TERMINATED_EARLY' | 'ABANDONED';
/** Who an early end was down to, as the coordinator recorded it. */
export type EndFault = 'WORKER' | 'EMPLOYER' | 'NONE';

/** Everything a decision looks at, stored with it so anyone can see what it was made from. */
export interface RehireInputs {
  /** The day the decision is made (its reasons speak of that day). */
  asOf: string;
  placement: {
    status: PlacementOutcome;
    endedOn: string | null;
    returnedOn: string | null;
    fault: EndFault | null;
    /** Set only when a coordinator reopened the evaluation window until that day (absent otherwise, as in older decisions). */
    evaluationOpenUntil?: string | null;
  };
  /** The evaluation that counts (policy v2: not overturned, not set aside for a retaliation review), or null. */
  evaluation: { overall: number; wouldRehire: boolean } | null;
  /**
   * Policy v2: how the placement's evaluation stands after review when that is not plainly "counts" (absent then, as
   * in v1 decisions): CONTESTED (pending; `evaluation` is it and counts), UNDER_REVIEW (flagged as possible
   * retaliation, not reviewed) or OVERTURNED (void); for these two `evaluation` is null.
   */
  evaluationReview?: 'CONTESTED' | 'UNDER_REVIEW' | 'OVERTURNED';
  substantiatedMisconduct: number;
  passportExpiry: string | null;
}

export type RehireOutcome = 'ELIGIBLE' | 'INELIGIBLE' | 'PENDING';

export interface RehireReason {
  code: 'PLACEMENT_ENDED' | 'CONTRACT_OUTCOME' | 'EVALUATION' | 'RETURNED_ON_TIME' | 'NO_MISCONDUCT' | 'PASSPORT';
  /** true: met; false: not met (refuses); null: not known yet (the decision waits for it). */
  met: boolean | null;
  message: string;
}

export interface RehireDecision {
  outcome: RehireOutcome;
  /** Eligible, but the passport must be renewed before the next season. */
  needsPassportRenewal: boolean;
  reasons: RehireReason[];
  /** The day one of the inputs changes meaning (a window closes, a passport nears expiry): decide again then. */
  recheckOn: string | null;
}

/**
 * The last day an employer may evaluate an ended placement (El Salvador's calendar): the end plus the policy's
 * window, or a later day a coordinator reopened it until. The evaluation itself, the decision waiting for it and
 * the employer's list of placements all count the window with this.
 */
export function evaluationWindowCloses(placement: { endedOn: string; evaluationOpenUntil?: string | null }, policy: RehirePolicy): string {
  const standard = addDays(placement.endedOn, policy.evaluationWindowDays);
  return placement.evaluationOpenUntil && placement.evaluationOpenUntil > standard ? placement.evaluationOpenUntil : standard;
}

/** Where a placement's evaluation stands: season not over, open (until the window closes), done, or closed unevaluated. */
export type EvaluationState = 'NOT_DUE' | 'OPEN' | 'EVALUATED' | 'CLOSED';

export function evaluationState(
  placement: { status: PlacementOutcome | string; endedOn: string | null; evaluationOpenUntil?: string | null; evaluated: boolean },
  today: string,
  policy: RehirePolicy,
): { state: EvaluationState; closesOn: string | null } {
  const closesOn = placement.endedOn ? evaluationWindowCloses({ endedOn: placement.endedOn, evaluationOpenUntil: placement.evaluationOpenUntil }, policy) : null;
  if (placement.evaluated) return { state: 'EVALUATED', closesOn };
  if (placement.status === 'ACTIVE' || closesOn === null) return { state: 'NOT_DUE', closesOn };
  return { state: closesOn < today ? 'CLOSED' : 'OPEN', closesOn };
}

/**
 * The rehire decision for one ended placement, under a versioned policy. Every rule gives a reason, met or not,
 * in words a worker can read. PENDING while something can still change the answer (an evaluation still within its
 * window, a worker not home yet but not late); INELIGIBLE as soon as one rule is definitely not met; otherwise
 * ELIGIBLE, with "needs renewal" when the passport will not last the next season. Pure and deterministic.
 */
export function decideRehire(inputs: RehireInputs, policy: RehirePolicy): RehireDecision {
  const { asOf, placement, evaluation } = inputs;
  const reasons: RehireReason[] = [];
  const recheck: string[] = [];

  if (placement.status === 'ACTIVE' || !placement.endedOn) {
    return { outcome: 'PENDING', needsPassportRenewal: false, reasons: [{ code: 'PLACEMENT_ENDED', met: null, message: 'The placement has not ended yet.' }], recheckOn: null };
  }
  const endedOn = placement.endedOn;

  if (placement.status === 'COMPLETED') reasons.push({ code: 'CONTRACT_OUTCOME', met: true, message: 'The contract was completed.' });
  else if (placement.status === 'TERMINATED_EARLY' && placement.fault !== 'WORKER') {
    reasons.push({ code: 'CONTRACT_OUTCOME', met: true, message: 'The contract ended early through no fault of the worker.' });
  } else if (placement.status === 'TERMINATED_EARLY') {
    reasons.push({ code: 'CONTRACT_OUTCOME', met: false, message: 'The contract ended early through the fault of the worker.' });
  } else reasons.push({ code: 'CONTRACT_OUTCOME', met: false, message: 'The worker abandoned the job.' });

  const windowCloses = evaluationWindowCloses({ endedOn, evaluationOpenUntil: placement.evaluationOpenUntil }, policy);
  if (inputs.evaluationReview === 'UNDER_REVIEW') {
    // Set aside, not held against the worker: a coordinator's UPHOLD makes it count and queues a new decision.
    reasons.push({
      code: 'EVALUATION',
      met: true,
      message: "The employer's evaluation is under review: it came after the worker reported a case against the employer, and it does not count until a coordinator upholds it.",
    });
  } else if (inputs.evaluationReview === 'OVERTURNED') {
    reasons.push({ code: 'EVALUATION', met: true, message: "The employer's evaluation was overturned on review; it does not count." });
  } else if (evaluation) {
    const ok = evaluation.overall >= policy.minimumOverall;
    reasons.push({
      code: 'EVALUATION',
      met: ok,
      message:
        `The employer's overall score is ${evaluation.overall} of 5 (at least ${policy.minimumOverall} is needed)${evaluation.wouldRehire ? '; the employer would rehire' : ''}.` +
        (inputs.evaluationReview === 'CONTESTED' ? ' The worker contested it; it counts until a coordinator decides.' : ''),
    });
  } else if (asOf <= windowCloses) {
    reasons.push({ code: 'EVALUATION', met: null, message: `Waiting for the employer's evaluation (due by ${windowCloses}).` });
    recheck.push(addDays(windowCloses, 1));
  } else {
    reasons.push({ code: 'EVALUATION', met: true, message: `The employer did not evaluate by ${windowCloses}; no evaluation is required.` });
  }

  const homeBy = addDays(endedOn, policy.returnWithinDays);
  if (placement.returnedOn) {
    const onTime = placement.returnedOn <= homeBy;
    reasons.push({
      code: 'RETURNED_ON_TIME',
      met: onTime,
      message: onTime ? `Home on ${placement.returnedOn}, within ${policy.returnWithinDays} days of the end.` : `Home on ${placement.returnedOn}, after ${homeBy} (${policy.returnWithinDays} days after the end).`,
    });
  } else if (asOf <= homeBy) {
    reasons.push({ code: 'RETURNED_ON_TIME', met: null, message: `Not home yet; expected by ${homeBy}.` });
    recheck.push(addDays(homeBy, 1));
  } else {
    reasons.push({ code: 'RETURNED_ON_TIME', met: false, message: `Not recorded home by ${homeBy} (${policy.returnWithinDays} days after the end).` });
  }

  reasons.push(
    inputs.substantiatedMisconduct
      ? { code: 'NO_MISCONDUCT', met: false, message: `${inputs.substantiatedMisconduct} substantiated misconduct case(s).` }
      : { code: 'NO_MISCONDUCT', met: true, message: 'No substantiated misconduct.' },
  );

  const horizon = addDays(asOf, policy.passportHorizonDays);
  const passportLasts = inputs.passportExpiry !== null && inputs.passportExpiry >= horizon;
  reasons.push({
    code: 'PASSPORT',
    met: true,
    message: passportLasts
      ? `The passport is valid until ${inputs.passportExpiry}.`
      : inputs.passportExpiry
        ? `The passport expires on ${inputs.passportExpiry}: it needs renewal before the next season.`
        : 'No passport on file: one is needed before the next season.',
  });
  if (passportLasts) recheck.push(addDays(inputs.passportExpiry!, -policy.passportHorizonDays + 1));

  const refused = reasons.some((r) => r.met === false);
  const waiting = reasons.some((r) => r.met === null);
  const outcome: RehireOutcome = refused ? 'INELIGIBLE' : waiting ? 'PENDING' : 'ELIGIBLE';
  return {
    outcome,
    needsPassportRenewal: outcome === 'ELIGIBLE' && !passportLasts,
    reasons,
    recheckOn: outcome === 'INELIGIBLE' ? null : (recheck.sort()[0] ?? null),
  };
}
