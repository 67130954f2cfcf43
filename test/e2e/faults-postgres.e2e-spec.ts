import { Writable } from 'node:stream';
import request from 'supertest';
import { codesOf, startApi, TestApi } from '../support/api';
import { adminToken, newCoordinator } from '../support/people';
import { until } from '../support/processes';
import { tcpProxy, TcpProxy } from '../support/tcp-proxy';

/**
 * PostgreSQL out of reach while the api runs: the api is a real server whose only way to the database goes through
 * a proxy the test stops (the server gone: connections reset, new ones refused) or turns into a black hole (a host
 * that stops answering). Either way a request is answered within 2 s with SERVICE_UNAVAILABLE and a message a
 * person can act on (never a hang, a stack or an address), /health says it is PostgreSQL, and once the database is
 * back the same process serves again without a restart.
 */
describe('the api with PostgreSQL out of reach', () => {
  let api: TestApi;
  let proxy: TcpProxy;
  let coordinator: { token: string; email: string; password: string };
  const LIST = `{ jobOrders(first: 5) { edges { node { id } } } }`;
  const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`;

  const timed = async <T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = performance.now();
    const value = await fn();
    return { value, ms: performance.now() - started };
  };
  const health = () => request(api.app.getHttpServer()).get('/health');
  const serving = async () => {
    await until('the api to serve from PostgreSQL again', async () => (await api.gql(LIST, {}, coordinator.token)).errors.length === 0, 15_000);
    expect((await health()).status).toBe(200);
  };
  const refusedAsUnavailable = async (what: string, fn: () => Promise<{ errors: { message: string; extensions?: Record<string, unknown> }[] }>) => {
    const { value, ms } = await timed(fn);
    expect({ what, codes: codesOf(value as never) }).toEqual({ what, codes: ['SERVICE_UNAVAILABLE'] });
    expect(ms).toBeLessThan(2000);
    expect(value.errors[0]!.message).toMatch(/^Puente cannot reach its database right now \(it is down or too busy\)\. Try again in a few seconds/);
    expect(value.errors[0]!.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(JSON.stringify(value)).not.toMatch(/ECONN|timeout exceeded|stack|127\.0\.0\.1|SELECT|\bat \w+ \(/);
  };

  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _, done) => (lines.push(...String(chunk).split('\n').filter(Boolean).map((l) => JSON.parse(l))), done()) });

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.port = String(proxy.port);
    target.hostname = '127.0.0.1';
    // A deployment that wants a silent host to fail fast sets the connection wait low (the default, 5 s, rides out bursts).
    api = await startApi({ DATABASE_URL: target.toString(), DATABASE_CONNECT_TIMEOUT_MS: '1500', LOG_LEVEL: 'info' }, { logDestination: sink });
    coordinator = await newCoordinator(api);
  });

  afterAll(async () => {
    await proxy?.start();
    await api?.close();
    await proxy?.close();
  });

  it('answers SERVICE_UNAVAILABLE within 2 s while the server is stopped, names it on /health, and serves again once it is back', async () => {
    expect(codesOf(await api.gql(LIST, {}, coordinator.token))).toEqual([]);
    await proxy.stop();
    const before = lines.length;
    await refusedAsUnavailable('a list', () => api.gql(LIST, {}, coordinator.token));
    // Logged with the id of its request (the request's own line carries it too), naming the dependency, nothing more.
    const warning = lines.slice(before).find((l) => l['msg'] === 'A dependency is unavailable; answered SERVICE_UNAVAILABLE');
    expect(warning).toMatchObject({ dependency: 'postgres', path: ['jobOrders'], requestId: expect.any(String) });
    const requestLine = () => lines.slice(before).find((l) => (l['req'] as { id?: string } | undefined)?.id === warning!['requestId']);
    await until('the request’s own log line (written once the answer is sent)', async () => !!requestLine(), 2000);
    expect(requestLine()).toMatchObject({ res: { statusCode: 200 }, req: { method: 'POST', path: '/graphql' } });
    expect(JSON.stringify(warning)).not.toMatch(/SELECT|ECONN|127\.0\.0\.1/);
    await refusedAsUnavailable('a sign-in', () => api.gql(LOGIN, { i: { identifier: coordinator.email, password: coordinator.password } }));
    // A change asked for meanwhile: refused whole, nothing of it kept for later.
    const email = `faults-${Date.now()}@puente.test`;
    const create = `mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { user { id } } }`;
    const admin = await (async () => {
      await proxy.start();
      await serving();
      const token = await adminToken(api);
      await proxy.stop();
      return token;
    })();
    await refusedAsUnavailable('a mutation', () => api.gql(create, { i: { email, role: 'COORDINATOR' } }, admin));

    const { value: down, ms } = await timed(() => health());
    expect(ms).toBeLessThan(2500);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', error: { postgres: { status: 'down' } }, info: { redis: { status: 'up' } } });

    await proxy.start();
    await serving();
    // The refused mutation left nothing: the same user can be created now, once.
    expect(codesOf(await api.gql(create, { i: { email, role: 'COORDINATOR' } }, admin))).toEqual([]);
    expect(codesOf(await api.gql(create, { i: { email, role: 'COORDINATOR' } }, admin))).toEqual(['CONFLICT']);
  });

  it('fails fast rather than hangs when the database host stops answering, and recovers when it answers again', async () => {
    await proxy.blackhole();
    await refusedAsUnavailable('a list', () => api.gql(LIST, {}, coordinator.token));
    const { value: down, ms } = await timed(() => health());
    expect(ms).toBeLessThan(2500);
    expect(down.body).toMatchObject({ error: { postgres: { status: 'down' } } });
    await proxy.start();
    await serving();
  });
});
