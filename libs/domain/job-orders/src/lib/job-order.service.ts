import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainException, isUuid, Page, requireReason, Role, Selection, todayIso } from '@puente/common';
import { lockForUpdate, nextReference, recordAudit, Where } from '@puente/database';
import { NotificationInput, queueDelivery, recordNotifications } from '@puente/notifications';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { statisticsRefresh } from '@puente/queue-contracts';
import { EmployerService, employerForApproval } from '@puente/domain/employers';
import { ReferenceData, ReferenceService } from '@puente/domain/reference';
import { JobOrderEntity } from './job-order.entity';
import { JOB_ORDER_READ } from './graphql/job-order.mapper';
import {
  applyJobOrderChanges,
  changedJobOrderFields,
  currencyOf,
  destinationSystem,
  JobOrderChanges,
  jobOrderChangeProblems,
  JobOrderDraft,
  jobOrderProblems,
} from './job-order.rules';
import { JobOrderEvent, JobOrderStatus, jobOrderStateMachine } from './job-order.state-machine';
import { columnsOfDraft, draftOf } from './job-order-draft';
import { assertCancellable, assertEditable, assertEmployerMayDraft, assertMayApprove, assertMaySubmit } from './job-order-lifecycle.rules';

/**
 * Emitted inside the approval's unit of work; matching listens and records a run for the newly open order in it,
 * so the approval, the run and its job commit together and a crash after commit cannot leave the order unmatched.
 */
export const JOB_ORDER_APPROVED = 'job-order.approved';
export interface JobOrderApprovedEvent {
  jobOrderId: string;
  actor: Actor;
  tx: UnitOfWorkTx;
}

export interface JobOrderFilter {
  status?: JobOrderStatus | null;
  employerId?: string | null;
  iscoCode?: string | null;
  country?: 'US' | 'CA' | null;
  workRegionCode?: string | null;
}

