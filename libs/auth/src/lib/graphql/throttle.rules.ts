/** The inputs the throttle reads an identifier from (login, registerEmployer, requestPasswordReset). */
export interface ThrottleInput {
  identifier?: string;
  contactEmail?: string;
  email?: string;
}

export interface ThrottleCounter {
  key: string;
  limit: number;
}

/**
 * What anyone may read without signing in: the open job orders, the verified employers, and the feeds of the
 * orders (`feeds`, every HTTP route under the guard). They share one counter per address with a limit of its own
 * (PUBLIC_READ_THROTTLE_LIMIT), apart from the sign-in counters: reading never uses up an office's sign-in
 * attempts, and a flood of reads gets a guesser no extra attempt.
 */
export const PUBLIC_READ_OPERATIONS: readonly string[] = ['publicJobOrders', 'verifiedEmployers', 'feeds'];

/** The operations every caller may reach without signing in: a per-address limit spans them all. */
export const PUBLIC_OPERATIONS = ['login', 'registerEmployer', 'requestPasswordReset', 'resetPassword', 'publicJobOrders', 'verifiedEmployers'] as const;

/** Signed-in operations that check a secret (a password or a code): counted per user. */
export const PER_USER_OPERATIONS: readonly string[] = ['changePassword', 'completeLogin', 'confirmTotpEnrolment', 'disableTotp'];

/**
 * The counters one call counts against (each within the same window):
 * - public operations: per operation, normalised identifier (a DUI with or without its dash, an e-mail in any
 *   case: one identifier) and address; and per address across every identifier and public operation, so one
 *   address cannot try many accounts;
 * - requestPasswordReset: also per account (the e-mail) across addresses, so nobody floods a person's inbox;
 * - changePassword and the two-factor codes (completeLogin, confirmTotpEnrolment, disableTotp): per signed-in
 *   user across addresses (the current password, or a 6-digit code, is guessable otherwise).
 * - the public reads (PUBLIC_READ_OPERATIONS): one counter per address across all of them, with its own limit.
 * refreshToken counts against nothing: a refresh token is a single-use 256-bit secret, so there is nothing to
 * guess, and the portal refreshes at every page load, so a per-address counter would sign out an office of
 * employers behind one address (and one person reloading five times a minute).
 */
export function throttleCounters(call: {
  operation: string;
  input: ThrottleInput;
  address: string;
  userId: string | null;
  limits: { perIdentifier: number; perAddress: number; perAddressReads: number };
  normalize: (identifier: string) => string;
}): ThrottleCounter[] {
  const { operation, input, address, userId, limits } = call;
  if (operation === 'refreshToken') return [];
  if (PUBLIC_READ_OPERATIONS.includes(operation)) return [{ key: `read|${address}`, limit: limits.perAddressReads }];
  if (PER_USER_OPERATIONS.includes(operation)) return userId ? [{ key: `user|${operation}|${userId}`, limit: limits.perIdentifier }] : [];
  const raw = input.identifier ?? input.contactEmail ?? input.email ?? '';
  const identifier = typeof raw === 'string' ? call.normalize(raw) : '';
  const counters: ThrottleCounter[] = [
    { key: `op|${operation}|${identifier}|${address}`, limit: limits.perIdentifier },
    { key: `address|${address}`, limit: limits.perAddress },
  ];
  if (operation === 'requestPasswordReset' && identifier) counters.push({ key: `account|${operation}|${identifier}`, limit: limits.perIdentifier });
  return counters;
}
