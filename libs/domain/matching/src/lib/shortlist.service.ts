import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, Role } from '@puente/common';
import { ApplicantEntity } from '@puente/domain/applicants';
import { candidatesOf } from './candidate.repository';
import type { CandidateEntity } from './candidate.entity';

/**
 * The reads behind an order's shortlist view, for an order the caller already reached (job-orders scoped it): a page
 * of candidates by rank (scoped to the actor again, so no new resolver can skip it), their applicants' profiles, and how many positions each order has filled.
 */
@Injectable()
export class ShortlistService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of the order's shortlist by rank, for a coordinator or the order's own employer; empty for anyone else. */
  async pageForActor(actor: Actor, order: { id: string; employerId: string }, afterRank: number, limit: number): Promise<CandidateEntity[]> {
    const mayRead = actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && actor.employerId === order.employerId);
    return mayRead ? candidatesOf(this.dataSource, order.id, afterRank, limit) : [];
  }

  /** The applicants behind these candidates, by id. */
  async applicantsOf(rows: readonly CandidateEntity[]): Promise<Map<string, ApplicantEntity>> {
    if (!rows.length) return new Map();
    const applicants = await this.dataSource.manager.findBy(ApplicantEntity, { id: In(rows.map((c) => c.applicantId)) });
    return new Map(applicants.map((a) => [a.id, a]));
  }

  /** Selected candidates per order, in the order of the ids asked for. */
  async selectedCounts(jobOrderIds: readonly string[]): Promise<number[]> {
    const rows: { job_order_id: string; selected: number }[] = await this.dataSource.query(
      `SELECT job_order_id, count(*)::int AS selected FROM candidate WHERE job_order_id = ANY($1) AND status = 'SELECTED' GROUP BY job_order_id`,
      [[...jobOrderIds]],
    );
    const counts = new Map(rows.map((r) => [r.job_order_id, r.selected]));
    return jobOrderIds.map((id) => counts.get(id) ?? 0);
  }
}
