import { Injectable, Logger, Optional } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, addDays, DomainException, ErrorCode, isUuid, requireReason, Role, todayIso } from '@puente/common';
import { lockForUpdate } from '@puente/database';
import { JobProducer } from '@puente/queue';
import { jobId, JobName } from '@puente/queue-contracts';
import { NotificationsService, StatusEvents } from '@puente/notifications';
import { APPLICANT_PASSPORT_CHANGED, APPLICANT_STATUSES, ApplicantEntity, ApplicantPassportChangedEvent, applicantStateMachine } from '@puente/domain/applicants';
import { DateProblem, placementEndProblems, PlacementEntity, placementStateMachine, workerReturnProblems } from '@puente/domain/contingents';
import { JobOrderEntity } from '@puente/domain/job-orders';
import { MatchingService, releaseCandidates } from '@puente/domain/matching';
import { EndFault, decideRehire, PlacementOutcome, RehireDecision, RehireInputs, RehireReason } from './rehire.rules';
import { REHIRE_POLICY_V1, RehirePolicy } from './rehire.policy';
import { recordEvaluationsDue } from './evaluations-due';

export interface EvaluationInput {
  punctuality: number;
  quality: number;
  safety: number;
  teamwork: number;
  overall: number;
  wouldRehire: boolean;
  comments?: string | null;
}

export interface StoredDecision extends RehireDecision {
  id: string;
  applicantId: string;
  placementId: string;
  policyVersion: string;
  inputs: RehireInputs;
  createdAt: Date;
}

const SCORES = ['punctuality', 'quality', 'safety', 'teamwork', 'overall'] as const;
/** Orders workers can be named on: open ones, and those not approved yet (a new order for next season). */
const NAMEABLE_ORDER_STATUSES: readonly string[] = ['DRAFT', 'SUBMITTED', 'OPEN'];

interface Facts {
  applicantId: string;
  placementId: string;
  status: PlacementOutcome;
  endedOn: string | null;
  returnedOn: string | null;
  fault: EndFault | null;
  overall: number | null;
  wouldRehire: boolean | null;
  passportExpiry: string | null;
}

interface CurrentDecision {
  id: string;
  applicantId: string;
  placementId: string;
  policyVersion: string;
  outcome: string;
  needsPassportRenewal: boolean;
  reasons: unknown;
  recheckOn: string | null;
}

/** The same answer from the same placement under the same policy: nothing to store. */
function sameDecision(current: CurrentDecision | undefined, placementId: string, policyVersion: string, d: RehireDecision): boolean {
  return (
    current !== undefined &&
    current.placementId === placementId &&
    current.policyVersion === policyVersion &&
    current.outcome === d.outcome &&
    current.needsPassportRenewal === d.needsPassportRenewal &&
    current.recheckOn === d.recheckOn &&
    JSON.stringify(tuples(current.reasons as RehireReason[])) === JSON.stringify(tuples(d.reasons))
  );
}

/** Refuses dates that cannot be (the rules in `@puente/domain/contingents`), saying why and naming the field. */
function refuseDates(rule: string, problems: DateProblem[]): void {
  if (problems.length) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `${rule}: ${problems.map((x) => x.message).join('; ')}.`, problems.map((x) => ({ field: x.field, message: x.message })));
  }
}

/** Reasons compared by value (jsonb reorders an object's keys). */
const tuples = (reasons: readonly RehireReason[]) => reasons.map((r) => [r.code, r.met, r.message]);

/**
 * The end of a placement and what follows it: the employer's evaluation (once, within its window), and the
 * rehire decision, computed by a job from the stored facts under a versioned policy and stored with its reasons
 * and inputs. A decision is never rewritten: a different answer supersedes the current one, the same answer
 * leaves it alone, so a retried or duplicated job changes nothing.
 */
@Injectable()
export class RehireService {
  private readonly logger = new Logger(RehireService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly events: StatusEvents,
    private readonly matching: MatchingService,
    @Optional() private readonly notifications?: NotificationsService,
  ) {}

