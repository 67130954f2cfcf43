import request from 'supertest';
import { codesOf, GqlError, startApi, TestApi, wsRequest } from '../support/api';
import { newCoordinator } from '../support/people';

/** jobOrders → employer → jobOrders → … nested until the selection is `levels` fields deep. */
function deepQuery(levels: number): string {
  let inner = 'id';
  for (let depth = 0; depth < levels; depth += 4) {
    inner = `jobOrders(first: 1) { edges { node { employer { ${inner} } } } }`;
  }
  return `{ jobOrders(first: 1) { edges { node { employer { ${inner} } } } } }`;
}

/** The distinct codes a refusal carried (one validation pass may report several problems). */
const codeSet = (r: { errors?: GqlError[] }) => [...new Set(codesOf(r))];

const manyAliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
const hugePage = `{ jobOrders(first: 1000000) { edges { node { id } } } }`;
const hugePageByVariable = `query($n: Int) { jobOrders(first: $n) { edges { node { id } } } }`;

describe('query limits hold over HTTP and WebSocket alike', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    token = (await newCoordinator(api)).token;
  });
  afterAll(() => api.close());

  describe('over HTTP', () => {
    it('refuses a query nested 20 deep before running it', async () => {
      const r = await api.gql(deepQuery(20), {}, token);
      expect(codeSet(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/depth limit of 10/));
      expect(r.data).toBeNull();
    });

    it('accepts a real client query 6 levels deep', async () => {
      const r = await api.gql(`{ jobOrders(first: 2) { edges { node { employer { region { name } } } } } }`, {}, token);
      expect(r.errors).toEqual([]);
    });

    it('refuses 500 aliases (and 16), and accepts 15', async () => {
      // 500 aliases are over 2,000 tokens: the parser stops first.
      const r = await api.gql(manyAliases(500), {}, token);
      expect(codeSet(r)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(r.errors[0]!.message).toMatch(/more tha[nt] 2000 tokens/);
      const sixteen = await api.gql(manyAliases(16), {}, token);
      expect(codeSet(sixteen)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(sixteen.errors[0]!.message).toMatch(/Aliases limit of 15/);
      expect((await api.gql(manyAliases(15), {}, token)).errors).toEqual([]);
    });

    it('refuses first: 1000000 as a literal (cost) and as a variable (page cap)', async () => {
      const literal = await api.gql(hugePage, {}, token);
      expect(codeSet(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(literal.errors[0]!.message).toMatch(/cost limit/i);
      const variable = await api.gql(hugePageByVariable, { n: 1_000_000 }, token);
      expect(codesOf(variable)).toEqual(['BAD_USER_INPUT']);
      expect(variable.errors[0]!.message).toMatch(/between 1 and 100/);
    });

    it('refuses a flood of tokens and a batch of operations in one request', async () => {
      const flood = await api.gql(`{ ${'me { id } '.repeat(700)} }`, {}, token);
      expect(codesOf(flood)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(flood.errors[0]!.message).toMatch(/more tha[nt] 2000 tokens/);
      const batch = await request(api.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${token}`)
        .send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
      expect(batch.status).toBe(400);
    });
  });

  describe('over WebSocket (graphql-ws)', () => {
    it('refuses a connection without a valid token', async () => {
      const anonymous = await wsRequest(api.ws(), `{ me { id } }`);
      expect(codesOf(anonymous)).toEqual(['CONNECTION_CLOSED']);
      const forged = await wsRequest(api.ws('not.a.token'), `{ me { id } }`);
      expect(codesOf(forged)).toEqual(['CONNECTION_CLOSED']);
    });

    it('runs an ordinary query for a signed-in client', async () => {
      const r = await wsRequest(api.ws(token), `{ me { role } }`);
      expect(r).toEqual({ data: { me: { role: 'COORDINATOR' } } });
    });

    it('refuses the nested, aliased and huge-page queries with the same codes as HTTP', async () => {
      const client = api.ws(token);
      const deep = await wsRequest(client, deepQuery(20));
      expect(codeSet(deep)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(deep.errors!.map((e) => e.message)).toContainEqual(expect.stringMatching(/depth limit of 10/));
      expect(codeSet(await wsRequest(client, manyAliases(500)))).toEqual(['GRAPHQL_PARSE_FAILED']);
      const sixteen = await wsRequest(client, manyAliases(16));
      expect(codeSet(sixteen)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(sixteen.errors![0]!.message).toMatch(/Aliases limit of 15/);
      expect(codeSet(await wsRequest(client, hugePage))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(codesOf(await wsRequest(client, hugePageByVariable, { n: 1_000_000 }))).toEqual(['BAD_USER_INPUT']);
      const flood = await wsRequest(client, `{ ${'me { id } '.repeat(700)} }`);
      expect(codesOf(flood)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(flood.errors![0]!.message).toMatch(/more tha[nt] 2000 tokens/);
      expect(codesOf(await wsRequest(client, `{ me { id `))).toEqual(['GRAPHQL_PARSE_FAILED']);
    });

    it('accepts mutations over HTTP only', async () => {
      const r = await wsRequest(api.ws(token), `mutation { changePassword(input: { currentPassword: "x", newPassword: "y" }) { accessToken } }`);
      expect(codesOf(r)).toEqual(['BAD_REQUEST']);
    });
  });
});

describe('in production', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production' });
    token = (await newCoordinator(api)).token;
  });
  afterAll(() => api.close());

  it('turns introspection off on HTTP and WebSocket', async () => {
    const http = await api.gql(`{ __schema { types { name } } }`, {}, token);
    expect(codeSet(http)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const ws = await wsRequest(api.ws(token), `{ __schema { types { name } } }`);
    expect(codeSet(ws)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(ws).not.toHaveProperty('data');
  });

  it('hides field suggestions that would reveal the schema', async () => {
    const r = await api.gql(`{ jobOrderz(first: 1) { id } }`, {}, token);
    expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors[0]!.message).not.toMatch(/Did you mean/);
    const ws = await wsRequest(api.ws(token), `{ jobOrderz(first: 1) { id } }`);
    expect(JSON.stringify(ws.errors)).not.toMatch(/Did you mean/);
  });
});
