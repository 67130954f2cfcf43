import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from '@puente/auth';
import { Actor, cleanText, DomainException, ErrorCode, isUuid, Page, Role, todayIso } from '@puente/common';
import { lockForUpdate, pageQuery, uniqueViolationOf } from '@puente/database';
import { ReferenceService } from '@puente/domain/reference';
import { ApplicantEntity } from './applicant.entity';
import {
  ApplicantDraft,
  applicantProblems,
  Education,
  Gender,
  languageLevelTokens,
  normalizeDui,
  normalizePassport,
} from './applicant.rules';
import { ApplicantStatus, applicantStateMachine } from './applicant.state-machine';

export interface ApplicantFilter {
  status?: ApplicantStatus | null;
  municipalityCode?: string | null;
  departmentCode?: string | null;
  occupation?: string | null;
  /** Applicants having all of these skills. */
  skills?: string[] | null;
  gender?: Gender | null;
  nationalId?: string | null;
}

@Injectable()
export class ApplicantService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Registers an applicant and opens their login (national ID + a temporary password shown once), in one
   * transaction: there is never an applicant without a login or the reverse.
   */
  async register(actor: Actor, draft: ApplicantDraft): Promise<{ applicant: ApplicantEntity; temporaryPassword: string }> {
    const ref = await this.reference.data();
    DomainException.assertValid(
      applicantProblems(draft, ref.codes, todayIso()),
    );
    const nationalId = normalizeDui(draft.nationalId)!;
    const temporaryPassword = this.auth.temporaryPassword();
    try {
      const applicant = await this.dataSource.transaction(async (em) => {
        const saved = await em.save(
          em.create(ApplicantEntity, {
            nationalId,
            firstNames: cleanText(draft.firstNames),
            lastNames: cleanText(draft.lastNames),
            birthDate: draft.birthDate,
            gender: draft.gender as Gender,
            municipalityCode: draft.municipalityCode,
            address: cleanText(draft.address) || null,
            phone: draft.phone,
            email: draft.email?.trim().toLowerCase() || null,
            occupations: [...new Set(draft.occupations)],
            skills: [...new Set(draft.skills)],
            languages: draft.languages,
            languageLevels: languageLevelTokens(draft.languages),
            yearsExperience: draft.yearsExperience,
            education: draft.education as Education,
            passportNumber: draft.passportNumber ? normalizePassport(draft.passportNumber) : null,
            passportExpiry: draft.passportExpiry || null,
            status: 'REGISTERED',
            registeredBy: actor.userId,
          }),
        );
        await this.auth.createUser(em, {
          identifier: nationalId,
          email: saved.email,
          role: Role.APPLICANT,
          password: temporaryPassword,
          applicantId: saved.id,
          mustChangePassword: true,
        });
        return saved;
      });
      return { applicant, temporaryPassword };
    } catch (error) {
      const constraint = uniqueViolationOf(error);
      if (constraint === 'applicant_national_id_key') {
        throw new DomainException(ErrorCode.CONFLICT, 'An applicant with this DUI is already registered.', [
          { field: 'nationalId', message: 'is already registered' },
        ]);
      }
      if (constraint === 'applicant_passport_number_key') {
        throw new DomainException(ErrorCode.CONFLICT, 'Another applicant is registered with this passport number.', [
          { field: 'passportNumber', message: 'is already registered to another applicant' },
        ]);
      }
      throw error;
    }
  }

  /** Verifies the documents; an applicant with a valid passport becomes AVAILABLE for matching at once. */
  async verify(actor: Actor, id: string): Promise<ApplicantEntity> {
    return this.dataSource.transaction(async (em) => {
      const applicant = await lockForUpdate(em, ApplicantEntity, id);
      if (!applicant) throw DomainException.notFound('Applicant');
      let status = applicantStateMachine.next(applicant.status, 'VERIFY');
      if (applicant.passportExpiry && applicant.passportExpiry > todayIso()) {
        status = applicantStateMachine.next(status, 'MAKE_AVAILABLE');
      }
      Object.assign(applicant, { status, verifiedAt: new Date(), verifiedBy: actor.userId });
      return em.save(applicant);
    });
  }

  /** Coordinators reach any applicant; an applicant only itself. Anything else reads as not found. */
  async findForActor(actor: Actor, id: string): Promise<ApplicantEntity> {
    const mayRead = actor.role === Role.COORDINATOR || (actor.role === Role.APPLICANT && actor.applicantId === id);
    const applicant = mayRead && isUuid(id) ? await this.dataSource.manager.findOneBy(ApplicantEntity, { id }) : null;
    if (!applicant) throw DomainException.notFound('Applicant');
    return applicant;
  }

  async list(actor: Actor, filter: ApplicantFilter, page: Page): Promise<ApplicantEntity[]> {
    if (actor.role !== Role.COORDINATOR) throw DomainException.forbidden();
    const qb = this.dataSource.manager.createQueryBuilder(ApplicantEntity, 'a');
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.municipalityCode) qb.andWhere('a.municipality_code = :m', { m: filter.municipalityCode });
    if (filter.departmentCode) {
      qb.andWhere('a.municipality_code IN (SELECT code FROM municipality WHERE department_code = :d)', { d: filter.departmentCode });
    }
    if (filter.occupation) qb.andWhere('a.occupations @> ARRAY[:occupation]::text[]', { occupation: filter.occupation });
    if (filter.skills?.length) qb.andWhere('a.skills @> :skills::text[]', { skills: filter.skills });
    if (filter.gender) qb.andWhere('a.gender = :gender', { gender: filter.gender });
    if (filter.nationalId) qb.andWhere('a.national_id = :nid', { nid: normalizeDui(filter.nationalId) ?? filter.nationalId });
    return pageQuery(qb, page).getMany();
  }
}
