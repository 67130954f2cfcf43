import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, addDays, DomainException, ErrorCode, isUuid, requireReason, Role, todayIso } from '@puente/common';
import { lockForUpdate } from '@puente/database';
import { NotificationsService } from '@puente/notifications';
import { ApplicantEntity, applicantStateMachine } from '@puente/domain/applicants';
import { DateProblem, placementEndProblems, PlacementEntity, placementStateMachine, workerReturnProblems } from '@puente/domain/contingents';
import { releaseCandidates } from '@puente/domain/matching';
import { EndFault } from './rehire.rules';
import { REHIRE_POLICY_V1, RehirePolicy } from './rehire.policy';
import { recordEvaluationsDue } from './evaluations-due';
import { RehireService } from './rehire.service';

export interface EvaluationInput {
  punctuality: number;
  quality: number;
  safety: number;
  teamwork: number;
  overall: number;
  wouldRehire: boolean;
  comments?: string | null;
}

const SCORES = ['punctuality', 'quality', 'safety', 'teamwork', 'overall'] as const;

/** Refuses dates that cannot be (the rules in `@puente/domain/contingents`), saying why and naming the field. */
function refuseDates(rule: string, problems: DateProblem[]): void {
  if (problems.length) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `${rule}: ${problems.map((x) => x.message).join('; ')}.`, problems.map((x) => ({ field: x.field, message: x.message })));
  }
}

/**
 * The end of a placement and the employer's evaluation of it (once, within its window, which a coordinator can
 * reopen). Each of these asks `RehireService` for a fresh rehire decision of the worker.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rehire: RehireService,
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
    await this.rehire.requestDecision(placement.saved.applicantId, 'placement-ended', placement.saved.id);
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
    await this.rehire.requestDecision(placement.applicantId, 'worker-returned', `${placement.id}__${returnedOn}`);
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
    await this.rehire.requestDecision(id.applicantId, 'evaluation-submitted', id.evaluationId);
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
