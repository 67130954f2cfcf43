import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { DestinationStream } from 'pino';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { workerStartedOn } from './clock';

export interface GqlError {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[] };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: GqlError[];
}

export interface TestApi {
  app: NestFastifyApplication;
  url: string;
  // Tests read response trees freely; the shapes are the schema's, checked by the schema test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  ws(token?: string): Client;
  close(): Promise<void>;
}

/** What the people helpers (people.ts) need of an api: its GraphQL endpoint, in this process or another. */
export type GqlClient = Pick<TestApi, 'gql'>;

/** GraphQL over HTTP to an api running as a process of its own (spawnApi). */
export function httpGql(url: string): GqlClient {
  return {
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json().catch(() => null)) as { data?: never; errors?: GqlError[] } | null;
      return { status: res.status, data: body?.data ?? null, errors: body?.errors ?? [] };
    },
  };
}

/** Runs `boot` with `env` set over the environment, restored afterwards (the apps read their config at boot). */
async function withEnv<T>(env: Record<string, string>, boot: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await boot();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Boots the real worker (every processor) in this process; `env` overrides variables for it alone. */
export function startWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  workerStartedOn(env.QUEUE_PREFIX ?? process.env.QUEUE_PREFIX);
  return withEnv(env, () => NestFactory.createApplicationContext(WorkerModule, { logger: false }));
}

/**
 * The queue prefix of a suite that moves its process's clock: its worker would run everyone's delayed jobs early
 * (the nightly sweeps among them), so its api and worker keep to queues of their own, cleaned up with the run's.
 */
export const clockShiftedQueues = (suite: string) => ({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-c-${suite}`.slice(0, 40) });

/**
 * Boots the real api (real PostgreSQL and Redis from the environment `npm test` prepared) on a free port.
 * `env` overrides variables for this app only, e.g. NODE_ENV=production or a tight login throttle;
 * `logDestination` captures its JSON log lines (otherwise the app logs nothing).
 */
export async function startApi(env: Record<string, string> = {}, options: { logDestination?: DestinationStream } = {}): Promise<TestApi> {
  const app: NestFastifyApplication = await withEnv(env, async () => {
    // Silent, unless the test captures the log lines to read them.
    const created = await createApiApp(options.logDestination ? { logDestination: options.logDestination } : { logger: false });
    await created.listen({ port: 0, host: '127.0.0.1' });
    return created;
  });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const clients: Client[] = [];
  return {
    app,
    url,
    async gql(query, variables, token) {
      const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body?.data ?? null, errors: res.body?.errors ?? [] };
    },
    ws(token) {
      const client = createClient({
        url: `ws://127.0.0.1:${address.port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.close();
    },
  };
}

/** Runs one operation over graphql-ws and returns its result, or the errors it was refused with. */
export function wsRequest(client: Client, query: string, variables?: Record<string, unknown>): Promise<{ data?: unknown; errors?: GqlError[] }> {
  return new Promise((resolve) => {
    let result: { data?: unknown; errors?: GqlError[] } = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value as typeof result),
        error: (error) => resolve({ errors: Array.isArray(error) ? (error as GqlError[]) : [{ message: String((error as { reason?: string })?.reason ?? error), extensions: { code: 'CONNECTION_CLOSED' } }] }),
        complete: () => resolve(result),
      },
    );
  });
}

export const codesOf = (r: { errors?: GqlError[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

/** Counts the SQL statements the api sends while `fn` runs. */
export async function countQueries(ds: DataSource, fn: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  const statements: string[] = [];
  const original = ds.logger;
  const counting: TypeOrmLogger = {
    logQuery: (query) => void statements.push(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  Object.defineProperty(ds, 'logger', { value: counting, configurable: true, writable: true });
  try {
    await fn();
  } finally {
    Object.defineProperty(ds, 'logger', { value: original, configurable: true, writable: true });
  }
  return { count: statements.length, statements };
}
