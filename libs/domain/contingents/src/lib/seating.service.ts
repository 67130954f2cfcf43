import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainException, ErrorCode, isUuid, todayIso } from '@puente/common';
import { JobProducer, UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { moveApplicantsInBulk } from '@puente/domain/applicants';
import { JobOrderEntity } from '@puente/domain/job-orders';
import { ExistingContingent, planSeats, Traveller } from './contingent.rules';
import { ContingentEntity } from './contingent.entity';
import { TIMELINE_POLICY_V1, TimelinePolicy } from './timeline.policy';
import { departureFor, planTimeline } from './timeline.rules';
import { StepJobsService } from './step-jobs.service';
import { StepForJobs } from './step-jobs.rules';

/**
 * Orders whose selected workers can be seated: open or filled, and under way, for a later group of an order whose first
 * contingent has left (say, its second contingent was cancelled and is planned again).
 */
const SCHEDULABLE_ORDER_STATUSES: readonly string[] = ['OPEN', 'FILLED', 'IN_PROGRESS'];

export const DEFAULT_CONTINGENT_CAPACITY = 70;

/** A selection (candidate `c`) whose applicant has no seat yet for that order (a seat cancelled by the office is none). */
const UNSEATED_SELECTION = `c.status = 'SELECTED'
  AND NOT EXISTS (SELECT 1 FROM traveller t WHERE t.applicant_id = c.applicant_id AND t.job_order_id = c.job_order_id AND t.status <> 'CANCELLED')`;

export interface ScheduleOutcome {
  contingentsCreated: number;
  travellersSeated: number;
}

/**
 * Seating: the selected workers of a destination region and start date put into contingents, each with the
 * timeline of steps planned back from its departure, and the scheduling job that does it.
 */
@Injectable()
export class SeatingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly uow: UnitOfWork,
    private readonly stepJobs: StepJobsService,
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
    const previous = await this.producer.queue(JOB_QUEUE[JobName.ScheduleContingents]).getJob(id);
    const failed = previous ? await previous.isFailed() : false;
    await this.uow.run('contingents.request-schedule', async (tx) => {
      // A job that failed for good keeps its id for a while: remove it first, or this request would be taken for it.
      if (failed) tx.removeJobs(JOB_QUEUE[JobName.ScheduleContingents], [id]);
      tx.addJob(JobName.ScheduleContingents, { jobOrderId: order.id, requestId: actor.requestId }, { jobId: id, removeOnComplete: true });
    });
    return waiting;
  }

  /**
   * Seats the selected applicants of an order, and of every open or filled order with the same destination
   * region and start date, in contingents of at most `capacity`, and plans each one's steps. Idempotent: an
   * applicant already seated for an order is left alone, so a second call (or a retried job) creates nothing.
   * One transaction, under an advisory lock per region and start date, so concurrent calls seat nobody twice.
   */
  async schedule(jobOrderId: string, capacity = DEFAULT_CONTINGENT_CAPACITY, today = todayIso(), policy: TimelinePolicy = TIMELINE_POLICY_V1): Promise<ScheduleOutcome> {
    const { contingentsCreated, travellersSeated } = await this.seatGroup(jobOrderId, capacity, today, policy, false);
    return { contingentsCreated, travellersSeated };
  }

  /**
   * Seats, and gives every step it planned its jobs in the same unit of work. A run that seated nobody (a retry,
   * or a repeat) instead reads back every pending step of the group's planned contingents and adds the jobs
   * missing (an id that exists adds nothing), so a retry always completes them.
   */
  scheduleAndRemind(jobOrderId: string): Promise<ScheduleOutcome & { reminders: number }> {
    return this.seatGroup(jobOrderId, DEFAULT_CONTINGENT_CAPACITY, todayIso(), TIMELINE_POLICY_V1, true);
  }

  /** `schedule`, with the step jobs when `withJobs`: one unit of work, so the jobs exist if and only if the seats do. */
  private seatGroup(jobOrderId: string, capacity: number, today: string, policy: TimelinePolicy, withJobs: boolean): Promise<ScheduleOutcome & { reminders: number }> {
    return this.uow.run('contingents.schedule', async (tx) => {
      const em = tx.em;
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
      if (!waiting.length) {
        return { contingentsCreated: 0, travellersSeated: 0, reminders: withJobs ? await this.syncGroup(tx, order.workRegionCode, order.startDate) : 0 };
      }
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
      tx.publish(waiting.map((t) => t.applicantId), 'contingent.seated');
      return { contingentsCreated: plan.created.length, travellersSeated: waiting.length, reminders: withJobs ? this.stepJobs.addStepJobs(tx, steps) : 0 };
    });
  }

  /** The jobs of every pending step of a group's planned contingents, those missing added; returns the steps covered. */
  private async syncGroup(tx: UnitOfWorkTx, regionCode: string, startDate: string): Promise<number> {
    const planned: { id: string }[] = await tx.em.query(`SELECT id FROM contingent WHERE region_code = $1 AND start_date = $2 AND status = 'PLANNED'`, [regionCode, startDate]);
    let reminders = 0;
    for (const { id } of planned) reminders += await this.stepJobs.syncStepJobs(tx, id);
    return reminders;
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
    const planned: Omit<StepForJobs, 'contingentId'>[] = await em.query(
      `INSERT INTO travel_step (traveller_id, kind, due_date, remind_on, status, blocking, note)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::text[], $6::boolean[], $7::text[])
       RETURNING id, kind, status, to_char(remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(due_date, 'YYYY-MM-DD') AS "dueDate"`,
      [column('travellerId'), column('kind'), column('dueDate'), column('remindOn'), column('status'), column('blocking'), column('note')],
    );
    const moved = await moveApplicantsInBulk(em, travellers.map((t) => t.applicantId), 'START_PRE_DEPARTURE', ['SELECTED']);
    if (moved !== travellers.length) throw DomainException.conflict('An applicant being seated is no longer SELECTED; schedule again.');
    return planned.map((s) => ({ ...s, contingentId }));
  }
}
