import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { fieldCipherFromEnv } from '@puente/config';
import { addDays, todayIso } from '@puente/common';
import { DEFAULT_CONTINGENT_CAPACITY, planSeats, planTimeline, reminderTime, STEP_KINDS, StepKind, stepJobGroups, StepStatus, TIMELINE_POLICY_V1 } from '@puente/domain/contingents';
import { jobId, JobName, QueueName } from '@puente/queue-contracts';
import { startApi, TestApi } from '../support/api';
import { futureDate, newCoordinator } from '../support/people';
import { until, Blocker, spawnWorker, isAlive, killHard } from '../support/processes';

/** Fixture rows carry one sealed placeholder DUI, so an api reading them (other suites share the database) can decrypt them. */
const fixtureCipher = fieldCipherFromEnv(process.env);
const SEALED_DUI = fixtureCipher.encrypt('dui', '00000000-0');

/** Queues of this test alone: no worker of another test file may take its jobs, and it may empty them. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX ?? 'puente'}-crash-scheduling`;
/** A destination no other test uses; each group of this run also gets a start date nobody else has there. */
const REGION = 'CA-YT';
/** Two orders of 100 selected workers per group: 200 travellers, three contingents of 67, 67 and 66. */
const PER_ORDER = 100;
const SIZES = [67, 67, 66];
const SCHEDULE = `mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`;
/** The statement with which seating moves a contingent's travellers to pre-departure (moveApplicantsInBulk of the applicants library), as sent. */
const MOVE_TO_PRE_DEPARTURE = /^UPDATE applicant SET status = \$2, updated_at = now\(\) WHERE id = ANY\(\$1\) AND status = ANY\(\$3\)$/;
/**
 * How long a pause of Redis writes may last at most: Redis lifts it by itself then, should the test die holding it.
 * The test lifts it well before (it lasts a fraction of a second); the Redis is shared, so it must stay short.
 */
const PAUSE_MS = 4000;
/** The name the worker's own Redis connections (its queues' producers, its status events) get, to be told apart. */
const WORKER_CLIENT = `${QUEUE_PREFIX}-worker-${randomBytes(3).toString('hex')}`;

interface Group {
  name: string;
  startDate: string;
  /** Sorted, as planSeats orders them. */
  orderIds: string[];
  selections: { applicantId: string; jobOrderId: string }[];
}

interface Step {
  id: string;
  travellerId: string;
  contingentId: string;
  kind: StepKind;
  status: string;
  dueDate: string;
  remindOn: string | null;
  dueOffset: number;
  remindOffset: number | null;
  departureDate: string;
}

interface StepJob {
  id: string;
  name: string;
  state: string;
  data: Record<string, unknown>;
  /** When it is planned to run. */
  at: number;
}

/** A Redis connected client, as CLIENT LIST shows it. */
interface RedisClient {
  id: string;
  name: string;
  /** `b`: blocked, here: a write held by a pause. */
  flags: string;
  /** The command it runs, or waits to run. */
  cmd: string;
}

/**
 * A worker killed (SIGKILL) while it schedules contingents, then started again: the retried job ends with the same
 * contingents, travellers, steps and delayed step jobs as an undisturbed run. The kill moments are forced, not guessed
 * by timing: (A) inside the seating transaction, after it has written every contingent, traveller and step, while it
 * moves the last applicants to pre-departure (a row lock of the test's own holds it there); (B) after that transaction
 * committed, before any step job was added, and (C) after some of the step jobs were added, not all: the test pauses
 * Redis writes (CLIENT PAUSE WRITE) before it lets the transaction commit, so the worker's first write after the
 * commit waits; for (C) it then lets the worker's waiting writes through one batch at a time until step jobs appear.
 */
