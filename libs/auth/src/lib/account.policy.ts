import { DomainException, ErrorCode, isEmail, type Jurisdiction, Role } from '@puente/common';

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

/** The roles of the accounts an administrator opens with createStaffUser. */
export const STAFF_ACCOUNT_ROLES: readonly Role[] = [Role.COORDINATOR, Role.ADMIN, Role.CONSUL];

/**
 * A staff account is a coordinator's, an administrator's or a consul's, signing in with a valid e-mail address. A
 * consul comes with a jurisdiction (a country and at least one region); the others never have one. Returns the
 * jurisdiction as it is kept (codes trimmed, upper-case, each once), or null; whether the regions exist and belong
 * to the country is `assertJurisdictionRegions`, once the reference data is read.
 */
export function assertStaffAccount(input: { role: Role; email: string; jurisdiction?: Jurisdiction | null }): Jurisdiction | null {
  if (!STAFF_ACCOUNT_ROLES.includes(input.role)) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Staff accounts are COORDINATOR, ADMIN or CONSUL.', [
      { field: 'role', message: 'must be COORDINATOR, ADMIN or CONSUL' },
    ]);
  }
  if (!isEmail(input.email.trim())) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Please enter a valid e-mail address.', [{ field: 'email', message: 'is not a valid e-mail address' }]);
  }
  if (input.role !== Role.CONSUL) {
    if (input.jurisdiction) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Only a consul has a jurisdiction; leave it out for coordinators and administrators.', [
        { field: 'jurisdiction', message: 'only for CONSUL' },
      ]);
    }
    return null;
  }
  const countryCode = input.jurisdiction?.countryCode?.trim().toUpperCase() ?? '';
  const regionCodes = [...new Set((input.jurisdiction?.regionCodes ?? []).map((r) => r.trim().toUpperCase()).filter(Boolean))];
  const problems: { field: string; message: string }[] = [];
  if (!/^[A-Z]{2}$/.test(countryCode)) problems.push({ field: 'jurisdiction.countryCode', message: 'is required for a consul: a two-letter country code (CA, US)' });
  if (!regionCodes.length) problems.push({ field: 'jurisdiction.regionCodes', message: "is required for a consul: at least one region code (e.g. CA-QC)" });
  if (problems.length) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, "A consul's account needs a jurisdiction: a country and at least one of its regions.", problems);
  }
  return { countryCode, regionCodes };
}

/** Every region of a jurisdiction exists in the reference data and lies in its country (`countries`: region → country). */
export function assertJurisdictionRegions(jurisdiction: Jurisdiction, countries: ReadonlyMap<string, string>): void {
  const unknown = jurisdiction.regionCodes.filter((r) => !countries.has(r));
  const elsewhere = jurisdiction.regionCodes.filter((r) => countries.has(r) && countries.get(r) !== jurisdiction.countryCode);
  if (!unknown.length && !elsewhere.length) return;
  const problems = [
    ...unknown.map((r) => ({ field: 'jurisdiction.regionCodes', message: `${r} is not a known region` })),
    ...elsewhere.map((r) => ({ field: 'jurisdiction.regionCodes', message: `${r} is not in ${jurisdiction.countryCode}` })),
  ];
  throw new DomainException(
    ErrorCode.BAD_USER_INPUT,
    `A consul's regions must be regions of the reference data in the jurisdiction's country (${jurisdiction.countryCode}).`,
    problems,
  );
}

/** Deactivating an inactive login, or reactivating an active one, is refused rather than done twice. */
export function assertActiveChange(user: { active: boolean }, active: boolean): void {
  if (user.active === active) throw new DomainException(ErrorCode.INVALID_TRANSITION, active ? 'This login is already active.' : 'This login is already deactivated.');
}
