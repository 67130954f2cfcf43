import request from 'supertest';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { codesOf, startApi, TestApi, wsRequest } from '../support/api';
import { newCoordinator } from '../support/people';
import { freePort } from '../support/processes';

const root = path.join(__dirname, '..', '..');
/** What a validation message must not carry in production: a type of the schema, or a suggestion. */
const SCHEMA_WORDS = /\b(User|Query|Mutation|LoginInput|JobOrder|Role)\b|type "|Did you mean/;

describe('production is production: generic validation messages, security headers', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production' });
    token = (await newCoordinator(api)).token;
  });
  afterAll(() => api.close());

  it('a bad field, a missing selection and an unknown argument name no type, on HTTP', async () => {
    for (const query of ['{ me { nope } }', '{ me }', '{ me { id role(x: 1) } }', '{ mee { id } }']) {
      const r = await api.gql(query, {}, token);
      expect(codesOf(r)).toContain('GRAPHQL_VALIDATION_FAILED');
      for (const e of r.errors) expect({ query, message: e.message }).toEqual({ query, message: expect.not.stringMatching(SCHEMA_WORDS) });
    }
  });

  it('and on graphql-ws, which bypasses Apollo', async () => {
    const client = api.ws(token);
    for (const query of ['{ me { nope } }', '{ me }', '{ mee { id } }']) {
      const r = await wsRequest(client, query);
      expect(codesOf(r)).toContain('GRAPHQL_VALIDATION_FAILED');
      for (const e of r.errors ?? []) expect(e.message).not.toMatch(SCHEMA_WORDS);
    }
  });

  it('a variable that does not fit its input type is refused without naming the type or its fields', async () => {
    const r = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: 'someone@example.com', pasword: 'x' } });
    // Two problems (an unknown field, a missing one), each refused without naming the type or the field.
    expect(new Set(codesOf(r))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.message).not.toMatch(SCHEMA_WORDS);
      expect(e.message).not.toMatch(/password|pasword/);
    }
  });

  it('still says which limit a query broke (no schema in that message)', async () => {
    const r = await api.gql(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, {}, token);
    expect(r.errors[0]!.message).toMatch(/Aliases limit of 15/);
  });

  it('sends security headers with a CSP that allows nothing, on /graphql and /health', async () => {
    for (const res of [
      await request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' }),
      await request(api.app.getHttpServer()).get('/health'),
    ]) {
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('outside production', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi({ NODE_ENV: 'development' })));
  afterAll(() => api.close());

  it('keeps the helpful messages and serves the Sandbox page (no CSP to block it), with the other headers', async () => {
    const r = await api.gql('{ me }');
    expect(r.errors[0]!.message).toMatch(/User/);
    const page = await request(api.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/sandbox/i);
    expect(page.headers['content-security-policy']).toBeUndefined();
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('no demo accounts in production', () => {
  it('npm run seed refuses to load the demo data, printing no password', () => {
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/seed/cli.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', SEED_APPLICANTS: '1' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/NODE_ENV=production/);
    expect(run.stdout + run.stderr).not.toMatch(/puente-demo-2026|puente-admin-2026/);
  }, 60_000);

  it('npm start with NODE_ENV=production refuses to make up its own secrets, naming the missing variables', () => {
    const { PUENTE_DATA_KEYS: _keys, PUENTE_BLIND_INDEX_KEY: _index, ...env } = process.env;
    const run = spawnSync(process.execPath, ['tools/start.mjs'], { cwd: root, env: { ...env, NODE_ENV: 'production' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/NODE_ENV=production needs PUENTE_DATA_KEYS, PUENTE_BLIND_INDEX_KEY set/);
  });

  it('npm start with NODE_ENV=production loads no demo data and prints no password', async () => {
    const [port, workerPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['tools/start.mjs'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), WORKER_HEALTH_PORT: String(workerPort), QUEUE_PREFIX: `prod-${randomBytes(4).toString('hex')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 110_000;
      while (!/Puente is running|Could not start/.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
      expect(output).toMatch(/Puente is running/);
      expect(output).toMatch(/no demo data, no demo accounts/);
      expect(output).not.toMatch(/Demo logins|puente-demo-2026|puente-admin-2026/);
      expect(output).not.toContain(process.env.PUENTE_ADMIN_PASSWORD!);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) });
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED'); // no introspection
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 150_000);
});
