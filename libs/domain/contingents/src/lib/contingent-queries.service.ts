import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, DomainException, isUuid, jurisdictionOf, Page, Role } from '@puente/common';
import { keysetAfterSql } from '@puente/database';
import { ContingentStatus, PlacementStatus } from './contingent.state-machine';
import { ContingentEntity, TravellerEntity, TravellerStatus, TravelStepEntity } from './contingent.entity';
import { StepKind, stepOrderSql } from './timeline.policy';

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

export interface ContingentFilter {
  status?: ContingentStatus | null;
  regionCode?: string | null;
  departureFrom?: string | null;
  departureTo?: string | null;
  jobOrderId?: string | null;
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

/**
 * Which contingents an actor sees: `employerId` limits them to those carrying a worker of that employer's orders,
 * `regionCodes` to those going to these regions (a consul's jurisdiction); null for either means no such limit.
 */
export interface ContingentScope {
  employerId: string | null;
  regionCodes: readonly string[] | null;
}

/**
 * The contingents an actor may see: a coordinator all, an employer those carrying a worker of its orders, a consul
 * those going to a region of their jurisdiction, anyone else none (null). The *ForActor reads apply it, so a
 * resolver cannot forget it.
 */
export function contingentScope(actor: Actor): ContingentScope | null {
  if (actor.role === Role.COORDINATOR) return { employerId: null, regionCodes: null };
  if (actor.role === Role.EMPLOYER && actor.employerId) return { employerId: actor.employerId, regionCodes: null };
  if (actor.role === Role.CONSUL) {
    const jurisdiction = jurisdictionOf(actor);
    return jurisdiction ? { employerId: null, regionCodes: jurisdiction.regionCodes } : null;
  }
  return null;
}

/** The read models of contingents for the resolvers: contingents, their members, timeline and a worker's steps. */
@Injectable()
export class ContingentQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A contingent the actor may see; NOT_FOUND otherwise, as for one that does not exist. */
  async findForActor(actor: Actor, id: string): Promise<ContingentView> {
    const scope = contingentScope(actor);
    const contingent = scope ? await this.contingentById(id, scope) : null;
    if (!contingent) throw DomainException.notFound('Contingent');
    return contingent;
  }

  /**
   * The members of a contingent the actor sees: an employer only its own workers, a consul those of a contingent
   * in their jurisdiction (none of any other).
   */
  async membersForActor(actor: Actor, contingentId: string): Promise<ContingentMember[]> {
    const scope = contingentScope(actor);
    if (!scope) return [];
    return this.membersOf(contingentId, scope.employerId, scope.regionCodes);
  }

  /** The contingents the actor sees, newest first. */
  async listForActor(actor: Actor, filter: ContingentFilter, page: Page): Promise<(ContingentView & { createdAt: Date })[]> {
    const scope = contingentScope(actor);
    return scope ? this.list(filter, page, scope) : [];
  }

  /**
   * Every contingent matching the filter, newest first, keyset-paged on (created_at, id), within the scope (as
   * `contingentById`): for an employer only those carrying a worker of its orders, for a consul those of their regions.
   */
  list(filter: ContingentFilter, page: Page, scope?: ContingentScope): Promise<(ContingentView & { createdAt: Date })[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const employerId = scope?.employerId ?? null;
    if (scope?.regionCodes) where.push(`k.region_code = ANY(${param([...scope.regionCodes])}::text[])`);
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
    if (page.after) where.push(keysetAfterSql('k.created_at', 'k.id', `${param(page.after.createdAt)}::timestamptz`, `${param(page.after.id)}::uuid`));
    const sql = CONTINGENT_VIEW.replace('FROM contingent k', ', k.created_at AS "createdAt" FROM contingent k');
    return this.dataSource.query(
      `${sql}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY k.created_at DESC, k.id DESC LIMIT ${param(page.limit + 1)}`,
      params,
    );
  }

  /** A contingent within the scope: for an employer, only one carrying a worker of its orders; for a consul, one of their regions. */
  async contingentById(id: string, scope?: ContingentScope): Promise<ContingentView | null> {
    const [row] = isUuid(id)
      ? await this.dataSource.query(
          `${CONTINGENT_VIEW} WHERE k.id = $1 AND EXISTS (SELECT 1 FROM traveller t WHERE t.contingent_id = k.id AND ${OF_EMPLOYER})
             AND ($3::text[] IS NULL OR k.region_code = ANY($3::text[]))`,
          [id, scope?.employerId ?? null, scope?.regionCodes ? [...scope.regionCodes] : null],
        )
      : [];
    return row ?? null;
  }

  /**
   * Who travels (or travelled) in a contingent, with their steps; for an employer, the workers of its orders; with
   * regions (a consul's), none unless the contingent goes to one of them.
   */
  async membersOf(contingentId: string, employerId?: string | null, regionCodes?: readonly string[] | null): Promise<ContingentMember[]> {
    const travellers: (Omit<ContingentMember, 'steps'> & { id: string })[] = await this.dataSource.query(
      `SELECT t.id, t.applicant_id AS "applicantId", a.first_names || ' ' || a.last_names AS name, t.job_order_id AS "jobOrderId", t.status,
              p.id AS "placementId", p.status AS "placementStatus"
       FROM traveller t JOIN applicant a ON a.id = t.applicant_id LEFT JOIN placement p ON p.traveller_id = t.id
       WHERE t.contingent_id = $1 AND t.status NOT IN (${OFF_SEAT}) AND ${OF_EMPLOYER}
         AND ($3::text[] IS NULL OR EXISTS (SELECT 1 FROM contingent k WHERE k.id = t.contingent_id AND k.region_code = ANY($3::text[])))
       ORDER BY a.last_names, a.first_names, t.id`,
      [contingentId, employerId ?? null, regionCodes ?? null],
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
}
