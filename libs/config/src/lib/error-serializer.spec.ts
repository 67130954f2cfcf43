import pino from 'pino';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { LOG_SERIALIZERS, maskMessage, serializeError } from './error-serializer';
import { LOG_REDACTIONS } from './puente-config';

const PERSONAL = {
  dui: '04567891-2',
  name: 'Xiomara Quintanilla',
  phone: '+50370001234',
  email: 'xiomara.q@example.com',
  passport: 'A12345678',
  birthDate: '1991-03-04',
};
const VALUES = Object.values(PERSONAL);

/** What pg's DatabaseError carries when PostgreSQL refuses a row. */
function driverError(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "applicant_passport_number_key"'), {
    name: 'error',
    severity: 'ERROR',
    code: '23505',
    detail: `Key (passport_number)=(${PERSONAL.passport}) already exists.`,
    table: 'applicant',
    constraint: 'applicant_passport_number_key',
    routine: '_bt_check_unique',
  });
}

function queryFailed(): QueryFailedError {
  return new QueryFailedError(
    'INSERT INTO "applicant"("national_id", "full_name", "phone", "email", "passport_number", "birth_date") VALUES ($1, $2, $3, $4, $5, $6)',
    [PERSONAL.dui, PERSONAL.name, PERSONAL.phone, PERSONAL.email, PERSONAL.passport, PERSONAL.birthDate],
    driverError(),
  );
}

function capture() {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _, done) => (lines.push(String(chunk)), done()) });
  const logger = pino({ redact: { paths: LOG_REDACTIONS, censor: '[redacted]' }, serializers: LOG_SERIALIZERS }, sink);
  return { logger, out: () => lines.join('') };
}

describe('serializeError', () => {
  it('drops the query, its parameters and the driver details of a real QueryFailedError, keeping class, SQLSTATE and frames', () => {
    const error = queryFailed();
    // The object really carries the values (what pino's standard serializer would have written).
    expect(JSON.stringify({ ...error })).toContain(PERSONAL.dui);
    const out = serializeError(error);
    const text = JSON.stringify(out);
    for (const value of VALUES) expect(text).not.toContain(value);
    expect(text).not.toMatch(/INSERT|national_id|parameters|driverError|detail/);
    expect(out).toMatchObject({ type: 'QueryFailedError', code: '23505', message: expect.stringContaining('applicant_passport_number_key') });
    expect((out as { stack: string }).stack).toMatch(/^QueryFailedError: duplicate key[^\n]*\n\s+at /);
  });

  it('masks values PostgreSQL quotes in a message, and personal shapes in any message', () => {
    expect(maskMessage(`invalid input syntax for type integer: "${PERSONAL.dui}"`, true)).toBe('invalid input syntax for type integer: [redacted]');
    expect(maskMessage('invalid byte sequence for encoding "UTF8": 0x00', true)).toBe('invalid byte sequence for encoding "UTF8": 0x00');
    const plain = maskMessage(`could not mail ${PERSONAL.email} at ${PERSONAL.phone} for ${PERSONAL.dui} / ${PERSONAL.passport}`, false);
    for (const value of [PERSONAL.email, PERSONAL.phone, PERSONAL.dui, PERSONAL.passport]) expect(plain).not.toContain(value);
  });

  it('serializes a nested cause (and an AggregateError) the same way', () => {
    const wrapped = new Error('Could not register the applicant', { cause: queryFailed() });
    const aggregate = new AggregateError([queryFailed()], 'several failed');
    for (const error of [wrapped, aggregate]) {
      const text = JSON.stringify(serializeError(error));
      for (const value of VALUES) expect(text).not.toContain(value);
      expect(text).toContain('QueryFailedError');
      expect(text).toContain('23505');
    }
  });

  it('through pino: an error logged under err or error leaves no personal value or SQL on the line', () => {
    const { logger, out } = capture();
    logger.error({ err: queryFailed(), path: ['registerApplicant'] }, 'Unexpected error');
    logger.warn({ error: new Error('wrapper', { cause: queryFailed() }) }, 'Status change not published');
    logger.error(queryFailed(), 'an error as the merging object');
    const text = out();
    for (const value of VALUES) expect(text).not.toContain(value);
    expect(text).not.toMatch(/INSERT INTO/);
    expect(text.match(/QueryFailedError/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('copes with thrown non-errors', () => {
    expect(serializeError(`failed for ${PERSONAL.email}`)).toBe('failed for [redacted]');
    expect(serializeError(undefined)).toBe('undefined');
    expect(serializeError({ message: 'plain', parameters: [PERSONAL.dui] })).toEqual({ type: 'Error', message: 'plain' });
  });
});
