import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

/** What the crash tests share: a real worker process to start and kill, waiting, and a transaction that holds locks. */

const root = path.join(__dirname, '..', '..');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real worker as a process of its own, with the environment given over the test's (a queue prefix of its own,
 * a short job lock, …); its stderr goes to `onStderr` when given.
 */
export async function spawnWorker(env: Record<string, string>, onStderr?: (chunk: string) => void): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: { ...process.env, WORKER_HEALTH_PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'ignore', onStderr ? 'pipe' : 'ignore'],
  });
  if (onStderr) worker.stderr!.on('data', (chunk: Buffer) => onStderr(chunk.toString()));
  return worker;
}

/**
 * The real api as a process of its own on a free port, with the environment given over the test's (a failpoint, a
 * queue prefix, …); resolves once its /health answers. Its stderr goes to `onStderr` when given.
 */
export async function spawnApi(env: Record<string, string>, onStderr?: (chunk: string) => void): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', onStderr ? 'pipe' : 'ignore'],
  });
  if (onStderr) child.stderr!.on('data', (chunk: Buffer) => onStderr(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await until(
    'the api process to answer',
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the api process exited (${child.exitCode ?? child.signalCode})`);
      return fetch(`${url}/health`).then((r) => r.ok, () => false);
    },
    60_000,
  );
  return { child, url };
}

/** Calls an api process's /graphql over HTTP, the raw response: a process that dies mid-request rejects the call. */
export function postToApi(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
}

export const isAlive = (worker: ChildProcess | undefined): worker is ChildProcess => worker !== undefined && worker.exitCode === null && worker.signalCode === null;

/** SIGKILL, as a crash would, and wait for the process to be gone. */
export async function killHard(worker: ChildProcess): Promise<void> {
  if (!isAlive(worker)) return;
  const exited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGKILL');
  await exited;
}

/** A transaction of the test's own that holds locks until released. */
export class Blocker {
  private constructor(
    readonly client: Client,
    readonly pid: number,
  ) {}

  static async open(): Promise<Blocker> {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const pid: number = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await client.query('BEGIN');
    return new Blocker(client, pid);
  }

  async release(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}
