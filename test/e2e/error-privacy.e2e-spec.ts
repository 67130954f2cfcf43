import request from 'supertest';
import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { formatError, logOperationError } from '../../apps/api/src/graphql/error-formatter';
import { codesOf, startApi, TestApi, wsRequest } from '../support/api';
import { applicantInput, newCoordinator, randomDui } from '../support/people';

/**
 * Personal data sent with a control character never reaches a query or a log line: the operation is refused
 * as BAD_USER_INPUT naming the field, before anything runs; and an unexpected database error (here a real
 * one) is logged without its query, parameters or driver details.
 */
describe('no personal data in the logs, no control characters in any input', () => {
  let api: TestApi;
  let coordinator: string;
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _, done) => (lines.push(String(chunk)), done()) });
  const logged = () => lines.join('');

  beforeAll(async () => {
    api = await startApi({ LOG_LEVEL: 'debug' }, { logDestination: sink });
    coordinator = (await newCoordinator(api)).token;
  });
  afterAll(() => api.close());

  const person = () => ({
    dui: randomDui(),
    firstNames: 'Xiomara Guadalupe',
    lastNames: 'Quintanilla Ayala',
    phone: '+50370009876',
    email: `xiomara.${Date.now()}@example.com`,
    passport: `B${Date.now() % 100_000_000}`.padEnd(9, '7'),
  });
  const valuesOf = (p: ReturnType<typeof person>) => [p.dui, p.dui.replace('-', ''), p.firstNames, 'Xiomara', 'Quintanilla', p.phone, p.email, p.passport];

  it('refuses a registration carrying a NUL byte as BAD_USER_INPUT naming the field, and logs none of its personal data', async () => {
    const p = person();
    const input = applicantInput({
      nationalId: p.dui,
      firstNames: p.firstNames,
      lastNames: `${p.lastNames}\u0000`,
      phone: p.phone,
      email: p.email,
      passportNumber: p.passport,
    });
    const before = lines.length;
    const r = await api.gql(`mutation($i: RegisterApplicantInput!) { registerApplicant(input: $i) { applicant { id } } }`, { i: input }, coordinator);
    expect(r.status).toBe(200);
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors[0]!.extensions?.fields).toEqual([{ field: 'lastNames', message: expect.stringMatching(/control characters/) }]);
    expect(r.data).toBeNull();
    // Nothing was written: the DUI is still free.
    const found = await api.gql(`query($s: String) { applicants(first: 5, filter: { nationalId: $s }) { edges { node { id } } } }`, { s: p.dui }, coordinator);
    expect(found.data?.applicants?.edges ?? []).toEqual([]);
    const out = lines.slice(before).join('');
    expect(out).toContain('"statusCode":200'); // the capture works: the request itself was logged
    for (const value of valuesOf(p)) expect(out).not.toContain(value);
  });

  it('refuses an anonymous login with a NUL in the identifier (variable or inline), before any query', async () => {
    const dui = randomDui();
    const viaVariable = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: `${dui}\u0000`, password: 'whatever-it-is' } });
    expect(codesOf(viaVariable)).toEqual(['BAD_USER_INPUT']);
    expect(viaVariable.errors[0]!.extensions?.fields?.map((f) => f.field)).toEqual(['identifier']);
    const inline = await api.gql(`mutation { login(input: { identifier: "${dui}\\u0000", password: "x\\u0007y" }) { accessToken } }`);
    expect(codesOf(inline)).toEqual(['BAD_USER_INPUT']);
    expect(inline.errors[0]!.extensions?.fields?.map((f) => f.field).sort()).toEqual(['identifier', 'password']);
    expect(logged()).not.toContain(dui);
  });

  it('names an argument that is not an input object by its own name, and a list item by its index', async () => {
    const r = await api.gql(`query($id: ID!) { applicant(id: $id) { id } }`, { id: 'abc\u0001' }, coordinator);
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors[0]!.extensions?.fields?.map((f) => f.field)).toEqual(['id']);
    const list = await api.gql(
      `mutation($i: RegisterApplicantInput!) { registerApplicant(input: $i) { applicant { id } } }`,
      { i: applicantInput({ skills: ['ok', 'bad\u001f'] }) },
      coordinator,
    );
    expect(list.errors[0]!.extensions?.fields?.map((f) => f.field)).toEqual(['skills[1]']);
  });

  it('lets tab, newline and carriage return through (they reach the ordinary rules)', async () => {
    const r = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: `nobody\t\r\n@example.com`, password: 'wrong-password-1' } });
    expect(codesOf(r)).not.toContain('BAD_USER_INPUT');
    expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers 400 with the GraphQL response type to a client that accepts it', async () => {
    const res = await request(api.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept', 'application/graphql-response+json')
      .send({ query: `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, variables: { i: { identifier: 'a\u0000', password: 'b' } } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses the same over graphql-ws', async () => {
    const r = await wsRequest(api.ws(coordinator), `query($id: ID!) { applicant(id: $id) { id } }`, { id: `x\u0000` });
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions?.fields?.map((f) => f.field)).toEqual(['id']);
  });

  it('writes one line per request: its id, method, path without the query string, status and time; none for /health', async () => {
    const secret = randomDui();
    const before = lines.length;
    const id = `req-line-${Date.now()}`;
    await request(api.app.getHttpServer()).get(`/graphql?query={__typename}&variables={"dui":"${secret}"}`).set('x-request-id', id).set('apollo-require-preflight', 'true');
    await request(api.app.getHttpServer()).get('/health');
    // The line is written when the answer has been sent, after supertest's promise may resolve.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const written = lines.slice(before).map((l) => JSON.parse(l) as { msg?: string; req?: { id: string; method: string; path: string }; res?: { statusCode: number }; responseTime?: number });
    const requestLines = written.filter((l) => l.msg === 'request completed' || l.msg === 'request errored');
    expect(requestLines).toEqual([{ ...requestLines[0], req: { id, method: 'GET', path: '/graphql' }, res: { statusCode: 200 }, msg: 'request completed' }]);
    expect(requestLines[0]!.responseTime).toEqual(expect.any(Number));
    expect(JSON.stringify(written)).not.toContain(secret);
  });

  it('logs a real failed query (the masked-500 path) with its class and SQLSTATE but no query, parameter or value', async () => {
    const p = person();
    let failure: unknown;
    try {
      await api.app.get(DataSource).query(`SELECT $1::int AS dui, $2::text, $3::text, $4::text, $5::text, $6::text`, [p.dui, p.firstNames, p.lastNames, p.phone, p.email, p.passport]);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toContain(p.dui); // the error itself carries the values
    const before = lines.length;
    const error = new GraphQLError('x', { originalError: failure as Error, path: ['registerApplicant'] });
    const out = formatError({ message: 'x', path: ['registerApplicant'] }, error);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    logOperationError(error, 'req-privacy-0001');
    const line = lines.slice(before).join('');
    expect(JSON.parse(line)).toMatchObject({ requestId: 'req-privacy-0001', path: ['registerApplicant'] });
    expect(line).toContain('QueryFailedError');
    expect(line).toContain('22P02'); // invalid_text_representation
    for (const value of valuesOf(p)) expect(line).not.toContain(value);
    expect(line).not.toMatch(/SELECT|parameters|driverError/);
  });
});
