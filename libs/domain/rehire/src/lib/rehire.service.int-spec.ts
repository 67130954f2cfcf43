import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, Page, Role, todayIso } from '@puente/common';
import { JOB_QUEUE, JobName } from '@puente/queue-contracts';
import { bootTestModule, queueOf, TestFactories } from '@puente/testing';
import { CURRENT_REHIRE_POLICY } from './rehire.policy';
import { RehireModule } from './rehire.module';
import { RehireService } from './rehire.service';
import { EvaluationService } from './evaluation.service';
import { TrackingService } from './tracking.service';

/** Rehire decisions against the real database: stored once, never rewritten, one current per applicant. */
describe('RehireService decisions and the sweep', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let rehire: RehireService;
  let evaluations: EvaluationService;
  let tracking: TrackingService;
  // Ended 40 days ago: the sweeps below, which see every applicant of the database, decide others as of dates near today.
  const endedOn = addDays(todayIso(), -40);
  let employerId: string;
  let jobOrderId: string;
  let contingentId: string;
  /** What the unit of work queued on the run's rehire queue (nothing runs it: the jobs are the worker's, e2e tests run them). */
  const queued = async () =>
    (await queueOf(app, JOB_QUEUE[JobName.EvaluateApplicant]).getJobs(['waiting', 'delayed', 'prioritized']))
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((j) => ({ name: j.name, payload: j.data as unknown, jobId: j.id! }));

  /**
   * `n` returned workers, each with a completed placement ended `endedOn` and home two days later; `overall` evaluates
   * them. The workers are registered and verified through the services; their season is written by hand, because
   * it lies in the past: the services refuse an order starting before today and travel dated ahead of the plan.
   */
  const returnedWorkers = async (n: number, overall: number | null): Promise<string[]> => {
    const ids = (await make.applicants(n)).map((a) => a.id);
    await ds.query(`UPDATE applicant SET status = 'RETURNED' WHERE id = ANY($1)`, [ids]);
    const travellers: { id: string; applicant_id: string }[] = await ds.query(
      `INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status) SELECT $1, a, $2, 'RETURNED' FROM unnest($3::uuid[]) a RETURNING id, applicant_id`,
      [contingentId, jobOrderId, ids],
    );
    const placements: { id: string; applicant_id: string }[] = await ds.query(
      `INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on)
       SELECT t, a, $3, $4, 'COMPLETED', $5::date - 180, $5, $5::date - 182, $5::date - 181, $5::date + 2, $5
       FROM unnest($1::uuid[], $2::uuid[]) AS x(t, a) RETURNING id, applicant_id`,
      [travellers.map((t) => t.id), travellers.map((t) => t.applicant_id), jobOrderId, employerId, endedOn],
    );
    // By hand as well: the employer's 30-day window to evaluate closed ten days ago.
    if (overall !== null) {
      await ds.query(
        `INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, submitted_by)
         SELECT p, a, $3, 4, 4, 4, 4, $4::smallint, $4::int >= 3, $3 FROM unnest($1::uuid[], $2::uuid[]) AS x(p, a)`,
        [placements.map((p) => p.id), placements.map((p) => p.applicant_id), employerId, overall],
      );
    }
    return ids;
  };

  const decisionsOf = (ids: string[]) =>
    ds.query(
      `SELECT applicant_id AS "applicantId", outcome, current, policy_version AS "policyVersion" FROM rehire_decision WHERE applicant_id = ANY($1) ORDER BY applicant_id, created_at`,
      [ids],
    );
  const statusesOf = async (ids: string[]) =>
    (await ds.query(`SELECT DISTINCT status FROM applicant WHERE id = ANY($1)`, [ids])).map((r: { status: string }) => r.status);

  beforeAll(async () => {
    app = await bootTestModule(RehireModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    rehire = app.get(RehireService);
    evaluations = app.get(EvaluationService);
    tracking = app.get(TrackingService);
    employerId = (await make.employer({ regionCode: 'CA-ON', city: 'Leamington' })).employer.id;
    // The past season the workers come back from (see returnedWorkers): its order and contingent, by hand.
    const [order] = await ds.query(
      `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
         work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
         employer_pays_recruitment, employer_pays_travel, status)
       VALUES ($1, $2, 'Greenhouse', '9211', 'NOC_2021', '85101', 500, 'CA-ON', 'Leamington', $3::date - 180, 26, $3, 16.10, 'CAD', 40, true, true, true, 'COMPLETED')
       RETURNING id`,
      [`JO-R-${randomUUID().slice(0, 12)}`, employerId, endedOn],
    );
    jobOrderId = order.id;
    const [k] = await ds.query(
      `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version)
       VALUES ($1, 'CA-ON', $2::date - 180, $3, $2::date - 182, 500, 'RETURNED', 'test') RETURNING id`,
      [`CT-R-${randomUUID().slice(0, 12)}`, endedOn, randomInt(1, 1_000_000)],
    );
    contingentId = k.id;
  });

  afterAll(() => app.close());

  it('stores a decision once: deciding again from the same facts stores nothing, and moves the worker once', async () => {
    const [good] = await returnedWorkers(1, 4);
    const day = addDays(endedOn, 5);
    expect(await rehire.decide(good, day)).toBe('DECIDED');
    expect(await rehire.decide(good, day)).toBe('UNCHANGED');
    expect(await decisionsOf([good])).toEqual([{ applicantId: good, outcome: 'ELIGIBLE', current: true, policyVersion: CURRENT_REHIRE_POLICY.version }]);
    expect(await statusesOf([good])).toEqual(['AVAILABLE']);
    const stored = await rehire.eligibilityOf(good);
    expect(stored!.inputs).toMatchObject({ asOf: day, evaluation: { overall: 4, wouldRehire: true }, placement: { status: 'COMPLETED', endedOn } });
  });

  it('leaves exactly one current decision per applicant when duplicate jobs run at once', async () => {
    const ids = await returnedWorkers(40, 2);
    const day = addDays(endedOn, 5);
    const runs = await Promise.all([rehire.decideBatch(ids, day), rehire.decideBatch(ids, day), ...ids.slice(0, 5).map((id) => rehire.decide(id, day))]);
    // Whichever run reached an applicant first decided it (with the apps' pool, a single job sometimes beats both batches).
    const single = runs.slice(2).filter((r) => r === 'DECIDED').length;
    expect((runs[0] as { decided: number }).decided + (runs[1] as { decided: number }).decided + single).toBe(40);
    const decisions = await decisionsOf(ids);
    expect(decisions).toHaveLength(40);
    expect(decisions.every((d: { outcome: string; current: boolean }) => d.outcome === 'INELIGIBLE' && d.current)).toBe(true);
    expect(await statusesOf(ids)).toEqual(['INELIGIBLE']);
  }, 120_000);

  it('sweeps what is due in batches: a closed evaluation window turns PENDING into a decision; a rerun, or one after a crash, adds nothing', async () => {
    const waiting = await returnedWorkers(25, null);
    const early = addDays(endedOn, 5);
    await rehire.decideBatch(waiting, early);
    expect(new Set((await decisionsOf(waiting)).map((d: { outcome: string }) => d.outcome))).toEqual(new Set(['PENDING']));
    expect(await statusesOf(waiting)).toEqual(['RETURNED']);

    // The window closes 30 days after the end. A sweep killed after its first batch of 10 …
    const late = addDays(endedOn, CURRENT_REHIRE_POLICY.evaluationWindowDays + 1);
    const ours = (await ds.query(`SELECT applicant_id FROM rehire_decision WHERE current AND recheck_on <= $1 AND applicant_id = ANY($2) ORDER BY 1`, [late, waiting])).map(
      (r: { applicant_id: string }) => r.applicant_id,
    );
    expect(ours).toHaveLength(25);
    await rehire.decideBatch(ours.slice(0, 10), late);
    // … and the next sweep finds only the rest of ours still due.
    const sweep = await rehire.sweep(late, 7);
    expect(sweep.decided).toBeGreaterThanOrEqual(15);
    const decisions = await decisionsOf(waiting);
    expect(decisions.filter((d: { current: boolean }) => d.current).map((d: { outcome: string }) => d.outcome)).toEqual(Array(25).fill('ELIGIBLE'));
    expect(decisions.filter((d: { current: boolean; outcome: string }) => !d.current && d.outcome === 'PENDING')).toHaveLength(25);
    expect(await statusesOf(waiting)).toEqual(['AVAILABLE']);
    const again = await rehire.sweep(late, 7);
    expect(await decisionsOf(waiting)).toHaveLength(50);
    expect(again.decided).toBe(0);
  }, 120_000);

  it('pages the rehire pool one at a time through decisions of one transaction, losing none', async () => {
    // Rows written in one transaction share PostgreSQL's now() to the microsecond, finer than a cursor's
    // milliseconds, so the cursor must tell them apart by id: three decisions dated as one transaction would date them.
    const ids = await returnedWorkers(3, 4);
    await rehire.decideBatch(ids, addDays(endedOn, 5));
    await ds.query(`UPDATE rehire_decision SET created_at = date_trunc('milliseconds', now()) + interval '500 microseconds' WHERE current AND applicant_id = ANY($1)`, [ids]);
    const coordinator = { userId: randomUUID(), role: Role.COORDINATOR, employerId: null, applicantId: null };
    const seen: string[] = [];
    let after: Page['after'] = null;
    for (;;) {
      const rows = await tracking.pool(coordinator, { employerId }, { limit: 1, after });
      seen.push(...rows.slice(0, 1).map((r) => r.applicantId));
      if (rows.length < 2) break;
      after = { createdAt: rows[0]!.createdAt, id: rows[0]!.id };
    }
    expect(seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  });

  it('adds decisions under a new policy version and never rewrites the old ones', async () => {
    const [worker] = await returnedWorkers(1, 4);
    const day = addDays(endedOn, 5);
    await rehire.decide(worker, day);
    const stricter = { ...CURRENT_REHIRE_POLICY, version: 'test-strict', minimumOverall: 5 };
    expect(await rehire.decide(worker, day, stricter)).toBe('DECIDED');
    expect(await decisionsOf([worker])).toEqual([
      { applicantId: worker, outcome: 'ELIGIBLE', current: false, policyVersion: CURRENT_REHIRE_POLICY.version },
      { applicantId: worker, outcome: 'INELIGIBLE', current: true, policyVersion: 'test-strict' },
    ]);
    const [old] = await ds.query(`SELECT reasons FROM rehire_decision WHERE applicant_id = $1 AND NOT current`, [worker]);
    expect(old.reasons.find((r: { code: string }) => r.code === 'EVALUATION').met).toBe(true);
    expect(await statusesOf([worker])).toEqual(['INELIGIBLE']);
  });

  it('ends a placement early or as abandoned, evaluates it once within its window, and decides by whose fault it ended', async () => {
    const coordinator = { userId: randomUUID(), role: Role.COORDINATOR, employerId: null, applicantId: null };
    const employer = { userId: randomUUID(), role: Role.EMPLOYER, employerId, applicantId: null };
    const [early, abandoned] = await returnedWorkers(2, null);
    const today = todayIso();
    // Placements still under way, departed 60 days ago: by hand, as the season above.
    const placementOf = async (applicantId: string) => {
      const [[p]] = await ds.query(`UPDATE placement SET status = 'ACTIVE', ended_on = NULL, returned_on = NULL, departed_on = $2, arrived_on = $2::date + 1 WHERE applicant_id = $1 RETURNING id`, [
        applicantId,
        addDays(today, -60),
      ]);
      return p.id as string;
    };
    const [earlyPlacement, abandonedPlacement] = [await placementOf(early), await placementOf(abandoned)];

    await expect(evaluations.endPlacement(coordinator, { placementId: earlyPlacement, outcome: 'TERMINATED_EARLY', endedOn: today, reason: 'The farm was sold.' })).rejects.toThrow(/whose fault/);
    await expect(evaluations.endPlacement(coordinator, { placementId: earlyPlacement, outcome: 'TERMINATED_EARLY', endedOn: addDays(today, 1), fault: 'EMPLOYER', reason: 'The farm was sold.' })).rejects.toThrow(/between the departure/);
    const ended = await evaluations.endPlacement(coordinator, { placementId: earlyPlacement, outcome: 'TERMINATED_EARLY', endedOn: addDays(today, -10), fault: 'EMPLOYER', reason: 'The farm was sold.' });
    expect(ended).toMatchObject({ status: 'TERMINATED_EARLY', endFault: 'EMPLOYER', endedBy: coordinator.userId });
    await expect(evaluations.endPlacement(coordinator, { placementId: earlyPlacement, outcome: 'ABANDONED', endedOn: today, reason: 'Asked twice by mistake.' })).rejects.toThrow(/TERMINATED_EARLY/);
    await evaluations.endPlacement(coordinator, { placementId: abandonedPlacement, outcome: 'ABANDONED', endedOn: addDays(today, -10), reason: 'Left the farm without notice.' });
    await evaluations.recordWorkerReturn(earlyPlacement, addDays(today, -8));
    // Each event queued its own decision job, with an id naming it.
    expect((await queued()).filter((q) => (q.payload as { applicantId: string }).applicantId === early).map((q) => q.jobId)).toEqual([
      `rehire.evaluate-applicant__${early}__placement-ended__${earlyPlacement}`,
      `rehire.evaluate-applicant__${early}__worker-returned__${earlyPlacement}__${addDays(today, -8)}`,
    ]);

    // The employer evaluates once, within 30 days of the end; later only if a coordinator reopens the window.
    const scores = { punctuality: 4, quality: 4, safety: 4, teamwork: 4, overall: 4, wouldRehire: true, comments: 'Good worker.' };
    await expect(evaluations.submitEvaluation({ ...employer, employerId: randomUUID() }, earlyPlacement, scores)).rejects.toThrow(/Placement/);
    await expect(evaluations.submitEvaluation(employer, earlyPlacement, { ...scores, overall: 0 })).rejects.toThrow(/overall/);
    await expect(evaluations.submitEvaluation(employer, earlyPlacement, scores, addDays(today, 25))).rejects.toThrow(/window closed on/);
    await evaluations.reopenEvaluation(earlyPlacement, addDays(today, 30));
    await evaluations.submitEvaluation(employer, earlyPlacement, scores, addDays(today, 25));
    await expect(evaluations.submitEvaluation(employer, earlyPlacement, scores, addDays(today, 25))).rejects.toThrow(/evaluated already/);

    await rehire.decideBatch([early, abandoned], today);
    expect((await rehire.eligibilityOf(early))!.outcome).toBe('ELIGIBLE');
    const refused = (await rehire.eligibilityOf(abandoned))!;
    expect(refused.outcome).toBe('INELIGIBLE');
    expect(refused.reasons.find((r) => r.code === 'CONTRACT_OUTCOME')).toMatchObject({ met: false, message: 'The worker abandoned the job.' });
  });

  it('sweeps up an evaluation whose decision job was never queued', async () => {
    const [worker] = await returnedWorkers(1, null);
    const day = addDays(endedOn, 5);
    await rehire.decide(worker, day);
    expect((await rehire.eligibilityOf(worker))!.outcome).toBe('PENDING');
    // The evaluation is stored, but Redis was down when its job should have been queued.
    await ds.query(
      `INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, submitted_by)
       SELECT id, applicant_id, employer_id, 4, 4, 4, 4, 4, true, employer_id FROM placement WHERE applicant_id = $1`,
      [worker],
    );
    await rehire.sweep(day);
    expect((await rehire.eligibilityOf(worker))!.outcome).toBe('ELIGIBLE');
  });
  it('waits for the evaluation through a window a coordinator reopened, as the evaluation itself is taken', async () => {
    const [worker] = await returnedWorkers(1, null);
    const reopenedUntil = addDays(endedOn, 45);
    await ds.query(`UPDATE placement SET evaluation_open_until = $2 WHERE applicant_id = $1`, [worker, reopenedUntil]);
    // Past the policy's 30 days but within the reopened window: still waiting, rechecked the day after it closes.
    await rehire.decide(worker, addDays(endedOn, 35));
    const waiting = (await rehire.eligibilityOf(worker))!;
    expect(waiting.outcome).toBe('PENDING');
    expect(waiting.recheckOn).toBe(addDays(reopenedUntil, 1));
    expect(waiting.inputs.placement.evaluationOpenUntil).toBe(reopenedUntil);
    await rehire.sweep(addDays(reopenedUntil, 1));
    expect((await rehire.eligibilityOf(worker))!.outcome).toBe('ELIGIBLE');
  });
});
