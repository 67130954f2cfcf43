import { normalizeIdentifier } from '../auth.service';
import { throttleCounters } from './throttle.rules';

const limits = { perIdentifier: 5, perAddress: 30, perAddressReads: 120 };
const keys = (operation: string, input: Record<string, string>, address = '10.0.0.1', userId: string | null = null) =>
  throttleCounters({ operation, input, address, userId, limits, normalize: normalizeIdentifier }).map((c) => c.key);

describe('throttleCounters', () => {
  it('counts a DUI with and without its dash, and an e-mail in any case, as one identifier', () => {
    expect(keys('login', { identifier: '04567890-3' })).toEqual(keys('login', { identifier: '045678903' }));
    expect(keys('login', { identifier: ' Ana@Example.ORG ' })).toEqual(keys('login', { identifier: 'ana@example.org' }));
    expect(keys('login', { identifier: 'ana@example.org' })).not.toEqual(keys('login', { identifier: 'bob@example.org' }));
  });

  it('shares one per-address counter across identifiers and public operations, with its own limit', () => {
    const address = throttleCounters({ operation: 'login', input: { identifier: 'a@x.org' }, address: '10.0.0.1', userId: null, limits, normalize: normalizeIdentifier })[1]!;
    expect(address).toEqual({ key: 'address|10.0.0.1', limit: 30 });
    expect(keys('registerEmployer', { contactEmail: 'b@x.org' })).toContain('address|10.0.0.1');
    expect(keys('resetPassword', {})).toContain('address|10.0.0.1');
    expect(keys('login', { identifier: 'a@x.org' }, '10.0.0.2')).not.toContain('address|10.0.0.1');
  });

  it('never counts refreshToken: a single-use secret the portal presents at every page load', () => {
    expect(keys('refreshToken', {})).toEqual([]);
    expect(keys('refreshToken', { identifier: 'a@x.org' })).toEqual([]);
  });

  it('counts password-reset requests per account across addresses, and changePassword per user only', () => {
    expect(keys('requestPasswordReset', { email: 'A@x.org' }, '1.1.1.1')).toContain('account|requestPasswordReset|a@x.org');
    expect(keys('requestPasswordReset', { email: 'a@x.org' }, '2.2.2.2')).toContain('account|requestPasswordReset|a@x.org');
    expect(keys('changePassword', {}, '1.1.1.1', 'u1')).toEqual(['user|changePassword|u1']);
    expect(keys('changePassword', {}, '1.1.1.1', null)).toEqual([]);
    // A 6-digit code is counted per user, whatever address tries it.
    expect(keys('completeLogin', {}, '1.1.1.1', 'u1')).toEqual(['user|completeLogin|u1']);
    expect(keys('completeLogin', {}, '2.2.2.2', 'u1')).toEqual(['user|completeLogin|u1']);
    expect(keys('disableTotp', {}, '1.1.1.1', 'u1')).toEqual(['user|disableTotp|u1']);
  });

  it('counts the public reads (GraphQL and feeds) on one counter per address, apart from the sign-in counters', () => {
    const reads = (operation: string, address = '10.0.0.1') =>
      throttleCounters({ operation, input: {}, address, userId: null, limits, normalize: normalizeIdentifier });
    expect(reads('publicJobOrders')).toEqual([{ key: 'read|10.0.0.1', limit: 120 }]);
    expect(reads('verifiedEmployers')).toEqual(reads('publicJobOrders'));
    expect(reads('feeds')).toEqual(reads('publicJobOrders'));
    expect(reads('publicJobOrders', '10.0.0.2')).toEqual([{ key: 'read|10.0.0.2', limit: 120 }]);
    // A read never touches the sign-in counter of its address, nor a sign-in the read counter.
    expect(keys('login', { identifier: 'a@x.org' })).not.toContain('read|10.0.0.1');
    expect(reads('publicJobOrders').map((c) => c.key)).not.toContain('address|10.0.0.1');
  });
});
