import { MATCHING_POLICY_V1 as policy } from './matching.policy';
import { namedRequestOutcome, rankShortlist, slotsAfterNamed } from './shortlist.rules';

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

describe('namedRequestOutcome', () => {
  const none = { placed: [], held: 0 };
  const request = { substituteAcceptable: true, rejected: false, placeable: true };
  it('places a named worker who can be placed, while positions remain', () => {
    expect(namedRequestOutcome(none, 2, request)).toBe('PLACE');
    expect(namedRequestOutcome({ placed: ['a'], held: 1 }, 2, request)).toBe('NONE');
  });

  it('drops the request of a worker rejected for the order', () => {
    expect(namedRequestOutcome(none, 2, { ...request, rejected: true })).toBe('NONE');
    expect(namedRequestOutcome(none, 2, { ...request, rejected: true, substituteAcceptable: false, placeable: false })).toBe('NONE');
  });

  it('holds the position of a worker who cannot be placed only when no substitute is acceptable', () => {
    expect(namedRequestOutcome(none, 2, { ...request, placeable: false })).toBe('NONE');
    expect(namedRequestOutcome(none, 2, { ...request, placeable: false, substituteAcceptable: false })).toBe('HOLD');
  });
});