describe('a worker killed while it schedules contingents', () => {
  jest.setTimeout(120_000);
  let api: TestApi;
  let coordinator: string;
  let db: Client;
  let redis: IORedis;
  /** A second connection of the test's, for the transaction that lets waiting writes through (see letWaitingWritesThrough). */
  let gate: IORedis;
  let gateId: string;
  let queue: Queue;
  let employerId: string;
  const tag = randomBytes(4).toString('hex');
  const groups: Record<'U' | 'A' | 'B' | 'C', Group> = {} as never;
  const workers: ChildProcess[] = [];
  const blockers: Blocker[] = [];
  const stderr: string[] = [];

  /**
   * A worker process with a short job lock, so a killed worker's job is taken over within seconds, and its Redis
   * connections named WORKER_CLIENT (ioredis takes the name from the url).
   */
  const startWorker = async (lockMs = 1500) => {
    const redisUrl = new URL(process.env.REDIS_URL!);
    redisUrl.searchParams.set('connectionName', WORKER_CLIENT);
    const worker = await spawnWorker({ QUEUE_PREFIX, REDIS_URL: redisUrl.href, WORKER_LOCK_DURATION_MS: String(lockMs) }, (chunk) => stderr.push(chunk));
    workers.push(worker);
    return worker;
  };
  /** The running worker; one is started if the last was killed (so a phase that failed does not stall the next). */
  const currentWorker = async () => {
    const last = workers.at(-1);
    return isAlive(last) ? last : startWorker();
  };
  const blocker = async () => {
    const b = await Blocker.open();
    blockers.push(b);
    return b;
  };

  /** Redis's clients, as CLIENT LIST shows them (a read: served during a pause). */
  const redisClients = async (...filter: string[]): Promise<RedisClient[]> =>
    String(await redis.call('CLIENT', 'LIST', ...filter))
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        const fields = new Map(line.trim().split(' ').map((field) => [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)]));
        return { id: fields.get('id')!, name: fields.get('name')!, flags: fields.get('flags')!, cmd: fields.get('cmd')! };
      });
  /** The worker's connections (those BullMQ names for its own use aside). */
  const workerClients = async () => (await redisClients()).filter((c) => c.name === WORKER_CLIENT);
  /**
   * A client whose write waits for the pause to be lifted: blocked, and not by a command that blocks by design
   * (BullMQ workers wait for jobs in BZPOPMIN).
   */
  const waitsToWrite = (c: RedisClient) => c.flags.includes('b') && !/^(b[lrz]|xread|wait)/.test(c.cmd);
  /** How long a wait of the test's may last while it holds Redis writes paused. */
  const IN_PAUSE_MS = PAUSE_MS - 1000;

  /**
   * Pauses every client's writes to Redis (CLIENT PAUSE WRITE; scripts and PUBLISH included): each waits, in the
   * order they come, until the pause is lifted; reads are served meanwhile. Always lifted with unpauseWrites (finally).
   */
  const pauseWrites = async () => {
    await redis.call('CLIENT', 'PAUSE', String(PAUSE_MS), 'WRITE');
  };
  let gated: Promise<unknown> | undefined;
  const unpauseWrites = async () => {
    await redis.call('CLIENT', 'UNPAUSE');
    // A gate let through by it pauses again: lift that one too.
    if (gated) {
      await gated.catch(() => undefined);
      gated = undefined;
      await redis.call('CLIENT', 'UNPAUSE');
    }
  };
  /**
   * During a pause, lets the writes already waiting through, and no later one: a transaction of the test's that
   * pauses writes again (its DEL of a key nobody has makes it a write) waits behind them; when the pause is lifted,
   * Redis runs the waiting commands in the order they came, this transaction among them, in one go, so the pause is
   * back before a client whose command went through has even had its reply and could send another.
   */
  const letWaitingWritesThrough = async () => {
    const through = gate.multi().del(`${QUEUE_PREFIX}:gate`).client('PAUSE', PAUSE_MS, 'WRITE').exec();
    gated = through;
    await until('the gate to wait for the pause', async () => (await redisClients('ID', gateId)).some(waitsToWrite), IN_PAUSE_MS);
    await redis.call('CLIENT', 'UNPAUSE');
    expect(await through).toEqual([
      [null, 0],
      [null, 'OK'],
    ]);
    gated = undefined;
  };
  /**
   * Kills the worker during a pause, and waits until Redis has dropped its connections: the writes they had waiting
   * go with them, and none can run once the pause is lifted.
   */
  const killWhilePaused = async (worker: ChildProcess) => {
    await killHard(worker);
    await until('Redis to drop the killed worker’s connections', async () => (await workerClients()).length === 0, IN_PAUSE_MS);
  };

  const clearQueues = async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  };

  /** Start dates a week apart (same weekday: the same timeline shape), none yet used in the region. */
  const freeStartDates = async (n: number): Promise<string[]> => {
    for (;;) {
      const base = futureDate(400 + randomInt(3000));
      const dates = Array.from({ length: n }, (_, i) => addDays(base, 7 * i));
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM job_order WHERE work_region_code = $1 AND start_date = ANY($2::date[]))
              + (SELECT count(*) FROM contingent WHERE region_code = $1 AND start_date = ANY($2::date[])) AS used`,
        [REGION, dates],
      );
      if (Number(rows[0].used) === 0) return dates;
    }
  };

  /** Two open orders of one region and start date, each with PER_ORDER applicants selected (as the matching leaves them). */
  const seedGroup = async (name: string, startDate: string): Promise<Group> => {
    const orders = await db.query(
      `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
                              work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week,
                              housing_provided, employer_pays_recruitment, employer_pays_travel, status, submitted_at, approved_at)
       SELECT 'JO-CRASH-' || $1 || '-' || n, $2, 'Crash test order', (SELECT min(isco_code) FROM occupation), 'NOC_2021', '85100', $3,
              $4, 'Whitehorse', $5::date, 26, $5::date + 182, 16.10, 'CAD', 40, true, true, true, 'OPEN', now(), now()
       FROM generate_series(1, 2) n RETURNING id`,
      [`${tag}-${name}`, employerId, PER_ORDER, REGION, startDate],
    );
    const orderIds = orders.rows.map((r: { id: string }) => r.id).sort();
    const prefix = `CS${tag}${name}`;
    const selections = await db.query(
      `WITH a AS (
         INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, education,
                                status, verified_at)
         SELECT $4, $1 || lpad(g::text, 4, '0'), 'Crash', 'Traveller ' || g, DATE '1990-01-01', 'MALE', (SELECT min(code) FROM municipality),
                '+50370000000', 'PRIMARY', 'SELECTED', now()
         FROM generate_series(0, 2 * $2::int - 1) g RETURNING id, substr(national_id_hash, length($1) + 1)::int AS n)
       INSERT INTO candidate (job_order_id, applicant_id, score, breakdown, rank, status)
       SELECT ($3::uuid[])[a.n / $2::int + 1], a.id, 80, '{}', a.n % $2::int + 1, 'SELECTED' FROM a
       RETURNING applicant_id AS "applicantId", job_order_id AS "jobOrderId"`,
      [prefix, PER_ORDER, orderIds, SEALED_DUI],
    );
    return { name, startDate, orderIds, selections: selections.rows };
  };

  /** What an undisturbed run must seat: the deterministic plan, contingent by contingent. */
  const planOf = (g: Group) =>
    planSeats(
      g.selections.map((s) => ({ ...s, regionCode: REGION, startDate: g.startDate })),
      [],
      DEFAULT_CONTINGENT_CAPACITY,
    ).created;
  const applicantIds = (g: Group) => g.selections.map((s) => s.applicantId);
  const scheduleJob = (g: Group) => jobId(JobName.ScheduleContingents, g.orderIds[0]!);
  const schedule = async (g: Group) => {
    const r = await api.gql(SCHEDULE, { id: g.orderIds[0] }, coordinator);
    expect(r.errors).toEqual([]);
    // Both orders' workers wait; one job seats the whole region and start date.
    expect(r.data!.scheduleContingents.waiting).toBe(PER_ORDER);
  };
  const scheduled = async (g: Group) => {
    await until(`the scheduling of group ${g.name}`, async () => {
      const state = await queue.getJobState(scheduleJob(g));
      if (state === 'failed') throw new Error(`the scheduling of group ${g.name} failed: ${(await queue.getJob(scheduleJob(g)))?.failedReason}`);
      return state === 'unknown'; // completed, and removed on completion
    }).catch((e: Error) => {
      throw new Error(`${e.message}\nworker stderr:\n${stderr.join('').slice(-4000)}`);
    });
  };

  /** The backend that runs a group's seating transaction: the one holding its advisory lock. */
  const seatingBackend = async (g: Group): Promise<number | undefined> =>
    (
      await db.query(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = hashtext($1)::bigint`,
        [`contingent|${REGION}|${g.startDate}`],
      )
    ).rows[0]?.pid;
  /** The app's backends waiting for a lock the given backend holds. */
  const blockedBy = async (pid: number): Promise<{ pid: number; query: string }[]> =>
    (await db.query(`SELECT pid, query FROM pg_stat_activity WHERE application_name = 'puente' AND $1 = ANY(pg_blocking_pids(pid))`, [pid])).rows;
  const gone = async (pid: number) => (await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid])).rowCount === 0;

  /**
   * How many delayed step group jobs each contingent has (a job id is `<job name>__<contingent id>__<kind>__<date>`;
   * a second one for a group would count).
   */
  const delayedStepJobs = async () => {
    const count = new Map<string, number>();
    for (const id of await redis.zrange(queue.keys.delayed!, 0, -1)) {
      const [name, contingentId] = id.split('__');
      if (name === JobName.RemindSteps || name === JobName.CheckStepsOverdue) count.set(contingentId!, (count.get(contingentId!) ?? 0) + 1);
    }
    return count;
  };
  /** A group's steps. */
  const stepsOf = async (g: Group): Promise<Step[]> =>
    (
      await db.query(
        `SELECT s.id, t.id AS "travellerId", k.id AS "contingentId", s.kind, s.status, to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate",
                to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", s.due_date - k.start_date AS "dueOffset", s.remind_on - k.start_date AS "remindOffset",
                to_char(k.departure_date, 'YYYY-MM-DD') AS "departureDate"
         FROM travel_step s JOIN traveller t ON t.id = s.traveller_id JOIN contingent k ON k.id = t.contingent_id
         WHERE t.applicant_id = ANY($1::uuid[])`,
        [applicantIds(g)],
      )
    ).rows;
  /** The group jobs a contingent's steps call for (stepJobGroups): one per contingent, kind and date. */
  const groupsOf = (steps: readonly Step[]) => stepJobGroups(steps.map((s) => ({ ...s, status: s.status as StepStatus })));
  /**
   * How far a group got: its contingents, seats, steps and applicants still SELECTED in the database, and per
   * contingent how many of the step group jobs it calls for are in the queue (`present/expected`).
   */
  const progressOf = async (g: Group) => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM contingent WHERE region_code = $2 AND start_date = $3::date) AS contingents,
              (SELECT count(*)::int FROM traveller WHERE applicant_id = ANY($1::uuid[])) AS travellers,
              (SELECT count(*)::int FROM applicant WHERE id = ANY($1::uuid[]) AND status = 'SELECTED') AS selected`,
      [applicantIds(g), REGION, g.startDate],
    );
    const steps = await stepsOf(g);
    const jobs = await delayedStepJobs();
    const perContingent = new Map<string, Step[]>();
    for (const s of steps) perContingent.set(s.contingentId, [...(perContingent.get(s.contingentId) ?? []), s]);
    const stepJobs = [...perContingent.entries()]
      .map(([contingentId, of]) => {
        const { reminders, overdueChecks } = groupsOf(of);
        return `${jobs.get(contingentId) ?? 0}/${reminders.length + overdueChecks.length}`;
      })
      .sort();
    return { ...(rows[0] as { contingents: number; travellers: number; selected: number }), steps: steps.length, stepJobs };
  };

  /**
   * Starts a group's scheduling and stops its seating transaction at its last writes: a transaction of the test
   * holds a row of an applicant of the last contingent, so the transaction waits when it moves that applicant to
   * pre-departure, with every contingent, traveller and step written (uncommitted). Returns the transaction's backend.
   */
  const stopInsideTransaction = async (g: Group) => {
    const plan = planOf(g);
    const held = plan[plan.length - 1]!.travellers.at(-1)!.applicantId;
    const rowLock = await blocker();
    await rowLock.client.query(`SELECT 1 FROM applicant WHERE id = $1 FOR SHARE`, [held]);
    await schedule(g);
    let blocked: { pid: number; query: string } | undefined;
    await until(`group ${g.name}'s scheduling to wait at the held applicant`, async () => {
      blocked = (await blockedBy(rowLock.pid))[0];
      return blocked !== undefined;
    });
    expect(blocked!.query).toMatch(MOVE_TO_PRE_DEPARTURE);
    // The waiting update is the seating transaction's (its backend holds the region and start date's advisory lock).
    const txn = blocked!.pid;
    expect(await seatingBackend(g)).toBe(txn);
    // It has written contingents, travellers and steps in the open transaction.
    const written = await db.query(`SELECT relation::regclass::text AS rel FROM pg_locks WHERE pid = $1 AND mode = 'RowExclusiveLock' AND granted`, [txn]);
    expect(written.rows.map((r: { rel: string }) => r.rel)).toEqual(expect.arrayContaining(['contingent', 'traveller', 'travel_step', 'applicant']));
    return { rowLock, txn };
  };

  beforeAll(async () => {
    redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    gate = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    gateId = String(await gate.client('ID'));
    await clearQueues();
    queue = new Queue(QueueName.Contingents, { connection: { url: process.env.REDIS_URL! }, prefix: QUEUE_PREFIX });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    api = await startApi({ QUEUE_PREFIX });
    coordinator = (await newCoordinator(api)).token;
    employerId = (
      await db.query(
        `INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone, status, verified_at)
         VALUES ($1, 'CA', $2, 'Whitehorse', 'AGRICULTURE', 'CA_TFWP_AGRICULTURAL', $3, 'Crash Test', $4, '+18675550100', 'VERIFIED', now()) RETURNING id`,
        [`Crash Test Farm ${tag}`, REGION, String(randomInt(1_000_000, 999_999_999)), `crash-${tag}@farm.example`],
      )
    ).rows[0].id;
    const [u, a, b, c] = await freeStartDates(4);
    groups.U = await seedGroup('U', u!);
    groups.A = await seedGroup('A', a!);
    groups.B = await seedGroup('B', b!);
    groups.C = await seedGroup('C', c!);
  });

  afterAll(async () => {
    for (const w of workers) await killHard(w);
    for (const b of blockers) await b.release();
    await api?.close();
    await queue?.close();
    if (redis) {
      await redis.call('CLIENT', 'UNPAUSE').catch(() => undefined);
      await clearQueues();
      redis.disconnect();
    }
    gate?.disconnect();
    if (db && employerId) {
      // This test's rows only: its employer's orders, their selections, seats and steps, and the applicants it made.
      await db.query('BEGIN');
      await db.query(
        `DELETE FROM travel_step WHERE traveller_id IN (SELECT t.id FROM traveller t JOIN job_order o ON o.id = t.job_order_id WHERE o.employer_id = $1)`,
        [employerId],
      );
      await db.query(`DELETE FROM traveller WHERE job_order_id IN (SELECT id FROM job_order WHERE employer_id = $1)`, [employerId]);
      await db.query(`DELETE FROM contingent k WHERE region_code = $1 AND start_date = ANY($2::date[]) AND NOT EXISTS (SELECT 1 FROM traveller t WHERE t.contingent_id = k.id)`, [
        REGION,
        Object.values(groups).map((g) => g.startDate),
      ]);
      await db.query(`DELETE FROM candidate WHERE job_order_id IN (SELECT id FROM job_order WHERE employer_id = $1)`, [employerId]);
      await db.query(`DELETE FROM applicant WHERE national_id_hash LIKE $1`, [`CS${tag}%`]);
      await db.query(`DELETE FROM job_order WHERE employer_id = $1`, [employerId]);
      await db.query(`DELETE FROM employer WHERE id = $1`, [employerId]);
      await db.query('COMMIT');
    }
    await db?.end();
  });

  /** Nothing of the group: no contingent, seat or step, every applicant still SELECTED, no step job. */
  const NOTHING = { contingents: 0, travellers: 0, steps: 0, selected: 2 * PER_ORDER, stepJobs: [] };
  /**
   * Every seat and step committed, no step job yet (per contingent: 12 group jobs, a reminder for each of the 7 kinds
   * and an overdue check for each of the 5 office kinds, its travellers all seated at once sharing their dates).
   */
  const SEATED_WITHOUT_JOBS = { contingents: SIZES.length, travellers: 2 * PER_ORDER, steps: 14 * PER_ORDER, selected: 0, stepJobs: SIZES.map(() => `0/12`) };
  /** Done: every seat, step and step job. */
  const DONE = { ...SEATED_WITHOUT_JOBS, stepJobs: SIZES.map(() => `12/12`) };

  /**
   * Checks a finished group against what the scheduling must produce, whatever happened on the way: every selected
   * applicant seated exactly once, for their order, in the contingent the deterministic plan gives them; contingents
   * of 67, 67 and 66 (at most 70), planned; seven steps per traveller, one of each kind; every applicant in
   * pre-departure; every step job there.
   */
  const expectScheduled = async (g: Group) => {
    expect(await progressOf(g)).toEqual(DONE);
    const members: { sequence: number; capacity: number; status: string; contingentId: string; applicantId: string; jobOrderId: string; travellerStatus: string; applicantStatus: string }[] = (
      await db.query(
        `SELECT k.id AS "contingentId", k.sequence, k.capacity, k.status, t.applicant_id AS "applicantId", t.job_order_id AS "jobOrderId",
                t.status AS "travellerStatus", a.status AS "applicantStatus"
         FROM contingent k JOIN traveller t ON t.contingent_id = k.id JOIN applicant a ON a.id = t.applicant_id
         WHERE k.region_code = $1 AND k.start_date = $2::date`,
        [REGION, g.startDate],
      )
    ).rows;
    expect(members.map((m) => `${m.applicantId}|${m.jobOrderId}`).sort()).toEqual(g.selections.map((s) => `${s.applicantId}|${s.jobOrderId}`).sort());
    const plan = planOf(g);
    expect(plan.map((c) => c.travellers.length)).toEqual(SIZES);
    const seatedIn = (sequence: number) => members.filter((m) => m.sequence === sequence).map((m) => m.applicantId).sort();
    expect(plan.map((c) => seatedIn(c.sequence))).toEqual(plan.map((c) => c.travellers.map((t) => t.applicantId).sort()));
    expect(new Set(members.map((m) => `${m.capacity} ${m.status} ${m.travellerStatus} ${m.applicantStatus}`))).toEqual(
      new Set([`${DEFAULT_CONTINGENT_CAPACITY} PLANNED SEATED PRE_DEPARTURE`]),
    );
    const kinds = new Map<string, string[]>();
    for (const s of await stepsOf(g)) kinds.set(s.travellerId, [...(kinds.get(s.travellerId) ?? []), s.kind]);
    expect(kinds.size).toBe(2 * PER_ORDER);
    expect(new Set([...kinds.values()].map((k) => k.sort().join()))).toEqual(new Set([[...STEP_KINDS].sort().join()]));
  };

  it('schedules a group undisturbed (the run the others are compared with)', async () => {
    await currentWorker();
    await schedule(groups.U);
    await scheduled(groups.U);
    await expectScheduled(groups.U);
  });

  it('(A) killed inside the seating transaction: nothing is left, and the retried job does it all', async () => {
    const g = groups.A;
    const worker = await currentWorker();
    const { rowLock, txn } = await stopInsideTransaction(g);
    await killHard(worker);
    await rowLock.release();
    // The killed worker's backend ends (rolling back) once it is no longer waiting.
    await until('the killed transaction to end', () => gone(txn));
    expect(await progressOf(g)).toEqual(NOTHING);
    expect(await queue.getDelayedCount()).toBe(12 * SIZES.length); // the undisturbed group's step group jobs, no other
    expect(await queue.getJobState(scheduleJob(g))).toBe('active'); // held by the dead worker until its lock expires

    await startWorker();
    await scheduled(g);
    await expectScheduled(g);
  });

  /**
   * Lets a group's seating transaction, held by stopInsideTransaction, commit while Redis writes are paused, and waits
   * until the database shows it committed: every contingent, seat and step, and still none of its step jobs.
   */
  const commitWhilePaused = async (g: Group, rowLock: Blocker) => {
    await pauseWrites();
    await rowLock.release();
    await until(
      `group ${g.name}'s seating to commit`,
      async () => (await seatingBackend(g)) === undefined && isDeepStrictEqual(await progressOf(g), SEATED_WITHOUT_JOBS),
      IN_PAUSE_MS,
    );
  };
  /** The group's job is the killed worker's still, taken once and never given up (moved back as stalled) meanwhile. */
  const expectHeldByKilledWorker = async (g: Group) => {
    expect(await queue.getJobState(scheduleJob(g))).toBe('active'); // until its lock expires
    const job = await queue.getJob(scheduleJob(g));
    expect({ attemptsStarted: job?.attemptsStarted, stalledCounter: job?.stalledCounter }).toEqual({ attemptsStarted: 1, stalledCounter: 0 });
  };

  it('(B) killed after the seating committed, before any step job: the retried job adds them all', async () => {
    const g = groups.B;
    const worker = await currentWorker();
    const { rowLock } = await stopInsideTransaction(g);
    try {
      await commitWhilePaused(g, rowLock);
      // The worker's first write after the commit (the status events it publishes) waits for the pause.
      await until('the worker to wait to publish', async () => (await workerClients()).some((c) => waitsToWrite(c) && c.cmd === 'publish'), IN_PAUSE_MS);
      expect(await progressOf(g)).toEqual(SEATED_WITHOUT_JOBS);
      await killWhilePaused(worker);
    } finally {
      await unpauseWrites();
    }
    expect(await progressOf(g)).toEqual(SEATED_WITHOUT_JOBS);
    await expectHeldByKilledWorker(g);

    await startWorker();
    await scheduled(g);
    await expectScheduled(g);
  });

  it('(C) killed after some of the step jobs were added, not all: the retried job adds the rest, once', async () => {
    const g = groups.C;
    const idle = workers.at(-1);
    if (isAlive(idle)) await killHard(idle);
    // A long job lock: its renewals wait for the pause too, and the job must stay this worker's meanwhile.
    const worker = await startWorker(6000);
    const { rowLock } = await stopInsideTransaction(g);
    let partial: Awaited<ReturnType<typeof progressOf>> | undefined;
    try {
      await commitWhilePaused(g, rowLock);
      const contingentIds = new Set((await stepsOf(g)).map((s) => s.contingentId));
      /** The ids of the group's step group jobs in the queue. */
      const added = async () => (await redis.zrange(queue.keys.delayed!, 0, -1)).filter((id) => contingentIds.has(id.split('__')[1]!));
      // The worker's writes through, one batch at a time (its status events, then its first chunk of step jobs),
      // until step jobs of the group appear.
      const deadline = Date.now() + IN_PAUSE_MS;
      for (let batch = 1; (await added()).length === 0; batch++) {
        await until(`the worker to wait to write (batch ${batch})`, async () => (await workerClients()).some(waitsToWrite), deadline - Date.now());
        await letWaitingWritesThrough();
      }
      // The worker now waits to add more.
      await until('the worker to wait to add more', async () => (await workerClients()).some((c) => waitsToWrite(c) && c.cmd.startsWith('eval')), IN_PAUSE_MS);
      partial = await progressOf(g);
      expect(partial).toEqual({ ...SEATED_WITHOUT_JOBS, stepJobs: expect.any(Array) });
      // The reminders, which it adds first (the overdue checks after them, in a bulk add of their own), not the checks.
      const jobs = await added();
      expect(jobs.length).toBeGreaterThan(0);
      expect(jobs.length).toBeLessThan(12 * SIZES.length);
      expect(new Set(jobs.map((id) => id.split('__')[0]))).toEqual(new Set([JobName.RemindSteps]));
      await killWhilePaused(worker);
    } finally {
      await unpauseWrites();
    }
    expect(await progressOf(g)).toEqual(partial);
    await expectHeldByKilledWorker(g);

    await startWorker();
    await scheduled(g);
    await expectScheduled(g);
  });

  it('ends every disturbed run with the contingents, steps and step jobs of the undisturbed one, and no other job', async () => {
    expect(await queue.getJobCounts('active', 'wait', 'failed', 'completed')).toEqual({ active: 0, wait: 0, failed: 0, completed: 0 });
    // Every job of the queue, whatever its state, by the contingent it is for (step jobs are grouped per contingent).
    const jobsOf = new Map<string, StepJob[]>();
    for (const state of ['delayed', 'wait', 'active', 'completed', 'failed', 'prioritized', 'waiting-children'] as const) {
      for (const job of await queue.getJobs(state)) {
        const contingentId = String(job.data.contingentId);
        jobsOf.set(contingentId, [...(jobsOf.get(contingentId) ?? []), { id: job.id!, name: job.name, state, data: job.data, at: job.timestamp + job.delay }]);
      }
    }

    const outcomes = new Map<string, unknown>();
    const committed = new Set<string>();
    for (const g of Object.values(groups)) {
      const members: { sequence: number; departureOffset: number; jobOrderId: string }[] = (
        await db.query(
          `SELECT k.sequence, k.departure_date - k.start_date AS "departureOffset", t.job_order_id AS "jobOrderId"
           FROM contingent k JOIN traveller t ON t.contingent_id = k.id WHERE k.region_code = $1 AND k.start_date = $2::date`,
          [REGION, g.startDate],
        )
      ).rows;
      // Each contingent has, for each group its pending steps call for (stepJobGroups), exactly one job with its
      // deterministic id, the group's contingent, kind and date, planned for 09:00 in El Salvador on its day (the
      // check: the day after the due date), and still delayed; and no other job (the payload compared as an object: a
      // job carried out from the outbox comes back from jsonb with its keys reordered). Each pending step with a reminder
      // date is then covered by one reminder job, each pending office step by one overdue check, through its group.
      const near = (at: number, planned: number) => Math.abs(at - planned) < 120_000;
      const steps = new Map<string, number>();
      const today = todayIso();
      const all = await stepsOf(g);
      const byContingent = new Map<string, Step[]>();
      for (const s of all) byContingent.set(s.contingentId, [...(byContingent.get(s.contingentId) ?? []), s]);
      for (const [contingentId, of] of byContingent) {
        committed.add(contingentId);
        const jobs = jobsOf.get(contingentId) ?? [];
        const { reminders: wantedReminders, overdueChecks: wantedChecks } = groupsOf(of);
        // A group job as it should be: its deterministic id, delayed, its data, its time, and a group the steps call for.
        const groupJobOk =
          <K extends 'remindOn' | 'dueDate'>(name: JobName, dateKey: K, runsAt: (date: string) => number, wanted: readonly ({ kind: string } & Record<K, string>)[]) =>
          (j: StepJob) => {
            const d = j.data as { kind: string } & Record<K, string>;
            return (
              j.name === name &&
              j.id === jobId(name, contingentId, d.kind, d[dateKey]) &&
              j.state === 'delayed' &&
              isDeepStrictEqual(j.data, { contingentId, kind: d.kind, [dateKey]: d[dateKey] }) &&
              near(j.at, runsAt(d[dateKey])) &&
              wanted.some((w) => w.kind === d.kind && w[dateKey] === d[dateKey])
            );
          };
        const reminderOk = groupJobOk(JobName.RemindSteps, 'remindOn', reminderTime, wantedReminders);
        const checkOk = groupJobOk(JobName.CheckStepsOverdue, 'dueDate', (dueDate) => reminderTime(addDays(dueDate, 1)), wantedChecks);
        const others = jobs.filter((j) => !reminderOk(j) && !checkOk(j)).length;
        const key0 = `contingent: ${jobs.filter(reminderOk).length}/${wantedReminders.length} reminder jobs, ${jobs.filter(checkOk).length}/${wantedChecks.length} check jobs, ${others} other`;
        steps.set(key0, (steps.get(key0) ?? 0) + 1);
        for (const s of of) {
          const reminders = jobs.filter((j) => reminderOk(j) && j.data.kind === s.kind && j.data.remindOn === s.remindOn).length;
          const checks = jobs.filter((j) => checkOk(j) && j.data.kind === s.kind && j.data.dueDate === s.dueDate).length;
          const wantsReminder = s.status === 'PENDING' && s.remindOn !== null;
          const wantsCheck = wantedChecks.some((w) => s.status === 'PENDING' && w.kind === s.kind && w.dueDate === s.dueDate);
          const reminderState = reminders === Number(wantsReminder) ? 'ok' : 'WRONG';
          const checkState = checks === Number(wantsCheck) ? 'ok' : 'WRONG';
          // Dates against the plan for this contingent's own departure: the groups' start dates differ, and a public
          // holiday can move one group's office step where another's stays (an offset alone would differ).
          const planned = planTimeline(s.departureDate, today, TIMELINE_POLICY_V1).steps.find((p) => p.kind === s.kind)!;
          const dates = planned.dueDate === s.dueDate && planned.remindOn === s.remindOn ? 'as planned' : `due ${s.dueOffset} remind ${s.remindOffset} OFF PLAN`;
          const key = `${s.kind} ${s.status} ${dates}: ${reminders} reminder ${reminderState}, ${checks} check ${checkState}`;
          steps.set(key, (steps.get(key) ?? 0) + 1);
        }
      }
      expect(
        [...steps.keys()].filter((k) => k.includes('WRONG') || k.includes('OFF PLAN') || (k.startsWith('contingent:') && !k.endsWith(' 0 other'))).map((k) => `${g.name}: ${k}`),
      ).toEqual([]);
      // The normalized outcome: the contingents (size, departure, how many of each order by the orders' sort rank), and
      // the steps with their jobs, counted by kind, status, dates relative to the start date, and jobs.
      const contingents = [...new Set(members.map((m) => m.sequence))]
        .sort()
        .map((sequence) => members.filter((m) => m.sequence === sequence))
        .map((of) => ({ sequence: of[0]!.sequence, departureOffset: of[0]!.departureOffset, seated: of.length, byOrder: g.orderIds.map((o) => of.filter((m) => m.jobOrderId === o).length) }));
      outcomes.set(g.name, { contingents, steps: [...steps.entries()].sort() });
    }
    for (const name of ['A', 'B', 'C']) expect({ [name]: outcomes.get(name) }).toEqual({ [name]: outcomes.get('U') });
    // No job for a contingent that was never committed (a rolled-back attempt's), and nothing but the four groups' jobs.
    expect([...jobsOf.keys()].filter((contingentId) => !committed.has(contingentId))).toEqual([]);
    expect([...jobsOf.values()].flat()).toHaveLength(4 * SIZES.length * 12); // per contingent, 7 reminder and 5 overdue check group jobs
  });
});
