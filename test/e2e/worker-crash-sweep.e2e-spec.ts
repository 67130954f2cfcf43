import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Job, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { fieldCipherFromEnv } from '@puente/config';
import { addDays, todayIso } from '@puente/common';
import { decideRehire, CURRENT_REHIRE_POLICY, RehireInputs } from '@puente/domain/rehire';
import { DEFAULT_JOB_OPTIONS, jobId, JobName, QueueName } from '@puente/queue-contracts';
import { until, Blocker, spawnWorker, killHard } from '../support/processes';
import { exclusiveRehireSweeps, StoredRehireDecision } from '../support/returnees';

/** Fixture rows carry one sealed placeholder DUI and passport, so an api reading them (other suites share the database) can decrypt them. */
const fixtureCipher = fieldCipherFromEnv(process.env);
const SEALED_DUI = fixtureCipher.encrypt('dui', '00000000-0');
const SEALED_PASSPORT = fixtureCipher.encrypt('passport', 'X0000000');

/** Queues of this test alone: no worker of another test file may take its jobs, and it may empty them. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX ?? 'puente'}-crash-sweep`;
/** A destination no other test uses; the orders and contingents of this run also get a start date nobody else has there. */
const REGION = 'US-AK';
/** The sweep's batch size (RehireService.sweep's default, which the job uses). */
const BATCH = 1000;
/** Returned workers with no decision yet, for the sweep: five batches when nothing else is due. */
const SWEPT = 5000;
/** Returned workers decided before the sweep, not due again: the sweep must leave them alone. */
const CONTROL = 100;
/** Jobs the worker runs at once per queue (pinned: the test counts the evaluate jobs that wait behind the sweep). */
const CONCURRENCY = 5;
/** The worker's job lock: a killed worker's sweep is taken over within a few seconds. */
const LOCK_MS = 2000;
/** The statement with which RehireService.decideBatch locks its batch's applicants, first in its transaction, as sent. */
const LOCK_ROWS = /^SELECT id FROM applicant WHERE id = ANY\(\$1\) ORDER BY id FOR UPDATE$/;
/**
 * Where the test holds the sweep: at the applicant of this rank among ours still undecided (by id, the sweep's
 * order), the middle of its third batch when nothing else is due. Applicants of other tests due at the same time
 * come before it in the sweep's order too; fewer than 500 of them leave it in the third batch.
 */
const HELD_RANK = 2 * BATCH + BATCH / 2;

interface Worker {
  id: string;
  placementId: string;
  evaluationId: string;
  overall: number;
  passportExpiry: string | null;
}

type Decision = StoredRehireDecision & { id: string; createdAt: string; updatedAt: string };

const sorted = (ids: Iterable<string>) => [...ids].sort();

/**
 * A worker killed (SIGKILL) in the middle of the rehire sweep, then started again: the retried sweep ends with one
 * current decision per applicant, the one the policy gives, stored once, and the applicant moved once; duplicate and
 * retried evaluate jobs meanwhile store nothing new. The kill moment is forced, not guessed by timing: a row lock of
 * the test's own on an applicant of the sweep's third batch holds the sweep inside that batch's transaction, after the
 * first two batches committed. The retried sweep is held the same way in its own third batch while duplicate evaluate
 * jobs run: for applicants it already decided, for applicants it has locked (they wait for it), and for applicants it
 * has not reached yet (they decide first, and the sweep then finds nothing to change).
 */
