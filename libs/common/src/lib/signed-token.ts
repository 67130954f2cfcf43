import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a presented token is not one of ours: not shaped as a token, or not signed with the secret for this purpose. */
export type SignedTokenRefusal = 'MALFORMED' | 'BAD_SIGNATURE';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Longer than any token made here; what is longer is refused before any work. */
const MAX_LENGTH = 512;

function signature(purpose: string, payload: string, secret: string): Buffer {
  // Domain separation: a signature made for one purpose never passes for another's.
  return createHmac('sha256', secret).update(`${purpose}\n${payload}`).digest();
}

/**
 * A token `<payload>.<signature>` in base64url: the fields joined by dots, HMAC-SHA-256 signed under `secret` for
 * `purpose`. The fields are ids, numbers and instants, never personal data, and never contain a dot.
 */
export function signToken(purpose: string, fields: readonly string[], secret: string): string {
  const payload = Buffer.from(fields.join('.'), 'utf8').toString('base64url');
  return `${payload}.${signature(purpose, payload, secret).toString('base64url')}`;
}

/**
 * The fields of a token signed for `purpose`, its signature checked in constant time before anything is read, and
 * spelled canonically (base64url's last character has spare bits, so four spellings decode alike: only one passes,
 * one token per claim). The caller checks the fields' shape and expiry.
 */
export function openToken(
  purpose: string,
  token: string | null | undefined,
  secret: string,
): { fields: string[]; refusal: null } | { fields: null; refusal: SignedTokenRefusal } {
  const refuse = (refusal: SignedTokenRefusal) => ({ fields: null, refusal }) as const;
  const [payload, sig, ...rest] = typeof token === 'string' && token.length <= MAX_LENGTH ? token.split('.') : [];
  if (!payload || !sig || rest.length || !BASE64URL.test(payload) || !BASE64URL.test(sig)) return refuse('MALFORMED');
  const expected = signature(purpose, payload, secret);
  const given = Buffer.from(sig, 'base64url');
  const canonical = given.toString('base64url') === sig;
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || !canonical) return refuse('BAD_SIGNATURE');
  return { fields: Buffer.from(payload, 'base64url').toString('utf8').split('.'), refusal: null };
}
