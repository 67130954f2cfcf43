import { MATCHING_POLICY_V1 as policy } from './matching.policy';
import { rankShortlist, slotsAfterNamed } from './shortlist.rules';

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

describe('slots after named workers', () => {
  const named = (placed: number, held = 0, substitutable = 0) => ({ placed: Array(placed).fill('x'), held, substitutable });

  it('shortlists as usual without named workers', () => expect(slotsAfterNamed(4, undefined, policy)).toEqual({ open: 4, slots: 13 }));

  it('keeps the shortlist and reserves of the positions left after the named ones', () => {
    expect(slotsAfterNamed(4, named(1), policy)).toEqual({ open: 3, slots: 9 + 1 });
  });

  it('keeps reserves for named workers who may be substituted, even when they fill every position', () => {
    expect(slotsAfterNamed(2, named(2, 0, 2), policy)).toEqual({ open: 0, slots: 1 });
    expect(slotsAfterNamed(2, named(2, 0, 0), policy)).toEqual({ open: 0, slots: 0 });
  });

  it('holds the position of a named worker who cannot come when no substitute is accepted', () => {
    expect(slotsAfterNamed(3, named(1, 1), policy)).toEqual({ open: 1, slots: 3 + 1 });
  });
});
