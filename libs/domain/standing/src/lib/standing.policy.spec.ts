import { STANDING_POLICY_V1, standingPolicyProblems } from './standing.policy';

const policy = STANDING_POLICY_V1;

describe('standingPolicyProblems', () => {
  it('accepts v1', () => expect(standingPolicyProblems(policy)).toEqual([]));
  it('refuses aggregates under five and thresholds out of order', () => {
    expect(standingPolicyProblems({ ...policy, minRatedPlacements: 3 })).toEqual(['ratings are shown over at least 5 placements']);
    expect(standingPolicyProblems({ ...policy, ratings: { watchBelow: 2, atRiskBelow: 3 } })).toHaveLength(1);
    expect(standingPolicyProblems({ ...policy, noShows: { ...policy.noShows, watchAbove: 0.5, atRiskAbove: 0.2 } })).toEqual(['noShows: 0 ≤ watchAbove ≤ atRiskAbove ≤ 1']);
    expect(standingPolicyProblems({ ...policy, rehire: { ...policy.rehire, minEligible: 0 } })).toEqual(['rehire.minEligible must be a whole number, 1 or more']);
  });
});
