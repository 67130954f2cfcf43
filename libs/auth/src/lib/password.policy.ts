import type { FieldProblem } from '@puente/common';

/** NIST 800-63B style: length over composition rules; 12 to 128 characters. */
export function passwordProblems(field: string, password: string): FieldProblem[] {
  if (password.length < 12) return [{ field, message: 'must be at least 12 characters long' }];
  if (password.length > 128) return [{ field, message: 'must be at most 128 characters long' }];
  if (new Set(password).size < 4) return [{ field, message: 'is too repetitive; use a longer passphrase' }];
  return [];
}

const WORDS = ['sol', 'mar', 'rio', 'luna', 'cafe', 'maiz', 'nube', 'roca', 'flor', 'pino', 'lago', 'monte', 'campo', 'lluvia'];

/**
 * A temporary password a coordinator can read out at a desk: five words and four digits (about 32 bits), enough
 * behind the login throttle for a password that must be changed at first sign-in.
 */
export function temporaryPassword(randomInt: (max: number) => number): string {
  const words = Array.from({ length: 5 }, () => WORDS[randomInt(WORDS.length)]);
  const digits = String(randomInt(10_000)).padStart(4, '0');
  return `${words.join('-')}-${digits}`;
}
