import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, todayIso } from '@puente/common';
import { UnitOfWork } from '@puente/queue';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { bootTestModule, queueOf as runQueue, TestEmployer, TestFactories } from '@puente/testing';
import { ContingentsModule } from './contingents.module';
import { SeatingService } from './seating.service';
import { reminderTime, StepJobsService } from './step-jobs.service';
import { WithdrawalService } from './withdrawal.service';

/** Scheduling against the real database: idempotent, concurrent-safe, and every seat gets its full timeline. */
describe('SeatingService.schedule', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let service: SeatingService;
  let stepService: StepJobsService;
  const today = todayIso();
  // A start date of this run alone (past the dates the end-to-end suites draw, within the two years an order may
  // look ahead, and that no order in the region has yet: the midnight check reruns this file in one database), so
  // no other suite or earlier pass shares its region and date group.
  let startDate: string;
  let employer: TestEmployer;

  /** An order of the group, FILLED with as many selected workers, made through the services. */
  const order = async (positions: number): Promise<string> => (await make.filledJobOrder(employer, positions, { startDate, workRegionCode: 'CA-QC' })).order.id;

  beforeAll(async () => {
    app = await bootTestModule(ContingentsModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    const taken: { day: string }[] = await ds.query(`SELECT DISTINCT to_char(start_date, 'YYYY-MM-DD') AS day FROM job_order WHERE work_region_code = 'CA-QC'`);
    const free = Array.from({ length: 69 }, (_, i) => addDays(today, 661 + i)).filter((d) => !taken.some((t) => t.day === d));
    startDate = free[randomInt(free.length)]!;
    service = app.get(SeatingService);
    stepService = app.get(StepJobsService);
    employer = await make.employer({ regionCode: 'CA-QC' });
  });

  afterAll(() => app.close());

  const group = () =>
    ds.query(
      `SELECT k.sequence, k.reference, to_char(k.departure_date, 'YYYY-MM-DD') AS departure, count(t.id)::int AS seated,
              (SELECT count(*)::int FROM travel_step s JOIN traveller u ON u.id = s.traveller_id WHERE u.contingent_id = k.id) AS steps
       FROM contingent k LEFT JOIN traveller t ON t.contingent_id = k.id
       WHERE k.region_code = 'CA-QC' AND k.start_date = $1 GROUP BY k.id ORDER BY k.sequence`,
      [startDate],
    );

  it('seats the selected workers of every order of the region and date in balanced contingents, with their steps, once', async () => {
    const [a, b] = [await order(90), await order(60)];
    expect(await service.schedule(a, 70, today)).toEqual({ contingentsCreated: 3, travellersSeated: 150 });
    const first = await group();
    expect(first.map((k: { seated: number; steps: number }) => [k.seated, k.steps])).toEqual([[50, 350], [50, 350], [50, 350]]);
    expect(first[0].departure).toBe(addDays(startDate, -2));
    expect(first[0].reference).toBe(`CT-CA-QC-${startDate}-01`);

    // Again, through either order: nothing new.
    expect(await service.schedule(b, 70, today)).toEqual({ contingentsCreated: 0, travellersSeated: 0 });
    expect(await group()).toEqual(first);
    const [{ states }] = await ds.query(
      `SELECT array_agg(DISTINCT a.status) AS states FROM applicant a JOIN traveller t ON t.applicant_id = a.id JOIN contingent k ON k.id = t.contingent_id
       WHERE k.start_date = $1`,
      [startDate],
    );
    expect(states).toEqual(['PRE_DEPARTURE']);
  }, 180_000);

  it('fills free seats first, and two concurrent calls seat each worker exactly once', async () => {
    const late = await order(25);
    const results = await Promise.all([service.schedule(late, 70, today), service.schedule(late, 70, today)]);
    expect(results.map((r) => r.travellersSeated).sort()).toEqual([0, 25]);
    // Lowest sequence first: 20 fill the first contingent to capacity, the other 5 join the second.
    expect((await group()).map((k: { seated: number }) => k.seated)).toEqual([70, 55, 50]);
    const [{ seats }] = await ds.query(`SELECT count(*)::int - count(DISTINCT applicant_id)::int AS seats FROM traveller WHERE job_order_id = $1`, [late]);
    expect(seats).toBe(0);
  }, 60_000);

  it('keeps exactly one reminder job per pending step, through two reschedules, on a real queue', async () => {
    const queue = runQueue(app, JOB_QUEUE[JobName.RemindStep]);
    const uow = app.get(UnitOfWork);
    const withQueue = stepService;
    const sync = (contingentId: string, now: number) => uow.run('contingents.sync-step-jobs', (tx) => withQueue.syncStepJobs(tx, contingentId, { now }));
    try {
      const [contingent] = await ds.query(`SELECT id FROM contingent WHERE region_code = 'CA-QC' AND start_date = $1 AND sequence = 3`, [startDate]);
      const pendingSteps = async () =>
        ds.query(
          `SELECT s.id, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate" FROM travel_step s
           JOIN traveller t ON t.id = s.traveller_id WHERE t.contingent_id = $1 AND s.status = 'PENDING' AND s.remind_on IS NOT NULL ORDER BY s.id`,
          [contingent.id],
        );
      const jobsOf = async (steps: { id: string }[]) => Promise.all(steps.map((st) => queue.getJob(jobId(JobName.RemindStep, st.id))));
      const now = Date.parse(`${today}T12:00:00Z`);

      expect(await sync(contingent.id, now)).toBe(50 * 7);
      expect(await sync(contingent.id, now)).toBe(50 * 7); // again: the same jobs, none added

      const later = addDays(startDate, -9);
      for (const departure of [addDays(startDate, -5), later]) await withQueue.reschedule(contingent.id, departure, today);
      const steps = await pendingSteps();
      expect(steps).toHaveLength(50 * 7);
      const jobs = await jobsOf(steps);
      // Each job carries its step's current reminder date and fires at 09:00 in El Salvador on it.
      expect(jobs.filter((j, i) => j?.data.remindOn !== steps[i].remindOn)).toEqual([]);
      expect(jobs.filter((j, i) => Math.abs(j!.timestamp + j!.opts.delay! - reminderTime(steps[i].remindOn)) > 1000)).toEqual([]);
      // Exactly one job per step, nothing else: the reminders of the first dates are gone.
      const delayed = await queue.getDelayed(0, -1);
      expect(delayed.filter((j) => steps.some((st: { id: string }) => j.id === jobId(JobName.RemindStep, st.id)))).toHaveLength(steps.length);
      // And one overdue check per office step (5 of the 7), for its current due date.
      const checks = delayed.filter((j) => j.name === JobName.CheckStepOverdue && steps.some((st: { id: string }) => j.data.stepId === st.id));
      expect(checks).toHaveLength(50 * 5);
      expect(checks.filter((j) => j.data.dueDate !== steps.find((st: { id: string }) => st.id === j.data.stepId).dueDate)).toEqual([]);
      const departure = steps.find((st: { dueDate: string }) => st.dueDate === later);
      expect(departure).toBeDefined();

      // A reminder planned for a date the step has left does nothing.
      expect(await withQueue.remind(steps[0].id, '2001-01-01')).toBe('STALE');
      expect(await withQueue.remind(steps[0].id, steps[0].remindOn)).toBe('REMINDED');
      expect(await withQueue.remind(steps[0].id, steps[0].remindOn)).toBe('REMINDED'); // a retried job
      const notes = await ds.query(`SELECT kind, audience, subject FROM notification WHERE dedupe_key LIKE $1`, [`step-due:${steps[0].id}:%`]);
      expect(notes).toEqual([{ kind: 'STEP_DUE', audience: 'APPLICANT', subject: expect.stringMatching(/ due \d{4}-\d{2}-\d{2}$/) }]);

      // The overdue check: only past the due date it was planned for, once, with an alert for coordinators.
      const office = steps.find((st: { id: string }) => checks.some((j) => j.data.stepId === st.id));
      expect(await withQueue.checkOverdue(office.id, office.dueDate, office.dueDate)).toBe('STALE'); // not past yet
      expect(await withQueue.checkOverdue(office.id, '2001-01-01', addDays(office.dueDate, 1))).toBe('STALE'); // moved since
      expect(await withQueue.checkOverdue(office.id, office.dueDate, addDays(office.dueDate, 1))).toBe('OVERDUE');
      expect(await withQueue.checkOverdue(office.id, office.dueDate, addDays(office.dueDate, 1))).toBe('STALE');
      const alerts = await ds.query(`SELECT audience, kind FROM notification WHERE dedupe_key LIKE $1 ORDER BY audience`, [`step-overdue:${office.id}:%`]);
      expect(alerts).toEqual([{ audience: 'APPLICANT', kind: 'STEP_OVERDUE' }, { audience: 'COORDINATORS', kind: 'STEP_OVERDUE' }]);
      expect((await ds.query(`SELECT status FROM travel_step WHERE id = $1`, [office.id]))[0].status).toBe('OVERDUE');
    } finally {
      const ours = await ds.query(`SELECT s.id FROM travel_step s JOIN traveller t ON t.id = s.traveller_id JOIN contingent k ON k.id = t.contingent_id WHERE k.start_date = $1`, [startDate]);
      for (const st of ours) {
        await (await queue.getJob(jobId(JobName.RemindStep, st.id)))?.remove();
        await (await queue.getJob(jobId(JobName.CheckStepOverdue, st.id)))?.remove();
      }
    }
  }, 60_000);

  it('refuses a departure after the start or in the past, and an unknown contingent', async () => {
    const [contingent] = await ds.query(`SELECT id FROM contingent WHERE region_code = 'CA-QC' AND start_date = $1 AND sequence = 1`, [startDate]);
    await expect(stepService.reschedule(contingent.id, addDays(startDate, 1), today)).rejects.toThrow(/between today/);
    await expect(stepService.reschedule(contingent.id, '2029-01-01', today)).rejects.toThrow(/between today/);
    await expect(stepService.reschedule(randomUUID(), startDate, today)).rejects.toThrow(/Contingent/);
  });

  it('seats the selected workers of an order under way in a later contingent, and nobody of a completed order', async () => {
    // Say its second contingent was cancelled after the first had left: the order is IN_PROGRESS.
    const underWay = await order(3);
    // Hand-set status: the services reach it only through a whole departure and a cancelled contingent, and the status is all this test reads.
    await ds.query(`UPDATE job_order SET status = 'IN_PROGRESS' WHERE id = $1`, [underWay]);
    await service.schedule(underWay, 70, today);
    const [{ seated }] = await ds.query(`SELECT count(*)::int AS seated FROM traveller WHERE job_order_id = $1 AND status = 'SEATED'`, [underWay]);
    expect(seated).toBe(3);
    const done = await order(1);
    // Hand-set as well: a completed order takes a whole season played out (its contingents back home).
    await ds.query(`UPDATE job_order SET status = 'COMPLETED' WHERE id = $1`, [done]);
    await service.schedule(done, 70, today);
    const [{ none }] = await ds.query(`SELECT count(*)::int AS none FROM traveller WHERE job_order_id = $1`, [done]);
    expect(none).toBe(0);
  }, 60_000);

  it('refuses an unknown order', async () => {
    await expect(service.schedule(randomUUID())).rejects.toThrow(/Job order/);
  });

  it("replaces a worker who withdraws with the order's best free reserve, who gets a timeline of their own", async () => {
    const uow = app.get(UnitOfWork);
    const stepJobs = stepService;
    const contingents = service;
    const travel = app.get(WithdrawalService);
    const orderId = await order(2);
    const [first, second] = (await ds.query(`SELECT applicant_id FROM candidate WHERE job_order_id = $1 ORDER BY rank`, [orderId])).map((r: { applicant_id: string }) => r.applicant_id);
    // Two reserves: the better-ranked one is no longer free; the other is, and meets the order's requirements.
    const reserves = await make.applicants(2);
    // Hand-written: a withdrawal elsewhere takes a whole seating of its own; and reserves come from a matching run,
    // which ranks every eligible applicant of the shared database, so which reserve came first would not be this test's.
    await ds.query(`UPDATE applicant SET status = 'WITHDRAWN' WHERE id = $1`, [reserves[0].id]);
    await ds.query(`INSERT INTO candidate (job_order_id, applicant_id, score, breakdown, rank, status) SELECT $1, a, 70, '[]', 10 + i, 'RESERVE' FROM unnest($2::uuid[]) WITH ORDINALITY AS r(a, i)`, [
      orderId,
      reserves.map((r) => r.id),
    ]);
    await contingents.schedule(orderId, 70, today);
    const stepsOf = (applicantId: string) =>
      ds.query(`SELECT s.id, s.kind, s.status FROM travel_step s JOIN traveller t ON t.id = s.traveller_id WHERE t.applicant_id = $1 ORDER BY s.kind`, [applicantId]);
    const leaving = await stepsOf(first);
    const [{ contingent_id: contingentId }] = await ds.query(`SELECT contingent_id FROM traveller WHERE applicant_id = $1`, [first]);
    await uow.run('contingents.sync-step-jobs', (tx) => stepJobs.syncStepJobs(tx, contingentId, { now: Date.parse(`${today}T12:00:00Z`) }));

    await expect(travel.withdraw({ applicantId: first, reason: 'WITHDREW', note: 'short' }, today)).rejects.toThrow(/reason/);
    const withdrawal = await travel.withdraw({ applicantId: first, reason: 'WITHDREW', note: 'Family emergency; cannot travel this season.' }, today);
    expect(withdrawal.replacementApplicantId).toBe(reserves[1].id);
    const state = async (id: string) =>
      (await ds.query(`SELECT a.status, c.status AS candidate FROM applicant a JOIN candidate c ON c.applicant_id = a.id AND c.job_order_id = $2 WHERE a.id = $1`, [id, orderId]))[0];
    expect(await state(first)).toEqual({ status: 'WITHDRAWN', candidate: 'REJECTED' });
    expect(await state(reserves[0].id)).toEqual({ status: 'WITHDRAWN', candidate: 'RESERVE' });
    expect(await state(reserves[1].id)).toEqual({ status: 'PRE_DEPARTURE', candidate: 'SELECTED' });
    expect((await stepsOf(first)).map((st: { status: string }) => st.status)).toEqual(leaving.map(() => 'CANCELLED'));
    expect((await stepsOf(reserves[1].id)).map((st: { status: string }) => st.status)).toEqual(leaving.map(() => 'PENDING'));
    // The leaver's reminders are gone; the replacement has theirs.
    const remind = runQueue(app, JOB_QUEUE[JobName.RemindStep]);
    expect(await Promise.all(leaving.map((st: { id: string }) => remind.getJob(jobId(JobName.RemindStep, st.id))))).toEqual(leaving.map(() => undefined));
    const theirs = await stepsOf(reserves[1].id);
    expect((await Promise.all(theirs.map((st: { id: string }) => remind.getJob(jobId(JobName.RemindStep, st.id))))).filter(Boolean)).toHaveLength(theirs.length);
    const told = await ds.query(`SELECT kind, audience FROM notification WHERE applicant_id = $1 OR dedupe_key LIKE 'withdrawn:%' AND body LIKE $2 ORDER BY kind`, [
      reserves[1].id,
      `%${first}%`,
    ]);
    expect(told).toEqual([{ kind: 'SELECTED', audience: 'APPLICANT' }, { kind: 'TRAVELLER_WITHDRAWN', audience: 'COORDINATORS' }]);

    // The second worker misses a blocking step: no reserve is left, so the order reopens for a new selection.
    const missed = await travel.withdraw({ applicantId: second, reason: 'MISSED_BLOCKING_STEP', note: 'No medical exam by the latest date.' }, today);
    expect(missed.replacementApplicantId).toBeNull();
    expect(await state(second)).toEqual({ status: 'AVAILABLE', candidate: 'REJECTED' });
    expect((await ds.query(`SELECT status FROM job_order WHERE id = $1`, [orderId]))[0].status).toBe('OPEN');
    await expect(travel.withdraw({ applicantId: second, reason: 'WITHDREW', note: 'Asked twice by mistake.' }, today)).rejects.toThrow(/no seat/);
  }, 60_000);
});
