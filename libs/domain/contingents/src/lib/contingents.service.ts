import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, DomainException, ErrorCode, isUuid, todayIso } from '@puente/common';
import { JobProducer } from '@puente/queue';
import { jobId, JobName } from '@puente/queue-contracts';
import { ApplicantEntity, applicantStateMachine } from '@puente/domain/applicants';
import { JobOrderEntity } from '@puente/domain/job-orders';
import { planSeats, Traveller } from './contingent.rules';
import { ContingentEntity, TravellerEntity, TravelStepEntity } from './contingent.entity';
import { TIMELINE_POLICY_V1, TimelinePolicy } from './timeline.policy';
import { departureFor, planTimeline } from './timeline.rules';

export const DEFAULT_CONTINGENT_CAPACITY = 70;

export interface ScheduleOutcome {
  contingentsCreated: number;
  travellersSeated: number;
}

@Injectable()
export class ContingentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  /**
   * Queues the seating of an order's selected workers; the worker does it. The job id is the order's, so two
   * calls while one is pending are one job; a completed job is removed, so a later call (after more selections)
   * runs again, and the service's idempotence makes any repeat harmless. Returns how many wait for a seat.
   */
  async requestSchedule(actor: Actor, jobOrderId: string): Promise<number> {
    const order = isUuid(jobOrderId) ? await this.dataSource.manager.findOneBy(JobOrderEntity, { id: jobOrderId }) : null;
    if (!order) throw DomainException.notFound('Job order');
    if (order.status !== 'OPEN' && order.status !== 'FILLED') {
      throw new DomainException(ErrorCode.INVALID_TRANSITION, `Contingents are scheduled for OPEN or FILLED orders; ${order.reference} is ${order.status}.`);
    }
    const [{ waiting }] = await this.dataSource.query(
      `SELECT count(*)::int AS waiting FROM candidate c WHERE c.job_order_id = $1 AND c.status = 'SELECTED'
         AND NOT EXISTS (SELECT 1 FROM traveller t WHERE t.applicant_id = c.applicant_id AND t.job_order_id = c.job_order_id)`,
      [order.id],
    );
    if (!waiting) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, `${order.reference} has no selected applicant waiting for a seat; select candidates first.`, [
        { field: 'jobOrderId', message: 'has no selected applicant without a seat' },
      ]);
    }
    await this.producer.enqueue(
      JobName.ScheduleContingents,
      { jobOrderId: order.id, requestId: actor.requestId },
      { jobId: jobId(JobName.ScheduleContingents, order.id), removeOnComplete: true },
    );
    return waiting;
  }

  /** The contingents an order's workers are seated in, with how many of them. */
  contingentsOf(jobOrderId: string): Promise<(ContingentEntity & { seated: number })[]> {
    if (!isUuid(jobOrderId)) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT k.id, k.reference, k.region_code AS "regionCode", to_char(k.start_date, 'YYYY-MM-DD') AS "startDate",
              to_char(k.departure_date, 'YYYY-MM-DD') AS "departureDate", k.status, k.capacity,
              (SELECT count(*)::int FROM traveller t WHERE t.contingent_id = k.id AND t.status <> 'WITHDRAWN' AND t.status <> 'REPLACED') AS seated
       FROM contingent k WHERE k.id IN (SELECT contingent_id FROM traveller WHERE job_order_id = $1) ORDER BY k.sequence`,
      [jobOrderId],
    );
  }

  /**
   * Seats the selected applicants of an order, and of every open or filled order with the same destination
   * region and start date, in contingents of at most `capacity`, and plans each one's steps. Idempotent: an
   * applicant already seated for an order is left alone, so a second call (or a retried job) creates nothing.
   * One transaction, under an advisory lock per region and start date, so concurrent calls seat nobody twice.
   */
  async schedule(jobOrderId: string, capacity = DEFAULT_CONTINGENT_CAPACITY, today = todayIso(), policy: TimelinePolicy = TIMELINE_POLICY_V1): Promise<ScheduleOutcome> {
    return this.dataSource.transaction(async (em) => {
      const order = isUuid(jobOrderId) ? await em.findOneBy(JobOrderEntity, { id: jobOrderId }) : null;
      if (!order) throw DomainException.notFound('Job order');
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`contingent|${order.workRegionCode}|${order.startDate}`]);
      const waiting: Traveller[] = await em.query(
        `SELECT c.applicant_id AS "applicantId", c.job_order_id AS "jobOrderId", o.work_region_code AS "regionCode",
                to_char(o.start_date, 'YYYY-MM-DD') AS "startDate"
         FROM candidate c JOIN job_order o ON o.id = c.job_order_id
         WHERE c.status = 'SELECTED' AND o.work_region_code = $1 AND o.start_date = $2 AND o.status IN ('OPEN', 'FILLED')
           AND NOT EXISTS (SELECT 1 FROM traveller t WHERE t.applicant_id = c.applicant_id AND t.job_order_id = c.job_order_id)`,
        [order.workRegionCode, order.startDate],
      );
      if (!waiting.length) return { contingentsCreated: 0, travellersSeated: 0 };
      // Only a contingent still being planned takes new travellers; the others count as full but keep their numbers.
      const existing: { id: string; regionCode: string; startDate: string; sequence: number; departureDate: string; size: number }[] = await em.query(
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
      for (const join of plan.joins) await this.seat(em, join.contingentId, departures.get(join.contingentId)!, join.travellers, today, policy);
      return { contingentsCreated: plan.created.length, travellersSeated: waiting.length };
    });
  }

  private async seat(em: EntityManager, contingentId: string, departureDate: string, travellers: Traveller[], today: string, policy: TimelinePolicy): Promise<void> {
    const rows = await em.save(travellers.map((t) => em.create(TravellerEntity, { contingentId, applicantId: t.applicantId, jobOrderId: t.jobOrderId, status: 'SEATED' })));
    const timeline = planTimeline(departureDate, today, policy);
    const steps = rows.flatMap((r) =>
      timeline.steps.map((s) => ({ travellerId: r.id, kind: s.kind, dueDate: s.dueDate, remindOn: s.remindOn, status: s.status, blocking: s.blocking, note: s.note })),
    );
    for (let i = 0; i < steps.length; i += 1000) await em.insert(TravelStepEntity, steps.slice(i, i + 1000));
    const applicants = await em.findBy(ApplicantEntity, { id: In(travellers.map((t) => t.applicantId)) });
    for (const a of applicants) a.status = applicantStateMachine.next(a.status, 'START_PRE_DEPARTURE');
    await em.save(applicants);
  }
}
