import { randomInt, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, todayIso } from '@puente/common';
import { UnitOfWork } from '@puente/queue';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { bootTestModule, queueOf as runQueue, TestEmployer, TestFactories } from '@puente/testing';
import { ContingentsModule } from './contingents.module';
import { SeatingService } from './seating.service';
import { StepJobsService } from './step-jobs.service';
import { reminderTime } from './step-jobs.rules';
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
    // Grouped: one reminder job per (contingent, kind, reminder date) and one overdue check per (contingent, office
    // kind, due date), each fanning out to the steps still due when it runs. "Exactly one per step" is then: every
    // pending step is covered by exactly one group job of each sort, for its current date, and running every job
    // (twice) sends each pending step one reminder and one overdue alert, and a done, waived or withdrawn step none.
    const queue = runQueue(app, JOB_QUEUE[JobName.RemindSteps]);
    const uow = app.get(UnitOfWork);
    const withQueue = stepService;
    const sync = (contingentId: string, now: number) => uow.run('contingents.sync-step-jobs', (tx) => withQueue.syncStepJobs(tx, contingentId, { now }));
    const [contingent] = await ds.query(`SELECT id FROM contingent WHERE region_code = 'CA-QC' AND start_date = $1 AND sequence = 3`, [startDate]);
    /** The contingent's delayed group jobs, by name. */
    const groupJobs = async () => {
      const ours = (await queue.getDelayed(0, -1)).filter((j) => j.data.contingentId === contingent.id);
      return { reminders: ours.filter((j) => j.name === JobName.RemindSteps), checks: ours.filter((j) => j.name === JobName.CheckStepsOverdue), all: ours };
    };
    try {
      const stepsOf = async (): Promise<{ id: string; kind: string; status: string; remindOn: string; dueDate: string; traveller: string; seated: boolean }[]> =>
        ds.query(
          `SELECT s.id, s.kind, s.status, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate",
                  t.id AS traveller, t.status = 'SEATED' AS seated
           FROM travel_step s JOIN traveller t ON t.id = s.traveller_id WHERE t.contingent_id = $1 ORDER BY s.id`,
          [contingent.id],
        );
      const now = Date.parse(`${today}T12:00:00Z`);

      expect(await sync(contingent.id, now)).toBe(50 * 7);
      expect(await sync(contingent.id, now)).toBe(50 * 7); // again: the same jobs, none added
      const first = await groupJobs();
      expect([first.reminders.length, first.checks.length]).toEqual([7, 5]); // not 350 and 250

      // One medical exam done and another waived (hand-set: the office services have tests of their own, and what the
      // jobs see is the step's status), and one traveller withdrawn through withdraw (their steps cancelled; the
      // order has no reserve, so nobody takes the seat). No job is removed for any of them.
      const before = await stepsOf();
      const exams = before.filter((st) => st.kind === 'MEDICAL_EXAM');
      const [done, waived] = [exams[0]!, exams[1]!];
      const leaver = before.find((st) => st.traveller !== done.traveller && st.traveller !== waived.traveller)!.traveller;
      await ds.query(`UPDATE travel_step SET status = 'DONE' WHERE id = $1`, [done.id]);
      await ds.query(`UPDATE travel_step SET status = 'WAIVED' WHERE id = $1`, [waived.id]);
      const [{ applicant_id: leaving }] = await ds.query(`SELECT applicant_id FROM traveller WHERE id = $1`, [leaver]);
      expect((await app.get(WithdrawalService).withdraw({ applicantId: leaving, reason: 'WITHDREW', note: 'Family emergency; cannot travel this season.' }, today)).replacementApplicantId).toBeNull();
      expect((await groupJobs()).all.map((j) => j.id).sort()).toEqual(first.all.map((j) => j.id).sort());

      const later = addDays(startDate, -9);
      for (const departure of [addDays(startDate, -5), later]) await withQueue.reschedule(contingent.id, departure, today);
      const steps = await stepsOf();
      const pending = steps.filter((st) => st.seated && st.status === 'PENDING');
      const settled = steps.filter((st) => !st.seated || st.status !== 'PENDING');
      expect(pending).toHaveLength(49 * 7 - 2);
      expect(settled).toHaveLength(7 + 2);
      expect(pending.find((st) => st.dueDate === later)).toBeDefined(); // the departure moved

      // Exactly one group job covers each pending step, carrying its current date and firing at 09:00 in El
      // Salvador on it (the check: the day after the due date); no job is left for a date no step has any more.
      const { reminders, checks, all } = await groupJobs();
      const coveringReminders = (st: { kind: string; remindOn: string }) => reminders.filter((j) => j.data.kind === st.kind && j.data.remindOn === st.remindOn);
      const coveringChecks = (st: { kind: string; dueDate: string }) => checks.filter((j) => j.data.kind === st.kind && j.data.dueDate === st.dueDate);
      expect(pending.filter((st) => coveringReminders(st).length !== 1)).toEqual([]);
      const office = pending.filter((st) => !['DEPARTURE', 'ARRIVAL'].includes(st.kind));
      expect(office).toHaveLength(49 * 5 - 2);
      expect(office.filter((st) => coveringChecks(st).length !== 1)).toEqual([]);
      expect(reminders.filter((j) => !pending.some((st) => st.kind === j.data.kind && st.remindOn === j.data.remindOn))).toEqual([]);
      expect(checks.filter((j) => !office.some((st) => st.kind === j.data.kind && st.dueDate === j.data.dueDate))).toEqual([]);
      expect([reminders.length, checks.length, all.length]).toEqual([7, 5, 12]);
      for (const j of reminders) {
        expect(j.id).toBe(jobId(JobName.RemindSteps, contingent.id, j.data.kind, j.data.remindOn));
        expect(Math.abs(j.timestamp + j.opts.delay! - reminderTime(j.data.remindOn))).toBeLessThan(1000);
      }
      for (const j of checks) {
        expect(j.id).toBe(jobId(JobName.CheckStepsOverdue, contingent.id, j.data.kind, j.data.dueDate));
        expect(Math.abs(j.timestamp + j.opts.delay! - reminderTime(addDays(j.data.dueDate, 1)))).toBeLessThan(1000);
      }
      // The first dates' jobs are gone (every date moved, twice).
      expect(first.all.filter((j) => all.some((k) => k.id === j.id))).toEqual([]);

      // A group job of a date its steps have left finds nothing due.
      expect(await withQueue.remindSteps(contingent.id, 'MEDICAL_EXAM', before.find((st) => st.kind === 'MEDICAL_EXAM')!.remindOn)).toEqual({ due: 0, reminded: 0 });
      // Every reminder job run twice (a retried job): each pending step gets one reminder, the others none.
      for (const round of [1, 2]) {
        let reminded = 0;
        for (const j of reminders) reminded += (await withQueue.remindSteps(j.data.contingentId, j.data.kind, j.data.remindOn)).reminded;
        expect({ round, reminded }).toEqual({ round, reminded: round === 1 ? pending.length : 0 });
      }
      const stepNotes: { id: string; n: number; kinds: string[] }[] = await ds.query(
        `SELECT s.id, count(n.id)::int AS n, array_remove(array_agg(DISTINCT n.kind), NULL) AS kinds FROM travel_step s
         LEFT JOIN notification n ON n.dedupe_key LIKE 'step-due:' || s.id || ':%' WHERE s.id = ANY($1) GROUP BY s.id`,
        [steps.map((st) => st.id)],
      );
      expect(stepNotes.filter((r) => r.n !== (pending.some((st) => st.id === r.id) ? 1 : 0))).toEqual([]);
      expect(new Set(stepNotes.flatMap((r) => r.kinds))).toEqual(new Set(['STEP_DUE']));

      // The overdue checks: only past the due date they were planned for, once, with an alert for coordinators.
      const exam = coveringChecks(office.find((st) => st.kind === 'MEDICAL_EXAM')!)[0]!.data;
      expect(await withQueue.checkStepsOverdue(contingent.id, 'MEDICAL_EXAM', exam.dueDate, exam.dueDate)).toEqual({ overdue: 0 }); // not past yet
      expect(await withQueue.checkStepsOverdue(contingent.id, 'MEDICAL_EXAM', '2001-01-01', addDays(exam.dueDate, 1))).toEqual({ overdue: 0 }); // moved since
      let overdue = 0;
      for (const round of [1, 2]) {
        for (const j of checks) overdue += (await withQueue.checkStepsOverdue(j.data.contingentId, j.data.kind, j.data.dueDate, addDays(j.data.dueDate, 1))).overdue;
        expect({ round, overdue }).toEqual({ round, overdue: office.length });
      }
      const alerts: { id: string; audiences: string[] }[] = await ds.query(
        `SELECT s.id, array_remove(array_agg(n.audience ORDER BY n.audience), NULL) AS audiences FROM travel_step s
         LEFT JOIN notification n ON n.dedupe_key LIKE 'step-overdue:' || s.id || ':%' WHERE s.id = ANY($1) GROUP BY s.id`,
        [steps.map((st) => st.id)],
      );
      expect(alerts.filter((r) => !isDeepStrictEqual(r.audiences, office.some((st) => st.id === r.id) ? ['APPLICANT', 'COORDINATORS'] : []))).toEqual([]);
      const statuses: { status: string; n: number }[] = await ds.query(`SELECT status, count(*)::int AS n FROM travel_step WHERE id = ANY($1) GROUP BY status ORDER BY status`, [
        steps.map((st) => st.id),
      ]);
      expect(statuses).toEqual([
        { status: 'CANCELLED', n: 7 },
        { status: 'DONE', n: 1 },
        { status: 'OVERDUE', n: office.length },
        { status: 'PENDING', n: pending.length - office.length },
        { status: 'WAIVED', n: 1 },
      ]);
    } finally {
      for (const j of (await groupJobs()).all) await j.remove();
    }
  }, 120_000);

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
    // The replacement's steps each have their group jobs (those of the leaver's dates, already there: the same ids);
    // the leaver's steps are cancelled, so those jobs send them nothing when they run.
    const remind = runQueue(app, JOB_QUEUE[JobName.RemindSteps]);
    const theirs: { id: string; kind: string; remindOn: string; dueDate: string }[] = await ds.query(
      `SELECT s.id, s.kind, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate"
       FROM travel_step s JOIN traveller t ON t.id = s.traveller_id WHERE t.applicant_id = $1 AND s.status = 'PENDING'`,
      [reserves[1].id],
    );
    expect(theirs).toHaveLength(7);
    const reminders = await Promise.all(theirs.map((st) => remind.getJob(jobId(JobName.RemindSteps, contingentId, st.kind, st.remindOn))));
    expect(reminders.map((j) => j && (j.data as { remindOn: string }).remindOn)).toEqual(theirs.map((st) => st.remindOn));
    const office = theirs.filter((st) => !['DEPARTURE', 'ARRIVAL'].includes(st.kind));
    expect((await Promise.all(office.map((st) => remind.getJob(jobId(JobName.CheckStepsOverdue, contingentId, st.kind, st.dueDate))))).filter(Boolean)).toHaveLength(5);
    const told = await ds.query(`SELECT kind, audience FROM notification WHERE applicant_id = $1 OR dedupe_key LIKE 'withdrawn:%' AND body LIKE $2 ORDER BY kind`, [
      reserves[1].id,
      `%${first}%`,
    ]);
    expect(told).toEqual([{ kind: 'SELECTED', audience: 'APPLICANT' }, { kind: 'TRAVELLER_WITHDRAWN', audience: 'COORDINATORS' }]);
    // Their reminders, run: the replacement's steps get theirs, the leaver's cancelled steps none.
    try {
      for (const st of theirs) await stepJobs.remindSteps(contingentId, st.kind, st.remindOn);
      const reminded = await ds.query(`SELECT dedupe_key FROM notification WHERE dedupe_key LIKE 'step-due:%' AND split_part(dedupe_key, ':', 2) = ANY($1)`, [
        [...leaving, ...theirs].map((st: { id: string }) => st.id),
      ]);
      expect(reminded.map((r: { dedupe_key: string }) => r.dedupe_key.split(':')[1]).sort()).toEqual(theirs.map((st) => st.id).sort());
    } finally {
      for (const j of (await remind.getDelayed(0, -1)).filter((j) => j.data.contingentId === contingentId)) await j.remove();
    }

    // The second worker misses a blocking step: no reserve is left, so the order reopens for a new selection.
    const missed = await travel.withdraw({ applicantId: second, reason: 'MISSED_BLOCKING_STEP', note: 'No medical exam by the latest date.' }, today);
    expect(missed.replacementApplicantId).toBeNull();
    expect(await state(second)).toEqual({ status: 'AVAILABLE', candidate: 'REJECTED' });
    expect((await ds.query(`SELECT status FROM job_order WHERE id = $1`, [orderId]))[0].status).toBe('OPEN');
    await expect(travel.withdraw({ applicantId: second, reason: 'WITHDREW', note: 'Asked twice by mistake.' }, today)).rejects.toThrow(/no seat/);
  }, 60_000);
});
