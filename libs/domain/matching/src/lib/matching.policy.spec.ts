import { MATCHING_POLICY_V2 as policy, MatchingPolicy, policyProblems, shortlistSize } from './matching.policy';

describe('matching policy', () => {
  it('has weights that add to 100 and a small fairness term', () => {
    expect(policyProblems(policy)).toEqual([]);
    const broken: MatchingPolicy = { ...policy, weights: { ...policy.weights, fairness: 20 } };
    expect(policyProblems(broken)).toEqual(['the weights add to 115, not 100', 'the fairness term must stay small (at most 10 points)']);
  });

  it('proposes three per open position plus a quarter in reserve', () => {
    expect(shortlistSize(70, 0, policy)).toBe(228);
    expect(shortlistSize(1, 0, policy)).toBe(4);
    expect(shortlistSize(10, 4, policy)).toBe(20);
    expect(shortlistSize(10, 10, policy)).toBe(0);
  });
});
