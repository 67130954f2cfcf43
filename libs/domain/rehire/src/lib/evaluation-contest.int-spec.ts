import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, addDays, ErrorCode, Role, todayIso } from '@puente/common';
import { CasesModule, CasesService } from '@puente/domain/cases';
import { SEASON_HISTORY_READER, SeasonHistoryReader } from '@puente/domain/matching';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { bootTestModule, queueOf, TestFactories, TestEmployer } from '@puente/testing';
import { RehireModule } from './rehire.module';
import { RehireService } from './rehire.service';
import { EvaluationService } from './evaluation.service';
import { NamedWorkersService } from './named-workers.service';
import { TrackingService } from './tracking.service';
import { CURRENT_REHIRE_POLICY } from './rehire.policy';
import { contestWindowCloses, evaluationCounts } from './evaluation-contest.rules';

/**
 * Contestable evaluations, the retaliation check and misconduct findings against the real database and queues:
 * what counts, what the decision reads, what each role may do, and what the coordinators see.
 */
describe('Evaluation contests, retaliation flags and misconduct', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let rehire: RehireService;
  let evaluations: EvaluationService;
  let tracking: TrackingService;
  let cases: CasesService;
  let coordinator: Actor;
  let employer: TestEmployer;
  const today = todayIso();
  // Ended five days ago, home two days later: the employer's 30-day window is open.
  const endedOn = addDays(today, -5);

  /**
   * A worker with a login whose placement at the employer ended `endedOn`. The season is written by hand (its order,
   * contingent, traveller and placement): the services date none of it in the past.
   */
  const returnedWorker = async (owner: TestEmployer = employer) => {
    const applicant = await make.applicant();
    const start = addDays(endedOn, -180);
    const [order] = await ds.query(
      `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
         work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
         employer_pays_recruitment, employer_pays_travel, status)
       VALUES ($1, $2, 'Orchard', '9211', 'NOC_2021', '85101', 5, 'CA-ON', 'Leamington', $3, 26, $4, 16.10, 'CAD', 40, true, true, true, 'COMPLETED')
       RETURNING id`,
      [`JO-E-${randomUUID().slice(0, 12)}`, owner.employer.id, start, endedOn],
    );
    const [k] = await ds.query(
      `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version)
       VALUES ($1, 'CA-ON', $2, $3, $2::date - 2, 5, 'RETURNED', 'test') RETURNING id`,
      [`CT-E-${randomUUID().slice(0, 12)}`, start, randomInt(1, 1_000_000)],
    );
    await ds.query(`UPDATE applicant SET status = 'RETURNED' WHERE id = $1`, [applicant.id]);
    const [t] = await ds.query(`INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status) VALUES ($1, $2, $3, 'RETURNED') RETURNING id`, [k.id, applicant.id, order.id]);
    const [p] = await ds.query(
      `INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on)
       VALUES ($1, $2, $3, $4, 'COMPLETED', $5, $6, $5::date - 2, $5::date - 1, $6::date + 2, $6) RETURNING id`,
      [t.id, applicant.id, order.id, owner.employer.id, start, endedOn],
    );
    const [user] = await ds.query(`SELECT id FROM app_user WHERE applicant_id = $1`, [applicant.id]);
    const actor: Actor = { userId: user.id, role: Role.APPLICANT, employerId: null, applicantId: applicant.id };
    return { applicantId: applicant.id, placementId: p.id as string, actor };
  };

  const evaluate = (placementId: string, overall: number, owner: TestEmployer = employer) =>
    evaluations.submitEvaluation(owner.actor, placementId, { punctuality: overall, quality: overall, safety: overall, teamwork: overall, overall, wouldRehire: overall >= 3 });
  const row = async (evaluationId: string) =>
    (
      await ds.query(
        `SELECT created_at AS "createdAt", contest_status AS "contestStatus", contest_statement AS "contestStatement", counts, retaliation_case_id AS "retaliationCaseId",
                retaliation_reviewed_at IS NOT NULL AS reviewed, contest_resolved_by AS "resolvedBy", contest_resolution_reason AS "resolutionReason"
         FROM evaluation WHERE id = $1`,
        [evaluationId],
      )
    )[0];
  const decisionOf = async (applicantId: string) => {
    const d = await rehire.eligibilityOf(applicantId);
    return { outcome: d?.outcome, policyVersion: d?.policyVersion, evaluation: (d?.reasons as { code: string; met: boolean | null; message: string }[]).find((r) => r.code === 'EVALUATION') };
  };
  const queuedDecision = (applicantId: string, cause: string, eventId: string) =>
    queueOf(app, JOB_QUEUE[JobName.EvaluateApplicant]).getJob(jobId(JobName.EvaluateApplicant, applicantId, cause, eventId));
  const notices = (kind: string, applicantId?: string) =>
    ds.query(`SELECT audience, applicant_id AS "applicantId", body FROM notification WHERE kind = $1 AND ($2::uuid IS NULL OR applicant_id = $2)`, [kind, applicantId ?? null]);
  const statement = 'I was sick for two days with a doctor’s note; the supervisor knew.';
  const report = (placementId: string) => ({
    placementId,
    categories: ['UNPAID_OVERTIME'],
    indicators: ['EXCESSIVE_OVERTIME'],
    description: 'We worked sixty hours a week and were paid for forty.',
  });

  beforeAll(async () => {
    app = await bootTestModule(RehireModule, CasesModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    rehire = app.get(RehireService);
    evaluations = app.get(EvaluationService);
    tracking = app.get(TrackingService);
    cases = app.get(CasesService);
    coordinator = await make.coordinator();
    employer = await make.employer({ regionCode: 'CA-ON', city: 'Leamington' });
  });

  afterAll(() => app.close());

  it('generates counts exactly as evaluationCounts decides, for every combination of contest and flag', async () => {
    const w = await returnedWorker();
    const { evaluationId } = await evaluate(w.placementId, 4);
    // Reported after the evaluation: it does not flag it (the combinations below write the flag themselves).
    const c = await cases.report(w.actor, report(w.placementId));
    // Each combination written in a transaction rolled back: the generated column is the database's, so only SQL can probe it.
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    try {
      for (const contestStatus of [null, 'CONTESTED', 'UPHELD', 'OVERTURNED'] as const) {
        for (const retaliationCaseId of [null, c.id as string]) {
          for (const reviewed of retaliationCaseId ? [false, true] : [false]) {
            const contested = contestStatus !== null && !(contestStatus === 'OVERTURNED' && reviewed);
            const resolved = contestStatus === 'UPHELD' || (contestStatus === 'OVERTURNED' && contested);
            await runner.query(
              `UPDATE evaluation SET contest_status = $2, retaliation_case_id = $3,
                      contested_at = CASE WHEN $5 THEN now() END, contest_statement = CASE WHEN $5 THEN 'A statement of mine.' END,
                      contest_resolved_at = CASE WHEN $6 THEN now() END, contest_resolved_by = CASE WHEN $6 THEN $7::uuid END,
                      contest_resolution_reason = CASE WHEN $6 THEN 'A reason of ours.' END,
                      retaliation_reviewed_at = CASE WHEN $4 THEN now() END, retaliation_reviewed_by = CASE WHEN $4 THEN $7::uuid END,
                      retaliation_review_reason = CASE WHEN $4 THEN 'A reason of ours.' END
               WHERE id = $1`,
              [evaluationId, contestStatus, retaliationCaseId, reviewed, contested, resolved, coordinator.userId],
            );
            const [{ counts }] = await runner.query(`SELECT counts FROM evaluation WHERE id = $1`, [evaluationId]);
            expect({ contestStatus, retaliationCaseId, reviewed, counts }).toEqual({
              contestStatus,
              retaliationCaseId,
              reviewed,
              counts: evaluationCounts({ contestStatus, retaliationCaseId, retaliationReviewedAt: reviewed ? new Date() : null }),
            });
          }
        }
      }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('refuses, by the table itself, a contest or review a bypassed service would write half-done, and any write of counts', async () => {
    const w = await returnedWorker();
    const { evaluationId } = await evaluate(w.placementId, 3);
    // Each statement on its own, and refused: the checks of migration 1732400000025 (SQL on purpose: no service in the way).
    const refused = async (set: string, params: unknown[] = []) =>
      expect(ds.query(`UPDATE evaluation SET ${set} WHERE id = $1`, [evaluationId, ...params])).rejects.toThrow(/violates check constraint|can only be updated to DEFAULT/);
    await refused(`contest_status = 'CONTESTED'`);
    await refused(`contest_status = 'BOGUS'`);
    await refused(`contest_status = 'CONTESTED', contested_at = now(), contest_statement = 'Too short'`);
    await refused(`contest_status = 'UPHELD', contested_at = now(), contest_statement = 'A statement of mine.'`);
    await refused(`contest_status = 'OVERTURNED'`);
    await refused(`contest_resolved_at = now(), contest_resolved_by = $2, contest_resolution_reason = 'A reason of ours.'`, [coordinator.userId]);
    await refused(`retaliation_reviewed_at = now(), retaliation_reviewed_by = $2, retaliation_review_reason = 'A reason of ours.'`, [coordinator.userId]);
    await refused(`counts = false`);
    expect(await row(evaluationId)).toMatchObject({ contestStatus: null, counts: true, reviewed: false });
  });

  it('lets the worker contest their own evaluation once, within the window; it still counts, the coordinators are told, the decision is asked for', async () => {
    const w = await returnedWorker();
    const other = await returnedWorker();
    const { evaluationId } = await evaluate(w.placementId, 2);
    expect(await rehire.decide(w.applicantId)).toBe('DECIDED');
    expect(await decisionOf(w.applicantId)).toMatchObject({ outcome: 'INELIGIBLE', policyVersion: CURRENT_REHIRE_POLICY.version, evaluation: { met: false } });

    // Another worker, the employer and a coordinator: not theirs to contest.
    await expect(evaluations.contestEvaluation(other.actor, { evaluationId, statement })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(evaluations.contestEvaluation(employer.actor, { evaluationId, statement })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(evaluations.contestEvaluation(coordinator, { evaluationId, statement })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(evaluations.contestEvaluation(w.actor, { evaluationId: randomUUID(), statement })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(evaluations.contestEvaluation(w.actor, { evaluationId, statement: 'No.' })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    // After the tenth working day: refused, with the day it closed. Counted from the day the database stamped it
    // (the midnight check runs this with the process's clock ahead of the database's).
    const closes = contestWindowCloses(todayIso((await row(evaluationId)).createdAt));
    await expect(evaluations.contestEvaluation(w.actor, { evaluationId, statement }, addDays(closes, 1))).rejects.toMatchObject({
      code: ErrorCode.INVALID_TRANSITION,
      message: expect.stringContaining(`closed on ${closes}`),
    });
    expect((await row(evaluationId)).contestStatus).toBeNull();

    await expect(evaluations.contestEvaluation(w.actor, { evaluationId, statement: `  ${statement}  ` }, closes)).resolves.toEqual({ evaluationId, contestableUntil: closes });
    expect(await row(evaluationId)).toMatchObject({ contestStatus: 'CONTESTED', contestStatement: statement, counts: true });
    await expect(evaluations.contestEvaluation(w.actor, { evaluationId, statement })).rejects.toMatchObject({ code: ErrorCode.INVALID_TRANSITION, message: expect.stringMatching(/contested once/) });
    expect(await queuedDecision(w.applicantId, 'evaluation-contested', evaluationId)).toBeDefined();
    expect((await ds.query(`SELECT audience FROM notification WHERE dedupe_key = $1`, [`evaluation-contested:${evaluationId}`]))).toEqual([{ audience: 'COORDINATORS' }]);

    // Pending, it still counts against the worker; the reason says it is contested.
    await rehire.decide(w.applicantId);
    expect(await decisionOf(w.applicantId)).toMatchObject({ outcome: 'INELIGIBLE', evaluation: { met: false, message: expect.stringMatching(/contested it; it counts until a coordinator decides/) } });
    // The worker sees it, contested and no longer contestable; the coordinators' list has it.
    const [mine] = await tracking.myEvaluations(w.actor);
    expect(mine).toMatchObject({ id: evaluationId, overall: 2, contestStatus: 'CONTESTED', contestStatement: statement, contestableUntil: closes, contestable: false, counts: true, standing: 'CONTESTED' });
    expect(mine).not.toHaveProperty('retaliation');
    expect(await tracking.myEvaluations(other.actor)).toEqual([]);
    expect(await tracking.myEvaluations(employer.actor)).toEqual([]);
    expect((await tracking.evaluationsToReview({ limit: 100, after: null })).map((e) => e.id)).toContain(evaluationId);
  });

  it('lets a coordinator overturn a contest with a reason: it stops counting for rehire and matching, the decision turns ELIGIBLE, the worker is told', async () => {
    const w = await returnedWorker();
    const { evaluationId } = await evaluate(w.placementId, 1);
    await rehire.decide(w.applicantId);
    expect((await decisionOf(w.applicantId)).outcome).toBe('INELIGIBLE');
    const history = app.get<SeasonHistoryReader>(SEASON_HISTORY_READER);
    expect((await history.historiesOf(ds.manager, [w.applicantId])).get(w.applicantId)).toMatchObject({ evaluations: 1, evaluationAverage: 1 });

    // Nothing to resolve before the contest; a reason is required.
    await expect(evaluations.resolveEvaluationContest(coordinator, { evaluationId, decision: 'OVERTURN', reason: 'Not contested yet.' })).rejects.toMatchObject({ code: ErrorCode.INVALID_TRANSITION });
    await evaluations.contestEvaluation(w.actor, { evaluationId, statement });
    await expect(evaluations.resolveEvaluationContest(coordinator, { evaluationId, decision: 'OVERTURN', reason: 'short' })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(evaluations.resolveEvaluationContest(coordinator, { evaluationId: randomUUID(), decision: 'OVERTURN', reason: 'The doctor’s note was valid.' })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });

    const reason = 'The doctor’s note covers both days the employer counted as absences.';
    await expect(evaluations.resolveEvaluationContest(coordinator, { evaluationId, decision: 'OVERTURN', reason })).resolves.toEqual({ evaluationId, contestStatus: 'OVERTURNED' });
    expect(await row(evaluationId)).toMatchObject({ contestStatus: 'OVERTURNED', counts: false, resolvedBy: coordinator.userId, resolutionReason: reason });
    await expect(evaluations.resolveEvaluationContest(coordinator, { evaluationId, decision: 'UPHOLD', reason })).rejects.toMatchObject({ code: ErrorCode.INVALID_TRANSITION });
    await expect(evaluations.contestEvaluation(w.actor, { evaluationId, statement })).rejects.toMatchObject({ code: ErrorCode.INVALID_TRANSITION });
    expect(await queuedDecision(w.applicantId, 'evaluation-contest-resolved', evaluationId)).toBeDefined();
    expect(await notices('EVALUATION_REVIEWED', w.applicantId)).toEqual([{ audience: 'APPLICANT', applicantId: w.applicantId, body: expect.stringContaining(reason) }]);

    expect(await rehire.decide(w.applicantId)).toBe('DECIDED');
    expect(await decisionOf(w.applicantId)).toMatchObject({ outcome: 'ELIGIBLE', evaluation: { met: true, message: "The employer's evaluation was overturned on review; it does not count." } });
    expect((await history.historiesOf(ds.manager, [w.applicantId])).get(w.applicantId)).toMatchObject({ seasons: 1, evaluations: 0, evaluationAverage: null });
    expect((await tracking.evaluationsToReview({ limit: 100, after: null })).map((e) => e.id)).not.toContain(evaluationId);
    expect((await tracking.myEvaluations(w.actor))[0]).toMatchObject({ standing: 'OVERTURNED', counts: false, contestResolutionReason: reason });
  });

  it('flags an evaluation that follows the worker’s case against the employer: it does not count until a coordinator reviews it, and then counts', async () => {
    const w = await returnedWorker();
    const c = await cases.report(w.actor, report(w.placementId));
    const { evaluationId, retaliationCaseId } = await evaluate(w.placementId, 1);
    expect(retaliationCaseId).toBe(c.id);
    expect(await row(evaluationId)).toMatchObject({ retaliationCaseId: c.id, reviewed: false, counts: false, contestStatus: null });
    expect((await ds.query(`SELECT audience FROM notification WHERE dedupe_key = $1`, [`evaluation-flagged:${evaluationId}`]))).toEqual([{ audience: 'COORDINATORS' }]);

    // A poor score under review cannot make the worker ineligible.
    await rehire.decide(w.applicantId);
    expect(await decisionOf(w.applicantId)).toMatchObject({ outcome: 'ELIGIBLE', evaluation: { met: true, message: expect.stringMatching(/under review/) } });
    const listed = (await tracking.evaluationsToReview({ limit: 100, after: null })).find((e) => e.id === evaluationId);
    expect(listed).toMatchObject({ standing: 'UNDER_REVIEW', counts: false, retaliation: { caseId: c.id, reviewedAt: null }, applicantName: expect.any(String) });
    expect((await tracking.history(w.applicantId))[0].evaluationReview).toMatchObject({ id: evaluationId, retaliation: { caseId: c.id } });
    // The employer it failed them is answered as its evaluation would have it: not in its pool, not nameable.
    const page = { limit: 100, after: null };
    expect((await tracking.pool(employer.actor, {}, page)).map((e) => e.applicantId)).not.toContain(w.applicantId);
    expect((await tracking.pool(coordinator, { employerId: employer.employer.id }, page)).map((e) => e.applicantId)).toContain(w.applicantId);
    const draft = await make.jobOrder(employer, { workRegionCode: 'CA-ON' }, 'DRAFT');
    const naming = app.get(NamedWorkersService);
    await expect(naming.requestNamedWorkers(employer.actor, { jobOrderId: draft.id, applicantIds: [w.applicantId] })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: expect.stringMatching(/not rehire-eligible \(ineligible\)/),
    });
    // The worker sees it set aside, without the coordinators' flag.
    expect((await tracking.myEvaluations(w.actor))[0]).toMatchObject({ standing: 'UNDER_REVIEW', counts: false, contestable: true });
    expect((await tracking.myEvaluations(w.actor))[0]).not.toHaveProperty('retaliation');

    await evaluations.resolveEvaluationContest(coordinator, { evaluationId, decision: 'UPHOLD', reason: 'The absences are on record before the case was reported.' });
    expect(await row(evaluationId)).toMatchObject({ reviewed: true, counts: true, contestStatus: null, resolvedBy: null });
    expect(await queuedDecision(w.applicantId, 'evaluation-retaliation-resolved', evaluationId)).toBeDefined();
    await rehire.decide(w.applicantId);
    expect(await decisionOf(w.applicantId)).toMatchObject({ outcome: 'INELIGIBLE', evaluation: { met: false } });
    // Reviewed, the worker may still contest it within the window.
    await expect(evaluations.contestEvaluation(w.actor, { evaluationId, statement })).resolves.toMatchObject({ evaluationId });
  });

  it('does not flag an evaluation of a worker who reported nothing, though a coworker did', async () => {
    const reporter = await returnedWorker();
    const plain = await returnedWorker();
    await cases.report(reporter.actor, report(reporter.placementId));
    expect((await evaluate(plain.placementId, 2)).retaliationCaseId).toBeNull();
    expect((await evaluate(reporter.placementId, 2)).retaliationCaseId).not.toBeNull();
  });

  it('hears a substantiated misconduct finding: the decision is asked for and refuses NO_MISCONDUCT', async () => {
    const w = await returnedWorker();
    await evaluate(w.placementId, 4);
    await rehire.decide(w.applicantId);
    expect((await decisionOf(w.applicantId)).outcome).toBe('ELIGIBLE');
    const c = await cases.report(coordinator, { ...report(w.placementId), categories: ['OTHER'], indicators: [], description: 'The worker sold the employer’s tools.' });
    for (const event of ['TRIAGE', 'INVESTIGATE'] as const) await cases.update(coordinator, c.id, { event });
    await cases.update(coordinator, c.id, { event: 'SUBSTANTIATE', finding: 'WORKER_MISCONDUCT' });
    expect(await queuedDecision(w.applicantId, 'case-decided', `${c.id}__SUBSTANTIATED__WORKER_MISCONDUCT`)).toBeDefined();
    expect(await rehire.decide(w.applicantId)).toBe('DECIDED');
    const d = await rehire.eligibilityOf(w.applicantId);
    expect(d).toMatchObject({ outcome: 'INELIGIBLE', inputs: { substantiatedMisconduct: 1 } });
    expect((d!.reasons as { code: string; met: boolean }[]).find((r) => r.code === 'NO_MISCONDUCT')).toMatchObject({ met: false });
  });

  it('compares, per employer, how often former workers who reported a case were named again against the others', async () => {
    const owner = await make.employer({ regionCode: 'CA-ON', city: 'Simcoe' });
    const reporter = await returnedWorker(owner);
    const named = await returnedWorker(owner);
    const notNamed = await returnedWorker(owner);
    await cases.report(reporter.actor, report(reporter.placementId));
    for (const w of [reporter, named, notNamed]) {
      await evaluate(w.placementId, 4, owner);
      await rehire.decide(w.applicantId);
    }
    const order = await make.jobOrder(owner, { workRegionCode: 'CA-ON' }, 'DRAFT');
    await app.get(NamedWorkersService).requestNamedWorkers(owner.actor, { jobOrderId: order.id, applicantIds: [named.applicantId] });
    expect(await tracking.namedAgainComparison(owner.employer.id)).toEqual([
      { employerId: owner.employer.id, employerName: owner.employer.legalName, reporters: 1, reportersNamedAgain: 0, reporterRate: 0, others: 2, othersNamedAgain: 1, otherRate: 0.5 },
    ]);
    expect((await tracking.namedAgainComparison()).find((r) => r.employerId === owner.employer.id)).toMatchObject({ reporters: 1, others: 2 });
    expect(await tracking.namedAgainComparison('not-a-uuid')).toEqual([]);
  });
});
