import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Actor, DomainException, ErrorCode, isUuid, requireReason } from '@puente/common';
import { lockForUpdate, recordAudit } from '@puente/database';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { NotificationInput, queueDelivery, recordNotifications } from '@puente/notifications';
import { ApplicantEntity, moveApplicants } from '@puente/domain/applicants';
import { JobOrderEntity, JobOrderService } from '@puente/domain/job-orders';
import { releaseCandidates } from '@puente/domain/matching';
import { ContingentEntity, TravelStepEntity } from './contingent.entity';
import { contingentStateMachine, STEP_STATUSES, stepStateMachine } from './contingent.state-machine';
import { isTravelStep, StepKind } from './timeline.policy';

/** Open steps: what a cancelled seat cancels, and what `completeSteps` and `waiveStep` act on. */
const OPEN_STEPS = STEP_STATUSES.filter((s) => stepStateMachine.can(s, 'CANCEL'));

/** What a unit of work changed, for what happens once it commits. */
interface Done {
  notificationIds: (string | null)[];
  applicantIds: string[];
}

/**
 * The office's corrections around travel, each one unit of work with its audit line and its outbox notices:
 * cancelling an order (its candidates, selections and seats released) or a contingent (its workers unseated but
 * still selected), waiving a step, and completing a worker's step or one step kind for a whole contingent. Once
 * it commits, the notices are queued and the workers' live status told; no step job is removed (the grouped jobs
 * re-read the steps still pending when they run).
 */
