/**
 * The one way an error reaches a log line, in the api and the worker (pino `serializers.err` / `.error`).
 *
 * pino's standard serializer copies every enumerable property of an error, which for a TypeORM
 * `QueryFailedError` means the SQL text, its `parameters` (a DUI, a name, a phone number, an e-mail, a passport
 * number...) and the PostgreSQL `driverError` with its `detail` ("Key (passport_number)=(…) already exists",
 * "Failing row contains (…)"). This serializer copies nothing by default: it keeps the error's class, a code
 * (the SQLSTATE of a database error), a message with values masked, the stack frames (without the message
 * the first line repeats), and the same for its `cause` (and an AggregateError's `errors`), a few levels deep.
 */

const MAX_DEPTH = 4;

/** A PostgreSQL or TypeORM error: its message may quote a value, and its other properties carry the query. */
function isDatabaseError(e: Record<string, unknown>): boolean {
  return (
    e['name'] === 'QueryFailedError' ||
    'query' in e ||
    'parameters' in e ||
    'driverError' in e ||
    ('severity' in e && 'routine' in e) // pg's DatabaseError
  );
}

/**
 * Masks what could be a value inside a message: PostgreSQL's quoted input (`invalid input syntax for type
 * integer: "…"`), key details (`(col)=(…)`), e-mail addresses, long digit runs (DUIs, phones, passport numbers)
 * and control characters. Names of constraints, tables and columns stay: they are the diagnosis.
 */
export function maskMessage(message: string, database: boolean): string {
  let out = message;
  if (database) {
    out = out
      .replace(/:\s*"(?:[^"\\]|\\.)*"/g, ': [redacted]')
      .replace(/\)=\(.*\)/g, ')=([redacted])')
      .replace(/(Failing row contains|DETAIL:).*$/gims, '$1 [redacted]');
  }
  return out
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[redacted]')
    .replace(/\+?\d[\d -]{5,}\d/g, (run) => (run.replace(/\D/g, '').length >= 7 ? '[redacted]' : run))
    .replace(/\b[A-Z]{1,3}\d{6,9}\b/g, '[redacted]')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '?');
}

function codeOf(e: Record<string, unknown>): string | number | undefined {
  const own = e['code'];
  if (typeof own === 'string' || typeof own === 'number') return typeof own === 'string' ? own.slice(0, 64) : own;
  const driver = e['driverError'];
  if (driver && typeof driver === 'object') {
    const code = (driver as Record<string, unknown>)['code'];
    if (typeof code === 'string') return code.slice(0, 64);
  }
  return undefined;
}

/** Stack frames only: the first lines of `stack` repeat the (unmasked) message, so they are rebuilt. */
function framesOf(stack: unknown): string[] {
  if (typeof stack !== 'string') return [];
  return stack.split('\n').filter((line) => /^\s+at /.test(line));
}

export interface SerializedError {
  type: string;
  message: string;
  code?: string | number;
  stack?: string;
  cause?: SerializedError | string;
  errors?: (SerializedError | string)[];
}

/** Serializes any thrown value for a log line, with no query, parameter, driver detail or personal value. */
export function serializeError(value: unknown, depth = 0): SerializedError | string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== 'object') return typeof value === 'string' ? maskMessage(value, false) : String(value);
  const e = value as Record<string, unknown>;
  if (depth >= MAX_DEPTH) return '[cause chain truncated]';
  const database = isDatabaseError(e) || (!!e['driverError'] && typeof e['driverError'] === 'object');
  const type = (value as object).constructor?.name && (value as object).constructor.name !== 'Object' ? (value as object).constructor.name : typeof e['name'] === 'string' ? (e['name'] as string) : 'Error';
  const rawMessage = typeof e['message'] === 'string' ? e['message'] : '';
  const message = maskMessage(rawMessage, database);
  const out: SerializedError = { type, message };
  const code = codeOf(e);
  if (code !== undefined) out.code = code;
  const frames = framesOf(e['stack']);
  if (frames.length) out.stack = [`${type}: ${message}`, ...frames].join('\n');
  if ('cause' in e && e['cause'] !== undefined) out.cause = serializeError(e['cause'], depth + 1);
  if (Array.isArray(e['errors'])) out.errors = (e['errors'] as unknown[]).slice(0, 10).map((inner) => serializeError(inner, depth + 1));
  return out;
}

/** pino `serializers` for both apps: an error under `err` or `error` goes through serializeError. */
export const LOG_SERIALIZERS = {
  err: (value: unknown) => serializeError(value),
  error: (value: unknown) => serializeError(value),
} as const;
