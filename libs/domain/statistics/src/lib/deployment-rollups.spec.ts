import { edgeMonths, eventTable, type EventCounts, restrictedDimensions, rollupDimensions, sumEvent, totalOf } from './deployment-rollups';

const counts = (n: number, more: Partial<EventCounts> = {}): EventCounts => ({ n, firstTime: 0, rehires: 0, named: 0, settled: 0, onTime: 0, ...more });
const row = (event: 'D' | 'R' | 'U' | 'S' | 'P', time: string, cell: string, n: number, more: Partial<EventCounts> = {}) => ({ event, time, cell, ...counts(n, more) });
const period = { from: '2025-01-15', to: '2025-04-10' };

describe('monthly rollups', () => {
  // Cells are DESTINATION_COUNTRY|SEX (the rollup's dimensions in their fixed order).
  const dims = rollupDimensions(['SEX'], { ...period, destinationCountry: 'CA' });
  // The rollup counts every month; the edges hold the first and last months again, day by day (as the facts give them).
  const rollup = eventTable([
    row('D', '2024-12', 'CA|FEMALE', 100),
    row('D', '2025-01', 'CA|FEMALE', 7),
    row('D', '2025-02', 'CA|FEMALE', 5, { rehires: 2 }),
    row('D', '2025-03', 'CA|MALE', 3),
    row('D', '2025-03', 'US|MALE', 50),
    row('D', '2025-04', 'CA|MALE', 9),
    row('R', '2025-01', 'CA|FEMALE', 1),
    row('R', '2025-03', 'CA|FEMALE', 4),
    row('R', '2025-04', 'CA|FEMALE', 1),
  ]);
  const edges = eventTable([
    row('D', '2025-01-14', 'CA|FEMALE', 6),
    row('D', '2025-01-15', 'CA|FEMALE', 1),
    row('D', '2025-04-10', 'CA|MALE', 2),
    row('D', '2025-04-11', 'CA|MALE', 7),
    row('R', '2025-01-15', 'CA|FEMALE', 1),
    row('R', '2025-04-10', 'CA|FEMALE', 1),
  ]);
  const f = { ...period, destinationCountry: 'CA' };

  it('puts the groups asked for and the restrictions in one fixed order', () => {
    expect(dims).toEqual(['DESTINATION_COUNTRY', 'SEX']);
    expect(rollupDimensions(['SEX', 'AGE_GROUP'], { ...period, sex: 'FEMALE', regionCode: 'CA-ON' })).toEqual(['AGE_GROUP', 'DESTINATION_REGION', 'SEX']);
    expect(restrictedDimensions({ ...period, departmentCode: 'SV-SS', iscoMajorGroup: '9' })).toEqual({ DEPARTMENT: 'SV-SS', ISCO_MAJOR: '9' });
  });

  it('reads the first and the last month of a period day by day, one month when they are the same', () => {
    expect(edgeMonths('2025-01-15', '2025-04-10')).toEqual([
      ['2025-01-01', '2025-01-31'],
      ['2025-04-01', '2025-04-30'],
    ]);
    expect(edgeMonths('2024-02-03', '2024-02-20')).toEqual([['2024-02-01', '2024-02-29']]);
  });

  it('sums a period from the months inside it and the days of its edge months', () => {
    // February and March whole (5 + 3), 15 January (1) and 10 April (2); the restriction to Canada leaves out the US row.
    const sums = sumEvent('D', rollup, edges, dims, ['SEX'], f, period);
    expect(Object.fromEntries([...sums].map(([k, c]) => [k, c.n]))).toEqual({ FEMALE: 6, MALE: 5 });
    expect(totalOf(sums)).toEqual(counts(11, { rehires: 2 }));
    expect(totalOf(sumEvent('R', rollup, edges, dims, [], f, period)).n).toBe(6);
  });

  it('sums everything up to a day (the stock, the active placements)', () => {
    // December and before whole (100), 14 and 15 January.
    expect(totalOf(sumEvent('D', rollup, edges, dims, [], f, { upTo: '2025-01-15' })).n).toBe(107);
    expect(totalOf(sumEvent('R', rollup, edges, dims, [], f, { upTo: '2025-04-10' })).n).toBe(6);
  });

  it('keeps the number of days of a histogram as its last value', () => {
    const histograms = eventTable([row('S', '2025-02', 'CA|FEMALE|30', 2), row('S', '2025-03', 'CA|MALE|30', 1), row('S', '2025-03', 'CA|MALE|45', 4)]);
    const sums = sumEvent('S', histograms, eventTable([]), dims, [], f, period);
    expect(Object.fromEntries([...sums].map(([k, c]) => [k, c.n]))).toEqual({ '30': 3, '45': 4 });
  });
});
