import { DomainException, ErrorCode } from '@puente/common';

/**
 * What a presented refresh token is worth: VALID once (it is then rotated), REUSED when it was already used (its
 * whole family is revoked: the holder or a thief has a copy), INVALID when unknown, revoked or expired.
 */
export function refreshTokenState(stored: { revokedAt: Date | null; expiresAt: Date; usedAt: Date | null } | null, now: Date): 'VALID' | 'REUSED' | 'INVALID' {
  if (!stored || stored.revokedAt || stored.expiresAt <= now) return 'INVALID';
  return stored.usedAt ? 'REUSED' : 'VALID';
}

/** A new password must differ from the current one (its strength is the password policy's). */
export function assertNewPasswordDiffers(currentPassword: string, newPassword: string): void {
  if (newPassword === currentPassword) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Choose a password different from the current one.', [{ field: 'newPassword', message: 'must differ from the current password' }]);
  }
}
