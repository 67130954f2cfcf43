/**
 * The weights and thresholds of matching, versioned: every run stores the policy it used, so a score can be
 * explained later even after the policy changes. Weights are the points each factor can give; they add to 100.
 */
export interface MatchingPolicy {
  version: string;
  weights: {
    requiredSkills: number;
    preferredSkills: number;
    experience: number;
    evaluations: number;
    returningWorker: number;
    language: number;
    fairness: number;
  };
  /** The passport must stay valid this many days after the contract ends (return travel, delays). */
  passportMarginDays: number;
  minimumAge: number;
  /** Candidates an employer sees per position, and reserves per order for backfill, as a share of positions. */
  shortlistPerPosition: number;
  reserveShare: number;
  /** Years of experience at which the experience factor is full, beyond the order's minimum. */
  experienceSaturationYears: number;
  /**
   * v2: the share of the evaluations factor given by "would rehire" answers, the rest by the average overall
   * rating. Absent in v1, which read the average only.
   */
  wouldRehireShare?: number;
}

export const MATCHING_POLICY_V1: MatchingPolicy = {
  version: '2026-11-v1',
  weights: {
    requiredSkills: 25,
    preferredSkills: 15,
    experience: 20,
    evaluations: 15,
    returningWorker: 10,
    language: 10,
    fairness: 5,
  },
  passportMarginDays: 90,
  minimumAge: 18,
  shortlistPerPosition: 3,
  reserveShare: 0.25,
  experienceSaturationYears: 5,
};

/**
 * v2 reads what Puente knows: each candidate's evaluations (average overall and would-rehire answers) and
 * former employers, and deployments so far against registrants per municipality and gender. The weights are
 * v1's; the facts behind three factors changed, so runs say which policy scored them.
 */
export const MATCHING_POLICY_V2: MatchingPolicy = {
  ...MATCHING_POLICY_V1,
  version: '2026-12-v2',
  wouldRehireShare: 0.2,
};

/** The policy new runs use. Older runs keep the policy they stored, and their breakdowns stay as written. */
export const CURRENT_MATCHING_POLICY = MATCHING_POLICY_V2;

export function policyProblems(policy: MatchingPolicy): string[] {
  const total = Object.values(policy.weights).reduce((a, b) => a + b, 0);
  const problems: string[] = [];
  if (Math.abs(total - 100) > 1e-9) problems.push(`the weights add to ${total}, not 100`);
  if (Object.values(policy.weights).some((w) => w < 0)) problems.push('a weight is negative');
  if (policy.weights.fairness > 10) problems.push('the fairness term must stay small (at most 10 points)');
  return problems;
}

/** How many applicants an order is proposed: three per open position plus reserves. */
export function shortlistSize(positions: number, alreadyFilled: number, policy: MatchingPolicy): number {
  const open = Math.max(0, positions - alreadyFilled);
  if (open === 0) return 0;
  return open * policy.shortlistPerPosition + Math.ceil(open * policy.reserveShare);
}
