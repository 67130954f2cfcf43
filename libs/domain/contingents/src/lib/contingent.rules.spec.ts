import { seededRandom } from '@puente/common';
import { assertConfirmable, planSeats, Traveller } from './contingent.rules';

const people = (n: number, jobOrderId = 'o1', regionCode = 'CA-QC', startDate = '2027-03-15'): Traveller[] =>
  Array.from({ length: n }, (_, i) => ({ applicantId: `${jobOrderId}-a${String(i).padStart(4, '0')}`, jobOrderId, regionCode, startDate }));

describe('planSeats', () => {
  it('makes as few contingents as capacity allows, of balanced sizes', () => {
    const plan = planSeats(people(150), [], 70);
    expect(plan.joins).toEqual([]);
    expect(plan.created.map((c) => [c.sequence, c.travellers.length])).toEqual([[1, 50], [2, 50], [3, 50]]);
    expect(planSeats(people(141), [], 70).created.map((c) => c.travellers.length)).toEqual([47, 47, 47]);
    expect(planSeats(people(142), [], 70).created.map((c) => c.travellers.length)).toEqual([48, 47, 47]);
    expect(planSeats(people(70), [], 70).created.map((c) => c.travellers.length)).toEqual([70]);
  });

  it('groups by destination region and start date, never mixing them', () => {
    const plan = planSeats([...people(3, 'o1', 'CA-QC'), ...people(2, 'o2', 'CA-ON'), ...people(2, 'o3', 'CA-QC', '2027-04-01')], [], 70);
    expect(plan.created.map((c) => [c.regionCode, c.startDate, c.travellers.length])).toEqual([
      ['CA-ON', '2027-03-15', 2],
      ['CA-QC', '2027-03-15', 3],
      ['CA-QC', '2027-04-01', 2],
    ]);
  });

  it('puts orders of the same region and date together, each order in one block', () => {
    const plan = planSeats([...people(30, 'o2'), ...people(30, 'o1')], [], 70);
    expect(plan.created).toHaveLength(1);
    expect(plan.created[0]!.travellers.map((t) => t.jobOrderId)).toEqual([...Array(30).fill('o1'), ...Array(30).fill('o2')]);
  });

  it('fills free seats of existing contingents first, then numbers new ones after them', () => {
    const existing = [
      { id: 'c2', regionCode: 'CA-QC', startDate: '2027-03-15', sequence: 2, size: 70 },
      { id: 'c1', regionCode: 'CA-QC', startDate: '2027-03-15', sequence: 1, size: 65 },
      { id: 'x', regionCode: 'CA-ON', startDate: '2027-03-15', sequence: 1, size: 1 },
    ];
    const plan = planSeats(people(80), existing, 70);
    expect(plan.joins.map((j) => [j.contingentId, j.travellers.length])).toEqual([['c1', 5]]);
    expect(plan.created.map((c) => [c.sequence, c.travellers.length])).toEqual([[3, 38], [4, 37]]);
  });

  it('seats everyone exactly once, within capacity, the same way every time', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 50; round++) {
      const capacity = 1 + Math.floor(random() * 80);
      const travellers = Array.from({ length: Math.floor(random() * 400) }, (_, i) => ({
        applicantId: `a${i}`,
        jobOrderId: `o${Math.floor(random() * 6)}`,
        regionCode: random() < 0.5 ? 'CA-QC' : 'US-GA',
        startDate: random() < 0.5 ? '2027-03-15' : '2027-04-01',
      }));
      const shuffled = [...travellers].sort(() => random() - 0.5);
      const plan = planSeats(travellers, [], capacity);
      expect(planSeats(shuffled, [], capacity)).toEqual(plan);
      const seated = plan.created.flatMap((c) => c.travellers.map((t) => t.applicantId)).sort();
      expect(seated).toEqual(travellers.map((t) => t.applicantId).sort());
      for (const c of plan.created) {
        expect(c.travellers.length).toBeGreaterThan(0);
        expect(c.travellers.length).toBeLessThanOrEqual(capacity);
        expect(new Set(c.travellers.map((t) => `${t.regionCode}|${t.startDate}`)).size).toBe(1);
      }
      const groups = new Set(travellers.map((t) => `${t.regionCode}|${t.startDate}`));
      const minimum = [...groups].reduce((n, g) => n + Math.ceil(travellers.filter((t) => `${t.regionCode}|${t.startDate}` === g).length / capacity), 0);
      expect(plan.created).toHaveLength(minimum);
    }
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => planSeats(people(1), [], 0)).toThrow('capacity must be a positive integer, not 0');
  });
});

describe('assertConfirmable', () => {
  const k = { reference: 'CT-CA-QC-2027-03-15-1' };
  it('confirms once every seated worker is ready', () => {
    expect(() => assertConfirmable(k, [], 12)).not.toThrow();
  });

  it('names the first five workers with blocking steps not done, and their steps', () => {
    const unready = Array.from({ length: 6 }, (_, i) => ({ name: `Worker ${i}`, kinds: ['MEDICAL_EXAM', 'VISA_INTERVIEW'] }));
    expect(() => assertConfirmable(k, unready.slice(0, 1), 12)).toThrow(
      '1 traveller(s) of CT-CA-QC-2027-03-15-1 have blocking steps not done: Worker 0 (medical exam, visa interview). Complete the steps',
    );
    expect(() => assertConfirmable(k, unready, 12)).toThrow(/Worker 4 \(medical exam, visa interview\); …\. Complete/);
  });

  it('confirms nothing when nobody is seated', () => {
    expect(() => assertConfirmable(k, [], 0)).toThrow('CT-CA-QC-2027-03-15-1 has nobody seated; there is nothing to confirm.');
  });
});
