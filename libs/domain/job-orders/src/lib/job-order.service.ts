import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, cleanText, DomainException, ErrorCode, isUuid, Page, requireReason, Role, todayIso } from '@puente/common';
import { lockForUpdate, pageQuery } from '@puente/database';
import { EmployerService } from '@puente/domain/employers';
import { ReferenceService } from '@puente/domain/reference';
import { JobOrderEntity } from './job-order.entity';
import { currencyOf, destinationSystem, endDate, JobOrderDraft, jobOrderProblems } from './job-order.rules';
import { JobOrderEvent, JobOrderStatus, jobOrderStateMachine } from './job-order.state-machine';

/** Emitted after an approval commits; matching listens and queues a run for the newly open order. */
export const JOB_ORDER_APPROVED = 'job-order.approved';
export interface JobOrderApprovedEvent {
  jobOrderId: string;
  actor: Actor;
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
  ) {}

  /** An employer user drafts an order for its own employer. A suspended employer cannot. */
  async create(actor: Actor, draft: JobOrderDraft): Promise<JobOrderEntity> {
    const employer = actor.employerId ? await this.employers.findById(actor.employerId) : null;
    if (actor.role !== Role.EMPLOYER || !employer) throw DomainException.forbidden('Only an employer user can create job orders.');
    if (employer.status === 'SUSPENDED') {
      throw DomainException.forbidden('Your employer account is suspended; contact the ministry.');
    }
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
      const reference = await this.nextReference(em);
      return em.save(
        em.create(JobOrderEntity, {
          reference,
          employerId: employer.id,
          title: cleanText(draft.title),
          iscoCode: draft.iscoCode,
          destinationOccupationSystem: destinationSystem(employer.country),
          destinationOccupationCode: draft.destinationOccupationCode.trim(),
          positions: draft.positions,
          requiredSkills: [...new Set(draft.requiredSkills)],
          preferredSkills: [...new Set(draft.preferredSkills)],
          languages: draft.languages,
          requiredLanguageLevels: draft.languages.map((l) => `${l.code}:${l.level}`),
          minExperienceYears: draft.minExperienceYears,
          workRegionCode: draft.workRegionCode,
          workCity: cleanText(draft.workCity),
          startDate: draft.startDate,
          durationWeeks: draft.durationWeeks,
          endDate: endDate(draft.startDate, draft.durationWeeks),
          hourlyWage: draft.hourlyWage,
          currency: currencyOf(employer.country),
          hoursPerWeek: draft.hoursPerWeek,
          housingProvided: draft.housingProvided,
          housingDescription: cleanText(draft.housingDescription) || null,
          employerPaysRecruitment: draft.employerPaysRecruitment,
          employerPaysTravel: draft.employerPaysTravel,
          status: 'DRAFT',
          createdBy: actor.userId,
        }),
      );
    });
  }

  /** The employer sends its draft for the ministry's approval; only a VERIFIED employer may. */
  async submit(actor: Actor, id: string): Promise<JobOrderEntity> {
    return this.transition(actor, id, 'SUBMIT', async (order) => {
      const employer = await this.employers.findById(order.employerId);
      if (employer?.status !== 'VERIFIED') {
        throw DomainException.forbidden(
          employer?.status === 'SUSPENDED'
            ? 'Your employer account is suspended; it cannot submit job orders.'
            : 'Your employer account is waiting for verification by the ministry; you can submit job orders once it is verified.',
        );
      }
      if (order.startDate < todayIso()) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, 'The start date has passed; create a new order with a later start date.', [
          { field: 'startDate', message: 'has passed' },
        ]);
      }
      return { submittedAt: new Date() };
    });
  }

  async approve(actor: Actor, id: string): Promise<JobOrderEntity> {
    const order = await this.transition(actor, id, 'APPROVE', async (order) => {
      const employer = await this.employers.findById(order.employerId);
      if (employer?.status !== 'VERIFIED') {
        throw DomainException.forbidden('The employer is not verified (or is suspended); its orders cannot be approved.');
      }
      return { approvedAt: new Date(), approvedBy: actor.userId, statusReason: null };
    });
    const event: JobOrderApprovedEvent = { jobOrderId: order.id, actor };
    await this.events.emitAsync(JOB_ORDER_APPROVED, event);
    return order;
  }

  async reject(actor: Actor, id: string, reason: string): Promise<JobOrderEntity> {
    const statusReason = requireReason(reason, 'for the rejection; the employer reads it');
    return this.transition(actor, id, 'REJECT', async () => ({ statusReason }));
  }

  /** Coordinators reach every order; an employer only its own. Anything else reads as not found. */
  async findForActor(actor: Actor, id: string): Promise<JobOrderEntity> {
    const order = isUuid(id) ? await this.dataSource.manager.findOneBy(JobOrderEntity, { id }) : null;
    if (!order || !this.mayRead(actor, order)) throw DomainException.notFound('Job order');
    return order;
  }

  /** Coordinators list all orders; an employer's list is always narrowed to its own, whatever the filter says. */
  async list(actor: Actor, filter: JobOrderFilter, page: Page): Promise<JobOrderEntity[]> {
    const qb = this.dataSource.manager.createQueryBuilder(JobOrderEntity, 'o');
    if (actor.role === Role.EMPLOYER) qb.andWhere('o.employer_id = :own', { own: actor.employerId });
    else if (actor.role !== Role.COORDINATOR) throw DomainException.forbidden();
    if (filter.employerId) {
      if (!isUuid(filter.employerId)) return [];
      qb.andWhere('o.employer_id = :employerId', { employerId: filter.employerId });
    }
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter.iscoCode) qb.andWhere('o.isco_code = :isco', { isco: filter.iscoCode });
    if (filter.workRegionCode) qb.andWhere('o.work_region_code = :region', { region: filter.workRegionCode });
    if (filter.country) qb.andWhere('o.currency = :currency', { currency: currencyOf(filter.country) });
    return pageQuery(qb, page).getMany();
  }

  private mayRead(actor: Actor, order: JobOrderEntity): boolean {
    return actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && actor.employerId === order.employerId);
  }

  private transition(
    actor: Actor,
    id: string,
    event: JobOrderEvent,
    guard: (order: JobOrderEntity) => Promise<Partial<JobOrderEntity>>,
  ): Promise<JobOrderEntity> {
    return this.dataSource.transaction(async (em) => {
      const order = await lockForUpdate(em, JobOrderEntity, id);
      if (!order || !this.mayRead(actor, order)) throw DomainException.notFound('Job order');
      const status = jobOrderStateMachine.next(order.status, event);
      Object.assign(order, await guard(order), { status });
      return em.save(order);
    });
  }

  private async nextReference(em: EntityManager): Promise<string> {
    const [{ n }] = await em.query(`SELECT nextval('job_order_number_seq') AS n`);
    return `JO-${todayIso().slice(0, 4)}-${String(n).padStart(6, '0')}`;
  }
}

