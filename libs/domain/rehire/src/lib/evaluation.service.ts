import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainException, ErrorCode, isUuid, requireReason, Role, todayIso } from '@puente/common';
import { queueDelivery, recordNotifications } from '@puente/notifications';
import { UnitOfWork } from '@puente/queue';
import { jobId, JobName, statisticsRefresh } from '@puente/queue-contracts';
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
import { caseReportedAgainst } from '@puente/domain/cases';
import { EndFault } from './rehire.rules';
import { assertEvaluationOpen, assertReopenable, assertReopenUntil, assertReturnable, cleanEvaluation, endFaultOf, EvaluationScores } from './evaluation.rules';
import { assertContestable, cleanStatement, ContestDecision, contestWindowCloses, ContestStatus, resolveContest } from './evaluation-contest.rules';
import { CURRENT_REHIRE_POLICY, RehirePolicy } from './rehire.policy';
import { recordEvaluationsDue } from './evaluations-due';
import { RehireService } from './rehire.service';

export interface EvaluationInput extends EvaluationScores {
  wouldRehire: boolean;
}

/** An evaluation's row as the contest and its resolution read it, under its lock. */
interface LockedEvaluation {
  id: string;
  applicantId: string;
  employerId: string;
  createdAt: Date;
  contestStatus: ContestStatus | null;
  retaliationCaseId: string | null;
  retaliationReviewedAt: Date | null;
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
      tx.addJob(...statisticsRefresh('rehire.end-placement'));
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
      tx.addJob(...statisticsRefresh('rehire.record-worker-return'));
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
  async submitEvaluation(actor: Actor, placementId: string, input: EvaluationInput, today = todayIso(), policy: RehirePolicy = CURRENT_REHIRE_POLICY) {
    const comments = cleanEvaluation(input);
    return this.uow.run('rehire.submit-evaluation', async (tx) => {
      const em = tx.em;
      const p = await this.lockPlacement(em, placementId);
      if (actor.role !== Role.EMPLOYER || p.employerId !== actor.employerId) throw DomainException.notFound('Placement');
      assertEvaluationOpen(p, today, policy);
      // The retaliation check: an evaluation after the worker reported a case against this employer (about this
      // placement, or while it ran) names the case, and does not count until a coordinator reviews it. The employer
      // is not told: it would learn who reported.
      const reported = await caseReportedAgainst(em, { applicantId: p.applicantId, employerId: p.employerId, placementId: p.id, before: new Date() });
      const [row] = await em.query(
        `INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, comments, submitted_by, retaliation_case_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (placement_id) DO NOTHING RETURNING id`,
        [p.id, p.applicantId, p.employerId, input.punctuality, input.quality, input.safety, input.teamwork, input.overall, input.wouldRehire, comments, actor.userId, reported?.caseId ?? null],
      );
      if (!row) throw DomainException.conflict('This placement has been evaluated already; an evaluation is submitted once.');
      if (reported) {
        queueDelivery(tx, await recordNotifications(em, [{
          dedupeKey: `evaluation-flagged:${row.id}`,
          audience: 'COORDINATORS',
          kind: 'EVALUATION_FLAGGED',
          subject: 'An evaluation to review: possible retaliation',
          body: `An employer evaluated a worker who had reported a case against it (evaluation ${row.id}). It does not count until you review it (resolveEvaluationContest).`,
        }]));
      }
      this.rehire.requestDecision(tx, p.applicantId, 'evaluation-submitted', row.id);
      return { evaluationId: row.id as string, applicantId: p.applicantId, retaliationCaseId: reported?.caseId ?? null };
    });
  }

  /**
   * The worker contests an evaluation of them, once, with a statement, until the end of the tenth working day in
   * El Salvador after it was submitted (`assertContestable`). Another's evaluation, or one that does not exist, is
   * NOT_FOUND. The evaluation still counts while the contest is pending; the coordinators are told, and the
   * worker's rehire decision is made again (its reason says the evaluation is contested).
   */
  async contestEvaluation(actor: Actor, input: { evaluationId: string; statement: string }, today = todayIso()): Promise<{ evaluationId: string; contestableUntil: string }> {
    const statement = cleanStatement(input.statement);
    return this.uow.run('rehire.contest-evaluation', async (tx) => {
      const em = tx.em;
      const e = await this.lockEvaluation(em, input.evaluationId);
      if (!e || actor.role !== Role.APPLICANT || !actor.applicantId || e.applicantId !== actor.applicantId) throw DomainException.notFound('Evaluation');
      const submittedOn = todayIso(e.createdAt);
      assertContestable({ submittedOn, contestStatus: e.contestStatus }, today);
      await em.query(
        `UPDATE evaluation SET contest_status = 'CONTESTED', contest_statement = $2, contested_at = now(), updated_at = now() WHERE id = $1`,
        [e.id, statement],
      );
      queueDelivery(tx, await recordNotifications(em, [{
        dedupeKey: `evaluation-contested:${e.id}`,
        audience: 'COORDINATORS',
        kind: 'EVALUATION_CONTESTED',
        subject: 'An evaluation was contested',
        body: `A worker contested an employer's evaluation (evaluation ${e.id}). Uphold or overturn it with a reason (resolveEvaluationContest); it counts until you decide.`,
      }]));
      this.rehire.requestDecision(tx, e.applicantId, 'evaluation-contested', e.id);
      return { evaluationId: e.id, contestableUntil: contestWindowCloses(submittedOn) };
    });
  }

