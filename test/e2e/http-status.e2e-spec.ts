import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { newCoordinator } from '../support/people';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * GraphQL-over-HTTP status codes: a request error (parse, validation, token limit) is 400 with
 * application/graphql-response+json to a client that accepts it, and 200 with the errors to a client that
 * accepts application/json or says nothing; never a 5xx for a client's mistake.
 */
describe('HTTP status codes by the Accept header', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    token = (await newCoordinator(api)).token;
  });
  afterAll(() => api.close());

  async function post(query: string, accept: string | null, auth?: string) {
    const req = request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (accept !== null) req.set('accept', accept);
    if (auth) req.set('authorization', `Bearer ${auth}`);
    const res = await req.send({ query });
    return { status: res.status, type: String(res.headers['content-type']), cacheControl: res.headers['cache-control'] as string | undefined, body: JSON.parse(res.text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
  }

  const cases = [
    { what: 'a syntax error (anonymous)', query: '{ me { id }', code: 'GRAPHQL_PARSE_FAILED', auth: false },
    { what: 'a validation error', query: '{ me { nope } }', code: 'GRAPHQL_VALIDATION_FAILED', auth: true },
    { what: 'a missing selection', query: '{ me }', code: 'GRAPHQL_VALIDATION_FAILED', auth: false },
    { what: 'more tokens than the limit', query: `{ ${'me { id } '.repeat(700)} }`, code: 'GRAPHQL_PARSE_FAILED', auth: true },
  ];

  for (const c of cases) {
    it(`${c.what}: 400 with ${GRAPHQL_RESPONSE} to a client that accepts it`, async () => {
      const r = await post(c.query, GRAPHQL_RESPONSE, c.auth ? token : undefined);
      expect(r.status).toBe(400);
      expect(r.type).toMatch(/^application\/graphql-response\+json/);
      expect(r.body.errors?.map((e) => e.extensions?.code)).toContain(c.code);
      expect(r.body).not.toHaveProperty('data');
    });

    it(`${c.what}: 200 with the errors to application/json and to no Accept`, async () => {
      for (const accept of ['application/json', null, '*/*', `application/json, ${GRAPHQL_RESPONSE};q=0.5`]) {
        const r = await post(c.query, accept, c.auth ? token : undefined);
        expect({ accept, status: r.status }).toEqual({ accept, status: 200 });
        expect(r.type).toMatch(/^application\/json/);
        expect(r.body.errors?.map((e) => e.extensions?.code)).toContain(c.code);
      }
    });
  }

  it('prefers the GraphQL response type when the client weighs it higher', async () => {
    const r = await post('{ me { id }', `application/json;q=0.5, ${GRAPHQL_RESPONSE}`);
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/graphql-response\+json/);
  });

  it('answers a well-formed operation 200 under both types, a refused one included', async () => {
    for (const accept of [GRAPHQL_RESPONSE, 'application/json']) {
      const signedIn = await post('{ me { role } }', accept, token);
      expect(signedIn.status).toBe(200);
      // Personal answers are never stored by a browser or a proxy.
      expect(signedIn.cacheControl).toBe('no-store');
      const anonymous = await post('{ me { id } }', accept);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.cacheControl).toBe('no-store');
    }
  });

  it('never answers a 5xx to a malformed request', async () => {
    const garbage = await request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    expect(garbage.status).toBeLessThan(500);
    const noQuery = await request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ variables: {} });
    expect(noQuery.status).toBe(400);
  });
});
