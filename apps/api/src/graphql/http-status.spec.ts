import { APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, responseMediaType } from './http-status';

describe('responseMediaType (as Apollo negotiates a single result)', () => {
  it.each([
    [undefined, APPLICATION_JSON],
    ['', APPLICATION_JSON],
    ['application/json', APPLICATION_JSON],
    ['*/*', APPLICATION_JSON],
    ['application/*', APPLICATION_JSON],
    [GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON],
    [`${GRAPHQL_RESPONSE_JSON}, application/json`, APPLICATION_JSON],
    [`application/json;q=0.9, ${GRAPHQL_RESPONSE_JSON}`, GRAPHQL_RESPONSE_JSON],
    [`${GRAPHQL_RESPONSE_JSON};q=0.5, application/json`, APPLICATION_JSON],
    [`${GRAPHQL_RESPONSE_JSON}, */*;q=0.1`, GRAPHQL_RESPONSE_JSON],
    ['text/html', null],
    ['application/json;q=0', null],
  ])('%s → %s', (accept, expected) => {
    expect(responseMediaType(accept)).toBe(expected);
  });
});
