import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { problemOf } from './errors';
import { GraphQLRequestError } from './request';

describe('problemOf', () => {
  it('reads the code, the message and each field’s message from a public page’s request', () => {
    const error = new GraphQLRequestError([
      {
        message: 'Some fields are invalid',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'input.contactEmail', message: 'Not an e-mail address' },
            { field: 'regionCode', message: 'Unknown state' },
          ],
        },
      },
    ]);
    expect(problemOf(error)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Some fields are invalid',
      fields: { contactEmail: 'Not an e-mail address', regionCode: 'Unknown state' },
    });
  });

  it('keeps the request id of a masked server error from Apollo', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Something went wrong', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-123' } }],
    });
    expect(problemOf(error)).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-123' });
  });

  it('calls anything else a network problem', () => {
    expect(problemOf(new TypeError('Failed to fetch'))).toMatchObject({ code: 'NETWORK', message: 'Failed to fetch', fields: {} });
  });
});
