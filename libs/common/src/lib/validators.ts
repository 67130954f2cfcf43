import { DomainException, type FieldProblem } from './domain.exception';
import { ErrorCode } from './error-code';

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const E164 = /^\+[1-9]\d{7,14}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** E.164: a plus, a country code and at most 15 digits in all, no spaces. */
export function isE164(value: string): boolean {
  return E164.test(value);
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Collects field problems; `check(ok, field, message)` records one when `ok` is false. */
export class Problems {
  readonly list: FieldProblem[] = [];

  check(ok: boolean, field: string, message: string): this {
    if (!ok) this.list.push({ field, message });
    return this;
  }

  add(problems: readonly FieldProblem[]): this {
    this.list.push(...problems);
    return this;
  }
}

/** Trims and collapses spaces in a typed name; empty becomes ''. */
export function cleanText(value: string | null | undefined): string {
  return (value ?? '').trim().replace(/\s+/g, ' ');
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** The written reason a refusal or a sanction carries (shown to the person it concerns): 10 to 2000 characters. */
export function requireReason(reason: string, what: string, field = 'reason'): string {
  const clean = cleanText(reason);
  if (clean.length < 10 || clean.length > 2000) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `Give the reason ${what} (10 to 2000 characters).`, [
      { field, message: 'must be 10 to 2000 characters' },
    ]);
  }
  return clean;
}
