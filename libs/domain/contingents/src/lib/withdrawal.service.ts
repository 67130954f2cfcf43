import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, isUuid, requireReason, todayIso } from '@puente/common';
import { lockForUpdate } from '@puente/database';
import { UnitOfWork } from '@puente/queue';
import { queueDelivery, recordNotifications } from '@puente/notifications';
import { lockJobOrder, moveJobOrders } from '@puente/domain/job-orders';
import { rejectSelection, selectedNotice, SelectionService, spendNamedRequest } from '@puente/domain/matching';
import { moveApplicants, planDocumentWarnings } from '@puente/domain/applicants';
import { TIMELINE_POLICY_V1 } from './timeline.policy';
import { ContingentEntity, TravellerEntity } from './contingent.entity';
import { contingentStateMachine } from './contingent.state-machine';
import { SeatingService } from './seating.service';
import { StepJobsService } from './step-jobs.service';

export const WITHDRAWAL_REASONS = ['WITHDREW', 'MISSED_BLOCKING_STEP'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export interface Withdrawal {
  contingentId: string;
  /** The reserve who took the seat, or null when the order had none left. */
  replacementApplicantId: string | null;
}

/** A seated worker taken off their contingent before it leaves, and the order's best free reserve seated instead. */
@Injectable()
export class WithdrawalService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly seating: SeatingService,
    private readonly stepJobs: StepJobsService,
    private readonly selection: SelectionService,
  ) {}

  /**
   * Takes a seated worker off their contingent before it leaves: they withdrew (the applicant is WITHDRAWN), or
   * missed a blocking step (they are free again for a later season). Their open steps are cancelled (the grouped
   * step jobs pass over them when they run), their selection ends, and the order's best reserve still free and eligible is selected and seated in
   * their place with a timeline of their own; a confirmed contingent is planned again until re-confirmed. With
   * no reserve left, a filled order reopens and the coordinators are told to select someone.
   */
  async withdraw(
    input: { applicantId: string; reason: WithdrawalReason; note: string },
    today = todayIso(),
  ): Promise<Withdrawal> {
    const note = requireReason(input.note, 'for taking the worker off the contingent', 'note');
    return this.uow.run('contingents.withdraw', async (tx) => {
      const em = tx.em;
      const seat = isUuid(input.applicantId) ? await em.findOneBy(TravellerEntity, { applicantId: input.applicantId, status: 'SEATED' }) : null;
      if (!seat) throw new DomainException(ErrorCode.NOT_FOUND, 'This applicant has no seat in a contingent that has yet to leave.');
      const k = (await lockForUpdate(em, ContingentEntity, seat.contingentId))!;
      const traveller = (await lockForUpdate(em, TravellerEntity, seat.id))!;
      if (traveller.status !== 'SEATED') throw DomainException.conflict('This seat changed meanwhile; read the contingent again.');
      Object.assign(traveller, { status: input.reason === 'WITHDREW' ? 'WITHDRAWN' : 'REPLACED', statusReason: note });
      await em.save(traveller);
      await em.query(`UPDATE travel_step SET status = 'CANCELLED', updated_at = now() WHERE traveller_id = $1 AND status IN ('PENDING', 'OVERDUE', 'INFEASIBLE')`, [traveller.id]);
      await moveApplicants(em, [traveller.applicantId], input.reason === 'WITHDREW' ? 'WITHDRAW' : 'RELEASE');
      await rejectSelection(em, traveller.jobOrderId, traveller.applicantId, `Taken off ${k.reference}: ${note}`);
      const order = (await lockJobOrder(em, traveller.jobOrderId))!;
      // A worker the employer named without accepting a substitute is not replaced: the employer decides.
      // The request is spent either way: this worker does not go this season, and the employer decides afresh.
      const named = await spendNamedRequest(em, order.id, traveller.applicantId);
      const substitute = named?.substituteAcceptable ?? true;
      const replacement = substitute ? await this.selection.promoteReserve(em, order) : null;
      if (replacement) {
        await this.seating.seat(
          em,
          k.id,
          k.departureDate,
          [{ applicantId: replacement.applicantId, jobOrderId: order.id, regionCode: k.regionCode, startDate: k.startDate }],
          today,
          TIMELINE_POLICY_V1,
        );
        if (k.status === 'CONFIRMED') k.status = contingentStateMachine.next(k.status, 'REOPEN');
        await em.save(k);
      } else if (order.status === 'FILLED') {
        await moveJobOrders(em, [order], 'REOPEN');
      }
      const why = input.reason === 'WITHDREW' ? 'withdrew' : 'missed a blocking step';
      const notificationIds = await recordNotifications(em, [
        ...(replacement ? [selectedNotice(order, replacement.applicantId)] : []),
        {
          dedupeKey: `withdrawn:${traveller.id}`,
          audience: 'COORDINATORS',
          kind: 'TRAVELLER_WITHDRAWN',
          subject: `${k.reference}: a worker of ${order.reference} ${why}`,
          body: replacement
            ? `Applicant ${traveller.applicantId} ${why} (${note}); reserve ${replacement.applicantId} takes the seat and has steps of their own to do.`
            : substitute
              ? `Applicant ${traveller.applicantId} ${why} (${note}); ${order.reference} has no reserve left: select a candidate and schedule again.`
              : `Applicant ${traveller.applicantId} ${why} (${note}); the employer named this worker without accepting a substitute, so the position of ${order.reference} is open again for the employer to decide.`,
        },
      ]);
      // The replacement's group jobs come with the change (a group of the same date exists already and adds
      // nothing; a date moved forward for them is a new group). The leaver's steps are cancelled: the group jobs
      // re-read the pending steps when they run, so nothing of theirs needs removing.
      if (replacement) await this.stepJobs.syncStepJobs(tx, k.id);
      // The reserve's contract is known now: their documents expiring before it ends are warned about.
      if (replacement) planDocumentWarnings(tx, replacement.applicantId, 'selected', order.id);
      queueDelivery(tx, notificationIds);
      tx.publish([traveller.applicantId, ...(replacement ? [replacement.applicantId] : [])], 'traveller.withdrawn');
      return { contingentId: k.id, replacementApplicantId: replacement?.applicantId ?? null };
    });
  }
}
