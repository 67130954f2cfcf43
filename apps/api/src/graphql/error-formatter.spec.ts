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