  /**
   * A coordinator upholds or overturns an evaluation that awaits them: a pending contest, a retaliation flag not
   * reviewed yet, or both (`resolveContest`). OVERTURN voids it (it never counts again); UPHOLD lets it count. The
   * worker is told the outcome and the reason, and their rehire decision is made again.
   */
  async resolveEvaluationContest(actor: Actor, input: { evaluationId: string; decision: ContestDecision; reason: string }): Promise<{ evaluationId: string; contestStatus: ContestStatus | null }> {
    const reason = requireReason(input.reason, 'for the decision');
    return this.uow.run('rehire.resolve-evaluation-contest', async (tx) => {
      const em = tx.em;
      const e = await this.lockEvaluation(em, input.evaluationId);
      if (!e) throw DomainException.notFound('Evaluation');
      const r = resolveContest(e, input.decision);
      await em.query(
        `UPDATE evaluation SET contest_status = $2,
                contest_resolved_at = CASE WHEN $3 THEN now() ELSE contest_resolved_at END,
                contest_resolved_by = CASE WHEN $3 THEN $5::uuid ELSE contest_resolved_by END,
                contest_resolution_reason = CASE WHEN $3 THEN $6 ELSE contest_resolution_reason END,
                retaliation_reviewed_at = CASE WHEN $4 THEN now() ELSE retaliation_reviewed_at END,
                retaliation_reviewed_by = CASE WHEN $4 THEN $5::uuid ELSE retaliation_reviewed_by END,
                retaliation_review_reason = CASE WHEN $4 THEN $6 ELSE retaliation_review_reason END,
                updated_at = now()
         WHERE id = $1`,
        [e.id, r.contestStatus, r.resolvesContest, r.reviewsRetaliation, actor.userId, reason],
      );
      // One resolution of each kind per evaluation (a contest is made once, a flag reviewed once): the event's id.
      const kind = r.resolvesContest ? 'contest' : 'retaliation';
      const overturned = r.contestStatus === 'OVERTURNED';
      const what = r.resolvesContest ? 'The evaluation you contested' : "Your employer's evaluation, set aside for review after your case,";
      queueDelivery(tx, await recordNotifications(em, [{
        dedupeKey: `evaluation-${kind}-resolved:${e.id}`,
        audience: 'APPLICANT',
        applicantId: e.applicantId,
        kind: 'EVALUATION_REVIEWED',
        subject: overturned ? 'An evaluation of you was overturned: it no longer counts' : 'An evaluation of you was reviewed: it stands',
        body: `${what} was ${overturned ? 'overturned; it no longer counts' : 'upheld; it counts'} for your next season. The coordinator's reason: ${reason}`,
      }]));
      this.rehire.requestDecision(tx, e.applicantId, `evaluation-${kind}-resolved`, e.id);
      return { evaluationId: e.id, contestStatus: r.contestStatus };
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

  /** An evaluation under a row lock, so a contest and its resolution take turns; null when there is none. */
  private async lockEvaluation(em: EntityManager, id: string): Promise<LockedEvaluation | null> {
    if (!isUuid(id)) return null;
    const [row] = await em.query(
      `SELECT id, applicant_id AS "applicantId", employer_id AS "employerId", created_at AS "createdAt", contest_status AS "contestStatus",
              retaliation_case_id AS "retaliationCaseId", retaliation_reviewed_at AS "retaliationReviewedAt"
       FROM evaluation WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** The placement under its owner's lock (see `lockPlacement`), or NOT_FOUND. */
  private async lockPlacement(em: EntityManager, id: string): Promise<PlacementEntity> {
    const p = await lockPlacement(em, id);
    if (!p) throw DomainException.notFound('Placement');
    return p;
  }
}
