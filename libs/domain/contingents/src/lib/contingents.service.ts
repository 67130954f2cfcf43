import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, addDays, DomainException, ErrorCode, isUuid, Page, todayIso } from '@puente/common';
import { JobProducer } from '@puente/queue';
import { NotificationsService, recordNotification, recordNotifications, StatusEvents } from '@puente/notifications';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { lockForUpdate } from '@puente/database';
import { ContingentStatus, contingentStateMachine, PlacementStatus, STEP_STATUSES, StepStatus, stepStateMachine } from './contingent.state-machine';
import { ApplicantStatus, applicantStateMachine } from '@puente/domain/applicants';
import { JobOrderEntity } from '@puente/domain/job-orders';
import { ExistingContingent, planSeats, Traveller } from './contingent.rules';
import { ContingentEntity, TravellerEntity, TravellerStatus, TravelStepEntity } from './contingent.entity';
import { isTravelStep, StepKind, stepOrderSql, TIMELINE_POLICY_V1, TimelinePolicy } from './timeline.policy';
import { departureFor, planTimeline } from './timeline.rules';

/**
 * Orders whose selected workers can be seated: open or filled, and under way, for a later group of an order whose first
 * contingent has left (say, its second contingent was cancelled and is planned again).
 */
const SCHEDULABLE_ORDER_STATUSES: readonly string[] = ['OPEN', 'FILLED', 'IN_PROGRESS'];

export const DEFAULT_CONTINGENT_CAPACITY = 70;

const STEP_NAMES: Record<StepKind, string> = {
  DOCUMENTS_CHECKED: 'Document check',
  MEDICAL_EXAM: 'Medical exam',
  VISA_BIOMETRICS: 'Visa appointment and biometrics',
  ORIENTATION: 'Pre-departure orientation',
  CONTRACT_SIGNED: 'Contract signing',
  DEPARTURE: 'Departure',
  ARRIVAL: 'Arrival',
};

export type ContingentView = Pick<
  ContingentEntity,
  'id' | 'reference' | 'regionCode' | 'startDate' | 'departureDate' | 'status' | 'capacity' | 'departedOn' | 'arrivedOn' | 'returnedOn'
> & { seated: number };

export interface ContingentMember {
  applicantId: string;
  name: string;
  jobOrderId: string;
  status: TravellerStatus;
  placementId: string | null;
  placementStatus: PlacementStatus | null;
  steps: TravelStepEntity[];
}

/** Travellers no longer in their contingent: they withdrew, were replaced, or the office cancelled the seat. */
const OFF_SEAT = `'WITHDRAWN', 'REPLACED', 'CANCELLED'`;

const day = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${as}"`;

const CONTINGENT_VIEW = `
  SELECT k.id, k.reference, k.region_code AS "regionCode", ${day('k.start_date', 'startDate')}, ${day('k.departure_date', 'departureDate')},
         k.status, k.capacity, ${day('k.departed_on', 'departedOn')}, ${day('k.arrived_on', 'arrivedOn')}, ${day('k.returned_on', 'returnedOn')},
         (SELECT count(*)::int FROM traveller t WHERE t.contingent_id = k.id AND t.status NOT IN (${OFF_SEAT})) AS seated
  FROM contingent k`;

/** Travellers of a contingent, `t`, limited to an employer's orders when one is named ($2). */
const OF_EMPLOYER = `($2::uuid IS NULL OR EXISTS (SELECT 1 FROM job_order o WHERE o.id = t.job_order_id AND o.employer_id = $2))`;

/** A selection (candidate `c`) whose applicant has no seat yet for that order (a seat cancelled by the office is none). */
const UNSEATED_SELECTION = `c.status = 'SELECTED'
  AND NOT EXISTS (SELECT 1 FROM traveller t WHERE t.applicant_id = c.applicant_id AND t.job_order_id = c.job_order_id AND t.status <> 'CANCELLED')`;

export interface ContingentFilter {
  status?: ContingentStatus | null;
  regionCode?: string | null;
  departureFrom?: string | null;
  departureTo?: string | null;
  jobOrderId?: string | null;
}

export interface ScheduleOutcome {
  contingentsCreated: number;
  travellersSeated: number;
}

/** A step as planned or stored, with what its jobs need. */
export interface StepForJobs {
  id: string;
  kind: StepKind;
  status: StepStatus;
  remindOn: string | null;
  dueDate: string;
}

