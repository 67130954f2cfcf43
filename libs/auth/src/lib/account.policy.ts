import { DomainException, ErrorCode, isEmail, Role } from '@puente/common';

/**
 * Who may deactivate or reactivate a login: an administrator any login but their own (so the last one cannot
 * lock everyone out by mistake), a coordinator applicants' logins only. Returns why not, or null when allowed.
 */
export function accountChangeRefusal(actor: { userId: string; role: Role }, target: { id: string; role: Role }): string | null {
  if (target.id === actor.userId) return 'You cannot deactivate or reactivate your own login; ask another administrator.';
  if (actor.role === Role.ADMIN) return null;
  if (actor.role === Role.COORDINATOR && target.role === Role.APPLICANT) return null;
  return 'Coordinators deactivate and reactivate applicants’ logins only; an administrator manages staff and employer logins.';
}

/** A staff account is a coordinator's or an administrator's, signing in with a valid e-mail address. */
export function assertStaffAccount(input: { role: Role; email: string }): void {
  if (input.role !== Role.COORDINATOR && input.role !== Role.ADMIN) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Staff accounts are COORDINATOR or ADMIN.', [{ field: 'role', message: 'must be COORDINATOR or ADMIN' }]);
  }
  if (!isEmail(input.email.trim())) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Please enter a valid e-mail address.', [{ field: 'email', message: 'is not a valid e-mail address' }]);
  }
}

/** Deactivating an inactive login, or reactivating an active one, is refused rather than done twice. */
export function assertActiveChange(user: { active: boolean }, active: boolean): void {
  if (user.active === active) throw new DomainException(ErrorCode.INVALID_TRANSITION, active ? 'This login is already active.' : 'This login is already deactivated.');
}
