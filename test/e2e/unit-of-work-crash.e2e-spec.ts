import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { Job, JobType, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { addDays } from '@puente/common';
import { StepKind, stepJobGroups } from '@puente/domain/contingents';
import { jobId, JobName, QueueName } from '@puente/queue-contracts';
import { startApi, TestApi } from '../support/api';
import { approvedJobOrder, futureDate, newCoordinator, newEmployer, verifiedApplicant } from '../support/people';
import { killHard, spawnApi, spawnWorker, until, postToApi } from '../support/processes';

/** Queues of this test alone: no other test's worker sweeps its outbox or takes its jobs. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}-crash-uow`;
const RUN = `mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`;
const RESCHEDULE = `mutation($id: ID!, $d: LocalDate!) { rescheduleContingent(id: $id, departureDate: $d) { departureDate } }`;
const ALL_STATES: JobType[] = ['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized'];

/**
 * An api process killed during a mutation. Inside its transaction (the before-commit failpoint, the work and its
 * outbox rows written): nothing of it is stored. Right after the unit of work commits, before its outbox is drained
 * (the after-commit failpoint): what it committed is in the job outbox, and the worker's sweep carries it out, once.
 * Either the whole change, with its jobs, or none of it.
 */
describe('an api killed during a mutation', () => {
  jest.setTimeout(150_000);
  let api: TestApi;
  let db: DataSource;
  let coordinator: string;
  let employerToken: string;
  const queues = new Map<QueueName, Queue>();
  const processes: ChildProcess[] = [];
  const queue = (name: QueueName) => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection: { url: process.env.REDIS_URL! }, prefix: QUEUE_PREFIX }));
    return queues.get(name)!;
  };
  const jobs = async (name: QueueName, where: (job: Job) => boolean) => (await queue(name).getJobs(ALL_STATES)).filter((j) => j && where(j));
  const startWorker = async () => {
    const worker = await spawnWorker({ QUEUE_PREFIX });
    processes.push(worker);
    return worker;
  };
  /** A coordinator's operation on the api that stays up; its errors, if any, fail the test with their messages. */
  const ok = async (query: string, variables: Record<string, unknown>) => {
    const r = await api.gql(query, variables, coordinator);
    if (r.errors.length) throw new Error(`${query.slice(0, 50)}: ${r.errors.map((e) => e.message).join('; ')}`);
    return r.data;
  };
  /** An order of an occupation no other test uses (building labourers); approval queues its first run. */
  const buildersOrder = () =>
    approvedJobOrder(api, employerToken, coordinator, {
      iscoCode: '9313',
      destinationOccupationCode: '75110',
      positions: 1,
      languages: [{ code: 'en', level: 'A1' }],
      minExperienceYears: 0,
    });
  /** Starts an api process with the failpoint, sends it one mutation, and waits for it to die of it. */
  const crashOn = async (label: string, query: string, variables: Record<string, unknown>, stage: 'before-commit' | 'after-commit' = 'after-commit') => {
    const crashing = await spawnApi({ QUEUE_PREFIX, PUENTE_FAILPOINT: `${stage}:${label}` });
    processes.push(crashing.child);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => crashing.child.once('exit', (_code, signal) => resolve(signal)));
    await expect(postToApi(crashing.url, coordinator, query, variables)).rejects.toThrow();
    expect(await exited).toBe('SIGKILL');
  };

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX });
    db = api.app.get(DataSource);
    coordinator = (await newCoordinator(api)).token;
    employerToken = (await newEmployer(api, coordinator)).token;
  });

  afterAll(async () => {
    for (const p of processes) await killHard(p);
    for (const q of queues.values()) await q.close();
    await api?.close();
  });

  afterEach(async () => {
    for (const p of processes.splice(0)) await killHard(p);
  });

  it('killed inside the transaction: no run, no outbox row, no job; the same request on a live api then does it all', async () => {
    const orderId = await buildersOrder();
    const runsOf = async (): Promise<string[]> => (await db.query(`SELECT id FROM matching_run WHERE job_order_ids = ARRAY[$1]::uuid[] ORDER BY id`, [orderId])).map((r: { id: string }) => r.id);
    const outboxOf = () => db.query(`SELECT id FROM job_outbox WHERE queue_prefix = $1 AND label = 'matching.start'`, [QUEUE_PREFIX]);
    const before = await runsOf();
    const outboxBefore = await outboxOf();
    const everyRunBefore = new Set((await db.query(`SELECT id FROM matching_run`)).map((r: { id: string }) => r.id));

    await crashOn('matching.start', RUN, { ids: [orderId] }, 'before-commit');

    // PostgreSQL rolled the transaction back when the connection died: nothing of the request is stored.
    expect(await runsOf()).toEqual(before);
    expect(await outboxOf()).toEqual(outboxBefore);
    expect(await jobs(QueueName.Matching, (j) => j.name === JobName.RunMatching && !everyRunBefore.has(j.data.runId))).toEqual([]);

    // Repeated on the api that stayed up, it happens whole: one new run, queued.
    const ran = await ok(RUN, { ids: [orderId] });
    const after = await runsOf();
    expect(after.filter((id) => !before.includes(id))).toEqual([(ran as { runMatching: { id: string } }).runMatching.id]);
  });

  it('a matching run committed with its outbox row is queued by the sweep and completes, with exactly one job', async () => {
    const orderId = await buildersOrder();
    await verifiedApplicant(api, coordinator, { occupations: ['9313'], skills: [], yearsExperience: 1, languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'B1' }] });
    const before: { id: string }[] = await db.query(`SELECT id FROM matching_run WHERE job_order_ids = ARRAY[$1]::uuid[]`, [orderId]);

    await crashOn('matching.start', RUN, { ids: [orderId] });

    // The run committed, QUEUED, with its job in the outbox and not in Redis.
    const [run]: { id: string; status: string }[] = await db.query(
      `SELECT id, status FROM matching_run WHERE job_order_ids = ARRAY[$1]::uuid[] AND NOT id = ANY($2::uuid[])`,
      [orderId, before.map((r) => r.id)],
    );
    expect(run.status).toBe('QUEUED');
    const mine = (j: Job) => j.name === JobName.RunMatching && j.data.runId === run.id;
    expect(await jobs(QueueName.Matching, mine)).toEqual([]);
    expect(await db.query(`SELECT kind, name FROM job_outbox WHERE queue_prefix = $1 AND label = 'matching.start'`, [QUEUE_PREFIX])).toEqual([
      { kind: 'add', name: JobName.RunMatching },
    ]);

    // A worker (and the api, which stayed up) back: the sweep queues the run, which completes.
    await startWorker();
    await until('the swept run to complete', async () => (await db.query(`SELECT status FROM matching_run WHERE id = $1`, [run.id]))[0].status === 'SUCCEEDED', 60_000);
    const added = await jobs(QueueName.Matching, mine);
    expect(added.map((j) => j.id)).toEqual([jobId(JobName.RunMatching, run.id)]);
    expect(await db.query(`SELECT id FROM job_outbox WHERE queue_prefix = $1 AND label = 'matching.start'`, [QUEUE_PREFIX])).toEqual([]);
  });

  it('a reschedule committed with its outbox rows gets its step jobs moved by the sweep, one job per step', async () => {
    // Three selected workers seated in a contingent of this test alone (a start date nobody else has in the region).
    await startWorker();
    // Far enough that no other test has this date, near enough that the workers' passports (900 days) cover the contract.
    const startDate = futureDate(120 + randomInt(500));
    const orderId = await approvedJobOrder(api, employerToken, coordinator, {
      iscoCode: '7114',
      destinationOccupationCode: '73100',
      positions: 3,
      languages: [{ code: 'en', level: 'A1' }],
      minExperienceYears: 0,
      startDate,
      durationWeeks: 20,
    });
    const applicants: string[] = [];
    for (let i = 0; i < 3; i++) {
      const profile = { occupations: ['7114'], skills: [], yearsExperience: 2, languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'A2' }] };
      applicants.push((await verifiedApplicant(api, coordinator, profile)).id);
    }
    const latestRun = async () => (await db.query(`SELECT status FROM matching_run WHERE job_order_ids = ARRAY[$1]::uuid[] ORDER BY created_at DESC LIMIT 1`, [orderId]))[0]?.status;
    // The approval's run may have started before the applicants existed: run it again once they do.
    await until('the first run', async () => ['SUCCEEDED', 'FAILED'].includes(await latestRun()), 60_000);
    await ok(RUN, { ids: [orderId] });
    await until('the shortlist', async () => (await latestRun()) === 'SUCCEEDED', 60_000);
    await ok(`mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`, { i: { jobOrderId: orderId, applicantIds: applicants } });
    await ok(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId });
    const steps = async (): Promise<{ id: string; kind: StepKind; remindOn: string | null; dueDate: string; contingentId: string }[]> =>
      db.query(
        `SELECT s.id, s.kind, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate", t.contingent_id AS "contingentId"
         FROM travel_step s JOIN traveller t ON t.id = s.traveller_id WHERE t.job_order_id = $1 AND s.status = 'PENDING' ORDER BY s.id`,
        [orderId],
      );
    /** The step group jobs the steps call for (one per contingent, kind and date), by job id. */
    const wanted = (of: Awaited<ReturnType<typeof steps>>) => {
      const { reminders, overdueChecks } = stepJobGroups(of.map((s) => ({ ...s, status: 'PENDING' as const })));
      return {
        reminders: new Map(reminders.map((g) => [jobId(JobName.RemindSteps, g.contingentId, g.kind, g.remindOn), g])),
        checks: new Map(overdueChecks.map((g) => [jobId(JobName.CheckStepsOverdue, g.contingentId, g.kind, g.dueDate), g])),
      };
    };
    /** The step group jobs in the queue for the contingent. */
    const groupJobs = async (contingentId: string) => {
      const ours = await jobs(QueueName.Contingents, (j) => (j.name === JobName.RemindSteps || j.name === JobName.CheckStepsOverdue) && j.data.contingentId === contingentId);
      return { reminders: ours.filter((j) => j.name === JobName.RemindSteps), checks: ours.filter((j) => j.name === JobName.CheckStepsOverdue) };
    };
    await until('the seating and its step jobs', async () => {
      const planned = await steps();
      return planned.length === 21 && (await groupJobs(planned[0]!.contingentId)).reminders.length === wanted(planned).reminders.size;
    }, 90_000);
    const planned = await steps();
    const [{ departure }] = await db.query(`SELECT to_char(departure_date, 'YYYY-MM-DD') AS departure FROM contingent WHERE id = $1`, [planned[0]!.contingentId]);

    // The worker keeps running: its sweep finds the rows within seconds. The api that reschedules dies after commit.
    await crashOn('contingents.reschedule', RESCHEDULE, { id: planned[0]!.contingentId, d: addDays(departure, -7) });
    // Committed, not carried out: the replanned steps are stored, their job changes wait in the outbox.
    const waiting = await db.query(`SELECT DISTINCT kind FROM job_outbox WHERE queue_prefix = $1 AND label = 'contingents.reschedule'`, [QUEUE_PREFIX]);
    expect(waiting).toEqual(expect.arrayContaining([{ kind: 'add' }, { kind: 'remove' }]));
    const moved = await steps();
    expect(moved.map((s) => s.dueDate)).not.toEqual(planned.map((s) => s.dueDate));

    // Once swept: the group jobs are exactly those of the new dates (each pending step covered by one reminder for
    // its new date, each office step by one overdue check for its new due date), the old dates' removed; nothing
    // is left in the outbox.
    const want = wanted(moved);
    const current = () => groupJobs(moved[0]!.contingentId);
    await until('the sweep to move the step jobs', async () => {
      const { reminders, checks } = await current();
      return [...want.reminders.keys()].every((id) => reminders.some((j) => j.id === id)) && reminders.length === want.reminders.size && checks.length === want.checks.size;
    }, 60_000);
    const { reminders, checks } = await current();
    expect(reminders.map((j) => j.id).sort()).toEqual([...want.reminders.keys()].sort());
    expect(reminders.every((j) => want.reminders.get(j.id!)!.remindOn === j.data.remindOn)).toBe(true);
    expect(checks.map((j) => j.id).sort()).toEqual([...want.checks.keys()].sort());
    expect(checks.every((j) => want.checks.get(j.id!)!.dueDate === j.data.dueDate)).toBe(true);
    expect(moved.filter((s) => s.remindOn && ![...want.reminders.values()].some((g) => g.kind === s.kind && g.remindOn === s.remindOn))).toEqual([]);
    await until('the outbox to be empty', async () => (await db.query(`SELECT id FROM job_outbox WHERE queue_prefix = $1`, [QUEUE_PREFIX])).length === 0);
  });
});