/** Reminders go out at 09:00 in El Salvador (UTC-6, no daylight saving) on their date. */
export function reminderTime(remindOn: string): number {
  return Date.parse(`${remindOn}T15:00:00Z`);
}

@Injectable()
export class ContingentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly notifications: NotificationsService,
    private readonly events: StatusEvents,
  ) {}

  /**
   * Queues the seating of an order's selected workers; the worker does it. The job id is the order's, so two
   * calls while one is pending are one job; a completed job is removed, so a later call (after more selections)
   * runs again, and the service's idempotence makes any repeat harmless. Returns how many wait for a seat.
   */
  async requestSchedule(actor: Actor, jobOrderId: string): Promise<number> {
    const order = isUuid(jobOrderId) ? await this.dataSource.manager.findOneBy(JobOrderEntity, { id: jobOrderId }) : null;
    if (!order) throw DomainException.notFound('Job order');
    if (!SCHEDULABLE_ORDER_STATUSES.includes(order.status)) {
      throw new DomainException(
        ErrorCode.INVALID_TRANSITION,
        `Contingents are scheduled for OPEN, FILLED or IN_PROGRESS orders (a later group of an order under way); ${order.reference} is ${order.status}.`,
      );
    }
    const [{ waiting }] = await this.dataSource.query(
      `SELECT count(*)::int AS waiting FROM candidate c WHERE c.job_order_id = $1 AND ${UNSEATED_SELECTION}`,
      [order.id],
    );
    if (!waiting) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, `${order.reference} has no selected applicant waiting for a seat; select candidates first.`, [
        { field: 'jobOrderId', message: 'has no selected applicant without a seat' },
      ]);
    }
    const id = jobId(JobName.ScheduleContingents, order.id);
    // A job that failed for good keeps its id for a while: remove it, or this request would be taken for it.
    const failed = await this.producer.queue(JOB_QUEUE[JobName.ScheduleContingents]).getJob(id);
    if (failed && (await failed.isFailed())) await failed.remove();
    await this.producer.enqueue(JobName.ScheduleContingents, { jobOrderId: order.id, requestId: actor.requestId }, { jobId: id, removeOnComplete: true });
    return waiting;
  }

  /**
   * Every contingent matching the filter, newest first, keyset-paged on (created_at, id); for an employer, only
   * those carrying a worker of its orders (as `contingentById`).
   */
  list(filter: ContingentFilter, page: Page, employerId?: string | null): Promise<(ContingentView & { createdAt: Date })[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (employerId) {
      where.push(
        `EXISTS (SELECT 1 FROM traveller t JOIN job_order o ON o.id = t.job_order_id WHERE t.contingent_id = k.id AND o.employer_id = ${param(employerId)})`,
      );
    }
    if (filter.jobOrderId !== undefined && filter.jobOrderId !== null) {
      if (!isUuid(filter.jobOrderId)) return Promise.resolve([]);
      where.push(`EXISTS (SELECT 1 FROM traveller t WHERE t.contingent_id = k.id AND t.job_order_id = ${param(filter.jobOrderId)})`);
    }
    if (filter.status) where.push(`k.status = ${param(filter.status)}`);
    if (filter.regionCode) where.push(`k.region_code = ${param(filter.regionCode)}`);
    if (filter.departureFrom) where.push(`k.departure_date >= ${param(filter.departureFrom)}::date`);
    if (filter.departureTo) where.push(`k.departure_date <= ${param(filter.departureTo)}::date`);
    if (page.after) where.push(`(k.created_at, k.id) < (${param(page.after.createdAt)}::timestamptz, ${param(page.after.id)}::uuid)`);
    const sql = CONTINGENT_VIEW.replace('FROM contingent k', ', k.created_at AS "createdAt" FROM contingent k');
    return this.dataSource.query(
      `${sql}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY k.created_at DESC, k.id DESC LIMIT ${param(page.limit + 1)}`,
      params,
    );
  }

  /** A contingent; for an employer, only one carrying a worker of its orders. */
  async contingentById(id: string, employerId?: string | null): Promise<ContingentView | null> {
    const [row] = isUuid(id)
      ? await this.dataSource.query(`${CONTINGENT_VIEW} WHERE k.id = $1 AND EXISTS (SELECT 1 FROM traveller t WHERE t.contingent_id = k.id AND ${OF_EMPLOYER})`, [
          id,
          employerId ?? null,
        ])
      : [];
    return row ?? null;
  }

  /** Who travels (or travelled) in a contingent, with their steps; for an employer, the workers of its orders. */
  async membersOf(contingentId: string, employerId?: string | null): Promise<ContingentMember[]> {
    const travellers: (Omit<ContingentMember, 'steps'> & { id: string })[] = await this.dataSource.query(
      `SELECT t.id, t.applicant_id AS "applicantId", a.first_names || ' ' || a.last_names AS name, t.job_order_id AS "jobOrderId", t.status,
              p.id AS "placementId", p.status AS "placementStatus"
       FROM traveller t JOIN applicant a ON a.id = t.applicant_id LEFT JOIN placement p ON p.traveller_id = t.id
       WHERE t.contingent_id = $1 AND t.status NOT IN (${OFF_SEAT}) AND ${OF_EMPLOYER} ORDER BY a.last_names, a.first_names, t.id`,
      [contingentId, employerId ?? null],
    );
    const steps = travellers.length ? await this.dataSource.manager.findBy(TravelStepEntity, { travellerId: In(travellers.map((t) => t.id)) }) : [];
    const byTraveller = new Map<string, TravelStepEntity[]>();
    for (const s of steps) byTraveller.set(s.travellerId, [...(byTraveller.get(s.travellerId) ?? []), s]);
    const inOrder = (a: TravelStepEntity, b: TravelStepEntity) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind);
    return travellers.map(({ id, ...t }) => ({ ...t, steps: (byTraveller.get(id) ?? []).sort(inOrder) }));
  }

  /** The contingent's timeline, step by step, over the workers who have not left it. */
  timelineOf(contingentId: string): Promise<{ step: StepKind; dueDate: string; done: number; open: number; overdue: number }[]> {
    return this.dataSource.query(
      `SELECT s.kind AS step, ${day('min(s.due_date)', 'dueDate')}, count(*) FILTER (WHERE s.status = 'DONE')::int AS done,
              count(*) FILTER (WHERE s.status IN ('PENDING', 'OVERDUE', 'INFEASIBLE'))::int AS open,
              count(*) FILTER (WHERE s.status = 'OVERDUE')::int AS overdue
       FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
       WHERE t.contingent_id = $1 AND t.status NOT IN (${OFF_SEAT})
       GROUP BY s.kind ORDER BY min(s.due_date), ${stepOrderSql('s.kind')}`,
      [contingentId],
    );
  }

  /**
   * Seats the selected applicants of an order, and of every open or filled order with the same destination
   * region and start date, in contingents of at most `capacity`, and plans each one's steps. Idempotent: an
   * applicant already seated for an order is left alone, so a second call (or a retried job) creates nothing.
   * One transaction, under an advisory lock per region and start date, so concurrent calls seat nobody twice.
   */
  async schedule(jobOrderId: string, capacity = DEFAULT_CONTINGENT_CAPACITY, today = todayIso(), policy: TimelinePolicy = TIMELINE_POLICY_V1): Promise<ScheduleOutcome> {
    const { outcome } = await this.seatGroup(jobOrderId, capacity, today, policy);
    return outcome;
  }

  /** `schedule`, also returning the steps it planned (for their jobs) and the group it seated. */
  private async seatGroup(jobOrderId: string, capacity: number, today: string, policy: TimelinePolicy) {
    const { seated, steps, group, ...outcome } = await this.dataSource.transaction(async (em) => {
      const order = isUuid(jobOrderId) ? await em.findOneBy(JobOrderEntity, { id: jobOrderId }) : null;
      if (!order) throw DomainException.notFound('Job order');
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`contingent|${order.workRegionCode}|${order.startDate}`]);
      const waiting: Traveller[] = await em.query(
        `SELECT c.applicant_id AS "applicantId", c.job_order_id AS "jobOrderId", o.work_region_code AS "regionCode",
                to_char(o.start_date, 'YYYY-MM-DD') AS "startDate"
         FROM candidate c JOIN job_order o ON o.id = c.job_order_id
         WHERE o.work_region_code = $1 AND o.start_date = $2 AND o.status = ANY($3) AND ${UNSEATED_SELECTION}`,
        [order.workRegionCode, order.startDate, SCHEDULABLE_ORDER_STATUSES],
      );
      const group = { regionCode: order.workRegionCode, startDate: order.startDate };
      if (!waiting.length) return { contingentsCreated: 0, travellersSeated: 0, seated: [] as string[], steps: [] as StepForJobs[], group };
      // Only a contingent still being planned takes new travellers; the others count as full but keep their numbers.
      const existing: (ExistingContingent & { departureDate: string })[] = await em.query(
        `SELECT k.id, k.region_code AS "regionCode", to_char(k.start_date, 'YYYY-MM-DD') AS "startDate", k.sequence,
                to_char(k.departure_date, 'YYYY-MM-DD') AS "departureDate",
                CASE WHEN k.status = 'PLANNED' THEN (SELECT count(*)::int FROM traveller t WHERE t.contingent_id = k.id AND t.status = 'SEATED')
                     ELSE $3::int END AS size
         FROM contingent k WHERE k.region_code = $1 AND k.start_date = $2`,
        [order.workRegionCode, order.startDate, capacity],
      );
      const plan = planSeats(waiting, existing, capacity);

      const departures = new Map(existing.map((k) => [k.id, k.departureDate]));
      for (const created of plan.created) {
        const departureDate = departureFor(created.startDate, policy);
        const contingent = await em.save(
          em.create(ContingentEntity, {
            reference: `CT-${created.regionCode}-${created.startDate}-${String(created.sequence).padStart(2, '0')}`,
            regionCode: created.regionCode,
            startDate: created.startDate,
            sequence: created.sequence,
            departureDate,
            capacity,
            status: 'PLANNED',
            policyVersion: policy.version,
          }),
        );
        departures.set(contingent.id, departureDate);
        plan.joins.push({ contingentId: contingent.id, travellers: created.travellers });
      }
      const steps: StepForJobs[] = [];
      for (const join of plan.joins) steps.push(...(await this.seat(em, join.contingentId, departures.get(join.contingentId)!, join.travellers, today, policy)));
      return { contingentsCreated: plan.created.length, travellersSeated: waiting.length, seated: waiting.map((t) => t.applicantId), steps, group };
    });
    await this.events.publish(seated, 'contingent.seated');
    return { outcome, steps, group };
  }

  /**
   * Seats, then gives every step it planned its jobs, from the rows it just wrote. A run that seated nobody (a
   * retry after a crash between the commit and the jobs, or a repeat) instead reads back every pending step of
   * the group's planned contingents and adds the jobs missing, so a retry always completes them.
   */
  async scheduleAndRemind(jobOrderId: string): Promise<ScheduleOutcome & { reminders: number }> {
    const { outcome, steps, group } = await this.seatGroup(jobOrderId, DEFAULT_CONTINGENT_CAPACITY, todayIso(), TIMELINE_POLICY_V1);
    if (steps.length) return { ...outcome, reminders: await this.enqueueStepJobs(steps) };
    const planned: { id: string }[] = await this.dataSource.query(`SELECT id FROM contingent WHERE region_code = $1 AND start_date = $2 AND status = 'PLANNED'`, [
      group.regionCode,
      group.startDate,
    ]);
    let reminders = 0;
    for (const { id } of planned) reminders += await this.syncStepJobs(id);
    return { ...outcome, reminders };
  }

  /**
   * The delayed jobs of every pending step: a reminder at 09:00 in El Salvador on its reminder date, and an
   * overdue check at 09:00 the day after its due date (office steps; departure and arrival are the
   * contingent's). Each job's id is its step's, so there is never a second one: adding an id that exists adds
   * nothing, and `replace` (after the steps moved) first removes the jobs planned for the old dates. A job that
   * still fires for an old date finds its step moved and does nothing. Returns the number of steps covered.
   */
  async syncStepJobs(contingentId: string, { replace = false, now = Date.now() } = {}): Promise<number> {
    const steps: StepForJobs[] = await this.dataSource.query(
      `SELECT s.id, s.kind, s.status, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate"
       FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
       WHERE t.contingent_id = $1 AND t.status = 'SEATED' AND s.status IN ('PENDING', 'OVERDUE', 'INFEASIBLE')`,
      [contingentId],
    );
    // Moved steps first lose the jobs of their old dates, also those now overdue or infeasible, which get none.
    if (replace) await this.dropStepJobs(steps.map((s) => s.id));
    return this.enqueueStepJobs(steps, now);
  }

  /** Adds the jobs of the pending steps given (an id that exists adds nothing); returns how many steps have jobs. */
  private async enqueueStepJobs(steps: readonly StepForJobs[], now = Date.now()): Promise<number> {
    const pending = steps.filter((s) => s.status === 'PENDING');
    const delay = (on: string) => Math.max(0, reminderTime(on) - now);
    const reminders = pending
      .filter((s) => s.remindOn)
      .map((s) => ({ payload: { stepId: s.id, remindOn: s.remindOn! }, options: { jobId: jobId(JobName.RemindStep, s.id), delay: delay(s.remindOn!) } }));
    const overdueChecks = pending
      .filter((s) => !isTravelStep(s.kind))
      .map((s) => ({ payload: { stepId: s.id, dueDate: s.dueDate }, options: { jobId: jobId(JobName.CheckStepOverdue, s.id), delay: delay(addDays(s.dueDate, 1)) } }));
    await this.producer.enqueueBulk(JobName.RemindStep, reminders);
    await this.producer.enqueueBulk(JobName.CheckStepOverdue, overdueChecks);
    return pending.length;
  }

  /** Removes the delayed jobs of steps that will not happen (a traveller who left the contingent). */
  async dropStepJobs(stepIds: readonly string[]): Promise<void> {
    for (const name of [JobName.RemindStep, JobName.CheckStepOverdue] as const) {
      await this.producer.removeAll(JOB_QUEUE[name], stepIds.map((id) => jobId(name, id)));
    }
  }

  /**
   * The overdue check: a step still pending past its due date (the date the job was planned for) becomes
   * OVERDUE, and the coordinators are alerted and the worker told, once, in the same transaction.
   */
  async checkOverdue(stepId: string, dueDate: string, today = todayIso()): Promise<'OVERDUE' | 'STALE'> {
    const ids = await this.dataSource.transaction(async (em) => {
      const step = await lockForUpdate(em, TravelStepEntity, stepId);
      if (!step || step.status !== 'PENDING' || step.dueDate !== dueDate || dueDate >= today) return undefined;
      step.status = stepStateMachine.next(step.status, 'MARK_OVERDUE');
      await em.save(step);
      const traveller = await em.findOneByOrFail(TravellerEntity, { id: step.travellerId });
      const contingent = await em.findOneByOrFail(ContingentEntity, { id: traveller.contingentId });
      const what = `${STEP_NAMES[step.kind]} was due ${step.dueDate}`;
      const notifications = await recordNotifications(em, [
        {
          dedupeKey: `step-overdue:${step.id}:${dueDate}:coordinators`,
          audience: 'COORDINATORS',
          kind: 'STEP_OVERDUE',
          subject: `Overdue in ${contingent.reference}: ${STEP_NAMES[step.kind].toLowerCase()}`,
          body: `${what} for traveller ${traveller.id} of ${contingent.reference} (departure ${contingent.departureDate})${step.blocking ? '; it blocks travel' : ''}.`,
        },
        {
          dedupeKey: `step-overdue:${step.id}:${dueDate}:applicant`,
          audience: 'APPLICANT',
          applicantId: traveller.applicantId,
          kind: 'STEP_OVERDUE',
          subject: `${STEP_NAMES[step.kind]}: overdue`,
          body: `${what}. Please contact your coordinator.`,
        },
      ]);
      return { notifications, applicantId: traveller.applicantId };
    });
    if (!ids) return 'STALE';
    await this.notifications.queue(ids.notifications);
    await this.events.publish([ids.applicantId], 'step.overdue');
    return 'OVERDUE';
  }

  /** The steps of an applicant's current seat, in due order; empty when the applicant has none. */
  stepsOf(applicantId: string): Promise<TravelStepEntity[]> {
    if (!isUuid(applicantId)) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(TravelStepEntity, 's')
      .innerJoin(TravellerEntity, 't', 't.id = s.traveller_id')
      .where('t.applicant_id = :applicantId AND t.status = :seated', { applicantId, seated: 'SEATED' })
      .orderBy('s.due_date', 'ASC')
      .addOrderBy(stepOrderSql('s.kind'), 'ASC')
      .getMany();
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
    const done = await this.dataSource.transaction(async (em) => {
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
      return em.save(step);
    });
    await this.events.publish([applicantId], 'step.done');
    return done;
  }

  /**
   * The reminder job: only for a step still pending on the date it was planned for. It records a notification
   * for the worker (once per step and date, however often the job runs) and queues its delivery.
   */
  async remind(stepId: string, remindOn: string): Promise<'REMINDED' | 'STALE'> {
    const id = await this.dataSource.transaction(async (em) => {
      const step = isUuid(stepId) ? await em.findOneBy(TravelStepEntity, { id: stepId }) : null;
      if (!step || step.status !== 'PENDING' || step.remindOn !== remindOn) return undefined;
      const traveller = await em.findOneByOrFail(TravellerEntity, { id: step.travellerId });
      return recordNotification(em, {
        dedupeKey: `step-due:${step.id}:${remindOn}`,
        audience: 'APPLICANT',
        applicantId: traveller.applicantId,
        kind: 'STEP_DUE',
        subject: `${STEP_NAMES[step.kind]}: due ${step.dueDate}`,
        body: `Your ${STEP_NAMES[step.kind].toLowerCase()} is due on ${step.dueDate}.${step.note ? ` ${step.note}.` : ''}`,
      });
    });
    if (id === undefined) return 'STALE';
    await this.notifications.queue([id]);
    return 'REMINDED';
  }

  /**
   * Moves a contingent to a new departure date: every step not done is planned again from it, in one
   * transaction, then the reminders follow (a stale reminder that fires meanwhile sees its step moved and does
   * nothing). A confirmed contingent goes back to PLANNED.
   */
  async reschedule(contingentId: string, departureDate: string, today = todayIso(), policy: TimelinePolicy = TIMELINE_POLICY_V1): Promise<ContingentEntity> {
    const contingent = await this.dataSource.transaction(async (em) => {
      const k = await lockForUpdate(em, ContingentEntity, contingentId);
      if (!k) throw DomainException.notFound('Contingent');
      if (departureDate > k.startDate || departureDate < today) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `The departure must be between today (${today}) and the start date (${k.startDate}).`, [
          { field: 'departureDate', message: `must be between ${today} and ${k.startDate}` },
        ]);
      }
      k.status = contingentStateMachine.next(k.status, 'RESCHEDULE');
      k.departureDate = departureDate;
      await em.save(k);
      // Every step not done is planned again: one statement per kind (REPLAN is allowed from exactly these states).
      const open = STEP_STATUSES.filter((st) => stepStateMachine.can(st, 'REPLAN'));
      for (const planned of planTimeline(departureDate, today, policy).steps) {
        await em.query(
          `UPDATE travel_step s SET due_date = $3, remind_on = $4, status = $5, note = $6, updated_at = now()
           FROM traveller t WHERE t.id = s.traveller_id AND t.contingent_id = $1 AND t.status = 'SEATED' AND s.kind = $2 AND s.status = ANY($7)`,
          [k.id, planned.kind, planned.dueDate, planned.remindOn, planned.status, planned.note, open],
        );
      }
      return k;
    });
    await this.syncStepJobs(contingent.id, { replace: true });
    const seated: { applicant_id: string }[] = await this.dataSource.query(`SELECT applicant_id FROM traveller WHERE contingent_id = $1 AND status = 'SEATED'`, [contingent.id]);
    await this.events.publish(seated.map((t) => t.applicant_id), 'contingent.rescheduled');
    return contingent;
  }

  /**
   * Seats travellers in a contingent with their own timeline, from its departure date and today, and moves them
   * to PRE_DEPARTURE: three set-based statements whatever the number. Returns the steps planned.
   */
  async seat(em: EntityManager, contingentId: string, departureDate: string, travellers: Traveller[], today: string, policy: TimelinePolicy): Promise<StepForJobs[]> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status)
       SELECT $1, a, o, 'SEATED' FROM unnest($2::uuid[], $3::uuid[]) AS x(a, o) RETURNING id`,
      [contingentId, travellers.map((t) => t.applicantId), travellers.map((t) => t.jobOrderId)],
    );
    const timeline = planTimeline(departureDate, today, policy);
    const steps = rows.flatMap((r) => timeline.steps.map((s) => ({ travellerId: r.id, ...s })));
    const column = <K extends keyof (typeof steps)[number]>(key: K) => steps.map((s) => s[key]);
    const planned: StepForJobs[] = await em.query(
      `INSERT INTO travel_step (traveller_id, kind, due_date, remind_on, status, blocking, note)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::text[], $6::boolean[], $7::text[])
       RETURNING id, kind, status, to_char(remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(due_date, 'YYYY-MM-DD') AS "dueDate"`,
      [column('travellerId'), column('kind'), column('dueDate'), column('remindOn'), column('status'), column('blocking'), column('note')],
    );
    const from: ApplicantStatus = 'SELECTED';
    const [, moved] = await em.query(`UPDATE applicant SET status = $2, updated_at = now() WHERE id = ANY($1) AND status = $3`, [
      travellers.map((t) => t.applicantId),
      applicantStateMachine.next(from, 'START_PRE_DEPARTURE'),
      from,
    ]);
    if (moved !== travellers.length) throw DomainException.conflict('An applicant being seated is no longer SELECTED; schedule again.');
    return planned;
  }
}
