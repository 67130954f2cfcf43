/**
 * The rules of an employer's standing, versioned: every stored standing keeps the version it was decided under,
 * and a new version adds standings, never rewrites old ones.
 */
export interface StandingPolicy {
  version: string;
  /**
   * Workers' ratings are used and shown only over at least this many rated placements, and in whole blocks of
   * it (the oldest first), so no worker's answers can be read from an aggregate or from the difference of two.
   */
  minRatedPlacements: number;
  /** The average of any rating question (1–5) below `watchBelow` puts the employer on WATCH, below `atRiskBelow` AT_RISK. */
  ratings: { watchBelow: number; atRiskBelow: number };
  /** Substantiated cases against the employer (finding EMPLOYER) from which it is AT_RISK. */
  substantiatedCasesAtRiskFrom: number;
  /**
   * Early terminations by the employer's fault, as a share of its placements that ended: judged from `minEnded`
   * ended placements; above `watchAbove` WATCH, above `atRiskAbove` AT_RISK.
   */
  earlyTerminations: { minEnded: number; watchAbove: number; atRiskAbove: number };
  /**
   * No-shows: workers seated to travel to the employer whose seat was cancelled because its order was cancelled,
   * as a share of its seats that travelled or were cancelled that way. Judged from `minSeats`.
   */
  noShows: { minSeats: number; watchAbove: number; atRiskAbove: number };
  /**
   * The rehire rate: of its former workers found rehire-eligible after a placement that ended at least
   * `judgedAfterDays` ago (time for a next season's order), the share it asked for by name or took back. Judged
   * from `minEligible` such workers; below `watchBelow` WATCH.
   */
  rehire: { judgedAfterDays: number; minEligible: number; watchBelow: number };
}

export const STANDING_POLICY_V1: StandingPolicy = {
  version: '2026-12-v1',
  minRatedPlacements: 5,
  ratings: { watchBelow: 3, atRiskBelow: 2 },
  substantiatedCasesAtRiskFrom: 1,
  earlyTerminations: { minEnded: 5, watchAbove: 0.1, atRiskAbove: 0.25 },
  noShows: { minSeats: 5, watchAbove: 0.1, atRiskAbove: 0.25 },
  rehire: { judgedAfterDays: 180, minEligible: 5, watchBelow: 0.2 },
};

/** The policy new standings are decided under. */
export const CURRENT_STANDING_POLICY = STANDING_POLICY_V1;

/** What is wrong with a policy (empty when it can be used): thresholds in range and in order. */
export function standingPolicyProblems(policy: StandingPolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(policy.minRatedPlacements) || policy.minRatedPlacements < 5) problems.push('ratings are shown over at least 5 placements');
  const { watchBelow, atRiskBelow } = policy.ratings;
  if (!(atRiskBelow >= 1 && atRiskBelow <= watchBelow && watchBelow <= 5)) problems.push('rating thresholds must be 1 ≤ atRiskBelow ≤ watchBelow ≤ 5');
  if (!Number.isInteger(policy.substantiatedCasesAtRiskFrom) || policy.substantiatedCasesAtRiskFrom < 1) problems.push('substantiatedCasesAtRiskFrom must be a whole number, 1 or more');
  for (const [name, share] of [['earlyTerminations', policy.earlyTerminations], ['noShows', policy.noShows]] as const) {
    if (!(share.watchAbove >= 0 && share.watchAbove <= share.atRiskAbove && share.atRiskAbove <= 1)) problems.push(`${name}: 0 ≤ watchAbove ≤ atRiskAbove ≤ 1`);
  }
  for (const [name, n] of [
    ['earlyTerminations.minEnded', policy.earlyTerminations.minEnded],
    ['noShows.minSeats', policy.noShows.minSeats],
    ['rehire.minEligible', policy.rehire.minEligible],
    ['rehire.judgedAfterDays', policy.rehire.judgedAfterDays],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) problems.push(`${name} must be a whole number, 1 or more`);
  }
  if (!(policy.rehire.watchBelow >= 0 && policy.rehire.watchBelow <= 1)) problems.push('rehire.watchBelow must be a share from 0 to 1');
  return problems;
}
