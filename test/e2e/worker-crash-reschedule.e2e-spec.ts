import type { ChildProcess } from 'node:child_process';
import { Job, JobType, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { addDays } from '@puente/common';
import { StepKind, stepJobGroups } from '@puente/domain/contingents';
import { jobId, JobName, QueueName } from '@puente/queue-contracts';
import { startApi, TestApi } from '../support/api';
import { approvedJobOrder, newCoordinator, newEmployer, unusedStartDate, verifiedApplicant } from '../support/people';
import { isAlive, killHard, spawnApi, spawnWorker, until, postToApi } from '../support/processes';

/** Queues of this test alone: no other test's worker sweeps its outbox, takes its jobs or publishes on its channels. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}-crash-resched`.slice(0, 40);
const RESCHEDULE = `mutation($id: ID!, $d: LocalDate!) { rescheduleContingent(id: $id, departureDate: $d) { departureDate } }`;
const ALL_STATES: JobType[] = ['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized'];
/**
 * The rounds a reschedule's outbox is carried out in (`stepsOf`): 1 the old dates' group jobs removed, 2 the new
 * reminders added, 3 the new overdue checks added, 4 the status events published. The worker is killed after the
 * second: the contingent's jobs half moved (new reminders, no overdue check at all), nothing published.
 */
const KILLED_AFTER_ROUND = 2;

interface Step {
  id: string;
  kind: StepKind;
  remindOn: string | null;
  dueDate: string;
  contingentId: string;
}

/**
 * A worker killed (SIGKILL) while it moves a rescheduled contingent's step jobs. The reschedule is left to the
 * worker's outbox sweep (the api that committed it died before its own drain, the after-commit failpoint), and the
 * worker dies part-way through carrying it out (the mid-drain failpoint), the old dates' jobs removed and only some
 * of the new dates' added: its transaction dies with it, so the unit's rows stay in the outbox. A new worker carries
 * the whole unit out again: removing what is gone already and adding what exists already (deterministic job ids)
 * change nothing, so in the end each step group has one job, at its new date, none is left at an old date, and
 * nothing goes out twice.
 */
describe('a worker killed while it moves a reschedule’s step jobs', () => {
  jest.setTimeout(150_000);
  let api: TestApi;
  let db: DataSource;
  let coordinator: string;
  let employerToken: string;
  let queue: Queue;
  let subscriber: IORedis;
  /** The status events heard on this test's channels: applicant and reason. */
  const heard: { applicantId: string; reason: string }[] = [];
  const rescheduledHeard = () => heard.filter((e) => e.reason === 'contingent.rescheduled').map((e) => e.applicantId);
  const processes: ChildProcess[] = [];
  const stderr: string[] = [];

  const startWorker = async (env: Record<string, string> = {}) => {
    const worker = await spawnWorker({ QUEUE_PREFIX, ...env }, (chunk) => stderr.push(chunk));
    processes.push(worker);
    return worker;
  };
  const withStderr = (e: Error) => {
    throw new Error(`${e.message}\nworker stderr:\n${stderr.join('').slice(-4000)}`);
  };
  /** A coordinator's operation on the api that stays up; its errors, if any, fail the test with their messages. */
  const ok = async (query: string, variables: Record<string, unknown>) => {
    const r = await api.gql(query, variables, coordinator);
    if (r.errors.length) throw new Error(`${query.slice(0, 50)}: ${r.errors.map((e) => e.message).join('; ')}`);
    return r.data;
  };

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX });
    db = api.app.get(DataSource);
    coordinator = (await newCoordinator(api)).token;
    employerToken = (await newEmployer(api, coordinator)).token;
    queue = new Queue(QueueName.Contingents, { connection: { url: process.env.REDIS_URL! }, prefix: QUEUE_PREFIX });
    subscriber = new IORedis(process.env.REDIS_URL!);
    subscriber.on('pmessage', (_pattern, _channel, message: string) => {
      const { applicantId, reason } = JSON.parse(message) as { applicantId: string; reason: string };
      heard.push({ applicantId, reason });
    });
    await subscriber.psubscribe(`${QUEUE_PREFIX}:status:*`);
  });

  afterAll(async () => {
    for (const p of processes) await killHard(p);
    subscriber?.disconnect();
    for (const name of Object.values(QueueName)) {
      const q = new Queue(name, { connection: { url: process.env.REDIS_URL! }, prefix: QUEUE_PREFIX });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await queue?.close();
    await api?.close();
  });

  /** The group jobs the steps call for (one per contingent, kind and date), by job id. */
  const wanted = (of: Step[]) => {
    const { reminders, overdueChecks } = stepJobGroups(of.map((s) => ({ ...s, status: 'PENDING' as const })));
    return {
      reminders: new Map(reminders.map((g) => [jobId(JobName.RemindSteps, g.contingentId, g.kind, g.remindOn), g])),
      checks: new Map(overdueChecks.map((g) => [jobId(JobName.CheckStepsOverdue, g.contingentId, g.kind, g.dueDate), g])),
    };
  };
  /** The contingent's group jobs in the queue, in any state. */
  const groupJobs = async (contingentId: string) => {
    const ours = (await queue.getJobs(ALL_STATES)).filter(
      (j): j is Job => !!j && (j.name === JobName.RemindSteps || j.name === JobName.CheckStepsOverdue) && j.data.contingentId === contingentId,
    );
    return { reminders: ours.filter((j) => j.name === JobName.RemindSteps), checks: ours.filter((j) => j.name === JobName.CheckStepsOverdue) };
  };
  const ids = (jobs: Job[]) => jobs.map((j) => j.id!).sort();
  /** One job per group the plan calls for, each at the plan's date (its id and its payload), and no other. */
  const expectOneJobPerGroup = ({ reminders, checks }: { reminders: Job[]; checks: Job[] }, plan: ReturnType<typeof wanted>) => {
    expect(ids(reminders)).toEqual([...plan.reminders.keys()].sort());
    expect(reminders.filter((j) => plan.reminders.get(j.id!)!.remindOn !== j.data.remindOn)).toEqual([]);
    expect(ids(checks)).toEqual([...plan.checks.keys()].sort());
    expect(checks.filter((j) => plan.checks.get(j.id!)!.dueDate !== j.data.dueDate)).toEqual([]);
  };
  const outbox = (): Promise<{ kind: string }[]> => db.query(`SELECT kind FROM job_outbox WHERE queue_prefix = $1 AND label = 'contingents.reschedule' ORDER BY id`, [QUEUE_PREFIX]);

  /**
   * A contingent of the calling test alone, seated by a worker started with `env` (the one that is to die in the
   * reschedule's drain: its failpoint names it), its step jobs queued.
   */
  const seatedContingent = async (env: Record<string, string>) => {
    const crashing = await startWorker(env);
    // Three kitchen helpers (an occupation no other test uses) for an order of a region no other test uses, on a
    // start date no contingent there has: a contingent of this test alone.
    const startDate = await unusedStartDate(api, coordinator, 'CA-AB', 120, 500);
    const profile = { occupations: ['9412'], skills: [], yearsExperience: 2, languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'A2' }] };
    const applicants: string[] = [];
    for (let i = 0; i < 3; i++) applicants.push((await verifiedApplicant(api, coordinator, profile)).id);
    // Approved once its applicants exist, so the run the approval queues shortlists them.
    const orderId = await approvedJobOrder(api, employerToken, coordinator, {
      iscoCode: '9412',
      destinationOccupationCode: '65201',
      positions: 3,
      languages: [{ code: 'en', level: 'A1' }],
      minExperienceYears: 0,
      workRegionCode: 'CA-AB',
      workCity: 'Calgary',
      startDate,
      durationWeeks: 20,
    });
    const latestRun = async () => (await db.query(`SELECT status FROM matching_run WHERE job_order_ids = ARRAY[$1]::uuid[] ORDER BY created_at DESC LIMIT 1`, [orderId]))[0]?.status;
    await until('the shortlist', async () => (await latestRun()) === 'SUCCEEDED', 60_000).catch(withStderr);
    await ok(`mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`, { i: { jobOrderId: orderId, applicantIds: applicants } });
    await ok(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId });

    const steps = async (): Promise<Step[]> =>
      db.query(
        `SELECT s.id, s.kind, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate", t.contingent_id AS "contingentId"
         FROM travel_step s JOIN traveller t ON t.id = s.traveller_id WHERE t.job_order_id = $1 AND s.status = 'PENDING' ORDER BY s.id`,
        [orderId],
      );
    await until('the seating and its step jobs', async () => {
      const planned = await steps();
      if (planned.length !== 21) return false;
      const { reminders, checks } = await groupJobs(planned[0]!.contingentId);
      return reminders.length === wanted(planned).reminders.size && checks.length === wanted(planned).checks.size;
    }, 90_000).catch(withStderr);
    const planned = await steps();
    const contingentId = planned[0]!.contingentId;
    expect(ids((await groupJobs(contingentId)).reminders)).toEqual([...wanted(planned).reminders.keys()].sort());
    const [{ departure }]: { departure: string }[] = await db.query(`SELECT to_char(departure_date, 'YYYY-MM-DD') AS departure FROM contingent WHERE id = $1`, [contingentId]);
    return { crashing, applicants, steps, planned, contingentId, departure };
  };

  /**
   * Reschedules on an api that dies right after commit (the after-commit failpoint), so the step job moves wait in
   * the outbox for the worker's sweep.
   */
  const rescheduleOnDyingApi = async (contingentId: string, departureDate: string) => {
    const dying = await spawnApi({ QUEUE_PREFIX, PUENTE_FAILPOINT: 'after-commit:contingents.reschedule' });
    processes.push(dying.child);
    const apiExited = new Promise<NodeJS.Signals | null>((resolve) => dying.child.once('exit', (_code, signal) => resolve(signal)));
    await expect(postToApi(dying.url, coordinator, RESCHEDULE, { id: contingentId, d: departureDate })).rejects.toThrow();
    expect(await apiExited).toBe('SIGKILL');
  };

  it('leaves one job per step group at the new dates and none at the old ones, with nothing sent twice, once a new worker carries the unit out again', async () => {
    const { crashing, applicants, steps, planned, contingentId, departure } = await seatedContingent({ PUENTE_FAILPOINT: `mid-drain:contingents.reschedule#${KILLED_AFTER_ROUND}` });
    const before = wanted(planned);

    // The api that reschedules dies right after commit: the step job moves wait in the outbox, for the worker's sweep.
    await rescheduleOnDyingApi(contingentId, addDays(departure, -7));
    expect((await outbox()).map((r) => r.kind)).toEqual(['remove', 'add', 'add', 'publish']);
    const moved = await steps();
    const after = wanted(moved);
    // Every date moved: no group job of the old dates is one of the new dates.
    expect([...before.reminders.keys(), ...before.checks.keys()].filter((id) => after.reminders.has(id) || after.checks.has(id))).toEqual([]);

    // The worker's sweep takes the unit and dies after its second round.
    await until('the worker to die in the drain', async () => !isAlive(crashing), 60_000).catch(withStderr);
    expect(crashing.signalCode).toBe('SIGKILL');
    // Half moved: the old dates' jobs removed, the new reminders added, no overdue check at all, nothing published;
    // the unit's rows are all still in the outbox (the drain's transaction died with the worker).
    const half = await groupJobs(contingentId);
    expect(ids(half.reminders)).toEqual([...after.reminders.keys()].sort());
    expect(half.checks).toEqual([]);
    expect(rescheduledHeard()).toEqual([]);
    expect((await outbox()).map((r) => r.kind)).toEqual(['remove', 'add', 'add', 'publish']);

    // A new worker's sweep carries the whole unit out again.
    await startWorker();
    await until('the outbox to be carried out', async () => (await outbox()).length === 0, 60_000).catch(withStderr);
    const { reminders, checks } = await groupJobs(contingentId);
    // One job per group, each at its new date (its id and its payload), none at an old date: every pending step is
    // covered by one reminder for its new reminder date and, office steps, one overdue check for its new due date.
    expectOneJobPerGroup({ reminders, checks }, after);
    // The reminders the killed worker added were not added again: the same jobs, made before the kill.
    expect(reminders.map((j) => [j.id, j.timestamp]).sort()).toEqual(half.reminders.map((j) => [j.id, j.timestamp]).sort());
    // Each seated worker heard of the reschedule once.
    await until('the status events', async () => rescheduledHeard().length >= applicants.length);
    expect(rescheduledHeard().sort()).toEqual([...applicants].sort());

    // Brought forward, the reminders go out once per step, for its new reminder date, and none for an old one.
    for (const job of reminders) if (await job.isDelayed()) await job.promote();
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    const sent = async (): Promise<{ key: string; n: number }[]> =>
      (await db.query(`SELECT dedupe_key AS key, count(*)::int AS n FROM notification WHERE kind = 'STEP_DUE' AND applicant_id = ANY($1) GROUP BY dedupe_key`, [applicants])).sort(byKey);
    const expected = moved.filter((s) => s.remindOn).map((s) => ({ key: `step-due:${s.id}:${s.remindOn}`, n: 1 })).sort(byKey);
    await until('the reminders', async () => (await sent()).length >= expected.length, 30_000).catch(withStderr);
    await until('the reminder jobs to complete', async () => (await Promise.all(reminders.map((j) => queue.getJobState(j.id!)))).every((s) => s === 'completed'));
    expect(await sent()).toEqual(expected);
  });

  it('keeps the jobs of the final dates when the contingent is moved back while the killed worker’s move still waits in the outbox', async () => {
    // This test's crashing worker must be the only one to sweep: the workers of the test before are stopped.
    for (const p of processes) await killHard(p);
    const { crashing, applicants, steps, planned, contingentId, departure } = await seatedContingent({ PUENTE_FAILPOINT: `mid-drain:contingents.reschedule#${KILLED_AFTER_ROUND}` });

    // Unit 1, d0 → d1: the api dies after commit, the worker's sweep dies after its second round (the d0 jobs
    // removed, the d1 reminders added); its rows stay in the outbox.
    await rescheduleOnDyingApi(contingentId, addDays(departure, -7));
    const abandoned = wanted(await steps());
    expect([...abandoned.reminders.keys(), ...abandoned.checks.keys()].filter((id) => wanted(planned).reminders.has(id) || wanted(planned).checks.has(id))).toEqual([]);
    await until('the worker to die in the drain', async () => !isAlive(crashing), 60_000).catch(withStderr);
    expect(crashing.signalCode).toBe('SIGKILL');
    expect(ids((await groupJobs(contingentId)).reminders)).toEqual([...abandoned.reminders.keys()].sort());

    // Unit 2, d1 → d0, on the api that stays up, no worker alive: its drain must not go before unit 1, whose removal
    // of the d0 jobs is still to be carried out (again). Both units wait in the outbox.
    await ok(RESCHEDULE, { id: contingentId, d: departure });
    const final = wanted(await steps());
    expect((await outbox()).map((r) => r.kind)).toEqual(['remove', 'add', 'add', 'publish', 'remove', 'add', 'add', 'publish']);

    // A new worker's sweep carries them out in commit order: d0 removed and d1 added, then d1 removed and d0 added.
    await startWorker();
    await until('the outbox to be carried out', async () => (await outbox()).length === 0, 60_000).catch(withStderr);
    const { reminders, checks } = await groupJobs(contingentId);
    // Exactly one reminder and one overdue check per step group, at the final dates (ids and payloads), none at the
    // abandoned ones.
    expectOneJobPerGroup({ reminders, checks }, final);
    expect([...reminders, ...checks].filter((j) => abandoned.reminders.has(j.id!) || abandoned.checks.has(j.id!))).toEqual([]);
    // Each seated worker heard of both reschedules, once each.
    const heardHere = () => rescheduledHeard().filter((id) => applicants.includes(id));
    await until('the status events', async () => heardHere().length >= 2 * applicants.length);
    expect(heardHere().sort()).toEqual([...applicants, ...applicants].sort());
  });
});