@Injectable()
export class JobOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployerService,
    private readonly reference: ReferenceService,
    private readonly events: EventEmitter2,
    private readonly uow: UnitOfWork,
  ) {}

  /** An employer user drafts an order for its own employer. A suspended employer cannot. */
  async create(actor: Actor, draft: JobOrderDraft): Promise<JobOrderEntity> {
    const employer = actor.employerId ? await this.employers.findById(actor.employerId) : null;
    if (actor.role !== Role.EMPLOYER || !employer) throw DomainException.forbidden('Only an employer user can create job orders.');
    assertEmployerMayDraft(employer);
    const ref = await this.reference.data();
    DomainException.assertValid(
      jobOrderProblems(draft, {
        employerCountry: employer.country,
        regionCountry: ref.regionCountry,
        occupations: ref.codes.occupations,
        skills: ref.codes.skills,
        today: todayIso(),
      }),
    );
    return this.dataSource.transaction(async (em) => {
      const reference = await nextReference(em, 'job_order_number_seq', 'JO');
      return em.save(
        em.create(JobOrderEntity, {
          reference,
          employerId: employer.id,
          ...columnsOfDraft(draft),
          destinationOccupationSystem: destinationSystem(employer.country),
          currency: currencyOf(employer.country),
          status: 'DRAFT',
          createdBy: actor.userId,
        }),
      );
    });
  }

  /** The employer sends its draft for the ministry's approval; only a VERIFIED employer may. */
  async submit(actor: Actor, id: string): Promise<JobOrderEntity> {
    return this.transition(actor, id, 'SUBMIT', async (order, em) => {
      assertMaySubmit(await this.employers.findById(order.employerId, em), order, todayIso());
      return { submittedAt: new Date() };
    });
  }

  async approve(actor: Actor, id: string): Promise<JobOrderEntity> {
    const order = await this.transition(
      actor,
      id,
      'APPROVE',
      async (order, em) => {
        // Under a share lock, so a hold placed at the same moment is seen or waits for the approval to commit.
        assertMayApprove(await employerForApproval(em, order.employerId));
        return { approvedAt: new Date(), approvedBy: actor.userId, statusReason: null };
      },
      (o) => ({
        dedupeKey: `job-order-approved:${o.id}`,
        audience: 'EMPLOYER',
        employerId: o.employerId,
        kind: 'JOB_ORDER_APPROVED',
        subject: `Job order approved: ${o.reference}`,
        body: `The ministry approved ${o.reference} (${o.positions} position(s), from ${o.startDate}). Puente is matching candidates; you will be told when the shortlist is ready.`,
      }),
      undefined,
      async (tx, o) => void (await this.events.emitAsync(JOB_ORDER_APPROVED, { jobOrderId: o.id, actor, tx } satisfies JobOrderApprovedEvent)),
    );
    return order;
  }

  async reject(actor: Actor, id: string, reason: string): Promise<JobOrderEntity> {
    const statusReason = requireReason(reason, 'for the rejection; the employer reads it');
    return this.transition(
      actor,
      id,
      'REJECT',
      async () => ({ statusReason }),
      (o) => ({
        dedupeKey: `job-order-rejected:${o.id}:${o.submittedAt?.toISOString() ?? 'draft'}`,
        audience: 'EMPLOYER',
        employerId: o.employerId,
        kind: 'JOB_ORDER_REJECTED',
        subject: `Job order rejected: ${o.reference}`,
        body: `The ministry rejected ${o.reference}: ${statusReason} You can correct the order (updateJobOrder) and submit it again.`,
      }),
      statusReason,
    );
  }

  /**
   * The order's employer (or a coordinator) corrects a DRAFT or REJECTED order: each field optional, checked with
   * exactly the rules of a new order on the order as it would be. A rejected order edited is a DRAFT again, to
   * be submitted anew. Recorded in the audit trail with the names of the fields changed.
   */
  async update(actor: Actor, id: string, changes: JobOrderChanges): Promise<JobOrderEntity> {
    return this.dataSource.transaction(async (em) => {
      const order = isUuid(id) ? await lockForUpdate(em, JobOrderEntity, id) : null;
      if (!order || !this.mayRead(actor, order)) throw DomainException.notFound('Job order');
      assertEditable(order);
      const employer = await this.employers.findById(order.employerId, em);
      if (!employer) throw DomainException.notFound('Job order');
      if (actor.role === Role.EMPLOYER) assertEmployerMayDraft(employer);
      const current = draftOf(order);
      const ref = await this.reference.data();
      DomainException.assertValid(
        jobOrderChangeProblems(current, changes, {
          employerCountry: employer.country,
          regionCountry: ref.regionCountry,
          occupations: ref.codes.occupations,
          skills: ref.codes.skills,
          today: todayIso(),
        }),
      );
      const changed = changedJobOrderFields(current, changes);
      Object.assign(order, {
        ...columnsOfDraft(applyJobOrderChanges(current, changes)),
        status: jobOrderStateMachine.next(order.status, 'EDIT'),
      });
      await recordAudit(em, actor, { action: 'update-job-order', entity: 'job_order', entityId: order.id, fields: changed });
      return em.save(order);
    });
  }

  /**
   * The order's part of a cancellation, in the caller's transaction (which releases its candidates and seats: the
   * contingents library does, since this one may not reach them): under the order's row lock, its employer (its
   * own) or a coordinator, with a reason, before any worker departed. Audited; returns the employer's notice.
   */
  async cancelIn(em: EntityManager, actor: Actor, id: string, reason: string): Promise<{ order: JobOrderEntity; notice: NotificationInput }> {
    const why = requireReason(reason, 'for cancelling the order; the employer and the selected workers read it');
    const order = await lockForUpdate(em, JobOrderEntity, id);
    if (!order || !this.mayRead(actor, order)) throw DomainException.notFound('Job order');
    assertCancellable(order);
    Object.assign(order, { status: jobOrderStateMachine.next(order.status, 'CANCEL'), statusReason: why });
    await em.save(order);
    await recordAudit(em, actor, { action: 'cancel-job-order', entity: 'job_order', entityId: order.id, reason: why });
    const notice: NotificationInput = {
      dedupeKey: `job-order-cancelled:${order.id}`,
      audience: 'EMPLOYER',
      employerId: order.employerId,
      kind: 'JOB_ORDER_CANCELLED',
      subject: `Job order cancelled: ${order.reference}`,
      body: `${order.reference} (${order.title}) was cancelled: ${why} Its candidates and selected workers are released.`,
    };
    return { order, notice };
  }

  /** Coordinators reach every order; an employer only its own. Anything else reads as not found. */
  async findForActor(actor: Actor, id: string): Promise<JobOrderEntity> {
    const order = isUuid(id) ? await this.dataSource.manager.findOneBy(JobOrderEntity, { id }) : null;
    if (!order || !this.mayRead(actor, order)) throw DomainException.notFound('Job order');
    return order;
  }

  /** Coordinators list all orders; an employer's list is always narrowed to its own, whatever the filter says. */
  async list(actor: Actor, filter: JobOrderFilter, page: Page): Promise<JobOrderEntity[]> {
    const where = this.listWhere(actor, filter);
    return where ? JOB_ORDER_READ.entityPage(this.dataSource.manager, page, where) : [];
  }

  /** `list`, with only the fields the query selects (JOB_ORDER_READ), its employer joined when asked. */
  async readList(actor: Actor, filter: JobOrderFilter, page: Page, selection: Selection, ref: ReferenceData) {
    const where = this.listWhere(actor, filter);
    return where ? JOB_ORDER_READ.page(this.dataSource.manager, selection, ref, page, where) : [];
  }

  /** The conditions of an actor's list under a filter; null when nothing can match (a malformed employer id). */
  private listWhere(actor: Actor, filter: JobOrderFilter): Where | null {
    if (actor.role !== Role.EMPLOYER && actor.role !== Role.COORDINATOR) throw DomainException.forbidden();
    if (filter.employerId && !isUuid(filter.employerId)) return null;
    return (p) => [
      actor.role === Role.EMPLOYER ? `t.employer_id = ${p(actor.employerId)}` : null,
      filter.employerId ? `t.employer_id = ${p(filter.employerId)}` : null,
      filter.status ? `t.status = ${p(filter.status)}` : null,
      filter.iscoCode ? `t.isco_code = ${p(filter.iscoCode)}` : null,
      filter.workRegionCode ? `t.work_region_code = ${p(filter.workRegionCode)}` : null,
      filter.country ? `t.currency = ${p(currencyOf(filter.country))}` : null,
    ];
  }

  /** One order with only the selected fields, if the actor may read it (NOT_FOUND otherwise, as findForActor). */
  async read(actor: Actor, id: string, selection: Selection, ref: ReferenceData) {
    const mayList = actor.role === Role.EMPLOYER || actor.role === Role.COORDINATOR;
    const order = mayList && isUuid(id)
      ? await JOB_ORDER_READ.one(this.dataSource.manager, selection, ref, (p) => [`t.id = ${p(id)}`, actor.role === Role.EMPLOYER ? `t.employer_id = ${p(actor.employerId)}` : null])
      : null;
    if (!order) throw DomainException.notFound('Job order');
    return order;
  }

  /**
   * How many orders are in each status (coordinators: all; an employer: its own), for a dashboard that would
   * otherwise page through every order to count them. Statuses without orders are left out.
   */
  async countByStatus(actor: Actor): Promise<{ status: JobOrderStatus; count: number }[]> {
    const qb = this.dataSource.manager.createQueryBuilder(JobOrderEntity, 'o').select('o.status', 'status').addSelect('count(*)::int', 'count');
    if (actor.role === Role.EMPLOYER) qb.where('o.employer_id = :own', { own: actor.employerId });
    else if (actor.role !== Role.COORDINATOR) throw DomainException.forbidden();
    return qb.groupBy('o.status').orderBy('o.status').getRawMany<{ status: JobOrderStatus; count: number }>();
  }

  private mayRead(actor: Actor, order: JobOrderEntity): boolean {
    return actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && actor.employerId === order.employerId);
  }

  /**
   * One step of the order's life under its row lock. An office decision (approve, reject) is audited and the
   * employer told through the outbox, in the same unit of work, whose job outbox delivers the notice once it commits.
   */
  private async transition(
    actor: Actor,
    id: string,
    event: JobOrderEvent,
    guard: (order: JobOrderEntity, em: EntityManager) => Promise<Partial<JobOrderEntity>>,
    notice?: (order: JobOrderEntity) => NotificationInput,
    reason?: string,
    within?: (tx: UnitOfWorkTx, order: JobOrderEntity) => Promise<void>,
  ): Promise<JobOrderEntity> {
    return this.uow.run(`job-orders.${event.toLowerCase()}`, async (tx) => {
      const em = tx.em;
      const order = await lockForUpdate(em, JobOrderEntity, id);
      if (!order || !this.mayRead(actor, order)) throw DomainException.notFound('Job order');
      const status = jobOrderStateMachine.next(order.status, event);
      Object.assign(order, await guard(order, em), { status });
      const saved = await em.save(order);
      if (event === 'SUBMIT' || event === 'APPROVE') tx.addJob(...statisticsRefresh(`job-orders.${event.toLowerCase()}`));
      await within?.(tx, saved);
      if (!notice) return saved;
      await recordAudit(em, actor, { action: `${event.toLowerCase()}-job-order`, entity: 'job_order', entityId: saved.id, reason });
      queueDelivery(tx, await recordNotifications(em, [notice(saved)]));
      return saved;
    });
  }
}
