import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, addDays, DomainException, ErrorCode, isUuid, requireReason, Role, todayIso } from '@puente/common';
import { lockForUpdate } from '@puente/database';
import { JobProducer } from '@puente/queue';
import { jobId, JobName } from '@puente/queue-contracts';
import { StatusEvents } from '@puente/notifications';
import { ApplicantEntity, ApplicantEvent, applicantStateMachine } from '@puente/domain/applicants';
import { PlacementEntity, placementStateMachine } from '@puente/domain/contingents';
import { EndFault, decideRehire, RehireDecision, RehireInputs } from './rehire.rules';
import { REHIRE_POLICY_V1, RehirePolicy } from './rehire.policy';

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

/**
 * The end of a placement and what follows it: the employer's evaluation (once, within its window), and the
 * rehire decision, computed by a job from the stored facts under a versioned policy and stored with its reasons
 * and inputs. A decision is never rewritten: a different answer supersedes the current one, the same answer
 * leaves it alone, so a retried or duplicated job changes nothing.
 */
@Injectable()
export class RehireService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly events: StatusEvents,
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
      if (input.endedOn < p.departedOn || input.endedOn > todayIso()) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `The end must be between the departure (${p.departedOn}) and today.`, [{ field: 'endedOn', message: 'is out of range' }]);
      }
      p.status = placementStateMachine.next(p.status, input.outcome === 'ABANDONED' ? 'ABANDON' : 'TERMINATE_EARLY');
      Object.assign(p, { endedOn: input.endedOn, endedBy: actor.userId, endReason: reason, endFault: input.outcome === 'ABANDONED' ? 'WORKER' : input.fault });
      return em.save(p);
    });
    await this.requestDecision(placement.applicantId, 'placement.ended');
    return placement;
  }

  /** The worker is home: the date counts for "home within N days of the end". */
  async recordWorkerReturn(placementId: string, returnedOn: string): Promise<PlacementEntity> {
    const placement = await this.dataSource.transaction(async (em) => {
      const p = await this.lockPlacement(em, placementId);
      if (p.status === 'ACTIVE') throw new DomainException(ErrorCode.INVALID_TRANSITION, 'End the placement first (endPlacement, or recordReturn for the whole contingent).');
      if (returnedOn < p.departedOn || returnedOn > todayIso()) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `The return must be between the departure (${p.departedOn}) and today.`, [{ field: 'returnedOn', message: 'is out of range' }]);
      }
      p.returnedOn = returnedOn;
      const applicant = (await lockForUpdate(em, ApplicantEntity, p.applicantId))!;
      if (applicant.status === 'DEPLOYED') {
        applicant.status = applicantStateMachine.next(applicant.status, 'RETURN');
        await em.save(applicant);
      }
      return em.save(p);
    });
    await this.requestDecision(placement.applicantId, 'worker.returned');
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
    await this.requestDecision(id.applicantId, 'evaluation.submitted');
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

  /** Queues a fresh decision for an applicant; one pending job per applicant, whatever the number of causes. */
  async requestDecision(applicantId: string, cause: string): Promise<void> {
    await this.producer.enqueue(JobName.EvaluateApplicant, { applicantId, cause }, { jobId: jobId(JobName.EvaluateApplicant, applicantId), removeOnComplete: true });
  }

  /**
   * The job: decides from the applicant's latest ended placement, its evaluation, their passport and any
   * substantiated misconduct (none can be recorded yet). Under the applicant's row lock, so two runs never both
   * write; a new decision is stored only when the answer differs from the current one.
   */
  async decide(applicantId: string, today = todayIso(), policy: RehirePolicy = REHIRE_POLICY_V1): Promise<'DECIDED' | 'UNCHANGED' | 'NOTHING_TO_DECIDE'> {
    const result = await this.dataSource.transaction(async (em) => {
      const applicant = await lockForUpdate(em, ApplicantEntity, applicantId);
      if (!applicant) return 'NOTHING_TO_DECIDE' as const;
      const [facts] = await em.query(
        `SELECT p.id, p.status, to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn", to_char(p.returned_on, 'YYYY-MM-DD') AS "returnedOn", p.end_fault AS fault,
                e.overall, e.would_rehire AS "wouldRehire"
         FROM placement p LEFT JOIN evaluation e ON e.placement_id = p.id
         WHERE p.applicant_id = $1 ORDER BY p.start_date DESC, p.created_at DESC LIMIT 1`,
        [applicantId],
      );
      if (!facts || facts.status === 'ACTIVE') return 'NOTHING_TO_DECIDE' as const;
      const inputs: RehireInputs = {
        asOf: today,
        placement: { status: facts.status, endedOn: facts.endedOn, returnedOn: facts.returnedOn, fault: facts.fault },
        evaluation: facts.overall === null ? null : { overall: facts.overall, wouldRehire: facts.wouldRehire },
        substantiatedMisconduct: 0,
        passportExpiry: applicant.passportExpiry,
      };
      const decision = decideRehire(inputs, policy);
      const [current] = await em.query(
        `SELECT id, placement_id AS "placementId", policy_version AS "policyVersion", outcome, needs_passport_renewal AS "needsPassportRenewal", reasons,
                to_char(recheck_on, 'YYYY-MM-DD') AS "recheckOn"
         FROM rehire_decision WHERE applicant_id = $1 AND current`,
        [applicantId],
      );
      const same =
        current &&
        current.placementId === facts.id &&
        current.policyVersion === policy.version &&
        current.outcome === decision.outcome &&
        current.needsPassportRenewal === decision.needsPassportRenewal &&
        current.recheckOn === decision.recheckOn &&
        JSON.stringify(current.reasons) === JSON.stringify(decision.reasons);
      if (same) return 'UNCHANGED' as const;
      if (current) await em.query(`UPDATE rehire_decision SET current = false, superseded_at = now(), updated_at = now() WHERE id = $1`, [current.id]);
      await em.query(
        `INSERT INTO rehire_decision (applicant_id, placement_id, policy_version, outcome, needs_passport_renewal, reasons, inputs, recheck_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [applicantId, facts.id, policy.version, decision.outcome, decision.needsPassportRenewal, JSON.stringify(decision.reasons), JSON.stringify(inputs), decision.recheckOn],
      );
      await this.moveApplicant(em, applicant, decision);
      return 'DECIDED' as const;
    });
    if (result === 'DECIDED') await this.events.publish([applicantId], 'rehire.decided');
    return result;
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

  private async moveApplicant(em: EntityManager, applicant: ApplicantEntity, decision: RehireDecision): Promise<void> {
    const event: ApplicantEvent | null = decision.outcome === 'ELIGIBLE' ? 'MAKE_AVAILABLE' : decision.outcome === 'INELIGIBLE' ? 'MARK_INELIGIBLE' : null;
    if (!event || !applicantStateMachine.can(applicant.status, event)) return;
    applicant.status = applicantStateMachine.next(applicant.status, event);
    await em.save(applicant);
  }

  private windowCloses(p: PlacementEntity, policy: RehirePolicy): string {
    const standard = addDays(p.endedOn!, policy.evaluationWindowDays);
    return p.evaluationOpenUntil && p.evaluationOpenUntil > standard ? p.evaluationOpenUntil : standard;
  }

  private async lockPlacement(em: EntityManager, id: string): Promise<PlacementEntity> {
    const p = await lockForUpdate(em, PlacementEntity, id);
    if (!p) throw DomainException.notFound('Placement');
    return p;
  }
}
