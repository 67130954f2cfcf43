import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { Job, JobType, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { addDays } from '@puente/common';
import { isTravelStep, StepKind } from '@puente/domain/contingents';
import { jobId, JobName, QueueName } from '@puente/queue-contracts';
import { startApi, TestApi } from '../support/api';
import { approvedJobOrder, futureDate, newCoordinator, newEmployer, verifiedApplicant } from '../support/people';
import { killHard, spawnApi, spawnWorker, until } from '../support/processes';

/** Queues of this test alone: no other test's worker sweeps its outbox or takes its jobs. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}-crash-uow`;
const RUN = `mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`;
const RESCHEDULE = `mutation($id: ID!, $d: LocalDate!) { rescheduleContingent(id: $id, departureDate: $d) { departureDate } }`;
const ALL_STATES: JobType[] = ['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized'];

/** Calls the api process over HTTP; a process that dies mid-request rejects the call. */
function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
}

/**
 * An api process killed right after a unit of work commits, before its outbox is drained (the after-commit
 * failpoint): what it committed is in the job outbox, and the worker's sweep carries it out, once.
 */
describe('an api killed right after a unit of work commits', () => {
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
  /** Starts an api process with the failpoint, sends it one mutation, and waits for it to die of it. */
  const crashOn = async (label: string, query: string, variables: Record<string, unknown>) => {
    const crashing = await spawnApi({ QUEUE_PREFIX, PUENTE_FAILPOINT: `after-commit:${label}` });
    processes.push(crashing.child);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => crashing.child.once('exit', (_code, signal) => resolve(signal)));
    await expect(post(crashing.url, coordinator, query, variables)).rejects.toThrow();
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

  it('a matching run committed with its outbox row is queued by the sweep and completes, with exactly one job', async () => {
    // An order of an occupation no other test uses; approval queues its first run, which waits for a worker.
    const orderId = await approvedJobOrder(api, employerToken, coordinator, {
      iscoCode: '9313',
      destinationOccupationCode: '75110',
      positions: 1,
      languages: [{ code: 'en', level: 'A1' }],
      minExperienceYears: 0,
    });
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
    await until('the seating and its step jobs', async () => {
      const planned = await steps();
      const reminded = planned.filter((s) => s.remindOn);
      return planned.length === 21 && (await jobs(QueueName.Contingents, (j) => j.name === JobName.RemindStep && reminded.some((s) => s.id === j.data.stepId))).length === reminded.length;
    }, 90_000);
    const planned = await steps();
    const [{ departure }] = await db.query(`SELECT to_char(departure_date, 'YYYY-MM-DD') AS departure FROM contingent WHERE id = $1`, [planned[0]!.contingentId]);

    // The worker keeps running: its sweep finds the rows within seconds. The api that reschedules dies after commit.
    await crashOn('contingents.reschedule', RESCHEDULE, { id: planned[0]!.contingentId, d: addDays(departure, -7) });
    // Committed, not carried out: the replanned steps are stored, their job changes wait in the outbox.
    const waiting = await db.query(`SELECT DISTINCT kind FROM job_outbox WHERE queue_prefix = $1 AND label = 'contingents.reschedule'`, [QUEUE_PREFIX]);
    expect(waiting).toEqual(expect.arrayContaining([{ kind: 'add' }, { kind: 'remove' }]));
    const moved = await steps();
    const reminded = moved.filter((s) => s.remindOn);
    const office = moved.filter((s) => !isTravelStep(s.kind));
    expect(moved.map((s) => s.dueDate)).not.toEqual(planned.map((s) => s.dueDate));

    // Once swept: each pending step has exactly one reminder, planned for its new date, and each office step one
    // overdue check for its new due date; nothing is left in the outbox.
    const current = async () => {
      const reminders = await jobs(QueueName.Contingents, (j) => j.name === JobName.RemindStep && moved.some((s) => s.id === j.data.stepId));
      const checks = await jobs(QueueName.Contingents, (j) => j.name === JobName.CheckStepOverdue && moved.some((s) => s.id === j.data.stepId));
      return { reminders, checks };
    };
    await until('the sweep to move the step jobs', async () => {
      const { reminders } = await current();
      return reminded.every((s) => reminders.some((j) => j.data.stepId === s.id && j.data.remindOn === s.remindOn));
    }, 60_000);
    const { reminders, checks } = await current();
    expect(reminders.map((j) => j.id).sort()).toEqual(reminded.map((s) => jobId(JobName.RemindStep, s.id)).sort());
    expect(reminders.every((j) => moved.find((s) => s.id === j.data.stepId)!.remindOn === j.data.remindOn)).toBe(true);
    expect(checks.map((j) => j.id).sort()).toEqual(office.map((s) => jobId(JobName.CheckStepOverdue, s.id)).sort());
    expect(checks.every((j) => office.find((s) => s.id === j.data.stepId)!.dueDate === j.data.dueDate)).toBe(true);
    await until('the outbox to be empty', async () => (await db.query(`SELECT id FROM job_outbox WHERE queue_prefix = $1`, [QUEUE_PREFIX])).length === 0);
  });
});
