import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainException, ErrorCode, requireReason, Role, todayIso } from '@puente/common';
import { queueDelivery } from '@puente/notifications';
import { UnitOfWork } from '@puente/queue';
import { jobId, JobName } from '@puente/queue-contracts';
import { moveApplicants } from '@puente/domain/applicants';
import {
  DateProblem,
  endPlacement,
  lockPlacement,
  placementEndProblems,
  PlacementEntity,
  recordPlacementReturn,
  reopenPlacementEvaluation,
  workerReturnProblems,
} from '@puente/domain/contingents';
import { releaseCandidates } from '@puente/domain/matching';
import { EndFault } from './rehire.rules';
import { assertEvaluationOpen, assertReopenable, assertReopenUntil, assertReturnable, cleanEvaluation, endFaultOf, EvaluationScores } from './evaluation.rules';
import { REHIRE_POLICY_V1, RehirePolicy } from './rehire.policy';
import { recordEvaluationsDue } from './evaluations-due';
import { RehireService } from './rehire.service';

export interface EvaluationInput extends EvaluationScores {
  wouldRehire: boolean;
}

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
    private readonly uow: UnitOfWork,
  ) {}

  /** A coordinator ends a placement before the contract's end: early (with whose fault and why) or abandoned. */
  async endPlacement(
    actor: Actor,
    input: { placementId: string; outcome: 'TERMINATED_EARLY' | 'ABANDONED'; endedOn: string; fault?: EndFault | null; reason: string },
  ): Promise<PlacementEntity> {
    const reason = requireReason(input.reason, 'for ending the placement');
    const endFault = endFaultOf(input.outcome, input.fault);
    return this.uow.run('rehire.end-placement', async (tx) => {
      const em = tx.em;
      const p = await this.lockPlacement(em, input.placementId);
      refuseDates('The end must be between the departure and today', placementEndProblems(input.endedOn, { today: todayIso(), ...p }));
      // The selection ended with the placement: the worker can be selected again once the policy allows.
      await releaseCandidates(em, { jobOrderIds: [p.jobOrderId], applicantIds: [p.applicantId], statuses: ['SELECTED'] }, `Placement ${input.outcome === 'ABANDONED' ? 'abandoned' : 'ended early'}.`);
      const saved = await endPlacement(em, p, {
        event: input.outcome === 'ABANDONED' ? 'ABANDON' : 'TERMINATE_EARLY',
        endedOn: input.endedOn,
        endedBy: actor.userId,
        endReason: reason,
        endFault,
      });
      // The employer is told the evaluation is due, and by when, with the end itself.
      queueDelivery(tx, await recordEvaluationsDue(em, [saved.id]));
      this.rehire.requestDecision(tx, saved.applicantId, 'placement-ended', saved.id);
      // The employer's standing counts ended placements and early ends by its fault (the standing library decides it).
      tx.addJob(
        JobName.RecomputeEmployerStanding,
        { employerId: saved.employerId, cause: 'placement-ended' },
        { jobId: jobId(JobName.RecomputeEmployerStanding, saved.employerId, 'placement-ended', saved.id) },
      );
      return saved;
    });
  }

  /** The worker is home: the date counts for "home within N days of the end". */
  async recordWorkerReturn(placementId: string, returnedOn: string): Promise<PlacementEntity> {
    return this.uow.run('rehire.record-worker-return', async (tx) => {
      const em = tx.em;
      const p = await this.lockPlacement(em, placementId);
      assertReturnable(p);
      refuseDates('The return must be between the departure and today, and not before the arrival or the end', workerReturnProblems(returnedOn, { today: todayIso(), ...p }));
      await moveApplicants(em, [p.applicantId], 'RETURN', ['DEPLOYED']);
      this.rehire.requestDecision(tx, p.applicantId, 'worker-returned', `${p.id}__${returnedOn}`);
      return recordPlacementReturn(em, p, returnedOn);
    });
  }

  /**
   * The employer of a placement evaluates the worker, once, from the end of the placement until the window
   * closes (a coordinator can reopen it). Queues the worker's rehire decision.
   */
  async submitEvaluation(actor: Actor, placementId: string, input: EvaluationInput, today = todayIso(), policy: RehirePolicy = REHIRE_POLICY_V1) {
    const comments = cleanEvaluation(input);
    return this.uow.run('rehire.submit-evaluation', async (tx) => {
      const em = tx.em;
      const p = await this.lockPlacement(em, placementId);
      if (actor.role !== Role.EMPLOYER || p.employerId !== actor.employerId) throw DomainException.notFound('Placement');
      assertEvaluationOpen(p, today, policy);
      const [row] = await em.query(
        `INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, comments, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (placement_id) DO NOTHING RETURNING id`,
        [p.id, p.applicantId, p.employerId, input.punctuality, input.quality, input.safety, input.teamwork, input.overall, input.wouldRehire, comments, actor.userId],
      );
      if (!row) throw DomainException.conflict('This placement has been evaluated already; an evaluation is submitted once.');
      this.rehire.requestDecision(tx, p.applicantId, 'evaluation-submitted', row.id);
      return { evaluationId: row.id as string, applicantId: p.applicantId };
    });
  }

  /** A coordinator reopens (or extends) a placement's evaluation window until a date. */
  async reopenEvaluation(placementId: string, until: string): Promise<PlacementEntity> {
    assertReopenUntil(until, todayIso());
    return this.dataSource.transaction(async (em) => {
      const p = await this.lockPlacement(em, placementId);
      assertReopenable(p);
      return reopenPlacementEvaluation(em, p, until);
    });
  }

  /** The placement under its owner's lock (see `lockPlacement`), or NOT_FOUND. */
  private async lockPlacement(em: EntityManager, id: string): Promise<PlacementEntity> {
    const p = await lockPlacement(em, id);
    if (!p) throw DomainException.notFound('Placement');
    return p;
  }
}
