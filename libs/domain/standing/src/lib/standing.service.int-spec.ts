import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, addDays, ErrorCode, Role, todayIso } from '@puente/common';
import { JOB_QUEUE, JobName } from '@puente/queue-contracts';
import { JobOrderService } from '@puente/domain/job-orders';
import { EvaluationService, RehireModule } from '@puente/domain/rehire';
import { bootTestModule, queueOf, TestEmployer, TestFactories } from '@puente/testing';
import { CURRENT_STANDING_POLICY } from './standing.policy';
import { StandingModule } from './standing.module';
import { StandingService } from './standing.service';

const codeOf = async (p: Promise<unknown>) => p.then(() => null, (e: { code?: string }) => e.code ?? String(e));

/** Ratings, standings and the approval hold against the real database and queues. */
describe('StandingService', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let standing: StandingService;
  let coordinator: Actor;
  const endedOn = addDays(todayIso(), -20);
  const defaultEnd = endedOn;

  /** The standing jobs the units of work queued for an employer (nothing runs them here). */
  const queuedFor = async (employerId: string) =>
    (await queueOf(app, JOB_QUEUE[JobName.RecomputeEmployerStanding]).getJobs(['waiting', 'delayed', 'prioritized']))
      .filter((j) => j.name === JobName.RecomputeEmployerStanding && (j.data as { employerId: string }).employerId === employerId)
      .map((j) => j.id!);

  /**
   * An employer whose past season is written by hand (the services refuse a start before today and travel dated
   * ahead of the plan): its order, contingent and `n` placements of new workers, ended `endedOn` and home two
   * days later unless `home` is false; `status`/`fault` say how each ended.
   */
  const pastSeason = async (owner: TestEmployer, n: number, how: { status?: string; fault?: string | null; home?: boolean; endedOn?: string } = {}) => {
    const employerId = owner.employer.id;
    const endedOn = how.endedOn ?? defaultEnd;
    const [order] = await ds.query(
      `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
         work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
         employer_pays_recruitment, employer_pays_travel, status)
       VALUES ($1, $2, 'Greenhouse', '9211', 'NOC_2021', '85101', 50, 'CA-ON', 'Leamington', $3::date - 180, 26, $3, 16.10, 'CAD', 40, true, true, true, 'COMPLETED')
       RETURNING id`,
      [`JO-S-${randomUUID().slice(0, 12)}`, employerId, endedOn],
    );
    const [k] = await ds.query(
      `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version)
       VALUES ($1, 'CA-ON', $2::date - 180, $3, $2::date - 182, 50, 'RETURNED', 'test') RETURNING id`,
      [`CT-S-${randomUUID().slice(0, 12)}`, endedOn, randomInt(1, 1_000_000)],
    );
    const ids = (await make.applicants(n)).map((a) => a.id);
    const travellers: { id: string; applicant_id: string }[] = await ds.query(
      `INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status) SELECT $1, a, $2, 'RETURNED' FROM unnest($3::uuid[]) a RETURNING id, applicant_id`,
      [k.id, order.id, ids],
    );
    const placements: { id: string; applicant_id: string }[] = await ds.query(
      `INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on,
                              end_fault, end_reason)
       SELECT t, a, $3, $4, $6, $5::date - 180, $5, $5::date - 182, $5::date - 181, CASE WHEN $8 THEN $5::date + 2 END, $5, $7,
              CASE WHEN $6 = 'TERMINATED_EARLY' THEN 'Ended early in a test season.' END
       FROM unnest($1::uuid[], $2::uuid[]) AS x(t, a) RETURNING id, applicant_id`,
      [travellers.map((t) => t.id), travellers.map((t) => t.applicant_id), order.id, employerId, endedOn, how.status ?? 'COMPLETED', how.fault ?? null, how.home ?? true],
    );
    return placements.map((p) => ({
      placementId: p.id,
      applicantId: p.applicant_id,
      orderId: order.id as string,
      actor: { userId: randomUUID(), role: Role.APPLICANT, employerId: null, applicantId: p.applicant_id } as Actor,
    }));
  };

  const rate = (w: { placementId: string; actor: Actor }, score: number, comments: string | null = null) =>
    standing.rateEmployer(w.actor, { placementId: w.placementId, wagesAsAgreed: score, hoursAsAgreed: score, housing: score, treatment: score, safety: score, wouldGoBack: score, comments });

  beforeAll(async () => {
    app = await bootTestModule(StandingModule, RehireModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    standing = app.get(StandingService);
    coordinator = await make.coordinator();
  });

  afterAll(() => app.close());

  describe('ratings', () => {
    let owner: TestEmployer;
    let workers: Awaited<ReturnType<typeof pastSeason>>;
    beforeAll(async () => {
      owner = await make.employer();
      workers = await pastSeason(owner, 6);
    });

    it('takes a worker’s rating of their own placement once, queues the standing, and refuses a second (CONFLICT)', async () => {
      const receipt = await rate(workers[0]!, 2, 'The housing had no heating.');
      expect(receipt.placementId).toBe(workers[0]!.placementId);
      expect(await queuedFor(owner.employer.id)).toContain(`${JobName.RecomputeEmployerStanding}__${owner.employer.id}__rating-submitted__${receipt.ratingId}`);
      expect(await codeOf(rate(workers[0]!, 5))).toBe(ErrorCode.CONFLICT);
    });

    it("reads another worker's placement, or one not ended and home, as it must: NOT_FOUND, INVALID_TRANSITION", async () => {
      expect(await codeOf(standing.rateEmployer(workers[1]!.actor, { ...{ wagesAsAgreed: 3, hoursAsAgreed: 3, housing: 3, treatment: 3, safety: 3, wouldGoBack: 3 }, placementId: workers[2]!.placementId }))).toBe(ErrorCode.NOT_FOUND);
      expect(await codeOf(standing.rateEmployer(owner.actor, { wagesAsAgreed: 3, hoursAsAgreed: 3, housing: 3, treatment: 3, safety: 3, wouldGoBack: 3, placementId: workers[2]!.placementId }))).toBe(ErrorCode.NOT_FOUND);
      const [abroad] = await pastSeason(owner, 1, { status: 'TERMINATED_EARLY', fault: 'NONE', home: false });
      expect(await codeOf(rate(abroad!, 3))).toBe(ErrorCode.INVALID_TRANSITION);
    });

    it('shows no aggregate under five rated placements, then the averages of the five, never a single rating', async () => {
      for (const w of workers.slice(1, 4)) await rate(w, 4);
      expect(await standing.recompute(owner.employer.id)).toBe('DECIDED');
      const four = await standing.standingForActor(owner.actor, owner.employer.id);
      expect(four.inputs.ratings).toBeNull();
      expect(four.reasons.find((r) => r.code === 'RATINGS')).toMatchObject({ met: null });
      await rate(workers[4]!, 5);
      expect(await standing.recompute(owner.employer.id)).toBe('DECIDED');
      const five = await standing.standingForActor(owner.actor, owner.employer.id);
      expect(five.inputs.ratings).toEqual({ ratedPlacements: 5, averages: { wagesAsAgreed: 3.8, hoursAsAgreed: 3.8, housing: 3.8, treatment: 3.8, safety: 3.8, wouldGoBack: 3.8 } });
      expect(JSON.stringify(five)).not.toContain('heating');
      expect(JSON.stringify(five)).not.toContain(workers[0]!.actor.applicantId);
      // A sixth rating changes nothing the employer can see until a whole new block of five is in.
      await rate(workers[5]!, 1);
      expect(await standing.recompute(owner.employer.id)).toBe('UNCHANGED');
    });

    it('gives single ratings and their comments to coordinators only', async () => {
      const rows = await standing.ratingsForStaff(coordinator, owner.employer.id, { limit: 20, after: null });
      expect(rows).toHaveLength(6);
      expect(rows.map((r) => r.comments)).toContain('The housing had no heating.');
      expect(await codeOf(standing.ratingsForStaff(owner.actor, owner.employer.id, { limit: 20, after: null }))).toBe(ErrorCode.FORBIDDEN);
    });

    it('lets an employer read its own standing only; another employer gets NOT_FOUND', async () => {
      const other = await make.employer();
      expect(await codeOf(standing.standingForActor(other.actor, owner.employer.id))).toBe(ErrorCode.NOT_FOUND);
      expect((await standing.standingForActor(coordinator, owner.employer.id)).employerId).toBe(owner.employer.id);
      const applicant = workers[0]!.actor;
      expect(await codeOf(standing.standingForActor(applicant, owner.employer.id))).toBe(ErrorCode.NOT_FOUND);
    });
  });

  describe('decisions', () => {
    it('decides early terminations by the employer’s fault, stores a standing once, supersedes it when the answer changes', async () => {
      const owner = await make.employer();
      await pastSeason(owner, 4, { status: 'COMPLETED' });
      await pastSeason(owner, 1, { status: 'TERMINATED_EARLY', fault: 'EMPLOYER' });
      // First read decides on the spot.
      const first = await standing.standingForActor(coordinator, owner.employer.id);
      expect(first.level).toBe('WATCH');
      expect(first.policyVersion).toBe(CURRENT_STANDING_POLICY.version);
      expect(first.reasons.find((r) => r.code === 'EARLY_TERMINATIONS')!.message).toBe("1 of 5 ended placements (20%) were ended early by the employer's fault (up to 10% is expected).");
      expect(await standing.recompute(owner.employer.id)).toBe('UNCHANGED');
      await pastSeason(owner, 1, { status: 'TERMINATED_EARLY', fault: 'EMPLOYER' });
      expect(await standing.recompute(owner.employer.id)).toBe('DECIDED');
      const rows = await ds.query(`SELECT level, current FROM employer_standing WHERE employer_id = $1 ORDER BY created_at`, [owner.employer.id]);
      expect(rows).toEqual([{ level: 'WATCH', current: false }, { level: 'AT_RISK', current: true }]);
    });

    it('is asked for when a coordinator ends a placement early, in the unit of work of the end', async () => {
      const owner = await make.employer();
      const [w] = await pastSeason(owner, 1, { home: false });
      // Active again: the season is under way, and the coordinator ends it early by the employer's fault.
      await ds.query(`UPDATE placement SET status = 'ACTIVE', ended_on = NULL WHERE id = $1`, [w!.placementId]);
      await app.get(EvaluationService).endPlacement(coordinator, {
        placementId: w!.placementId,
        outcome: 'TERMINATED_EARLY',
        endedOn: endedOn,
        fault: 'EMPLOYER',
        reason: 'The employer sent the worker away without cause.',
      });
      expect(await queuedFor(owner.employer.id)).toEqual([`${JobName.RecomputeEmployerStanding}__${owner.employer.id}__placement-ended__${w!.placementId}`]);
    });

    it('counts as no-shows the seats cancelled with a cancelled order, against the seats that travelled', async () => {
      const owner = await make.employer();
      await pastSeason(owner, 4);
      // An order the employer cancelled after a worker was seated (by hand, in the past like the season above).
      const [w] = await pastSeason(owner, 1);
      await ds.query(`DELETE FROM placement WHERE id = $1`, [w!.placementId]);
      await ds.query(`UPDATE traveller SET status = 'CANCELLED' WHERE job_order_id = $1`, [w!.orderId]);
      await ds.query(`UPDATE job_order SET status = 'CANCELLED' WHERE id = $1`, [w!.orderId]);
      const s = await standing.standingForActor(coordinator, owner.employer.id);
      expect(s.inputs.seats).toEqual({ travelled: 4, cancelledWithOrder: 1 });
      expect(s.reasons.find((r) => r.code === 'NO_SHOWS')).toMatchObject({
        met: false,
        level: 'WATCH',
        message: '1 of 5 workers seated to travel (20%) were not taken because the order was cancelled (up to 10% is expected).',
      });
    });

    it('counts the rehire rate over workers found eligible after a season long enough ago, asked back by name', async () => {
      const owner = await make.employer();
      const old = await pastSeason(owner, 6, { endedOn: addDays(todayIso(), -200) });
      const recent = await pastSeason(owner, 2);
      // Their rehire decisions, by hand: rehire decides from the real facts, and this test is about standing's reading of them.
      await ds.query(
        `INSERT INTO rehire_decision (applicant_id, placement_id, policy_version, outcome, needs_passport_renewal, reasons, inputs)
         SELECT a, p, 'test', 'ELIGIBLE', false, '[]', '{}' FROM unnest($1::uuid[], $2::uuid[]) AS x(a, p)`,
        [[...old, ...recent].map((w) => w.applicantId), [...old, ...recent].map((w) => w.placementId)],
      );
      const next = await make.jobOrder(owner, {}, 'SUBMITTED');
      // Named on next season's order (by hand: requestNamedWorkers checks a current eligibility this test does not make).
      await ds.query(`INSERT INTO named_request (job_order_id, applicant_id, requested_by, substitute_acceptable) VALUES ($1, $2, $3, true)`, [next.id, old[0]!.applicantId, owner.actor.userId]);
      const s = await standing.standingForActor(coordinator, owner.employer.id);
      expect(s.inputs.rehire).toEqual({ eligibleFormerWorkers: 6, askedBack: 1 });
      expect(s.reasons.find((r) => r.code === 'REHIRE_RATE')).toMatchObject({
        met: false,
        level: 'WATCH',
        message: '1 of 6 former workers eligible to return (16.7%) were asked back (at least 20% is expected).',
      });
      await ds.query(`INSERT INTO named_request (job_order_id, applicant_id, requested_by, substitute_acceptable) VALUES ($1, $2, $3, true)`, [next.id, old[1]!.applicantId, owner.actor.userId]);
      expect(await standing.recompute(owner.employer.id)).toBe('DECIDED');
      expect((await standing.standingForActor(coordinator, owner.employer.id)).reasons.find((r) => r.code === 'REHIRE_RATE')).toMatchObject({ met: true, level: 'GOOD' });
    });

    it('leaves one current standing when duplicate jobs run at once', async () => {
      const owners = await Promise.all([make.employer(), make.employer(), make.employer()]);
      const ids = owners.map((o) => o.employer.id);
      await Promise.all([standing.recomputeBatch(ids), standing.recomputeBatch(ids), ...ids.map((id) => standing.recompute(id))]);
      const rows = await ds.query(`SELECT employer_id, count(*)::int AS n, count(*) FILTER (WHERE current)::int AS current FROM employer_standing WHERE employer_id = ANY($1) GROUP BY 1`, [ids]);
      expect(rows.map((r: { n: number; current: number }) => [r.n, r.current])).toEqual([[1, 1], [1, 1], [1, 1]]);
    });

    it('the sweep decides every employer, and a rerun stores nothing', async () => {
      const owner = await make.employer();
      const before = await ds.query(`SELECT count(*)::int AS n FROM employer_standing WHERE employer_id = $1`, [owner.employer.id]);
      expect(before[0].n).toBe(0);
      const first = await standing.sweep();
      expect(first.employers).toBeGreaterThanOrEqual(1);
      expect((await ds.query(`SELECT level FROM employer_standing WHERE employer_id = $1 AND current`, [owner.employer.id]))[0].level).toBe('GOOD');
      const again = await standing.recompute(owner.employer.id);
      expect(again).toBe('UNCHANGED');
    }, 120_000);
  });

  describe('the approval hold', () => {
    it('blocks approval until a coordinator clears it with a reason; the standing is BLOCKED meanwhile', async () => {
      const owner = await make.employer();
      const orders = app.get(JobOrderService);
      const order = await make.jobOrder(owner, {}, 'SUBMITTED');
      expect(await standing.placeHold(owner.employer.id, null, 'A critical case was substantiated against the employer.')).toBe(true);
      expect(await standing.placeHold(owner.employer.id, null, 'A second one keeps the first hold.')).toBe(false);
      expect(await queuedFor(owner.employer.id)).toEqual([expect.stringContaining('__hold-placed__')]);
      const refused = await orders.approve(coordinator, order.id).then(() => null, (e) => e);
      expect(refused.code).toBe(ErrorCode.INVALID_TRANSITION);
      expect(refused.message).toMatch(/on hold since .*clearEmployerHold.*suspendEmployer/);
      expect(await standing.recompute(owner.employer.id)).toBe('DECIDED');
      expect((await standing.standingForActor(owner.actor, owner.employer.id)).level).toBe('BLOCKED');

      expect(await codeOf(standing.clearHold(coordinator, { employerId: owner.employer.id, reason: 'short' }))).toBe(ErrorCode.BAD_USER_INPUT);
      const cleared = await standing.clearHold(coordinator, { employerId: owner.employer.id, reason: 'Investigated with the labour authority: remedied.' });
      expect(cleared.approvalHoldSince).toBeNull();
      expect(await codeOf(standing.clearHold(coordinator, { employerId: owner.employer.id, reason: 'Investigated with the labour authority: remedied.' }))).toBe(ErrorCode.INVALID_TRANSITION);
      const audit = await ds.query(`SELECT action, reason FROM audit_event WHERE entity_id = $1 AND action = 'clear-approval-hold'`, [owner.employer.id]);
      expect(audit).toEqual([{ action: 'clear-approval-hold', reason: 'Investigated with the labour authority: remedied.' }]);
      expect((await orders.approve(coordinator, order.id)).status).toBe('OPEN');
      expect(await standing.recompute(owner.employer.id)).toBe('DECIDED');
      expect((await standing.standingForActor(owner.actor, owner.employer.id)).level).toBe('GOOD');
    });
  });
});
