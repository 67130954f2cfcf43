import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { PuenteConfig } from '@puente/config';
import { databaseOptions } from '@puente/database';
import { JOB_QUEUE, jobId, JobName, QueueName } from '@puente/queue-contracts';
import { JobProducer } from '../job-producer';
import { StatusEvents } from '../status-events';
import { JobOutbox } from './job-outbox';
import { JobOutboxEntity } from './job-outbox.entity';
import type { OutboxOp } from './outbox-ops';
import { UnitOfWork } from './unit-of-work';

/** Steps a large reschedule queues in one unit (OUTBOX_BULK=140000 measures the largest scheduling run). */
const BULK = Number(process.env.OUTBOX_BULK ?? 5_000);

/** The job outbox against real PostgreSQL and Redis, on queues of this file alone. */
describe('the unit of work and its job outbox', () => {
  jest.setTimeout(120_000);
  const prefix = `${process.env.QUEUE_PREFIX}-outbox-${randomUUID().slice(0, 8)}`;
  const label = `test.${randomUUID().slice(0, 8)}`;
  const queues = new Map<string, Queue>();
  const queueOf = (name: string) => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection: { url: process.env.REDIS_URL! }, prefix }));
    return queues.get(name)!;
  };
  let ds: DataSource;
  let config: PuenteConfig;
  let events: StatusEvents;
  let producer: JobProducer;
  let outbox: JobOutbox;
  let uow: UnitOfWork;

  const rows = async (): Promise<{ kind: string; name: string | null }[]> => ds.query(`SELECT kind, name FROM job_outbox WHERE label = $1 ORDER BY id`, [label]);
  const runJob = (runId: string) => [JobName.RunMatching, { runId }, { jobId: jobId(JobName.RunMatching, runId) }] as const;
  const count = async (queue: QueueName) => {
    const c = await queueOf(queue).getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  };

  beforeAll(async () => {
    ds = await new DataSource({ ...databaseOptions(process.env.DATABASE_URL!, 4), entities: [JobOutboxEntity] }).initialize();
    config = { redis: { url: process.env.REDIS_URL!, queuePrefix: prefix } } as PuenteConfig;
    events = new StatusEvents(config);
    producer = Object.assign(Object.create(JobProducer.prototype), { queue: queueOf });
    outbox = new JobOutbox(ds, producer, events, config);
    uow = new UnitOfWork(ds, outbox);
  });

  afterEach(async () => {
    await ds.query(`DELETE FROM job_outbox WHERE label = $1`, [label]);
    for (const q of queues.values()) await q.obliterate({ force: true });
  });

  afterAll(async () => {
    for (const q of queues.values()) await q.close();
    await events.onModuleDestroy();
    await ds.destroy();
  });

  it('writes the outbox in the transaction, carries it out after commit in order, and deletes it', async () => {
    const runId = randomUUID();
    const seen = await uow.run(label, async (tx) => {
      tx.addJob(...runJob(runId));
      tx.addJob(JobName.RemindStep, { stepId: 's', remindOn: '2030-01-01' }, { jobId: 'remind-s', delay: 3_600_000 });
      tx.removeJobs(QueueName.Contingents, ['remind-s']);
      tx.addJob(JobName.RemindStep, { stepId: 's', remindOn: '2030-01-02' }, { jobId: 'remind-s', delay: 3_600_000 });
      tx.publish(['a1'], 'TEST');
      return (await tx.em.query(`SELECT count(*)::int AS n FROM job_outbox WHERE label = $1`, [label]))[0].n;
    });
    expect(seen).toBe(0); // written when the work is done, still in its transaction
    expect(await rows()).toEqual([]);
    expect((await queueOf(QueueName.Matching).getJob(jobId(JobName.RunMatching, runId)))?.data).toEqual({ runId });
    // Removed and added again in that order: the second plan stands, still an hour off.
    const reminder = await queueOf(QueueName.Contingents).getJob('remind-s');
    expect(reminder?.data).toEqual({ stepId: 's', remindOn: '2030-01-02' });
    expect(reminder!.opts.delay).toBeGreaterThan(3_500_000);
  });

  it('leaves no job and no row when the transaction rolls back', async () => {
    const runId = randomUUID();
    await expect(
      uow.run(label, async (tx) => {
        tx.addJob(...runJob(runId));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rows()).toEqual([]);
    expect(await count(QueueName.Matching)).toBe(0);
  });

  it('keeps the rows when the drain fails, without failing the change, and the sweep carries them out', async () => {
    const broken = Object.assign(Object.create(JobProducer.prototype), {
      queue: () => {
        throw new Error('Redis is down');
      },
    });
    const down = new UnitOfWork(ds, new JobOutbox(ds, broken, events, config));
    const runId = randomUUID();
    await expect(down.run(label, async (tx) => (tx.addJob(...runJob(runId)), tx.publish(['a1'], 'TEST'), 'committed'))).resolves.toBe('committed');
    expect(await rows()).toEqual([
      { kind: 'add', name: JobName.RunMatching },
      { kind: 'publish', name: null },
    ]);
    // Too young for the sweep: the drain after commit may still be at it.
    expect(await outbox.sweep()).toBe(0);
    expect(await outbox.sweep({ graceMs: 0 })).toBe(2);
    expect(await rows()).toEqual([]);
    expect(await queueOf(QueueName.Matching).getJob(jobId(JobName.RunMatching, runId))).toBeDefined();
  });

  it('stores consecutive adds of one name as rows of a thousand jobs, keeps the order across kinds, and lands each job once', async () => {
    const broken = Object.assign(Object.create(JobProducer.prototype), {
      queue: () => {
        throw new Error('Redis is down');
      },
    });
    const down = new UnitOfWork(ds, new JobOutbox(ds, broken, events, config));
    const steps = Array.from({ length: 2_500 }, () => randomUUID());
    const runId = randomUUID();
    await down.run(label, async (tx) => {
      tx.addJobs(JobName.RemindStep, steps.slice(0, 1_200).map((stepId) => ({ payload: { stepId, remindOn: '2030-01-01' }, options: { jobId: jobId(JobName.RemindStep, stepId), delay: 3_600_000 } })));
      for (const stepId of steps.slice(1_200)) tx.addJob(JobName.RemindStep, { stepId, remindOn: '2030-01-01' }, { jobId: jobId(JobName.RemindStep, stepId), delay: 3_600_000 });
      tx.removeJobs(QueueName.Contingents, [jobId(JobName.RemindStep, steps[0]!)]);
      tx.addJob(...runJob(runId));
      tx.publish(['a1'], 'TEST');
      tx.publish(['a2'], 'TEST');
    });
    const stored: { kind: string; name: string | null; n: number }[] = await ds.query(
      `SELECT kind, name, jsonb_array_length(coalesce(payload->'jobs', payload->'jobIds', payload->'applicantIds'))::int AS n FROM job_outbox WHERE label = $1 ORDER BY id`,
      [label],
    );
    expect(stored).toEqual([
      { kind: 'add', name: JobName.RemindStep, n: 1_000 },
      { kind: 'add', name: JobName.RemindStep, n: 1_000 },
      { kind: 'add', name: JobName.RemindStep, n: 500 },
      { kind: 'remove', name: null, n: 1 },
      { kind: 'add', name: JobName.RunMatching, n: 1 },
      { kind: 'publish', name: null, n: 1 },
      { kind: 'publish', name: null, n: 1 },
    ]);
    expect(await outbox.sweep({ graceMs: 0 })).toBe(7);
    expect(await rows()).toEqual([]);
    // Added, then the first removed in order: 2,499 reminders, all still an hour off, and the run.
    expect(await queueOf(QueueName.Contingents).getDelayedCount()).toBe(2_499);
    expect(await queueOf(QueueName.Contingents).getJob(jobId(JobName.RemindStep, steps[0]!))).toBeUndefined();
    expect(await queueOf(QueueName.Matching).getJob(jobId(JobName.RunMatching, runId))).toBeDefined();
  });

  it('adds each job once when a unit is carried out twice (a crash before its rows were deleted) or by two sweeps at once', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    await uow.run(label, async (tx) => ids.forEach((id) => tx.addJob(...runJob(id))));
    expect(await count(QueueName.Matching)).toBe(50);
    // The same unit's rows again, as a crash between carrying out and deleting leaves them; then two sweeps at once.
    for (let i = 0; i < 2; i++) {
      const jobs = ids.map((id) => ({ data: { runId: id }, opts: { jobId: jobId(JobName.RunMatching, id) } }));
      await ds.transaction((em) => outbox.write(em, randomUUID(), label, [{ kind: 'add', queue: JOB_QUEUE[JobName.RunMatching], name: JobName.RunMatching, payload: { jobs } }]));
    }
    const swept = await Promise.all([outbox.sweep({ graceMs: 0 }), outbox.sweep({ graceMs: 0 })]);
    expect(swept.reduce((a, b) => a + b)).toBe(2); // each unit (one row) by one sweep only
    expect(await rows()).toEqual([]);
    expect(await count(QueueName.Matching)).toBe(50);
  });

  describe('removals across units', () => {
    /** A step reminder for one date: its id names the date, as the group jobs' ids do. */
    const reminder = (date: string) => ({ data: { stepId: 's', remindOn: date }, opts: { jobId: `remind-s-${date}`, delay: 3_600_000 } });
    const add = (date: string): OutboxOp => ({ kind: 'add', queue: JOB_QUEUE[JobName.RemindStep], name: JobName.RemindStep, payload: { jobs: [reminder(date)] } });
    const remove = (date: string): OutboxOp => ({ kind: 'remove', queue: QueueName.Contingents, name: null, payload: { jobIds: [`remind-s-${date}`] } });
    /** A unit committed and left in the table, as a crash before (or during) its drain leaves it. */
    const leftBehind = async (ops: OutboxOp[], into = outbox) => {
      const unit = randomUUID();
      await ds.transaction((em) => into.write(em, unit, label, ops));
      return unit;
    };
    const reminders = async () => (await queueOf(QueueName.Contingents).getJobs(['delayed', 'waiting'])).map((j) => j.id).sort();
    const unitsLeft = async () => (await ds.query(`SELECT DISTINCT unit FROM job_outbox WHERE label = $1`, [label])).length;

    it('defers a unit while an older unit that removes jobs is left, and the sweep carries both out in commit order', async () => {
      await uow.run(label, async (tx) => tx.addJob(JobName.RemindStep, reminder('d0').data, reminder('d0').opts));
      expect(await reminders()).toEqual(['remind-s-d0']);
      // Moved d0 → d1, its drain killed: the unit is still in the table, nothing of it carried out.
      await leftBehind([remove('d0'), add('d1')]);
      // Moved back d1 → d0 on a live api: its drain must not run before the older unit's removal.
      await uow.run(label, async (tx) => {
        tx.removeJobs(QueueName.Contingents, ['remind-s-d1']);
        tx.addJob(JobName.RemindStep, reminder('d0').data, reminder('d0').opts);
      });
      expect(await unitsLeft()).toBe(2);
      expect(await reminders()).toEqual(['remind-s-d0']);
      // Oldest first: d0 removed and d1 added, then d1 removed and d0 added. The final plan (d0) stands.
      expect(await outbox.sweep({ graceMs: 0 })).toBe(4);
      expect(await unitsLeft()).toBe(0);
      expect(await reminders()).toEqual(['remind-s-d0']);
    });

    it('drains at once when no older unit removes a job it adds: older units that only add, that remove other jobs, or of another queue prefix', async () => {
      await leftBehind([add('d5')]);
      // A removal of other jobs (another step's, a case's overdue check) left behind: nothing this unit adds.
      const unrelated = await leftBehind([remove('d7')]);
      const elsewhere = new JobOutbox(ds, producer, events, { redis: { url: process.env.REDIS_URL!, queuePrefix: `${prefix}-other` } } as PuenteConfig);
      const other = await leftBehind([remove('d0')], elsewhere);
      try {
        await uow.run(label, async (tx) => {
          tx.removeJobs(QueueName.Contingents, ['remind-s-d1']);
          tx.addJob(JobName.RemindStep, reminder('d0').data, reminder('d0').opts);
        });
        expect(await unitsLeft()).toBe(3); // the add-only unit and the unrelated removal left behind, and the other prefix's
        expect(await reminders()).toEqual(['remind-s-d0']);
      } finally {
        await ds.query(`DELETE FROM job_outbox WHERE unit = ANY($1::uuid[])`, [[other, unrelated]]);
      }
    });

    it('defers a unit, in the drain and in the sweep, while an older removing unit is being carried out elsewhere', async () => {
      const older = await leftBehind([remove('d0'), add('d1')]);
      const qr = ds.createQueryRunner();
      await qr.connect();
      await qr.startTransaction();
      try {
        // Another process drains the older unit: it holds its head's lock.
        await qr.query(`SELECT id FROM job_outbox WHERE unit = $1 AND head FOR UPDATE`, [older]);
        await uow.run(label, async (tx) => tx.addJob(JobName.RemindStep, reminder('d0').data, reminder('d0').opts));
        expect(await unitsLeft()).toBe(2);
        expect(await outbox.sweep({ graceMs: 0 })).toBe(0);
        // That drain ends: its rows deleted with its commit.
        await qr.query(`DELETE FROM job_outbox WHERE unit = $1`, [older]);
        await qr.commitTransaction();
      } finally {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        await qr.release();
      }
      expect(await outbox.sweep({ graceMs: 0 })).toBe(1);
      expect(await reminders()).toEqual(['remind-s-d0']);
    });

    it('holds back the units that add what a failing unit removes, not the others, and carries them out once it goes through', async () => {
      const refusing = Object.assign(Object.create(JobProducer.prototype), {
        queue: queueOf,
        removeAll: async () => {
          throw new Error('refused');
        },
      });
      const failing = new JobOutbox(ds, refusing, events, config);
      await leftBehind([add('d0')]);
      const removing = await leftBehind([remove('d0'), add('d1')]);
      const undoing = await leftBehind([add('d0')]);
      await leftBehind([add('d2')]);
      // The first unit goes; the removing one fails (logged); the one that adds d0 again waits; the one after goes.
      expect(await failing.sweep({ graceMs: 0 })).toBe(2);
      expect(await reminders()).toEqual(['remind-s-d0', 'remind-s-d2']);
      const left: { unit: string }[] = await ds.query(`SELECT DISTINCT unit FROM job_outbox WHERE label = $1`, [label]);
      expect(left.map((r) => r.unit).sort()).toEqual([removing, undoing].sort());
      // Its removal went through: then the one that waited, so d0 is there again, as the last unit to touch it wants.
      expect(await outbox.sweep({ graceMs: 0 })).toBe(3);
      expect(await reminders()).toEqual(['remind-s-d0', 'remind-s-d1', 'remind-s-d2']);
    });
  });

  it(`writes and carries out ${BULK} jobs in one unit`, async () => {
    const steps = Array.from({ length: BULK }, () => randomUUID());
    const timed = <A extends unknown[], R>(f: (...a: A) => Promise<R>, ms: { n: number }) => async (...a: A) => {
      const t = Date.now();
      try {
        return await f(...a);
      } finally {
        ms.n += Date.now() - t;
      }
    };
    const [writeMs, drainMs] = [{ n: 0 }, { n: 0 }];
    const measured = Object.assign(Object.create(outbox), { write: timed(outbox.write.bind(outbox), writeMs), drain: timed(outbox.drain.bind(outbox), drainMs) });
    const started = Date.now();
    await new UnitOfWork(ds, measured).run(label, async (tx) => {
      tx.addJobs(JobName.RemindStep, steps.map((stepId) => ({ payload: { stepId, remindOn: '2030-01-01' }, options: { jobId: jobId(JobName.RemindStep, stepId), delay: 86_400_000 } })));
    });
    // A figure to read, not a bound: the machine is shared.
    console.log(`outbox: ${BULK} jobs in one unit: written in ${writeMs.n} ms, carried out and deleted in ${drainMs.n} ms, ${Date.now() - started} ms in all`);
    expect(await rows()).toEqual([]);
    expect(await queueOf(QueueName.Contingents).getDelayedCount()).toBe(BULK);
  });
});
