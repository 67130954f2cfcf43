import { Injectable } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext, Provider } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Role } from '@puente/common';
import { bindJobs, JobHandler, JobProducer, JobProcessor } from '@puente/queue';
import { TestFactories } from '@puente/testing';
import { JobName, jobId, QueueName } from '@puente/queue-contracts';
import { JobDispatcher, ProcessorCoverageError } from './jobs/job-dispatcher';
import { WorkerModule } from './worker.module';
import { WORKER_LOGGER } from './logger';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { Writable } from 'node:stream';

@Injectable()
@JobProcessor(JobName.PurgeExpiredRefreshTokens)
class PurgeA implements JobHandler<JobName.PurgeExpiredRefreshTokens> {
  async handle() {
    return 0;
  }
}

@Injectable()
@JobProcessor(JobName.PurgeExpiredRefreshTokens)
class PurgeB extends PurgeA {}

/** A do-nothing processor for each job but the given ones, so each test names only the jobs it is about. */
function processorsExcept(...jobs: JobName[]): (new () => unknown)[] {
  return Object.values(JobName)
    .filter((job) => !jobs.includes(job))
    .map((job) => {
      @Injectable()
      @JobProcessor(job)
      class Stub {
        async handle() {
          return 0;
        }
      }
      return Stub;
    });
}

