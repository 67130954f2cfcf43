import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainException, ErrorCode } from '@puente/common';
import { formatError } from './error-formatter';

const asApolloWould = (original: Error) => {
  const error = new GraphQLError(original.message, { originalError: original, path: ['registerApplicant'] });
  return [{ message: error.message, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.ts:1'] } }, error] as const;
};

describe('formatError', () => {
  it('keeps a domain exception: code, message and the fields to correct', () => {
    const [formatted, error] = asApolloWould(
      new DomainException(ErrorCode.BAD_USER_INPUT, 'Please correct the input.', [{ field: 'phone', message: 'must be E.164' }]),
    );
    expect(formatError(formatted, error)).toEqual({
      message: 'Please correct the input.',
      path: ['registerApplicant'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'phone', message: 'must be E.164' }] },
    });
  });

  it('masks a database error: no SQL, no values, no stack', () => {
    const sql = new QueryFailedError('INSERT INTO applicant (passport_number) VALUES ($1)', ['ZZ0000001'], new Error('duplicate key value violates unique constraint "applicant_passport_number_key" Key (passport_number)=(ZZ0000001)'));
    const [formatted, error] = asApolloWould(sql);
    const out = formatError(formatted, error);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(out)).not.toMatch(/ZZ0000001|INSERT|applicant_passport|stacktrace|db\.ts/);
  });

  it('answers SERVICE_UNAVAILABLE when PostgreSQL or Redis is out of reach, with nothing of the query', () => {
    const lost = new QueryFailedError('SELECT * FROM applicant WHERE national_id_hash = $1', ['00000000-0'], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    const [formatted, error] = asApolloWould(lost);
    const out = formatError(formatted, error);
    expect(out.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(out.message).toMatch(/^Puente cannot reach its database right now \(it is down or too busy\)\. Try again/);
    expect(JSON.stringify(out)).not.toMatch(/00000000|SELECT|national_id|terminating|stacktrace/);
    const redis = formatError(...asApolloWould(Object.assign(new Error('Reached the max retries per request limit (which is 2).'), { name: 'MaxRetriesPerRequestError' })));
    expect(redis.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(redis.message).toMatch(/^Puente cannot reach its queue and session store right now/);
  });

  it('masks an unexpected TypeError', () => {
    const [formatted, error] = asApolloWould(new TypeError("Cannot read properties of undefined (reading 'nationalId')"));
    expect(formatError(formatted, error).message).toMatch(/^Something went wrong on our side/);
  });

  it("passes GraphQL's own client errors through, without a stack", () => {
    const out = formatError(
      { message: 'Cannot query field "x" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['...'] } },
      new GraphQLError('Cannot query field "x" on type "Query".'),
    );
    expect(out).toEqual({ message: 'Cannot query field "x" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});

describe('formatError in production', () => {
  it('names no type and suggests nothing in a validation message, but keeps a limit message', () => {
    const validation = (message: string) =>
      formatError({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message), { isProduction: true }).message;
    expect(validation('Field "me" of type "User!" must have a selection of subfields. Did you mean "me { ... }"?')).not.toMatch(/User|Did you mean|"me"/);
    expect(validation('Cannot query field "nope" on type "User".')).not.toMatch(/User|nope/);
    expect(validation('Syntax Error: Query depth limit of 10 exceeded, found 21.')).toBe('Syntax Error: Query depth limit of 10 exceeded, found 21.');
  });

  it('hides an input type named in a variable problem, and keeps a message that names none', () => {
    const variable = (message: string) => formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message), { isProduction: true }).message;
    expect(variable('Variable "$i" got invalid value {}; Field "password" of required type "String!" was not provided.')).not.toMatch(/String|password/);
    expect(variable('Page size must be between 1 and 100.')).toBe('Page size must be between 1 and 100.');
  });

  it('changes nothing outside production', () => {
    const message = 'Cannot query field "nope" on type "User".';
    expect(formatError({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message)).message).toBe(message);
  });
});
