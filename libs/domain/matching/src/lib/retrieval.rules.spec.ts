import { unmetRequirements } from './eligibility.rules';
import { applicant, order } from './matching-facts.fixtures';
import type { ApplicantFacts, OrderFacts } from './matching.model';
import { CURRENT_MATCHING_POLICY } from './matching.policy';
import { loosestRequirements, retrievalGroupKey, retrievalGroups, shareRows } from './retrieval.rules';
import { seededRandom } from '@puente/common';

const policy = CURRENT_MATCHING_POLICY;

describe('retrieval groups', () => {
  it('groups orders of one occupation and the same preferred skills, whatever their order', () => {
    const a = { ...order, id: 'a' };
    const b = { ...order, id: 'b', preferredSkills: [...order.preferredSkills].reverse(), requiredSkills: [] };
    const c = { ...order, id: 'c', preferredSkills: ['CATTLE_HANDLING'] };
    const d = { ...order, id: 'd', iscoCode: '6121' };
    expect(retrievalGroupKey(a)).toBe(retrievalGroupKey(b));
    expect(retrievalGroups([a, c, b, d], (o) => o).map((g) => g.map((o) => o.id))).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('reads with requirements met by anyone eligible for any order of the group, and only those', () => {
    const random = seededRandom(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const skills = ['MILKING_MACHINE', 'CATTLE_HANDLING', 'ANIMAL_HEALTH_BASICS'];
    const someOf = (xs: readonly string[]) => xs.filter(() => random() < 0.4);
    for (let trial = 0; trial < 200; trial++) {
      const group: OrderFacts[] = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => ({
        ...order,
        id: `o${i}`,
        requiredSkills: someOf(skills),
        requiredLanguageLevels: someOf(['fr:A1', 'en:A1']),
        minExperienceYears: Math.floor(random() * 4),
        startDate: pick(['2027-03-01', '2027-04-01', '2027-05-15']),
        endDate: pick(['2027-10-01', '2028-03-30', '2027-12-24']),
      }));
      const loosest = loosestRequirements(group);
      for (let k = 0; k < 20; k++) {
        const person: ApplicantFacts = {
          ...applicant,
          skills: someOf(skills),
          languageLevels: someOf(['fr:A1', 'en:A1']),
          yearsExperience: Math.floor(random() * 4),
          passportExpiry: pick(['2027-12-01', '2028-06-01', '2029-01-01']),
          birthDate: pick(['2009-04-15', '2008-01-01', '1990-01-01']),
        };
        const eligibleSomewhere = group.some((o) => !unmetRequirements(person, o, policy).length);
        // Never one lost: eligible for an order, eligible for the group's reading.
        if (eligibleSomewhere) expect(unmetRequirements(person, loosest, policy)).toEqual([]);
      }
      // Alone, an order reads with its own requirements.
      expect(loosestRequirements([group[0]!])).toEqual(group[0]);
    }
  });
});

describe('sharing rows among a group', () => {
  const all = () => true;

  it('gives one order its best `wanted` eligible rows, in order', () => {
    const rows = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const { pairs, leftovers } = shareRows(rows, [{ orderIndex: 0, wanted: 2 }], 3, (r) => r !== 'r2');
    expect(pairs).toEqual([['r1', 0], ['r3', 0]]);
    expect(leftovers).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('in a group of fan-out orders or fewer, every order takes what it would alone', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `r${i}`);
    const eligible = (r: string, o: number) => Number(r.slice(1)) % (o + 1) === 0;
    const targets = [0, 1, 2].map((orderIndex) => ({ orderIndex, wanted: 3 }));
    const { pairs } = shareRows(rows, targets, 3, eligible);
    const of = (o: number) => pairs.filter(([, k]) => k === o).map(([r]) => r);
    for (const o of [0, 1, 2]) expect(of(o)).toEqual(rows.filter((r) => eligible(r, o)).slice(0, 3));
  });

  it('in a larger group, offers each row to at most fan-out orders and spreads the best rows over all of them', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `r${i}`);
    const targets = Array.from({ length: 10 }, (_, orderIndex) => ({ orderIndex, wanted: 6 }));
    const { pairs, leftovers } = shareRows(rows, targets, 3, all);
    const perRow = new Map<string, number>();
    for (const [r] of pairs) perRow.set(r, (perRow.get(r) ?? 0) + 1);
    expect(Math.max(...perRow.values())).toBeLessThanOrEqual(3);
    for (let o = 0; o < 10; o++) expect(pairs.filter(([, k]) => k === o)).toHaveLength(6);
    // 60 pairs, 3 a row: the first 20 rows; every order has some of the first ten rows.
    expect([...perRow.keys()]).toEqual(rows.slice(0, 20));
    for (let o = 0; o < 10; o++) expect(pairs.some(([r, k]) => k === o && Number(r.slice(1)) < 10)).toBe(true);
    expect(leftovers).toEqual(rows.slice(20));
  });

  it('counts existing pairs toward a row\'s fan-out, not again toward the order, and keeps rows that could take more', () => {
    const rows = ['r1', 'r2'];
    const existing = new Set(['r1|0', 'r1|1']);
    const { pairs, leftovers } = shareRows(rows, [0, 1, 2, 3].map((orderIndex) => ({ orderIndex, wanted: 1 })), 3, all, (r, o) => existing.has(`${r}|${o}`));
    // r1 has two pairs already: one more (order 2). r2, scanned from order 1 on: orders 1, 3 and 0.
    expect(pairs).toEqual([['r1', 2], ['r2', 1], ['r2', 3], ['r2', 0]]);
    expect(leftovers).toEqual([]);
    const fewer = shareRows(['r1'], [0, 1, 2, 3].map((orderIndex) => ({ orderIndex, wanted: 1 })), 3, (_r, o) => o !== 2 && o !== 3, (r, o) => existing.has(`${r}|${o}`));
    expect(fewer).toEqual({ pairs: [], leftovers: ['r1'] });
  });

  it('never pairs a row an order may not take, and stops once every order has what it wants', () => {
    const rows = ['r1', 'r2', 'r3', 'r4'];
    const { pairs, leftovers } = shareRows(rows, [{ orderIndex: 0, wanted: 1 }, { orderIndex: 1, wanted: 0 }], 3, (r, o) => !(r === 'r1' && o === 0));
    expect(pairs).toEqual([['r2', 0]]);
    expect(leftovers).toEqual(['r1', 'r2', 'r3', 'r4']);
  });
});