@Injectable()
export class ContingentOfficeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: JobOrderService,
  ) {}

  /**
   * Cancels an order (its employer its own, or a coordinator) before any worker departed, with a reason: its
   * suggestions, reserves and selections are released; a selected worker goes back to AVAILABLE and is told; a
   * seat in a contingent that has not left is cancelled with its open steps. Locks are taken in the order of
   * seating (the group's advisory lock) and of `withdraw` (contingents, then the order), so none waits on another.
   */
  async cancelJobOrder(actor: Actor, input: { jobOrderId: string; reason: string }): Promise<JobOrderEntity> {
    const reason = requireReason(input.reason, 'for cancelling the order; the employer and the selected workers read it');
    return this.uow.run('contingents.cancel-job-order', async (tx) => {
      const em = tx.em;
      if (isUuid(input.jobOrderId)) {
        // Seating holds this lock while it seats the group: a cancellation waits for it, or it sees the order cancelled.
        await em.query(
          `SELECT pg_advisory_xact_lock(hashtext('contingent|' || work_region_code || '|' || to_char(start_date, 'YYYY-MM-DD'))) FROM job_order WHERE id = $1`,
          [input.jobOrderId],
        );
        await em.query(
          `SELECT k.id FROM contingent k WHERE k.id IN (SELECT t.contingent_id FROM traveller t WHERE t.job_order_id = $1 AND t.status = 'SEATED') ORDER BY k.id FOR UPDATE`,
          [input.jobOrderId],
        );
      }
      const { order, notice } = await this.orders.cancelIn(em, actor, input.jobOrderId, reason);
      const seats: { id: string; applicant_id: string; contingent_id: string }[] = (
        await em.query(
          `UPDATE traveller SET status = 'CANCELLED', status_reason = $2, updated_at = now() WHERE job_order_id = $1 AND status = 'SEATED'
           RETURNING id, applicant_id, contingent_id`,
          [order.id, `Order ${order.reference} cancelled: ${reason}`],
        )
      )[0];
      await this.cancelOpenSteps(em, seats.map((s) => s.id));
      const released = await releaseCandidates(em, { jobOrderIds: [order.id] }, `Order cancelled: ${reason}`);
      const selected = released.filter((r) => r.previous === 'SELECTED').map((r) => r.applicantId);
      await moveApplicants(em, selected, 'RELEASE', ['SELECTED', 'PRE_DEPARTURE']);
      const notices: NotificationInput[] = [
        notice,
        ...selected.map((applicantId) => ({
          dedupeKey: `job-order-cancelled:${order.id}:${applicantId}`,
          audience: 'APPLICANT' as const,
          applicantId,
          kind: 'JOB_ORDER_CANCELLED',
          subject: `Job cancelled: ${order.title}`,
          body: `The employer's order ${order.reference} (${order.title}) was cancelled, so your selection and any travel planned for it are cancelled. You are available for other jobs; your coordinator will tell you of the next one.`,
        })),
        {
          dedupeKey: `job-order-cancelled:${order.id}:coordinators`,
          audience: 'COORDINATORS',
          kind: 'JOB_ORDER_CANCELLED',
          subject: `${order.reference} cancelled`,
          body:
            `${order.reference} was cancelled: ${reason} ${released.length} candidate(s) released, ${selected.length} selected worker(s) made available again` +
            `${seats.length ? `, ${seats.length} seat(s) cancelled in ${new Set(seats.map((s) => s.contingent_id)).size} contingent(s)` : ''}.`,
        },
      ];
      this.after(tx, { notificationIds: await recordNotifications(em, notices), applicantIds: selected }, 'job-order.cancelled');
      return order;
    });
  }

  /**
   * Cancels a contingent before it leaves (PLANNED or CONFIRMED), with a reason: every seated worker comes off,
   * their open steps are cancelled with their jobs, and they go back to SELECTED: still selected for their
   * orders, to be seated again by `scheduleContingents` in a new contingent (a cancelled one takes nobody).
   */
  async cancelContingent(actor: Actor, input: { contingentId: string; reason: string }): Promise<ContingentEntity> {
    const reason = requireReason(input.reason, 'for cancelling the contingent; its workers read it');
    return this.uow.run('contingents.cancel', async (tx) => {
      const em = tx.em;
      // The group's seating lock first: seating never adds a traveller to a contingent being cancelled.
      if (isUuid(input.contingentId)) {
        await em.query(
          `SELECT pg_advisory_xact_lock(hashtext('contingent|' || region_code || '|' || to_char(start_date, 'YYYY-MM-DD'))) FROM contingent WHERE id = $1`,
          [input.contingentId],
        );
      }
      const k = await lockForUpdate(em, ContingentEntity, input.contingentId);
      if (!k) throw DomainException.notFound('Contingent');
      if (!contingentStateMachine.can(k.status, 'CANCEL')) {
        throw new DomainException(
          ErrorCode.INVALID_TRANSITION,
          `${k.reference} is ${k.status}; only a PLANNED or CONFIRMED contingent can be cancelled. Once it has left, end placements one by one (endPlacement).`,
        );
      }
      k.status = contingentStateMachine.next(k.status, 'CANCEL');
      await em.save(k);
      const seats: { id: string; applicant_id: string }[] = (
        await em.query(
          `UPDATE traveller SET status = 'CANCELLED', status_reason = $2, updated_at = now() WHERE contingent_id = $1 AND status = 'SEATED' RETURNING id, applicant_id`,
          [k.id, `Contingent ${k.reference} cancelled: ${reason}`],
        )
      )[0];
      await this.cancelOpenSteps(em, seats.map((s) => s.id));
      const applicantIds = seats.map((s) => s.applicant_id);
      await moveApplicants(em, applicantIds, 'UNSEAT', ['PRE_DEPARTURE']);
      await recordAudit(em, actor, { action: 'cancel-contingent', entity: 'contingent', entityId: k.id, reason });
      const notificationIds = await recordNotifications(em, [
        ...applicantIds.map((applicantId) => ({
          dedupeKey: `contingent-cancelled:${k.id}:${applicantId}`,
          audience: 'APPLICANT' as const,
          applicantId,
          kind: 'CONTINGENT_CANCELLED',
          subject: `Travel group cancelled: ${k.reference}`,
          body: `The travel group ${k.reference} (departure ${k.departureDate}) was cancelled. You are still selected for your job; your coordinator will place you in a new group with new dates.`,
        })),
        {
          dedupeKey: `contingent-cancelled:${k.id}:coordinators`,
          audience: 'COORDINATORS',
          kind: 'CONTINGENT_CANCELLED',
          subject: `${k.reference} cancelled`,
          body: `${k.reference} was cancelled: ${reason} ${applicantIds.length} worker(s) came off and are still selected; schedule their orders again (scheduleContingents) to seat them in a new contingent.`,
        },
      ]);
      this.after(tx, { notificationIds, applicantIds }, 'contingent.cancelled');
      return k;
    });
  }

  /**
   * Records a pre-departure step of a seated worker as done, by whom and when; a step done late is still done.
   * Departure and arrival are recorded for the whole contingent, not step by step. Its reminder, if still
   * queued, finds the step done and does nothing.
   */
  async completeStep(actor: Actor, { contingentId, applicantId, step: kind }: { contingentId: string; applicantId: string; step: StepKind }): Promise<TravelStepEntity> {
    if (isTravelStep(kind)) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Departure and arrival are recorded for the whole contingent (recordDeparture, recordArrival), not step by step.', [
        { field: 'step', message: `is ${kind}` },
      ]);
    }
    return this.uow.run('contingents.complete-step', async (tx) => {
      const em = tx.em;
      const found: { id: string }[] =
        isUuid(contingentId) && isUuid(applicantId)
          ? await em.query(
              `SELECT s.id FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
               WHERE t.contingent_id = $1 AND t.applicant_id = $2 AND t.status = 'SEATED' AND s.kind = $3`,
              [contingentId, applicantId, kind],
            )
          : [];
      const step = found.length ? await lockForUpdate(em, TravelStepEntity, found[0].id) : null;
      if (!step) throw new DomainException(ErrorCode.NOT_FOUND, 'No such step: the applicant has no seat in this contingent.');
      step.status = stepStateMachine.next(step.status, 'COMPLETE');
      Object.assign(step, { completedAt: new Date(), completedBy: actor.userId });
      const done = await em.save(step);
      tx.publish([applicantId], 'step.done');
      return done;
    });
  }

  /**
   * A coordinator waives an office step of a seated worker, with a reason: it no longer blocks confirmation and
   * leaves the worker's next steps; its reminder and overdue check are removed.
   */
  async waiveStep(actor: Actor, input: { contingentId: string; applicantId: string; step: StepKind; reason: string }): Promise<TravelStepEntity> {
    this.officeStep(input.step, 'waived');
    const reason = requireReason(input.reason, 'for waiving the step');
    return this.uow.run('contingents.waive-step', async (tx) => {
      const em = tx.em;
      const found: { id: string }[] =
        isUuid(input.contingentId) && isUuid(input.applicantId)
          ? await em.query(
              `SELECT s.id FROM travel_step s JOIN traveller t ON t.id = s.traveller_id WHERE t.contingent_id = $1 AND t.applicant_id = $2 AND t.status = 'SEATED' AND s.kind = $3`,
              [input.contingentId, input.applicantId, input.step],
            )
          : [];
      const step = found.length ? await lockForUpdate(em, TravelStepEntity, found[0].id) : null;
      if (!step) throw new DomainException(ErrorCode.NOT_FOUND, 'No such step: the applicant has no seat in this contingent.');
      step.status = stepStateMachine.next(step.status, 'WAIVE');
      Object.assign(step, { note: `Waived: ${reason}`, completedAt: new Date(), completedBy: actor.userId });
      await recordAudit(em, actor, { action: 'waive-step', entity: 'travel_step', entityId: step.id, reason, fields: ['status'] });
      const waived = await em.save(step);
      this.after(tx, { notificationIds: [], applicantIds: [input.applicantId] }, 'step.waived');
      return waived;
    });
  }

  /**
   * Completes one office step kind for every seated worker of a contingent (or those listed) in one statement;
   * a step done (or waived) stays as it is, so repeating the call changes nothing. Returns how many changed.
   */
  async completeSteps(actor: Actor, input: { contingentId: string; step: StepKind; applicantIds?: string[] | null }): Promise<number> {
    this.officeStep(input.step, 'completed');
    const listed = input.applicantIds ? [...new Set(input.applicantIds)] : null;
    return this.uow.run('contingents.complete-steps', async (tx) => {
      const em = tx.em;
      const k = await lockForUpdate(em, ContingentEntity, input.contingentId);
      if (!k) throw DomainException.notFound('Contingent');
      if (listed) await this.assertSeated(em, k, listed);
      const rows: { id: string; applicant_id: string }[] = (
        await em.query(
          `UPDATE travel_step s SET status = $4, completed_at = now(), completed_by = $5, updated_at = now()
           FROM traveller t WHERE t.id = s.traveller_id AND t.contingent_id = $1 AND t.status = 'SEATED' AND s.kind = $2
             AND s.status = ANY($3) AND ($6::uuid[] IS NULL OR t.applicant_id = ANY($6))
           RETURNING s.id, t.applicant_id`,
          [k.id, input.step, STEP_STATUSES.filter((st) => stepStateMachine.can(st, 'COMPLETE')), stepStateMachine.next('PENDING', 'COMPLETE'), actor.userId, listed],
        )
      )[0];
      await recordAudit(em, actor, { action: 'complete-steps', entity: 'contingent', entityId: k.id, fields: [input.step] });
      this.after(tx, { notificationIds: [], applicantIds: rows.map((r) => r.applicant_id) }, 'step.done');
      return rows.length;
    });
  }

  private officeStep(kind: StepKind, what: string): void {
    if (isTravelStep(kind)) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, `Only office steps are ${what} here; departure and arrival are recorded for the whole contingent (recordDeparture, recordArrival).`, [
        { field: 'step', message: `is ${kind}` },
      ]);
    }
  }

  /** Every listed applicant must be seated in the contingent; those who are not are named. */
  private async assertSeated(em: EntityManager, k: ContingentEntity, applicantIds: string[]): Promise<void> {
    const ids = applicantIds.filter(isUuid);
    const seated: { applicant_id: string }[] = await em.query(`SELECT applicant_id FROM traveller WHERE contingent_id = $1 AND status = 'SEATED' AND applicant_id = ANY($2)`, [k.id, ids]);
    const here = new Set(seated.map((s) => s.applicant_id));
    const missing = applicantIds.filter((id) => !here.has(id));
    if (!missing.length) return;
    const known = await em.findBy(ApplicantEntity, { id: In(missing.filter(isUuid)) });
    const names = known.map((a) => `${a.firstNames} ${a.lastNames}`);
    const unknown = missing.length - known.length;
    throw new DomainException(
      ErrorCode.BAD_USER_INPUT,
      `Not seated in ${k.reference}: ${[...names, ...(unknown ? [`${unknown} unknown applicant id(s)`] : [])].join(', ')}. Leave them out, or give no list to complete the step for everyone seated.`,
      [{ field: 'applicantIds', message: `${missing.length} applicant(s) not seated in this contingent` }],
    );
  }

  private async cancelOpenSteps(em: EntityManager, travellerIds: string[]): Promise<void> {
    if (!travellerIds.length) return;
    await em.query(`UPDATE travel_step SET status = 'CANCELLED', updated_at = now() WHERE traveller_id = ANY($1) AND status = ANY($2)`, [travellerIds, OPEN_STEPS]);
  }

  /**
   * What follows the change once it commits: the notices queued, the workers told. The steps cancelled need no job
   * removed: their group jobs re-read the pending steps when they run (and may still cover other travellers).
   */
  private after(tx: UnitOfWorkTx, done: Done, event: string): void {
    queueDelivery(tx, done.notificationIds);
    tx.publish(done.applicantIds, event);
  }
}
