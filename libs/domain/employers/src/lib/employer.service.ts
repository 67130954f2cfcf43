import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthService, SessionService } from '@puente/auth';
import { Actor, cleanText, DomainException, ErrorCode, isUuid, Page, requireReason, Role, Selection } from '@puente/common';
import { lockForUpdate, uniqueViolationOf, Where } from '@puente/database';
import { ReferenceData, ReferenceService } from '@puente/domain/reference';
import { EmployerEntity } from './employer.entity';
import { EMPLOYER_READ } from './graphql/employer.mapper';
import type { Sector } from '@puente/domain/reference';
import { EmployerDraft, employerProblems, Program } from './employer.rules';
import { EmployerEvent, EmployerStatus, employerStateMachine } from './employer.state-machine';

export interface EmployerFilter {
  status?: EmployerStatus | null;
  country?: 'US' | 'CA' | null;
  regionCode?: string | null;
  sector?: Sector | null;
}

@Injectable()
export class EmployerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  /** Public sign-up: the employer starts PENDING_VERIFICATION with one user, its contact e-mail. */
  async register(draft: EmployerDraft, password: string): Promise<EmployerEntity> {
    const ref = await this.reference.data();
    DomainException.assertValid(employerProblems(draft, ref.regionCountry));
    try {
      return await this.dataSource.transaction(async (em) => {
        const employer = await em.save(
          em.create(EmployerEntity, {
            legalName: cleanText(draft.legalName),
            tradeName: cleanText(draft.tradeName) || null,
            country: draft.country as 'US' | 'CA',
            regionCode: draft.regionCode,
            city: cleanText(draft.city),
            sector: draft.sector as Sector,
            program: draft.program as Program,
            programReference: draft.programReference.trim(),
            contactName: cleanText(draft.contactName),
            contactEmail: draft.contactEmail.trim().toLowerCase(),
            contactPhone: draft.contactPhone,
            status: 'PENDING_VERIFICATION',
          }),
        );
        await this.auth.createUser(em, {
          identifier: employer.contactEmail,
          email: employer.contactEmail,
          role: Role.EMPLOYER,
          password,
          employerId: employer.id,
        });
        return employer;
      });
    } catch (error) {
      if (uniqueViolationOf(error) === 'employer_program_reference_key') {
        throw new DomainException(ErrorCode.CONFLICT, 'An employer with this program reference is already registered.', [
          { field: 'programReference', message: 'is already registered' },
        ]);
      }
      throw error;
    }
  }

  /** Verifies a new employer, or reinstates a suspended one: its users may sign in again (their old sessions stay ended). */
  verify(actor: Actor, id: string): Promise<EmployerEntity> {
    const changes = { verifiedAt: new Date(), verifiedBy: actor.userId, statusReason: null };
    return this.transition(id, (status) => (status === 'SUSPENDED' ? 'REINSTATE' : 'VERIFY'), changes);
  }

  /** Suspends the employer and ends every session of its users at once; they cannot sign in or refresh while it lasts. */
  suspend(id: string, reason: string): Promise<EmployerEntity> {
    return this.transition(id, 'SUSPEND', { statusReason: requireReason(reason, 'for the suspension') }, async (em) => {
      await this.sessions.endForEmployer(em, id, 'employer-suspended');
    });
  }

  /**
   * Inside a transaction pass its manager: a second pooled connection taken while the first holds a row lock
   * starves the pool under load (every connection held by a transaction waiting for one more).
   */
  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<EmployerEntity | null> {
    return em.findOneBy(EmployerEntity, { id });
  }

  /** One query for many ids, in the order asked (DataLoader's contract). */
  async findByIds(ids: readonly string[]): Promise<(EmployerEntity | null)[]> {
    const rows = await this.dataSource.manager.findBy(EmployerEntity, { id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(filter: EmployerFilter, page: Page): Promise<EmployerEntity[]> {
    return EMPLOYER_READ.entityPage(this.dataSource.manager, page, listWhere(filter));
  }

  /** `list`, with only the fields the query selects (EMPLOYER_READ). */
  readList(filter: EmployerFilter, page: Page, selection: Selection, ref: ReferenceData) {
    return EMPLOYER_READ.page(this.dataSource.manager, selection, ref, page, listWhere(filter));
  }

  /**
   * One employer with only the selected fields: coordinators reach every employer, an employer user only its own;
   * anything else reads as not found.
   */
  async read(actor: Actor, id: string, selection: Selection, ref: ReferenceData) {
    const mayRead = actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && actor.employerId === id);
    const employer = mayRead && isUuid(id) ? await EMPLOYER_READ.one(this.dataSource.manager, selection, ref, (p) => [`t.id = ${p(id)}`]) : null;
    if (!employer) throw DomainException.notFound('Employer');
    return employer;
  }

  private transition(
    id: string,
    event: EmployerEvent | ((status: EmployerStatus) => EmployerEvent),
    changes: Partial<EmployerEntity>,
    then?: (em: EntityManager) => Promise<void>,
  ): Promise<EmployerEntity> {
    return this.dataSource.transaction(async (em) => {
      const employer = await lockForUpdate(em, EmployerEntity, id);
      if (!employer) throw DomainException.notFound('Employer');
      const next = employerStateMachine.next(employer.status, typeof event === 'function' ? event(employer.status) : event);
      Object.assign(employer, changes, { status: next });
      const saved = await em.save(employer);
      await then?.(em);
      return saved;
    });
  }
}

/** The conditions of the coordinators' list of employers under a filter. */
function listWhere(filter: EmployerFilter): Where {
  return (p) => [
    filter.status ? `t.status = ${p(filter.status)}` : null,
    filter.country ? `t.country = ${p(filter.country)}` : null,
    filter.regionCode ? `t.region_code = ${p(filter.regionCode)}` : null,
    filter.sector ? `t.sector = ${p(filter.sector)}` : null,
  ];
}
