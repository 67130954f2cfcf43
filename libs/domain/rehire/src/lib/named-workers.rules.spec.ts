import { assertNameableOrder, assertNameableWorkers, assertPositionsLeftToName, MAX_NAMED_AT_ONCE, namedWorkerIds } from './named-workers.rules';

const worker = (id: string, change: Partial<{ worked: boolean; outcome: string | null; rejected: boolean }> = {}) => ({
  id,
  worked: true,
  outcome: 'ELIGIBLE',
  name: `Worker ${id}`,
  rejected: false,
  ...change,
});

describe('namedWorkerIds', () => {
  it('names each worker once, 1 to 100 at a time', () => {
    expect(namedWorkerIds(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(() => namedWorkerIds([])).toThrow('Name 1 to 100 workers at a time.');
    expect(namedWorkerIds(Array.from({ length: MAX_NAMED_AT_ONCE }, (_, i) => `w${i}`))).toHaveLength(100);
    expect(() => namedWorkerIds(Array.from({ length: MAX_NAMED_AT_ONCE + 1 }, (_, i) => `w${i}`))).toThrow(/1 to 100/);
  });
});

describe('assertNameableOrder', () => {
  it.each(['DRAFT', 'SUBMITTED', 'OPEN'])('names workers on a %s order', (status) => {
    expect(() => assertNameableOrder({ reference: 'JO-1', status })).not.toThrow();
  });
  it.each(['REJECTED', 'FILLED', 'CANCELLED', 'COMPLETED'])('refuses a %s order', (status) => {
    expect(() => assertNameableOrder({ reference: 'JO-1', status })).toThrow(`Workers are named on a draft, submitted or open order; JO-1 is ${status}.`);
  });
});

describe('assertNameableWorkers', () => {
  it('takes former workers who are rehire-eligible and were not rejected for the order', () => {
    expect(() => assertNameableWorkers(['a', 'b'], [worker('a'), worker('b')])).not.toThrow();
  });

  it('refuses the request as a whole, naming each problem, and tells nothing of a stranger', () => {
    const facts = [worker('a'), worker('b', { outcome: null }), worker('c', { outcome: 'INELIGIBLE' }), worker('d', { rejected: true }), { ...worker('e', { worked: false }), name: null }];
    expect(() => assertNameableWorkers(['a', 'b', 'c', 'd', 'e', 'f'], facts)).toThrow(
      expect.objectContaining({
        fields: [
          { field: 'applicantIds', message: 'Worker b is not rehire-eligible (not decided yet)' },
          { field: 'applicantIds', message: 'Worker c is not rehire-eligible (ineligible)' },
          { field: 'applicantIds', message: 'Worker d was rejected for or taken off this order' },
          { field: 'applicantIds', message: 'e has not worked for this employer' },
          { field: 'applicantIds', message: 'f has not worked for this employer' },
        ],
      }),
    );
  });
});

describe('assertPositionsLeftToName', () => {
  it('lets named workers fill the positions left, and no more', () => {
    expect(() => assertPositionsLeftToName({ reference: 'JO-1', positions: 5 }, 3, 2)).not.toThrow();
    expect(() => assertPositionsLeftToName({ reference: 'JO-1', positions: 5 }, 3, 3)).toThrow('JO-1 has 2 position(s) left to name workers for; you named 3.');
  });
});
