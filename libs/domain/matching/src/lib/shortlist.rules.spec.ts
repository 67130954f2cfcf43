import { MATCHING_POLICY_V1 as policy } from './matching.policy';
import { rankShortlist } from './shortlist.rules';

describe('rankShortlist', () => {
  it('ranks by score, breaks ties by applicant id, and keeps three per position in front', () => {
    const proposals = [
      { orderId: 'o', applicantId: 'c', score: 70 },
      { orderId: 'o', applicantId: 'a', score: 80 },
      { orderId: 'o', applicantId: 'b', score: 80 },
      { orderId: 'o', applicantId: 'd', score: 60 },
    ];
    expect(rankShortlist(proposals, 1, policy).map((p) => [p.applicantId, p.rank, p.status])).toEqual([
      ['a', 1, 'SUGGESTED'],
      ['b', 2, 'SUGGESTED'],
      ['c', 3, 'SUGGESTED'],
      ['d', 4, 'RESERVE'],
    ]);
  });
});
