import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QueueName } from '@puente/queue-contracts';
import { codesOf, startApi, startWorker, TestApi } from '../support/api';
import { applicantInput, newCoordinator, verifiedApplicant } from '../support/people';
import { until } from '../support/processes';
import { tcpProxy, TcpProxy } from '../support/tcp-proxy';

/** Queues of this test alone: its worker drains only the outbox rows written under this prefix. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX ?? 'puente'}-faults-redis`.slice(0, 40);

/**
 * Redis out of reach while the api and the worker run (both reach it only through a proxy the test stops, as a
 * stopped server: connections reset, new ones refused). A signed-in user's change that queues jobs still commits
 * and answers promptly (the jobs wait in the job outbox, in PostgreSQL), and reaches the queues once Redis is back;
 * a sign-in is refused while the attempts cannot be counted (the throttle fails closed).
 */
describe('the api and the worker with Redis out of reach', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let proxy: TcpProxy;
  let db: Client;
  let coordinator: { token: string; email: string; password: string };
  const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`;
  const REGISTER = `mutation($i: RegisterApplicantInput!) { registerApplicant(input: $i) { applicant { id } } }`;
  const outboxRows = async () => Number((await db.query(`SELECT count(*) FROM job_outbox WHERE queue_prefix = $1`, [QUEUE_PREFIX])).rows[0].count);

  beforeAll(async () => {
    const target = new URL(process.env.REDIS_URL!);
    proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const proxied = `redis://127.0.0.1:${proxy.port}`;
    api = await startApi({ REDIS_URL: proxied, QUEUE_PREFIX });
    worker = await startWorker({ REDIS_URL: proxied, QUEUE_PREFIX });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    coordinator = await newCoordinator(api);
  });

  afterAll(async () => {
    await proxy?.start();
    await worker?.close();
    await api?.close();
    await db?.end();
    await proxy?.close();
    const statistics = new Queue(QueueName.Statistics, { connection: { url: process.env.REDIS_URL }, prefix: QUEUE_PREFIX });
    await statistics.obliterate({ force: true }).catch(() => undefined);
    await statistics.close();
  });

  it('commits a change that queues jobs, keeps them in the outbox meanwhile and queues them once Redis is back; refuses sign-ins meanwhile', async () => {
    await until('the outbox of this prefix to be empty', async () => (await outboxRows()) === 0);
    await proxy.stop();

    const started = performance.now();
    const registered = await api.gql(REGISTER, { i: applicantInput() }, coordinator.token);
    const ms = performance.now() - started;
    expect(codesOf(registered)).toEqual([]);
    expect(ms).toBeLessThan(3000);
    // The statistics refresh it queued waits in PostgreSQL.
    expect(await outboxRows()).toBeGreaterThan(0);

    const login = await api.gql(LOGIN, { i: { identifier: coordinator.email, password: coordinator.password } });
    expect(codesOf(login)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(login)).not.toMatch(/ECONN|stack|127\.0\.0\.1|accessToken":"/);

    await proxy.start();
    // The worker's sweep carries the outbox out: the refresh is on the statistics queue.
    await until('the outbox to be carried out', async () => (await outboxRows()) === 0, 30_000);
    const statistics = new Queue(QueueName.Statistics, { connection: { url: process.env.REDIS_URL }, prefix: QUEUE_PREFIX });
    try {
      expect(await statistics.getJobCountByTypes('delayed', 'waiting', 'active', 'completed')).toBeGreaterThan(0);
    } finally {
      await statistics.close();
    }
    await until('sign-ins to be counted again', async () => codesOf(await api.gql(LOGIN, { i: { identifier: coordinator.email, password: coordinator.password } })).length === 0, 15_000);
  });

  it('keeps a subscription through the outage: a change made meanwhile is told once Redis is back', async () => {
    const applicant = await verifiedApplicant(api, coordinator.token, { passportNumber: null, passportExpiry: null });
    const stages: string[] = [];
    api.ws(applicant.token).subscribe<{ myStatusChanged: { stage: string } }>(
      { query: `subscription { myStatusChanged { stage } }` },
      { next: (v) => v.data && stages.push(v.data.myStatusChanged.stage), error: () => undefined, complete: () => undefined },
    );
    await new Promise((r) => setTimeout(r, 300));

    await proxy.stop();
    // A passport makes the VERIFIED applicant AVAILABLE: the change commits, its status event waits in the outbox.
    const passport = { id: applicant.id, passportNumber: `R${Date.now() % 100_000_000}`, passportExpiry: new Date(Date.now() + 700 * 86_400_000).toISOString().slice(0, 10) };
    const updated = await api.gql(`mutation($i: UpdateApplicantInput!) { updateApplicant(input: $i) { status } }`, { i: passport }, coordinator.token);
    expect(codesOf(updated)).toEqual([]);
    expect(updated.data!.updateApplicant).toEqual({ status: 'AVAILABLE' });
    await new Promise((r) => setTimeout(r, 2000));
    expect(stages).toEqual([]);
    expect(await outboxRows()).toBeGreaterThan(0);

    await proxy.start();
    await until('the change made during the outage to be told', async () => stages.length > 0, 30_000);
    expect(stages).toEqual(['AVAILABLE']);
  });
});
