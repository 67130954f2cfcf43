import { assertNewPasswordDiffers, refreshTokenState } from './session.rules';

const now = new Date('2027-01-10T12:00:00Z');
const token = { revokedAt: null, expiresAt: new Date('2027-01-11T00:00:00Z'), usedAt: null };

describe('refreshTokenState', () => {
  it('takes a live token once, and calls a second presentation reuse', () => {
    expect(refreshTokenState(token, now)).toBe('VALID');
    expect(refreshTokenState({ ...token, usedAt: new Date('2027-01-10T11:00:00Z') }, now)).toBe('REUSED');
  });

  it('refuses an unknown, revoked or expired token', () => {
    expect(refreshTokenState(null, now)).toBe('INVALID');
    expect(refreshTokenState({ ...token, revokedAt: new Date('2027-01-10T11:00:00Z') }, now)).toBe('INVALID');
    expect(refreshTokenState({ ...token, expiresAt: now }, now)).toBe('INVALID');
    // Revoked or expired outranks used: nothing more is revoked for it.
    expect(refreshTokenState({ ...token, expiresAt: now, usedAt: now }, now)).toBe('INVALID');
  });
});

describe('assertNewPasswordDiffers', () => {
  it('refuses the current password as the new one', () => {
    expect(() => assertNewPasswordDiffers('correct horse battery', 'correct horse battery staple')).not.toThrow();
    expect(() => assertNewPasswordDiffers('correct horse battery', 'correct horse battery')).toThrow(
      expect.objectContaining({ fields: [{ field: 'newPassword', message: 'must differ from the current password' }] }),
    );
  });
});
