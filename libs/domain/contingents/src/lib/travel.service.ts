import { Injectable, Optional } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Actor, DomainException, ErrorCode, requireReason, todayIso } from '@puente/common';
import { lockForUpdate, recordAudit } from '@puente/database';
import { UnitOfWork } from '@puente/queue';
import { jobId, JobName, statisticsRefresh } from '@puente/queue-contracts';
import { queueDelivery, recordNotifications } from '@puente/notifications';
import { JobOrderEntity, moveJobOrders } from '@puente/domain/job-orders';
import { releaseCandidates } from '@puente/domain/matching';
import { moveApplicants } from '@puente/domain/applicants';
import { stepOrderSql } from './timeline.policy';
import { ContingentEntity } from './contingent.entity';
import { ContingentEvent, contingentStateMachine, SETTLED_STEP_STATUSES } from './contingent.state-machine';
import { notificationIdsOf, PLACEMENTS_COMPLETED, PlacementsCompletedEvent } from './placement-events';
import { TRAVEL_DATES_POLICY_V1, travelDateProblems, TravelEvent } from './travel-dates.rules';
import { assertConfirmable, UnreadyTraveller } from './contingent.rules';

/** What a travel event changed, for what happens after it commits. */
interface Moved {
  applicantIds: string[];
  notificationIds: (string | null)[];
  /** The workers are home: their rehire eligibility is to be decided. */
  decideRehire?: boolean;
  /** Employers whose placements ended: their standing (ended placements count in it) is to be decided again. */
  employerIds?: string[];
}

/**
 * The contingent's journey, each event one transaction under the contingent's row lock: confirmed once every
 * blocking step is done, departed (each worker's placement begins), arrived, returned. The applicants move with
 * it, the outbox tells them, and their live status follows once it commits.
 */
