/** PostgreSQL's SQLSTATE for a unique violation; the constraint name says which rule was broken. */
const UNIQUE_VIOLATION = '23505';

export function uniqueViolationOf(error: unknown): string | null {
  const e = error as { code?: string; driverError?: { code?: string; constraint?: string }; constraint?: string };
  const code = e?.driverError?.code ?? e?.code;
  if (code !== UNIQUE_VIOLATION) return null;
  return e.driverError?.constraint ?? e.constraint ?? 'unknown';
}
