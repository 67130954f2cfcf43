import { ErrorCode } from '@puente/common';
import { assertMatchable, MAX_ORDERS_PER_RUN, runOrderIds, runStatusAfterFailure } from './matching-run.rules';

describe('matching run rules', () => {
  it('matches 1 to 1,000 orders, each once', () => {
    expect(runOrderIds(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(() => runOrderIds([])).toThrow('Give 1 to 1000 job orders to match.');
    expect(() => runOrderIds(Array.from({ length: MAX_ORDERS_PER_RUN + 1 }, (_, i) => `o${i}`))).toThrow(/1 to 1000/);
  });

  it('matches only orders that exist and are open, naming the others', () => {
    const open = { id: 'a', reference: 'JO-1', status: 'OPEN' };
    expect(() => assertMatchable(['a'], [open])).not.toThrow();
    expect(() => assertMatchable(['a', 'b'], [open])).toThrow(expect.objectContaining({ code: ErrorCode.NOT_FOUND, message: 'Job order b was not found.' }));
    expect(() => assertMatchable(['a', 'c'], [open, { id: 'c', reference: 'JO-3', status: 'DRAFT' }])).toThrow('Only approved (OPEN) orders are matched: JO-3 is DRAFT.');
  });

  it('queues a failed run again while its job has attempts left', () => {
    expect(runStatusAfterFailure(1, 3)).toBe('QUEUED');
    expect(runStatusAfterFailure(3, 3)).toBe('FAILED');
  });
});
