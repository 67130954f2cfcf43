import { Actor, DomainException, ErrorCode, Role } from '@puente/common';

/** RFC 6238 as every authenticator app reads it by default: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** A code of the step before or after the current one is accepted too (a phone's clock a little off). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** How long the half-signed-in token of an enrolled user lives: enough to open the authenticator app. */
export const HALF_SIGNED_IN_TTL_SECONDS = 300;

/** Staff (consuls among them) enrol in two-factor sign-in (and may be required to), employers may opt in, applicants do not. */
export function mayEnrolInTwoFactor(role: Role): boolean {
  return isStaff(role) || role === Role.EMPLOYER;
}

/** Officials of El Salvador: the ministry's administrators and coordinators, and consuls abroad. */
export function isStaff(role: Role): boolean {
  return role === Role.ADMIN || role === Role.COORDINATOR || role === Role.CONSUL;
}

/**
 * What the second factor lets a token do, or why not (null: allowed). An enrolled user's token issued before the
 * code ('pending') may only complete the login; with STAFF_TOTP_REQUIRED, a staff token that did not pass a
 * second factor (the user has not enrolled) may only enrol.
 */
export function secondFactorRefusal(
  actor: Pick<Actor, 'role' | 'secondFactor'>,
  rules: { staffTotpRequired: boolean; allowsPending: boolean; allowsEnrolment: boolean },
): string | null {
  if (actor.secondFactor === 'pending') {
    return rules.allowsPending ? null : 'Finish signing in first: send a code from your authenticator app or a recovery code (mutation completeLogin).';
  }
  if (rules.staffTotpRequired && isStaff(actor.role) && actor.secondFactor !== 'passed' && !rules.allowsEnrolment) {
    return 'Two-factor sign-in is required for staff: enrol first (startTotpEnrolment, then confirmTotpEnrolment with a code).';
  }
  return null;
}

/** A TOTP code is accepted only for a time step after the last one accepted, so no code is accepted twice. */
export function acceptsStep(step: number, lastAcceptedStep: number | null): boolean {
  return lastAcceptedStep === null || step > lastAcceptedStep;
}

/** Six digits, spaces allowed (apps show `123 456`). */
export function totpCodeOf(code: string): string | null {
  const digits = code.replace(/\s+/g, '');
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits) ? digits : null;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code as shown once: `xxxxx-xxxxx` from an alphabet without look-alikes (about 49 bits). */
export function recoveryCode(randomIndex: (max: number) => number): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomIndex(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** A recovery code as typed (any case, with or without its dash or spaces) as it is hashed. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

/** Where a login's two-factor sign-in stands, as its columns tell it. */
interface TwoFactorState {
  totpEnabledAt: Date | null;
  totpSecret: string | null;
}

const refuse = (message: string, code = ErrorCode.INVALID_TRANSITION) => new DomainException(code, message);

/** Only those who use two-factor sign-in enrol. */
export function assertMayEnrol(role: Role): void {
  if (!mayEnrolInTwoFactor(role)) throw refuse('Applicants do not use two-factor sign-in.', ErrorCode.FORBIDDEN);
}

/** Enrolment starts (again, with a new secret) while two-factor sign-in is off. */
export function assertMayStartEnrolment(user: TwoFactorState): void {
  if (user.totpEnabledAt) throw refuse('Two-factor sign-in is already on; turn it off first (disableTotp) to enrol another device.');
}

/** Enrolment is confirmed once, after it was started. */
export function assertMayConfirmEnrolment(user: TwoFactorState): void {
  if (user.totpEnabledAt) throw refuse('Two-factor sign-in is already on.');
  if (!user.totpSecret) throw refuse('Start the enrolment first (startTotpEnrolment).');
}

/** A code is checked only for a login whose two-factor sign-in is on. */
export function assertTwoFactorOn(user: TwoFactorState): void {
  if (!user.totpEnabledAt) throw refuse('Two-factor sign-in is not on for this account.');
}

/** Staff may not turn off a two-factor sign-in that is required of them. */
export function assertMayDisable(role: Role, staffTotpRequired: boolean): void {
  if (staffTotpRequired && isStaff(role)) {
    throw refuse('Two-factor sign-in is required for staff; an administrator can reset it (resetTotp) for a new device.');
  }
}

/** An administrator resets someone else's two-factor sign-in, when there is one to reset (on, or being enrolled). */
export function assertMayReset(actor: Pick<Actor, 'userId' | 'role'>, user: TwoFactorState & { id: string }): void {
  if (actor.role !== Role.ADMIN) throw refuse('Only an administrator resets two-factor sign-in.', ErrorCode.FORBIDDEN);
  if (user.id === actor.userId) {
    throw refuse('You cannot reset your own two-factor sign-in; turn it off with a code (disableTotp) or ask another administrator.', ErrorCode.FORBIDDEN);
  }
  if (!user.totpEnabledAt && !user.totpSecret) throw refuse('This login has no two-factor sign-in to reset.');
}