describe('a worker killed mid-sweep', () => {
  jest.setTimeout(120_000);
  let db: Client;
  let redis: IORedis;
  let queue: Queue;
  let employerId: string;
  let jobOrderId: string;
  let endedOn: string;
  let startDate: string;
  const tag = randomBytes(4).toString('hex');
  const nationalIds = `SW${tag}`;
  /** The application name of the worker's database connections, to tell its backends from any other process's. */
  const appName = `puente-crash-sweep-${tag}`;
  const workers: ChildProcess[] = [];
  const blockers: Blocker[] = [];
  /** No other test file sweeps while this one's workers are seeded (see exclusiveRehireSweeps). */
  let releaseSweeps: (() => Promise<void>) | undefined;
  const stderr: string[] = [];
  /** The returned workers the sweep must decide, and the control group, by applicant id. */
  const swept = new Map<string, Worker>();
  const control = new Map<string, Worker>();
  /** The control group's decisions as seeded. */
  let controlBefore: unknown[] = [];
  /** The decisions committed by the killed sweep (its first two batches), as they were then. */
  let decidedBeforeKill: Decision[] = [];
  /** The evaluate jobs of the retried sweep's test, and the applicants they were for. */
  const earlierJobs: ReturnType<typeof evaluationJob>[] = [];
  const jobbed = new Set<string>();
  const sweepJob = jobId(JobName.RehireSweep, 'crash', tag);
  const secondSweepJob = jobId(JobName.RehireSweep, 'again', tag);
  const today = todayIso();

  const startWorker = async () => {
    const databaseUrl = new URL(process.env.DATABASE_URL!);
    databaseUrl.searchParams.set('application_name', appName);
    const worker = await spawnWorker(
      { QUEUE_PREFIX, DATABASE_URL: databaseUrl.href, WORKER_CONCURRENCY: String(CONCURRENCY), WORKER_LOCK_DURATION_MS: String(LOCK_MS) },
      (chunk) => stderr.push(chunk),
    );
    workers.push(worker);
    return worker;
  };
  /** A transaction of the test's holding one applicant's row (FOR UPDATE), as decideBatch would. */
  const holdRow = async (applicantId: string) => {
    const b = await Blocker.open();
    blockers.push(b);
    await b.client.query(`SELECT 1 FROM applicant WHERE id = $1 FOR UPDATE`, [applicantId]);
    return b;
  };
  const withStderr = (e: Error) => {
    throw new Error(`${e.message}\nworker stderr:\n${stderr.join('').slice(-4000)}`);
  };

  const clearQueues = async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  };

  /** The backends waiting for a lock the given backend holds. */
  const waitingFor = async (pid: number): Promise<{ pid: number; app: string; query: string; waiting: string | null; inTransaction: boolean }[]> =>
    (
      await db.query(
        `SELECT pid, application_name AS app, query, wait_event_type AS waiting, xact_start IS NOT NULL AS "inTransaction"
         FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
        [pid],
      )
    ).rows;
  /** The worker's backends waiting for a lock the given backend holds. */
  const blockedBy = async (pid: number) => (await waitingFor(pid)).filter((b) => b.app === appName).map(({ app: _, ...b }) => b);
  const gone = async (pid: number) => (await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid])).rowCount === 0;
  /**
   * Waits until the sweep stops at the held row, and checks that what waits is a batch's row-locking statement, the
   * first of its transaction, and that the only job running is the sweep. Returns its backend.
   */
  const sweepHeldBy = async (rowLock: Blocker, what: string): Promise<number> => {
    let blocked: Awaited<ReturnType<typeof blockedBy>> = [];
    await until(
      `${what} to wait at the held applicant`,
      async () => {
        const waiting = await waitingFor(rowLock.pid);
        // The sweep goes over every applicant of the database: another process's (a test's sweep) may reach ours too.
        const others = waiting.filter((b) => b.app !== appName);
        if (others.length) throw new Error(`another process is deciding this test's applicants at the same time: ${JSON.stringify(others)}`);
        blocked = waiting.map(({ app: _, ...b }) => b);
        return blocked.length > 0;
      },
      60_000,
    ).catch(withStderr);
    expect(blocked.map(({ pid: _, ...b }) => b)).toEqual([{ query: expect.stringMatching(LOCK_ROWS), waiting: 'Lock', inTransaction: true }]);
    expect((await queue.getActive()).map((j) => j.id)).toEqual([sweepJob]);
    return blocked[0]!.pid;
  };
  /**
   * Of the given applicants, those whose row another transaction has locked (a FOR KEY SHARE that skips locked rows
   * passes over only rows locked FOR UPDATE: the sweep's, and the one the test holds).
   */
  const lockedOf = async (ids: string[]): Promise<string[]> => {
    const free = new Set((await db.query(`SELECT id FROM applicant WHERE id = ANY($1) FOR KEY SHARE SKIP LOCKED`, [ids])).rows.map((r: { id: string }) => r.id));
    return sorted(ids.filter((id) => !free.has(id)));
  };

  /** Every decision stored for the given applicants, with the applicant's status. */
  const decisionsOf = async (ids: string[]): Promise<Decision[]> =>
    (
      await db.query(
        `SELECT d.id, d.applicant_id AS "applicantId", d.placement_id AS "placementId", d.policy_version AS "policyVersion", d.outcome,
                d.needs_passport_renewal AS "needsPassportRenewal", d.reasons, d.inputs, to_char(d.recheck_on, 'YYYY-MM-DD') AS "recheckOn", d.current,
                d.created_at::text AS "createdAt", d.updated_at::text AS "updatedAt", a.status, a.xmin::text = d.xmin::text AS "movedWithIt"
         FROM rehire_decision d JOIN applicant a ON a.id = d.applicant_id WHERE d.applicant_id = ANY($1) ORDER BY d.applicant_id, d.created_at`,
        [ids],
      )
    ).rows;
  const decidedOf = async (ids: string[]) => sorted((await decisionsOf(ids)).map((d) => d.applicantId));
  /**
   * The transactions that stored the given applicants' decisions (a batch's rows share its xmin), in order: how many
   * decisions each stored in all (any applicant's), how many of the given applicants', and the last applicant in id
   * order.
   */
  const transactionsOf = async (ids: string[]): Promise<{ all: number; ours: number; last: string }[]> =>
    (
      await db.query(
        `SELECT count(*)::int AS "all", count(*) FILTER (WHERE applicant_id = ANY($1))::int AS ours, max(applicant_id::text) AS last
         FROM rehire_decision WHERE xmin::text IN (SELECT xmin::text FROM rehire_decision WHERE applicant_id = ANY($1))
         GROUP BY xmin::text ORDER BY min(created_at)`,
        [ids],
      )
    ).rows;
  /**
   * Checks that a sweep held in its third batch committed two whole batches before it, and nothing of the third: of
   * the given applicants (ours, undecided when the sweep started, by id), a first part is decided, by two transactions
   * of 1,000 decisions each (ours and any other applicants due before them), all before the rest in id order; and the
   * held transaction has locked the rest of ours up to the held one, in id order, and none after it.
   */
  const expectHeldInThirdBatch = async (undecided: string[], held: string) => {
    const decided = new Set(await decidedOf(undecided));
    const committed = undecided.filter((id) => decided.has(id));
    const rest = undecided.filter((id) => !decided.has(id));
    expect(committed).toEqual(undecided.slice(0, committed.length));
    const batches = await transactionsOf(committed);
    expect(batches.map((b) => b.all)).toEqual([BATCH, BATCH]);
    expect(batches.reduce((n, b) => n + b.ours, 0)).toBe(committed.length);
    expect(batches.filter((b) => b.last >= rest[0]!)).toEqual([]);
    expect(await lockedOf(rest)).toEqual(rest.filter((id) => id <= held));
    return { committed, rest };
  };
  /** What the policy decides for a seeded worker as of a day: what an undisturbed run stores. */
  const expectedFor = (w: Worker, asOf: string) => {
    const inputs: RehireInputs = {
      asOf,
      placement: { status: 'COMPLETED', endedOn, returnedOn: addDays(endedOn, 2), fault: null },
      evaluation: { overall: w.overall, wouldRehire: w.overall >= 3 },
      substantiatedMisconduct: 0,
      passportExpiry: w.passportExpiry,
    };
    return { inputs, decision: decideRehire(inputs, CURRENT_REHIRE_POLICY) };
  };

  const jobOptions = (id: string) => ({ jobId: id, attempts: DEFAULT_JOB_OPTIONS.attempts, backoff: DEFAULT_JOB_OPTIONS.backoff, removeOnComplete: false, removeOnFail: false });
  /** The job of the employer's evaluation of a worker, with the id RehireService.requestDecision gives it. */
  const evaluationJob = (w: Worker) => ({
    name: JobName.EvaluateApplicant,
    data: { applicantId: w.id, cause: 'evaluation-submitted' },
    opts: jobOptions(jobId(JobName.EvaluateApplicant, w.id, 'evaluation-submitted', w.evaluationId)),
  });
  /** The job of a later event (the worker recorded home again): a job of its own, on the same facts. */
  const returnJob = (w: Worker) => ({
    name: JobName.EvaluateApplicant,
    data: { applicantId: w.id, cause: 'worker-returned' },
    opts: jobOptions(jobId(JobName.EvaluateApplicant, w.id, 'worker-returned', `${w.placementId}__${addDays(endedOn, 2)}`)),
  });
  /** Adds jobs, each twice (a duplicate submission: the same job id is one job). Returns their ids. */
  const submitTwice = async (jobs: ReturnType<typeof evaluationJob>[]) => {
    await queue.addBulk(jobs);
    await queue.addBulk(jobs);
    return jobs.map((j) => j.opts.jobId);
  };
  /** Waits until the jobs have finished; their return values (DECIDED, UNCHANGED) by job id, and how often each ran. */
  const finished = async (ids: string[], what: string): Promise<{ results: Record<string, string>; runs: number[] }> => {
    let jobs: (Job | undefined)[] = [];
    await until(
      what,
      async () => {
        jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
        return jobs.every((j) => j?.finishedOn);
      },
      60_000,
    ).catch(withStderr);
    const results: Record<string, string> = {};
    for (const j of jobs) results[j!.id!] = j!.failedReason ? `FAILED: ${j!.failedReason}` : String(j!.returnvalue);
    return { results, runs: jobs.map((j) => j!.attemptsStarted) };
  };
  const allAre = (ids: string[], value: string) => Object.fromEntries(ids.map((id) => [id, value]));
  const sweepDone = async (id: string) => {
    await until(
      `sweep ${id} to complete`,
      async () => {
        const state = await queue.getJobState(id);
        if (state === 'failed') throw new Error(`sweep ${id} failed: ${(await queue.getJob(id))?.failedReason}`);
        return state === 'completed';
      },
      60_000,
    ).catch(withStderr);
    return (await queue.getJob(id))!;
  };

  /** An end date in the past with no order or contingent of the region starting 26 weeks before it. */
  const freeEndDate = async (): Promise<string> => {
    for (;;) {
      const end = addDays(today, -(60 + randomInt(3000)));
      const start = addDays(end, -182);
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM job_order WHERE work_region_code = $1 AND start_date = $2::date)
              + (SELECT count(*) FROM contingent WHERE region_code = $1 AND start_date = $2::date) AS used`,
        [REGION, start],
      );
      if (Number(rows[0].used) === 0) return end;
    }
  };

  /**
   * `count` returned workers (status RETURNED) of the order, in contingents of 500, each with a completed placement
   * that ended `endedOn`, home two days later, and the employer's evaluation: overall 1 to 5 across them (would
   * rehire from 3); a passport valid until 2045, one in ten expiring in 100 days, one in ten none.
   */
  const seedWorkers = async (group: string, count: number, firstSequence: number): Promise<Worker[]> => {
    const prefix = `${nationalIds}${group}`;
    const contingents = await db.query(
      `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version, departed_on, arrived_on, returned_on)
       SELECT 'CT-' || $1 || '-' || s, $2, $3::date, s, $3::date - 2, 500, 'RETURNED', 'test', $3::date - 2, $3::date - 1, $4::date + 2
       FROM generate_series($5::int, $6::int) s RETURNING id, sequence`,
      [prefix, REGION, startDate, endedOn, firstSequence, firstSequence + Math.ceil(count / 500) - 1],
    );
    const contingentIds = contingents.rows.sort((a: { sequence: number }, b: { sequence: number }) => a.sequence - b.sequence).map((r: { id: string }) => r.id);
    const applicants: { id: string; n: number; passportExpiry: string | null }[] = (
      await db.query(
        `INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations,
                                skills, languages, language_levels, years_experience, education, status, passport_number_enc, passport_number_hash,
                                passport_expiry)
         SELECT $4, $1 || lpad(g::text, 5, '0'), 'Sweep', 'Crash ' || g, DATE '1990-01-01', 'FEMALE', 'SV-SA-NORTE', '+50370000004', ARRAY['9211'],
                '{}', '[]', '{}', 3, 'PRIMARY', 'RETURNED', CASE WHEN g % 10 = 0 THEN NULL ELSE $5 END, CASE WHEN g % 10 = 0 THEN NULL ELSE 'P' || $1 || g END,
                CASE WHEN g % 10 = 0 THEN NULL WHEN g % 10 = 1 THEN $3::date + 100 ELSE DATE '2045-01-01' END
         FROM generate_series(0, $2::int - 1) g
         RETURNING id, substr(national_id_hash, length($1) + 1)::int AS n, to_char(passport_expiry, 'YYYY-MM-DD') AS "passportExpiry"`,
        [prefix, count, today, SEALED_DUI, SEALED_PASSPORT],
      )
    ).rows;
    const ids = applicants.map((a) => a.id);
    const ns = applicants.map((a) => a.n);
    const evaluated: { applicantId: string; placementId: string; evaluationId: string; overall: number }[] = (
      await db.query(
        `WITH x AS (SELECT * FROM unnest($3::uuid[], $4::int[]) AS x(id, n)),
         t AS (INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status)
               SELECT ($1::uuid[])[x.n / 500 + 1], x.id, $2, 'RETURNED' FROM x RETURNING id, applicant_id),
         p AS (INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on)
               SELECT t.id, t.applicant_id, $2, $5, 'COMPLETED', $6::date, $7::date, $6::date - 2, $6::date - 1, $7::date + 2, $7::date FROM t
               RETURNING id, applicant_id)
         INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, submitted_by)
         SELECT p.id, p.applicant_id, $5, 4, 4, 4, 4, 1 + (x.n / 10) % 5, 1 + (x.n / 10) % 5 >= 3, $5 FROM p JOIN x ON x.id = p.applicant_id
         RETURNING id AS "evaluationId", placement_id AS "placementId", applicant_id AS "applicantId", overall`,
        [contingentIds, jobOrderId, ids, ns, employerId, startDate, endedOn],
      )
    ).rows;
    const passportOf = new Map(applicants.map((a) => [a.id, a.passportExpiry]));
    return evaluated.map((e) => ({ id: e.applicantId, placementId: e.placementId, evaluationId: e.evaluationId, overall: e.overall, passportExpiry: passportOf.get(e.applicantId)! }));
  };

  beforeAll(async () => {
    releaseSweeps = await exclusiveRehireSweeps();
    redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    await clearQueues();
    queue = new Queue(QueueName.Rehire, { connection: { url: process.env.REDIS_URL! }, prefix: QUEUE_PREFIX });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    // The worker boots while the test seeds; it has nothing to do until the sweep is added.
    await startWorker();
    endedOn = await freeEndDate();
    startDate = addDays(endedOn, -182);
    employerId = (
      await db.query(
        `INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone, status, verified_at)
         VALUES ($1, 'US', $2, 'Palmer', 'AGRICULTURE', 'US_H2A', $3, 'Sweep Crash', $4, '+19075550100', 'VERIFIED', now()) RETURNING id`,
        [`Sweep Crash Farm ${tag}`, REGION, String(randomInt(1_000_000, 999_999_999)), `sweep-crash-${tag}@farm.example`],
      )
    ).rows[0].id;
    jobOrderId = (
      await db.query(
        `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
                                work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week,
                                housing_provided, employer_pays_recruitment, employer_pays_travel, status, submitted_at, approved_at)
         VALUES ($1, $2, 'Sweep crash order', '9211', 'ONET_SOC', '45-2092.00', 500, $3, 'Palmer', $4::date, 26, $5::date, 17.25, 'USD', 40,
                 true, true, true, 'COMPLETED', now(), now()) RETURNING id`,
        [`JO-SWEEP-${tag}`, employerId, REGION, startDate, endedOn],
      )
    ).rows[0].id;
    for (const w of await seedWorkers('S', SWEPT, 1)) swept.set(w.id, w);
    for (const w of await seedWorkers('C', CONTROL, Math.ceil(SWEPT / 500) + 1)) control.set(w.id, w);
    // The control group was decided before (as of today, under the policy), and moved accordingly: nothing is due.
    const decided = [...control.values()].map((w) => ({ w, ...expectedFor(w, today) }));
    await db.query(
      `INSERT INTO rehire_decision (applicant_id, placement_id, policy_version, outcome, needs_passport_renewal, reasons, inputs, recheck_on)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::jsonb[], $7::jsonb[], $8::date[])`,
      [
        decided.map((d) => d.w.id),
        decided.map((d) => d.w.placementId),
        decided.map(() => CURRENT_REHIRE_POLICY.version),
        decided.map((d) => d.decision.outcome),
        decided.map((d) => d.decision.needsPassportRenewal),
        decided.map((d) => JSON.stringify(d.decision.reasons)),
        decided.map((d) => JSON.stringify(d.inputs)),
        decided.map((d) => d.decision.recheckOn),
      ],
    );
    await db.query(
      `UPDATE applicant a SET status = CASE d.outcome WHEN 'ELIGIBLE' THEN 'AVAILABLE' ELSE 'INELIGIBLE' END, updated_at = d.created_at
       FROM rehire_decision d WHERE d.applicant_id = a.id AND a.id = ANY($1)`,
      [[...control.keys()]],
    );
    controlBefore = await decisionsOf([...control.keys()]);
  });

  afterAll(async () => {
    for (const w of workers) await killHard(w);
    for (const b of blockers) await b.release();
    await queue?.close();
    if (redis) {
      await clearQueues();
      redis.disconnect();
    }
    if (db && employerId) {
      // This test's rows only: the decisions of its applicants, its employer's evaluations, placements, order and
      // travellers, its contingents, and the applicants it made.
      await db.query('BEGIN');
      await db.query(`DELETE FROM rehire_decision WHERE applicant_id IN (SELECT id FROM applicant WHERE national_id_hash LIKE $1)`, [`${nationalIds}%`]);
      await db.query(`DELETE FROM evaluation WHERE employer_id = $1`, [employerId]);
      await db.query(`DELETE FROM placement WHERE employer_id = $1`, [employerId]);
      await db.query(`DELETE FROM traveller WHERE job_order_id IN (SELECT id FROM job_order WHERE employer_id = $1)`, [employerId]);
      await db.query(`DELETE FROM contingent WHERE reference LIKE $1`, [`CT-${nationalIds}%`]);
      await db.query(`DELETE FROM applicant WHERE national_id_hash LIKE $1`, [`${nationalIds}%`]);
      await db.query(`DELETE FROM job_order WHERE employer_id = $1`, [employerId]);
      await db.query(`DELETE FROM employer WHERE id = $1`, [employerId]);
      await db.query('COMMIT');
    }
    await db?.end();
    await releaseSweeps?.();
  });

  it('kills the worker inside the third batch of the sweep, after two batches committed: nothing of the third is stored', async () => {
    const ours = sorted(swept.keys());
    const held = ours[HELD_RANK]!;
    const rowLock = await holdRow(held);
    await queue.add(JobName.RehireSweep, {}, jobOptions(sweepJob));
    const txn = await sweepHeldBy(rowLock, 'the sweep');
    // Batches 1 and 2 committed (2,000 decisions; all ours when nothing else is due), the third is held.
    const { committed, rest } = await expectHeldInThirdBatch(ours, held);
    expect(committed.length).toBeGreaterThan(BATCH);
    const job = await queue.getJob(sweepJob);
    expect({ attemptsStarted: job?.attemptsStarted, stalledCounter: job?.stalledCounter }).toEqual({ attemptsStarted: 1, stalledCounter: 0 });

    await killHard(workers.at(-1)!);
    await rowLock.release();
    // The killed worker's backend ends (rolling back) once it is no longer waiting.
    await until('the killed transaction to end', () => gone(txn));
    decidedBeforeKill = await decisionsOf(ours);
    expect(decidedBeforeKill.map((d) => d.applicantId)).toEqual(committed);
    expect(await lockedOf(rest)).toEqual([]);
    // The job is the dead worker's until its lock expires.
    expect(await queue.getJobState(sweepJob)).toBe('active');
  });

  it('retries the sweep on a new worker; evaluate jobs meanwhile, duplicated, store nothing twice', async () => {
    const decidedBefore = new Set(decidedBeforeKill.map((d) => d.applicantId));
    const undecided = sorted(swept.keys()).filter((id) => !decidedBefore.has(id));
    // The retried sweep is held the same way, in its own third batch.
    const held = undecided[HELD_RANK]!;
    const rowLock = await holdRow(held);
    await startWorker();
    const txn = await sweepHeldBy(rowLock, 'the retried sweep');
    const job = await queue.getJob(sweepJob);
    // Taken over as stalled (the same attempt, not a failure's retry).
    expect({ attemptsStarted: job?.attemptsStarted, stalledCounter: job?.stalledCounter, attemptsMade: job?.attemptsMade }).toEqual({
      attemptsStarted: 2,
      stalledCounter: 1,
      attemptsMade: 0,
    });
    // It went on from where the killed one stopped: what that one committed is no longer due.
    const { committed: retriedTwo, rest } = await expectHeldInThirdBatch(undecided, held);
    const behind = rest.filter((id) => id < held);
    const ahead = rest.filter((id) => id > held);

    // While it is held: the evaluation's job (submitted twice) for workers decided before the crash, with a job of a
    // later event too; for workers the retried sweep decided; and for workers of its held batch it has not reached.
    const pick = (ids: string[], n: number) => ids.slice(0, n).map((id) => swept.get(id)!);
    const early = pick(decidedBeforeKill.map((d) => d.applicantId), 40);
    const retried = pick(retriedTwo, 40);
    const notReached = pick(ahead, 40);
    const unchangedIds = [...(await submitTwice([...early, ...retried].map(evaluationJob))), ...(await submitTwice(early.map(returnJob)))];
    const decidingIds = await submitTwice(notReached.map(evaluationJob));
    const first = await finished([...unchangedIds, ...decidingIds], 'the evaluate jobs');
    expect(first.results).toEqual({ ...allAre(unchangedIds, 'UNCHANGED'), ...allAre(decidingIds, 'DECIDED') });
    expect(new Set(first.runs)).toEqual(new Set([1])); // each job ran once, the duplicate submission was no job
    // Jobs for workers whose rows the held transaction has locked wait for it: as many as the worker runs at once.
    const waiting = pick(behind, 20);
    const waitingIds = await submitTwice(waiting.map(evaluationJob));
    await until('evaluate jobs to wait for the sweep', async () => (await blockedBy(txn)).length === CONCURRENCY - 1).catch(withStderr);
    expect((await blockedBy(txn)).map((b) => b.query)).toEqual(Array(CONCURRENCY - 1).fill(expect.stringMatching(LOCK_ROWS)));
    expect(await lockedOf(rest)).toEqual([...behind, held]); // still held where it was

    await rowLock.release();
    const done = await sweepDone(sweepJob);
    const after = await finished(waitingIds, 'the evaluate jobs that waited for the sweep');
    expect(after.results).toEqual(allAre(waitingIds, 'UNCHANGED'));
    expect(new Set(after.runs)).toEqual(new Set([1]));
    earlierJobs.push(...[...early, ...retried, ...notReached, ...waiting].map(evaluationJob), ...early.map(returnJob));
    for (const w of [...early, ...retried, ...notReached, ...waiting]) jobbed.add(w.id);
    // The retried sweep decided the rest of ours (and anything else due), but those the evaluate jobs had decided.
    const result = done.returnvalue as { due: number; decided: number; batches: number };
    expect(result.due).toBeGreaterThanOrEqual(undecided.length);
    expect(result.batches).toBe(Math.ceil(result.due / BATCH));
    expect(result.decided).toBeGreaterThanOrEqual(undecided.length - notReached.length);
    expect(result.decided).toBeLessThanOrEqual(result.due - notReached.length);
    expect({ attemptsStarted: done.attemptsStarted, stalledCounter: done.stalledCounter }).toEqual({ attemptsStarted: 2, stalledCounter: 1 });
  });

  it('leaves exactly one current decision per applicant, the policy’s, stored once, each applicant moved once', async () => {
    const decisions = await decisionsOf([...swept.keys()]);
    // One row per applicant (they had none), current: none was stored twice, none superseded.
    expect(decisions).toHaveLength(SWEPT);
    expect(sorted(decisions.map((d) => d.applicantId))).toEqual(sorted(swept.keys()));
    const days = new Set([today, todayIso()]);
    const wrong: unknown[] = [];
    const outcomes: Record<string, number> = {};
    for (const d of decisions) {
      const w = swept.get(d.applicantId)!;
      const { inputs, decision } = expectedFor(w, d.inputs.asOf);
      const status = decision.outcome === 'ELIGIBLE' ? 'AVAILABLE' : 'INELIGIBLE';
      const ok =
        days.has(d.inputs.asOf) &&
        d.current &&
        d.placementId === w.placementId &&
        d.policyVersion === CURRENT_REHIRE_POLICY.version &&
        d.outcome === (w.overall >= CURRENT_REHIRE_POLICY.minimumOverall ? 'ELIGIBLE' : 'INELIGIBLE') &&
        isDeepStrictEqual(
          { outcome: d.outcome, needsPassportRenewal: d.needsPassportRenewal, recheckOn: d.recheckOn, reasons: d.reasons, inputs: d.inputs },
          { outcome: decision.outcome, needsPassportRenewal: decision.needsPassportRenewal, recheckOn: decision.recheckOn, reasons: decision.reasons, inputs },
        ) &&
        d.status === status &&
        d.movedWithIt &&
        d.current;
      if (!ok) wrong.push({ decision: d, expected: { ...decision, inputs, status } });
      const key = `${d.outcome}${d.needsPassportRenewal ? ' (renew passport)' : ''} → ${d.status}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    // Overall 1 and 2 refused, 3 to 5 eligible; of those, the one in ten without a passport and the one in ten whose
    // passport expires within the year need a renewal.
    expect(outcomes).toEqual({ 'INELIGIBLE → INELIGIBLE': 2000, 'ELIGIBLE → AVAILABLE': 2400, 'ELIGIBLE (renew passport) → AVAILABLE': 600 });
    // The decisions the killed sweep committed are the ones that stand: the retry did not store them again.
    const byId = new Map(decisions.map((d) => [d.applicantId, d]));
    expect(decidedBeforeKill.filter((d) => byId.get(d.applicantId)!.id !== d.id || byId.get(d.applicantId)!.createdAt !== d.createdAt)).toEqual([]);
    // The control group: untouched.
    expect(await decisionsOf([...control.keys()])).toEqual(controlBefore);
  });

  it('a second sweep, and late or duplicate evaluate jobs, decide nothing new', async () => {
    const before = await decisionsOf([...swept.keys(), ...control.keys()]);
    await queue.add(JobName.RehireSweep, {}, jobOptions(secondSweepJob));
    const ranAt = () => Promise.all(earlierJobs.map(async (j) => (await queue.getJob(j.opts.jobId))!.finishedOn));
    const ranBefore = await ranAt();
    // Jobs of workers with none yet: their evaluation's and a later event's (one run each); and the earlier jobs
    // submitted again (done already: no new run).
    const sample = [...[...swept.values()].filter((w, i) => i % 50 === 0 && !jobbed.has(w.id)), ...control.values()];
    const evaluationIds = await submitTwice(sample.map(evaluationJob));
    const returnIds = await submitTwice(sample.map(returnJob));
    await queue.addBulk(earlierJobs);
    await sweepDone(secondSweepJob);
    const late = await finished([...evaluationIds, ...returnIds], 'the late evaluate jobs');
    expect(late.results).toEqual(allAre([...evaluationIds, ...returnIds], 'UNCHANGED'));
    expect(new Set(late.runs)).toEqual(new Set([1]));
    expect(await ranAt()).toEqual(ranBefore);
    expect(await decisionsOf([...swept.keys(), ...control.keys()])).toEqual(before);
    expect(await queue.getJobCounts('active', 'wait', 'failed')).toEqual({ active: 0, wait: 0, failed: 0 });
  });
});