@Injectable()
export class TravelService {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly emitter?: EventEmitter2,
  ) {}

  /** Confirms the flight: refused, naming who and what, while a seated worker has a blocking step not done. */
  confirm(contingentId: string): Promise<ContingentEntity> {
    return this.move(contingentId, 'CONFIRM', async (em, k) => {
      // Named for the coordinator who must act on it: who, and which steps.
      const missing: UnreadyTraveller[] = await em.query(
        `SELECT a.first_names || ' ' || a.last_names AS name, array_agg(s.kind ORDER BY s.due_date, ${stepOrderSql('s.kind')}) AS kinds
         FROM traveller t JOIN travel_step s ON s.traveller_id = t.id JOIN applicant a ON a.id = t.applicant_id
         WHERE t.contingent_id = $1 AND t.status = 'SEATED' AND s.blocking AND s.status <> ALL($2) AND s.kind NOT IN ('DEPARTURE', 'ARRIVAL')
         GROUP BY t.applicant_id, a.first_names, a.last_names ORDER BY a.last_names, a.first_names, t.applicant_id`,
        [k.id, SETTLED_STEP_STATUSES],
      );
      const seated: { applicant_id: string }[] = await em.query(`SELECT applicant_id FROM traveller WHERE contingent_id = $1 AND status = 'SEATED'`, [k.id]);
      assertConfirmable(k, missing, seated.length);
      k.confirmedAt = new Date();
      return { applicantIds: seated.map((t) => t.applicant_id), notificationIds: [] };
    });
  }

  /**
   * The contingent has left: its seated workers are DEPARTED and DEPLOYED, their departure step is done, a
   * placement begins for each (at most one per seat, by a unique key), and the orders are under way. Each
   * worker and the coordinators are told the departure is confirmed. The date is checked against reality
   * (`travelDateProblems`): a departure far from the planned one needs a reason, kept in the audit trail.
   */
  recordDeparture(actor: Actor, contingentId: string, departedOn = todayIso(), reason?: string | null): Promise<ContingentEntity> {
    return this.move(contingentId, 'DEPART', async (em, k) => {
      await this.checkDate(em, actor, k, 'DEPARTURE', departedOn, reason);
      k.departedOn = departedOn;
      const travellers = await this.moveTravellers(em, k.id, 'SEATED', 'DEPARTED');
      const ids = travellers.map((t) => t.id);
      await this.completeTravelStep(em, ids, 'DEPARTURE', actor);
      await em.query(
        `INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, start_date, end_date, departed_on)
         SELECT t.id, t.applicant_id, t.job_order_id, o.employer_id, o.start_date, o.end_date, $2
         FROM traveller t JOIN job_order o ON o.id = t.job_order_id WHERE t.id = ANY($1)
         ON CONFLICT (traveller_id) DO NOTHING`,
        [ids, departedOn],
      );
      const applicantIds = travellers.map((t) => t.applicant_id);
      await moveApplicants(em, applicantIds, 'DEPLOY');
      const orders = await em.findBy(JobOrderEntity, { id: In([...new Set(travellers.map((t) => t.job_order_id))]) });
      await moveJobOrders(em, orders.filter((o) => o.status === 'OPEN' || o.status === 'FILLED'), 'START');
      const notificationIds = await recordNotifications(em, [
        ...travellers.map((t) => ({
          dedupeKey: `departed:${t.id}`,
          audience: 'APPLICANT' as const,
          applicantId: t.applicant_id,
          kind: 'DEPARTURE_CONFIRMED',
          subject: `Departure confirmed: ${k.reference}`,
          body: `Your departure with ${k.reference} on ${departedOn} is recorded. Your placement has begun; keep your coordinator's number with you.`,
        })),
        {
          dedupeKey: `departed:${k.id}`,
          audience: 'COORDINATORS',
          kind: 'DEPARTURE_CONFIRMED',
          subject: `${k.reference} departed`,
          body: `${k.reference} departed on ${departedOn} with ${travellers.length} worker(s) for ${k.regionCode}.`,
        },
      ]);
      return { applicantIds, notificationIds };
    });
  }

  /** The contingent has arrived: its workers are ARRIVED, their arrival step done, their placements dated. */
  recordArrival(actor: Actor, contingentId: string, arrivedOn = todayIso(), reason?: string | null): Promise<ContingentEntity> {
    return this.move(contingentId, 'ARRIVE', async (em, k) => {
      await this.checkDate(em, actor, k, 'ARRIVAL', arrivedOn, reason);
      k.arrivedOn = arrivedOn;
      const travellers = await this.moveTravellers(em, k.id, 'DEPARTED', 'ARRIVED');
      const ids = travellers.map((t) => t.id);
      await this.completeTravelStep(em, ids, 'ARRIVAL', actor);
      await em.query(`UPDATE placement SET arrived_on = $2, updated_at = now() WHERE traveller_id = ANY($1)`, [ids, arrivedOn]);
      return { applicantIds: travellers.map((t) => t.applicant_id), notificationIds: [] };
    });
  }

  /**
   * The contingent is home: its workers are RETURNED, their placements COMPLETED on the contract's end date
   * (or the return, if earlier), and an order with nobody left abroad is COMPLETED. Each returning worker's
   * rehire decision is queued: with no evaluation yet, the policy keeps it PENDING until the window closes.
   */
  recordReturn(actor: Actor, contingentId: string, returnedOn = todayIso(), reason?: string | null): Promise<ContingentEntity> {
    return this.move(contingentId, 'RETURN', async (em, k) => {
      await this.checkDate(em, actor, k, 'RETURN', returnedOn, reason);
      k.returnedOn = returnedOn;
      const travellers = await this.moveTravellers(em, k.id, 'ARRIVED', 'RETURNED');
      const completed: { id: string; employer_id: string }[] = (
        await em.query(
          `UPDATE placement SET status = 'COMPLETED', returned_on = $2, ended_on = LEAST(end_date, $2::date), updated_at = now()
           WHERE traveller_id = ANY($1) AND status = 'ACTIVE' RETURNING id, employer_id`,
          [travellers.map((t) => t.id), returnedOn],
        )
      )[0];
      // Evaluations are now due: rehire (which owns their window) tells each employer, in this transaction.
      const event: PlacementsCompletedEvent = { em, placementIds: completed.map((p) => p.id) };
      const notificationIds = this.emitter ? notificationIdsOf(await this.emitter.emitAsync(PLACEMENTS_COMPLETED, event)) : [];
      const applicantIds = travellers.map((t) => t.applicant_id);
      // A worker whose placement ended early may be home (and decided on) already: only those still abroad return now.
      await moveApplicants(em, applicantIds, 'RETURN', ['DEPLOYED']);
      const orderIds = [...new Set(travellers.map((t) => t.job_order_id))];
      // Their selections are over: next season they can be matched and selected again.
      await releaseCandidates(em, { jobOrderIds: orderIds, applicantIds, statuses: ['SELECTED'] }, `Placement completed on return (${k.reference}).`);
      const done: { id: string }[] = await em.query(
        `SELECT o.id FROM job_order o WHERE o.id = ANY($1) AND o.status = 'IN_PROGRESS'
           AND NOT EXISTS (SELECT 1 FROM traveller t WHERE t.job_order_id = o.id AND t.status IN ('SEATED', 'DEPARTED', 'ARRIVED'))`,
        [orderIds],
      );
      const orders = await em.findBy(JobOrderEntity, { id: In(done.map((o) => o.id)) });
      await moveJobOrders(em, orders, 'COMPLETE');
      const released = await releaseCandidates(em, { jobOrderIds: orders.map((o) => o.id) }, 'The order is completed.');
      // Someone still selected but never seated (a later group that did not go) is free again, and told.
      const unplaced = released.filter((r) => r.previous === 'SELECTED').map((r) => r.applicantId);
      await moveApplicants(em, unplaced, 'RELEASE', ['SELECTED', 'PRE_DEPARTURE']);
      const referenceOf = new Map(orders.map((o) => [o.id, o.reference]));
      const unplacedIds = await recordNotifications(
        em,
        released
          .filter((r) => r.previous === 'SELECTED')
          .map((r) => ({
            dedupeKey: `order-completed-unplaced:${r.jobOrderId}:${r.applicantId}`,
            audience: 'APPLICANT' as const,
            applicantId: r.applicantId,
            kind: 'SELECTION_ENDED',
            subject: `Selection ended: ${referenceOf.get(r.jobOrderId)}`,
            body: `The job order ${referenceOf.get(r.jobOrderId)} is completed without your travel. You are available for the next season's matching.`,
          })),
      );
      return {
        applicantIds: [...applicantIds, ...unplaced],
        notificationIds: [...notificationIds, ...unplacedIds],
        decideRehire: true,
        employerIds: [...new Set(completed.map((p) => p.employer_id))],
      };
    });
  }

  /**
   * One travel event in one unit of work: lock, transition, change; what it recorded is delivered, the live
   * clients told and the rehire decisions queued once it commits.
   */
  private move(contingentId: string, event: ContingentEvent, change: (em: EntityManager, k: ContingentEntity) => Promise<Moved>): Promise<ContingentEntity> {
    return this.uow.run(`contingents.${event.toLowerCase()}`, async (tx) => {
      const k = await lockForUpdate(tx.em, ContingentEntity, contingentId);
      if (!k) throw DomainException.notFound('Contingent');
      k.status = contingentStateMachine.next(k.status, event);
      const moved = await change(tx.em, k);
      const contingent = await tx.em.save(k);
      if (event === 'DEPART' || event === 'RETURN') tx.addJob(...statisticsRefresh(`contingents.${event.toLowerCase()}`));
      queueDelivery(tx, moved.notificationIds);
      tx.publish(moved.applicantIds, `contingent.${event.toLowerCase()}`);
      if (moved.decideRehire && moved.applicantIds.length) {
        tx.addJobs(
          JobName.EvaluateApplicant,
          moved.applicantIds.map((applicantId) => ({
            payload: { applicantId, cause: 'contingent-returned' },
            options: { jobId: jobId(JobName.EvaluateApplicant, applicantId, 'contingent-returned', contingent.id) },
          })),
        );
      }
      if (moved.employerIds?.length) {
        tx.addJobs(
          JobName.RecomputeEmployerStanding,
          moved.employerIds.map((employerId) => ({
            payload: { employerId, cause: 'contingent-returned' },
            options: { jobId: jobId(JobName.RecomputeEmployerStanding, employerId, 'contingent-returned', contingent.id) },
          })),
        );
      }
      return contingent;
    });
  }

  /** Moves the contingent's travellers in one status to the next, all at once; gives those it moved. */
  private async moveTravellers(em: EntityManager, contingentId: string, from: string, to: string): Promise<{ id: string; applicant_id: string; job_order_id: string }[]> {
    const [moved] = await em.query(`UPDATE traveller SET status = $3, updated_at = now() WHERE contingent_id = $1 AND status = $2 RETURNING id, applicant_id, job_order_id`, [
      contingentId,
      from,
      to,
    ]);
    return moved;
  }

  private async completeTravelStep(em: EntityManager, travellerIds: string[], kind: 'DEPARTURE' | 'ARRIVAL', actor: Actor): Promise<void> {
    await em.query(
      `UPDATE travel_step SET status = 'DONE', completed_at = now(), completed_by = $3, updated_at = now()
       WHERE traveller_id = ANY($1) AND kind = $2 AND status IN ('PENDING', 'OVERDUE', 'INFEASIBLE')`,
      [travellerIds, kind, actor.userId],
    );
  }

  /**
   * Refuses a travel date that cannot be, or one far from the plan without a reason (`travelDateProblems`), and
   * records who recorded the event, with the reason when one was given.
   */
  private async checkDate(em: EntityManager, actor: Actor, k: ContingentEntity, event: TravelEvent, date: string, reason: string | null | undefined): Promise<void> {
    const stated = reason?.trim() ? requireReason(reason, 'for a date this far from the plan') : null;
    const [ends]: { earliest: string | null; latest: string | null }[] = await em.query(
      `SELECT to_char(min(o.end_date), 'YYYY-MM-DD') AS earliest, to_char(max(o.end_date), 'YYYY-MM-DD') AS latest
       FROM traveller t JOIN job_order o ON o.id = t.job_order_id WHERE t.contingent_id = $1 AND t.status IN ('SEATED', 'DEPARTED', 'ARRIVED')`,
      [k.id],
    );
    const problems = travelDateProblems(
      event,
      date,
      {
        today: todayIso(),
        plannedOn: todayIso(k.createdAt),
        plannedDeparture: k.departureDate,
        departedOn: k.departedOn,
        arrivedOn: k.arrivedOn,
        contractStart: k.startDate,
        earliestContractEnd: ends?.earliest ?? null,
        latestContractEnd: ends?.latest ?? null,
      },
      stated,
      TRAVEL_DATES_POLICY_V1,
    );
    if (problems.length) {
      // One entry per input field, its problems joined.
      const fields = [...new Set(problems.map((p) => p.field))].map((field) => ({
        field,
        message: problems.filter((p) => p.field === field).map((p) => p.message).join('; '),
      }));
      if (problems.some((p) => p.waivable)) fields.push({ field: 'reason', message: 'is required for a date this far from the plan' });
      const what = { DEPARTURE: 'departure', ARRIVAL: 'arrival', RETURN: 'return' }[event];
      throw new DomainException(ErrorCode.BAD_USER_INPUT, `The ${what} of ${k.reference} cannot be recorded on ${date}: ${problems.map((p) => p.message).join('; ')}.`, fields);
    }
    const field = { DEPARTURE: 'departedOn', ARRIVAL: 'arrivedOn', RETURN: 'returnedOn' }[event];
    await recordAudit(em, actor, { action: `record-${event.toLowerCase()}`, entity: 'contingent', entityId: k.id, reason: stated, fields: [field] });
  }
}
