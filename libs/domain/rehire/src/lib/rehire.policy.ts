/**
 * The rules of rehire eligibility, versioned: every decision stores the version it was made under, and a new
 * version adds decisions, never rewrites old ones.
 */
export interface RehirePolicy {
  version: string;
  /** The employer's overall score (1–5) must be at least this. */
  minimumOverall: number;
  /** The worker must be home within this many days of the placement's end. */
  returnWithinDays: number;
  /** The employer has this many days after the end to evaluate; without an evaluation by then, none is required. */
  evaluationWindowDays: number;
  /** A passport expiring sooner than this many days from the decision is flagged "needs renewal" (not refused). */
  passportHorizonDays: number;
}

export const REHIRE_POLICY_V1: RehirePolicy = {
  version: '2026-11-v1',
  minimumOverall: 3,
  returnWithinDays: 15,
  evaluationWindowDays: 30,
  passportHorizonDays: 365,
};

/**
 * v2 reads evaluations as they stand after review and misconduct from cases: an evaluation a coordinator overturned,
 * or one flagged as possible retaliation and not reviewed yet, does not count (the EVALUATION reason says so, met);
 * a contested one counts until decided; NO_MISCONDUCT counts the worker's substantiated misconduct cases. The numbers
 * are v1's; decisions made under v1 keep their version.
 */
export const REHIRE_POLICY_V2: RehirePolicy = { ...REHIRE_POLICY_V1, version: '2026-12-v2' };

/** The policy new decisions are made under. */
export const CURRENT_REHIRE_POLICY: RehirePolicy = REHIRE_POLICY_V2;

export function rehirePolicyProblems(policy: RehirePolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(policy.minimumOverall) || policy.minimumOverall < 1 || policy.minimumOverall > 5) problems.push('the minimum overall score must be 1 to 5');
  for (const key of ['returnWithinDays', 'evaluationWindowDays', 'passportHorizonDays'] as const) {
    if (!Number.isInteger(policy[key]) || policy[key] < 0) problems.push(`${key} must be a whole number of days, 0 or more`);
  }
  return problems;
}