  /** A coordinator ends a placement before the contract's end: early (with whose fault and why) or abandoned. */
  async endPlacement(
    actor: Actor,
    input: { placementId: string; outcome: 'TERMINATED_EARLY' | 'ABANDONED'; endedOn: string; fault?: EndFault | null; reason: string },
  ): Promise<PlacementEntity> {
    const reason = requireReason(input.reason, 'for ending the placement');
    if (input.outcome === 'TERMINATED_EARLY' && !input.fault) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Say whose fault an early end was: WORKER, EMPLOYER or NONE.', [{ field: 'fault', message: 'is required for an early end' }]);
    }
    const placement = await this.dataSource.transaction(async (em) => {
      const p = await this.lockPlacement(em, input.placementId);
      refuseDates('The end must be between the departure and today', placementEndProblems(input.endedOn, { today: todayIso(), ...p }));
      p.status = placementStateMachine.next(p.status, input.outcome === 'ABANDONED' ? 'ABANDON' : 'TERMINATE_EARLY');
      Object.assign(p, { endedOn: input.endedOn, endedBy: actor.userId, endReason: reason, endFault: input.outcome === 'ABANDONED' ? 'WORKER' : input.fault });
      // The selection ended with the placement: the worker can be selected again once the policy allows.
      await releaseCandidates(em, { jobOrderIds: [p.jobOrderId], applicantIds: [p.applicantId], statuses: ['SELECTED'] }, `Placement ${input.outcome === 'ABANDONED' ? 'abandoned' : 'ended early'}.`);
      const saved = await em.save(p);
      // The employer is told the evaluation is due, and by when, with the end itself.
      return { saved, notificationIds: await recordEvaluationsDue(em, [saved.id]) };
    });
    await this.notifications?.queue(placement.notificationIds);
    await this.requestDecision(placement.saved.applicantId, 'placement-ended', placement.saved.id);
    return placement.saved;
  }

  /** The worker is home: the date counts for "home within N days of the end". */
  async recordWorkerReturn(placementId: string, returnedOn: string): Promise<PlacementEntity> {
    const placement = await this.dataSource.transaction(async (em) => {
      const p = await this.lockPlacement(em, placementId);
      if (p.status === 'ACTIVE') throw new DomainException(ErrorCode.INVALID_TRANSITION, 'End the placement first (endPlacement, or recordReturn for the whole contingent).');
      refuseDates('The return must be between the departure and today, and not before the arrival or the end', workerReturnProblems(returnedOn, { today: todayIso(), ...p }));
      p.returnedOn = returnedOn;
      const applicant = (await lockForUpdate(em, ApplicantEntity, p.applicantId))!;
      if (applicant.status === 'DEPLOYED') {
        applicant.status = applicantStateMachine.next(applicant.status, 'RETURN');
        await em.save(applicant);
      }
      return em.save(p);
    });
    await this.requestDecision(placement.applicantId, 'worker-returned', `${placement.id}__${returnedOn}`);
    return placement;
  }

  /**
   * The employer of a placement evaluates the worker, once, from the end of the placement until the window
   * closes (a coordinator can reopen it). Queues the worker's rehire decision.
   */
  async submitEvaluation(actor: Actor, placementId: string, input: EvaluationInput, today = todayIso(), policy: RehirePolicy = REHIRE_POLICY_V1) {
    for (const score of SCORES) {
      if (!Number.isInteger(input[score]) || input[score] < 1 || input[score] > 5) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `Give ${score} as a whole score from 1 to 5.`, [{ field: score, message: 'must be 1 to 5' }]);
      }
    }
    const comments = input.comments?.trim() || null;
    if (comments && comments.length > 4000) throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Keep comments under 4,000 characters.', [{ field: 'comments', message: 'is too long' }]);
    const id = await this.dataSource.transaction(async (em) => {
      const p = await this.lockPlacement(em, placementId);
      if (actor.role !== Role.EMPLOYER || p.employerId !== actor.employerId) throw DomainException.notFound('Placement');
      if (p.status === 'ACTIVE' || !p.endedOn) throw new DomainException(ErrorCode.INVALID_TRANSITION, 'A placement is evaluated once it has ended.');
      const closes = this.windowCloses(p, policy);
      if (today > closes) {
        throw new DomainException(ErrorCode.INVALID_TRANSITION, `The evaluation window closed on ${closes}; a coordinator can reopen it.`);
      }
      const [row] = await em.query(
        `INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, comments, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (placement_id) DO NOTHING RETURNING id`,
        [p.id, p.applicantId, p.employerId, input.punctuality, input.quality, input.safety, input.teamwork, input.overall, input.wouldRehire, comments, actor.userId],
      );
      if (!row) throw DomainException.conflict('This placement has been evaluated already; an evaluation is submitted once.');
      return { evaluationId: row.id as string, applicantId: p.applicantId };
    });
    await this.requestDecision(id.applicantId, 'evaluation-submitted', id.evaluationId);
    return id;
  }

  /** A coordinator reopens (or extends) a placement's evaluation window until a date. */
  async reopenEvaluation(placementId: string, until: string): Promise<PlacementEntity> {
    if (until < todayIso()) throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Reopen the window until today or later.', [{ field: 'until', message: 'is in the past' }]);
    return this.dataSource.transaction(async (em) => {
      const p = await this.lockPlacement(em, placementId);
      if (p.status === 'ACTIVE') throw new DomainException(ErrorCode.INVALID_TRANSITION, 'The placement has not ended; its evaluation is not due yet.');
      p.evaluationOpenUntil = until;
      return em.save(p);
    });
  }

  /**
   * An employer (or a coordinator for it) asks for former workers by name on an order that is open, or a draft or
   * submitted one (matched once approved, the portal's "name them on a new order"): each must have worked
   * for this employer and be rehire-eligible now, and they may not outnumber the positions still open. Refused as
   * a whole, naming each problem, otherwise recorded (naming again only updates whether a substitute is acceptable) and, on an open order, a
   * matching run is queued, which places them first. An employer never learns anything of a worker who did not work for it.
   */
  async requestNamedWorkers(
    actor: Actor,
    input: { jobOrderId: string; applicantIds: readonly string[]; substituteAcceptable?: boolean },
  ): Promise<{ jobOrderId: string; applicantIds: string[]; matchingRunId: string | null }> {
    const ids = [...new Set(input.applicantIds)];
    if (!ids.length || ids.length > 100) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Name 1 to 100 workers at a time.', [{ field: 'applicantIds', message: 'must list 1 to 100 workers' }]);
    }
    const status = await this.dataSource.transaction(async (em) => {
      const order = await lockForUpdate(em, JobOrderEntity, input.jobOrderId);
      const mine = actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && order?.employerId === actor.employerId);
      if (!order || !mine) throw DomainException.notFound('Job order');
      if (!NAMEABLE_ORDER_STATUSES.includes(order.status)) {
        throw new DomainException(ErrorCode.INVALID_TRANSITION, `Workers are named on a draft, submitted or open order; ${order.reference} is ${order.status}.`);
      }
      // The name is read only for the employer's own former workers: nothing is told of anyone else.
      const facts: { id: string; worked: boolean; outcome: string | null; name: string | null; rejected: boolean }[] = await em.query(
        `SELECT x.id, w.worked, (SELECT d.outcome FROM rehire_decision d WHERE d.applicant_id = x.id AND d.current) AS outcome,
                CASE WHEN w.worked THEN (SELECT a.first_names || ' ' || a.last_names FROM applicant a WHERE a.id = x.id) END AS name,
                EXISTS (SELECT 1 FROM candidate c WHERE c.job_order_id = $3 AND c.applicant_id = x.id AND c.status = 'REJECTED') AS rejected
         FROM unnest($1::uuid[]) AS x(id)
         CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM placement p WHERE p.applicant_id = x.id AND p.employer_id = $2) AS worked) w`,
        [ids.filter(isUuid), order.employerId, order.id],
      );
      const problems = ids.map((id) => {
        const f = facts.find((x) => x.id === id);
        if (!f?.worked) return { field: 'applicantIds', message: `${id} has not worked for this employer` };
        if (f.outcome !== 'ELIGIBLE') return { field: 'applicantIds', message: `${f.name} is not rehire-eligible (${f.outcome?.toLowerCase() ?? 'not decided yet'})` };
        if (f.rejected) return { field: 'applicantIds', message: `${f.name} was rejected for or taken off this order` };
        return null;
      });
      const refused = problems.filter((p): p is { field: string; message: string } => p !== null);
      if (refused.length) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `Only rehire-eligible workers who worked for this employer can be named: ${refused.map((r) => r.message).join('; ')}.`, refused);
      }
      const [{ taken }] = await em.query(
        `SELECT (SELECT count(*) FROM candidate WHERE job_order_id = $1 AND status = 'SELECTED')::int
              + (SELECT count(*) FROM named_request n WHERE n.job_order_id = $1 AND n.applicant_id <> ALL($2)
                   -- a named worker already selected is counted once, as a selection; one rejected or released holds nothing
                   AND NOT EXISTS (SELECT 1 FROM candidate c WHERE c.job_order_id = n.job_order_id AND c.applicant_id = n.applicant_id
                                   AND c.status IN ('SELECTED', 'REJECTED', 'RELEASED')))::int AS taken`,
        [order.id, ids],
      );
      if (taken + ids.length > order.positions) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `${order.reference} has ${order.positions - taken} position(s) left to name workers for; you named ${ids.length}.`, [
          { field: 'applicantIds', message: `name at most ${order.positions - taken}` },
        ]);
      }
      await em.query(
        `INSERT INTO named_request (job_order_id, applicant_id, requested_by, substitute_acceptable)
         SELECT $1, a, $2, $3 FROM unnest($4::uuid[]) a
         ON CONFLICT (job_order_id, applicant_id) DO UPDATE SET substitute_acceptable = EXCLUDED.substitute_acceptable, updated_at = now()`,
        [order.id, actor.userId, input.substituteAcceptable ?? true, ids],
      );
      return order.status;
    });
    // An order not approved yet is matched when it is (approval queues the run), and that run places them first.
    if (status !== 'OPEN') return { jobOrderId: input.jobOrderId, applicantIds: ids, matchingRunId: null };
    const run = await this.matching.requestRun(actor, [input.jobOrderId]);
    return { jobOrderId: input.jobOrderId, applicantIds: ids, matchingRunId: run.id };
  }

  /** A corrected passport changes the "valid for the next season" reason: decide again (nothing for a first-timer). */
  @OnEvent(APPLICANT_PASSPORT_CHANGED, { async: true, promisify: true })
  async onPassportChanged(event: ApplicantPassportChangedEvent): Promise<void> {
    await this.requestDecision(event.applicantId, 'passport-changed', `${event.applicantId}__${event.passportExpiry ?? 'none'}`).catch((error: unknown) =>
      this.logger.error({ err: error, applicantId: event.applicantId }, 'Could not queue the rehire decision after a passport change'),
    );
  }

  /**
   * Queues a fresh decision for an applicant after an event. The job id names the event, so the same event
   * queued twice is one job, while a new event during a running job gets a job of its own (a job still running
   * may have read the facts before it).
   */
  async requestDecision(applicantId: string, cause: string, eventId: string): Promise<void> {
    await this.producer.enqueue(JobName.EvaluateApplicant, { applicantId, cause }, { jobId: jobId(JobName.EvaluateApplicant, applicantId, cause, eventId) });
  }

  /** The job for one applicant: `decideBatch` of one. */
  async decide(applicantId: string, today = todayIso(), policy: RehirePolicy = REHIRE_POLICY_V1): Promise<'DECIDED' | 'UNCHANGED' | 'NOTHING_TO_DECIDE'> {
    if (!isUuid(applicantId)) return 'NOTHING_TO_DECIDE';
    const { decided, unchanged } = await this.decideBatch([applicantId], today, policy);
    return decided ? 'DECIDED' : unchanged ? 'UNCHANGED' : 'NOTHING_TO_DECIDE';
  }

  /**
   * Decides a batch of applicants in one transaction, from each one's latest ended placement, its evaluation,
   * their passport and any substantiated misconduct (none can be recorded yet). The applicant rows are locked in
   * id order, so two runs over the same people take turns, and a new decision is stored only where the answer
   * differs from the current one: running it again, or after a crash, changes nothing. A handful of set-based
   * statements whatever the batch size; the status events follow the commit.
   */
  async decideBatch(applicantIds: readonly string[], today = todayIso(), policy: RehirePolicy = REHIRE_POLICY_V1): Promise<{ decided: number; unchanged: number }> {
    const outcome = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT id FROM applicant WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [applicantIds]);
      const facts: Facts[] = await em.query(
        `SELECT DISTINCT ON (p.applicant_id) p.applicant_id AS "applicantId", p.id AS "placementId", p.status, to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn",
                to_char(p.returned_on, 'YYYY-MM-DD') AS "returnedOn", p.end_fault AS fault, e.overall, e.would_rehire AS "wouldRehire",
                to_char(a.passport_expiry, 'YYYY-MM-DD') AS "passportExpiry"
         FROM placement p JOIN applicant a ON a.id = p.applicant_id LEFT JOIN evaluation e ON e.placement_id = p.id
         WHERE p.applicant_id = ANY($1)
         ORDER BY p.applicant_id, p.start_date DESC, p.created_at DESC`,
        [applicantIds],
      );
      const currents: CurrentDecision[] = await em.query(
        `SELECT id, applicant_id AS "applicantId", placement_id AS "placementId", policy_version AS "policyVersion", outcome,
                needs_passport_renewal AS "needsPassportRenewal", reasons, to_char(recheck_on, 'YYYY-MM-DD') AS "recheckOn"
         FROM rehire_decision WHERE applicant_id = ANY($1) AND current`,
        [applicantIds],
      );
      const currentOf = new Map(currents.map((c) => [c.applicantId, c]));
      const changed: { facts: Facts; inputs: RehireInputs; decision: RehireDecision }[] = [];
      let unchanged = 0;
      for (const f of facts.filter((x) => x.status !== 'ACTIVE')) {
        const inputs: RehireInputs = {
          asOf: today,
          placement: { status: f.status, endedOn: f.endedOn, returnedOn: f.returnedOn, fault: f.fault },
          evaluation: f.overall === null ? null : { overall: f.overall, wouldRehire: f.wouldRehire! },
          substantiatedMisconduct: 0,
          passportExpiry: f.passportExpiry,
        };
        const decision = decideRehire(inputs, policy);
        if (sameDecision(currentOf.get(f.applicantId), f.placementId, policy.version, decision)) unchanged++;
        else changed.push({ facts: f, inputs, decision });
      }
      if (!changed.length) return { decided: [] as string[], unchanged };
      const superseded = changed.map((c) => currentOf.get(c.facts.applicantId)?.id).filter((id): id is string => Boolean(id));
      await em.query(`UPDATE rehire_decision SET current = false, superseded_at = now(), updated_at = now() WHERE id = ANY($1)`, [superseded]);
      const column = <T>(pick: (c: (typeof changed)[number]) => T) => changed.map(pick);
      await em.query(
        // Stamped when written, after the facts were read (not when the transaction began): the sweep compares it
        // with the evaluation's time to find decisions made without it.
        `INSERT INTO rehire_decision (applicant_id, placement_id, policy_version, outcome, needs_passport_renewal, reasons, inputs, recheck_on, created_at)
         SELECT *, clock_timestamp() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::jsonb[], $7::jsonb[], $8::date[])`,
        [
          column((c) => c.facts.applicantId),
          column((c) => c.facts.placementId),
          column(() => policy.version),
          column((c) => c.decision.outcome),
          column((c) => c.decision.needsPassportRenewal),
          column((c) => JSON.stringify(c.decision.reasons)),
          column((c) => JSON.stringify(c.inputs)),
          column((c) => c.decision.recheckOn),
        ],
      );
      // Eligible workers go back to AVAILABLE, refused ones to INELIGIBLE, each only from where the state machine allows.
      for (const [outcome, event] of [['ELIGIBLE', 'MAKE_AVAILABLE'], ['INELIGIBLE', 'MARK_INELIGIBLE']] as const) {
        const ids = changed.filter((c) => c.decision.outcome === outcome).map((c) => c.facts.applicantId);
        if (!ids.length) continue;
        const from = APPLICANT_STATUSES.filter((st) => applicantStateMachine.can(st, event));
        await em.query(`UPDATE applicant SET status = $2, updated_at = now() WHERE id = ANY($1) AND status = ANY($3)`, [
          ids,
          applicantStateMachine.next(from[0]!, event),
          from,
        ]);
      }
      return { decided: changed.map((c) => c.facts.applicantId), unchanged };
    });
    await this.events.publish(outcome.decided, 'rehire.decided');
    return { decided: outcome.decided.length, unchanged: outcome.unchanged };
  }

  /**
   * The nightly sweep: decides again every applicant whose current decision has an input that changed meaning
   * by today (an evaluation window closed, a return deadline passed, a passport nearing expiry), and any whose
   * latest ended placement has no decision, or only one older than its evaluation (a job lost or never queued). In batches of `batchSize`, each its own transaction, so
   * 200,000 placements are never one giant transaction and a sweep killed midway resumes where it stopped (what
   * it did is no longer due). Returns how many it looked at and decided.
   */
  async sweep(today = todayIso(), batchSize = 1000, policy: RehirePolicy = REHIRE_POLICY_V1): Promise<{ due: number; decided: number; batches: number }> {
    const due: { applicant_id: string }[] = await this.dataSource.query(
      `SELECT applicant_id FROM rehire_decision WHERE current AND recheck_on <= $1
       UNION
       SELECT l.applicant_id
       FROM (SELECT DISTINCT ON (applicant_id) applicant_id, id, status FROM placement ORDER BY applicant_id, start_date DESC, created_at DESC) l
       WHERE l.status <> 'ACTIVE'
         AND NOT EXISTS (SELECT 1 FROM rehire_decision d WHERE d.applicant_id = l.applicant_id AND d.current AND d.placement_id = l.id
                           AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.placement_id = l.id AND e.created_at > d.created_at))
       ORDER BY 1`,
      [today],
    );
    let decided = 0;
    let batches = 0;
    for (let i = 0; i < due.length; i += batchSize) {
      decided += (await this.decideBatch(due.slice(i, i + batchSize).map((d) => d.applicant_id), today, policy)).decided;
      batches++;
    }
    return { due: due.length, decided, batches };
  }

  /** The current decision of an applicant, or null when none was made. */
  async eligibilityOf(applicantId: string): Promise<StoredDecision | null> {
    if (!isUuid(applicantId)) return null;
    const [row] = await this.dataSource.query(
      `SELECT id, applicant_id AS "applicantId", placement_id AS "placementId", policy_version AS "policyVersion", outcome,
              needs_passport_renewal AS "needsPassportRenewal", reasons, inputs, to_char(recheck_on, 'YYYY-MM-DD') AS "recheckOn", created_at AS "createdAt"
       FROM rehire_decision WHERE applicant_id = $1 AND current`,
      [applicantId],
    );
    return row ?? null;
  }

  private windowCloses(p: PlacementEntity, policy: RehirePolicy): string {
    const standard = addDays(p.endedOn!, policy.evaluationWindowDays);
    return p.evaluationOpenUntil && p.evaluationOpenUntil > standard ? p.evaluationOpenUntil : standard;
  }

  /**
   * FOR NO KEY UPDATE, not FOR UPDATE: writers of a placement still take turns, but the foreign-key checks of rows
   * that reference it (a decision or an evaluation being inserted by a job holding the applicant's lock) are not
   * blocked, so a job deciding the applicant and an office correction of the placement cannot deadlock.
   */
  private async lockPlacement(em: EntityManager, id: string): Promise<PlacementEntity> {
    const p = isUuid(id) ? await em.createQueryBuilder(PlacementEntity, 'p').where('p.id = :id', { id }).setLock('for_no_key_update').getOne() : null;
    if (!p) throw DomainException.notFound('Placement');
    return p;
  }
}
