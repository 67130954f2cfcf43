import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(app: 'api' | 'worker', env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
    const started = Date.now();
    child.once('exit', (code) => resolve({ code, ms: Date.now() - started }));
  });
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy`);
}

/** The apps as an operator runs them: separate processes, configured by the environment, stopped by SIGTERM. */
describe('api and worker processes', () => {
  jest.setTimeout(90_000);

  it.each(['api', 'worker'] as const)('the %s refuses to start on a missing or malformed variable, naming it', async (app) => {
    const p = run(app, { DATABASE_URL: undefined, REDIS_URL: 'http://localhost', PORT: 'eighty' });
    const { code } = await p.exited;
    expect(code).toBe(1);
    expect(p.output()).toMatch(/DATABASE_URL is required but not set/);
    expect(p.output()).toMatch(/REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//);
  });

  it('serves /health and stops within the shutdown timeout on SIGTERM, api and worker alike', async () => {
    const [port, healthPort] = [await freePort(), await freePort()];
    const api = run('api', { PORT: String(port), SHUTDOWN_TIMEOUT_MS: '10000' });
    const worker = run('worker', { WORKER_HEALTH_PORT: String(healthPort), SHUTDOWN_TIMEOUT_MS: '10000' });
    try {
      await waitForHealth(`http://127.0.0.1:${port}/health`, api.child);
      await waitForHealth(`http://127.0.0.1:${healthPort}/health`, worker.child);
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-0001' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(r.status).toBe(200);
      api.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
      const [a, w] = await Promise.all([api.exited, worker.exited]);
      expect({ api: a.code, worker: w.code }).toEqual({ api: 0, worker: 0 });
      // JSON log lines, with the caller's request id.
      const lines = api.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      expect(lines.find((l) => l.req?.id === 'req-test-0001')).toMatchObject({ service: 'api', res: { statusCode: 200 } });
    } finally {
      api.child.kill('SIGKILL');
      worker.child.kill('SIGKILL');
    }
  });
});