describe('worker', () => {
  describe('refuses to start with a job that has no processor or two', () => {
    const boot = (providers: Provider[]) =>
      Test.createTestingModule({ imports: [DiscoveryModule], providers: [JobDispatcher, ...providers] })
        .compile()
        .then((m) => m.init());

    it('names the job with no processor', async () => {
      await expect(boot([])).rejects.toThrow(ProcessorCoverageError);
      await expect(boot([])).rejects.toThrow(`job "${JobName.PurgeExpiredRefreshTokens}" has no processor`);
    });

    it('names the job with two', async () => {
      await expect(boot([PurgeA, PurgeB, ...processorsExcept(JobName.PurgeExpiredRefreshTokens)])).rejects.toThrow(`job "${JobName.PurgeExpiredRefreshTokens}" has 2 processors`);
    });

    it('starts with exactly one', async () => {
      await expect(boot([PurgeA, ...processorsExcept(JobName.PurgeExpiredRefreshTokens, JobName.RunMatching)])).rejects.toThrow(
        `job "${JobName.RunMatching}" has no processor`,
      );
      const module = await boot([PurgeA, ...processorsExcept(JobName.PurgeExpiredRefreshTokens)]);
      expect(module.get(JobDispatcher).handlerFor(JobName.PurgeExpiredRefreshTokens)).toBeInstanceOf(PurgeA);
      await module.close();
    });

    it('counts jobs bound to service methods as processors, and calls the method', async () => {
      @Injectable()
      class Purger {
        purge = jest.fn(async (olderThan?: string) => (olderThan ? 7 : 0));
      }
      const bound = bindJobs(Purger, (purger) => ({ [JobName.PurgeExpiredRefreshTokens]: (payload) => purger.purge(payload.olderThan) }));
      await expect(boot([Purger, bound, PurgeA, ...processorsExcept(JobName.PurgeExpiredRefreshTokens)])).rejects.toThrow('has 2 processors');
      const module = await boot([Purger, bound, ...processorsExcept(JobName.PurgeExpiredRefreshTokens)]);
      const handler = module.get(JobDispatcher).handlerFor(JobName.PurgeExpiredRefreshTokens);
      expect(await handler.handle({ olderThan: '2027-01-01T00:00:00Z' }, { jobId: 'j', attempt: 1 })).toBe(7);
      expect(module.get(Purger).purge).toHaveBeenCalledWith('2027-01-01T00:00:00Z');
      await module.close();
    });
  });

  describe('on real PostgreSQL and Redis', () => {
    let worker: INestApplicationContext;
    let events: QueueEvents;
    const prefix = process.env.QUEUE_PREFIX!;

    const logLines: string[] = [];

    beforeAll(async () => {
      const sink = new Writable({ write: (chunk, _, done) => (logLines.push(...String(chunk).trim().split('\n')), done()) });
      const module = await Test.createTestingModule({ imports: [WorkerModule] })
        .overrideProvider(WORKER_LOGGER)
        .useValue(pino({ level: 'info', base: { service: 'worker' } }, sink))
        .compile();
      module.useLogger(module.get(Logger));
      worker = await module.init();
      events = new QueueEvents(QueueName.Maintenance, { connection: { url: process.env.REDIS_URL! }, prefix });
      await events.waitUntilReady();
    });
    afterAll(async () => {
      await events?.close();
      await worker?.close();
    });

    it('runs a job enqueued with a deterministic id once, with the request id that caused it', async () => {
      const ds = worker.get(DataSource);
      const user = await new TestFactories(worker).staffUser(Role.COORDINATOR);
      const family = randomUUID();
      // By hand: sign-in only makes tokens that expire in the future, and this test needs one already expired.
      await ds.query(
        `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES
           ($1, $2, $3, now() - interval '1 day'), ($1, $2, $4, now() + interval '1 day')`,
        [user.id, family, randomUUID(), randomUUID()],
      );
      const producer = worker.get(JobProducer);
      const id = jobId(JobName.PurgeExpiredRefreshTokens, randomUUID());
      const requestId = randomUUID();
      const done = new Promise<string>((resolve) => events.on('completed', ({ jobId: finished, returnvalue }) => finished === id && resolve(returnvalue)));
      await producer.enqueue(JobName.PurgeExpiredRefreshTokens, { requestId }, { jobId: id });
      await producer.enqueue(JobName.PurgeExpiredRefreshTokens, { requestId }, { jobId: id });
      expect(Number(await done)).toBeGreaterThanOrEqual(1);

      const left = await ds.query(`SELECT expires_at > now() AS live FROM refresh_token WHERE family_id = $1`, [family]);
      expect(left).toEqual([{ live: true }]);
      const job = await producer.queue(QueueName.Maintenance).getJob(id);
      expect(job?.data).toEqual({ requestId });
      expect(job?.attemptsMade).toBe(1);
      // The job's log lines carry the request that caused it.
      const line = logLines.map((l) => JSON.parse(l)).find((l) => l.jobId === id && l.msg === 'Job completed');
      expect(line).toMatchObject({ requestId, queue: 'maintenance', job: JobName.PurgeExpiredRefreshTokens, service: 'worker' });
      const counts = await producer.queue(QueueName.Maintenance).getJobCounts('completed', 'waiting', 'active');
      expect(counts.waiting + counts.active).toBe(0);
    });

    it('boots when another worker has taken the next nightly run already (its clock ahead), keeping one schedule', async () => {
      const queue = worker.get(JobProducer).queue(QueueName.Maintenance);
      const [next] = (await queue.getDelayed()).filter((j) => j.id?.startsWith('repeat:nightly-purge-expired-refresh-tokens:'));
      expect(next).toBeDefined();
      // What a worker whose clock is past 03:17 leaves: the run is out of the delayed set (active there), still planned.
      const redis = new IORedis(process.env.REDIS_URL!);
      try {
        await redis.zrem(`${prefix}:${QueueName.Maintenance}:delayed`, next!.id!);
      } finally {
        redis.disconnect();
      }
      const second = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      try {
        expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['nightly-purge-expired-refresh-tokens']);
      } finally {
        await second.close();
      }
    });

    it('declares the nightly purge once, however many workers start', async () => {
      const second = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      try {
        const schedulers = await worker.get(JobProducer).queue(QueueName.Maintenance).getJobSchedulers();
        expect(schedulers.map((s) => s.key)).toEqual(['nightly-purge-expired-refresh-tokens']);
      } finally {
        await second.close();
      }
    });
  });
});
