import { EventEmitter2 } from '@nestjs/event-emitter';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from '@puente/auth';
import { Actor, cleanText, DomainException, isUuid, Page, Role, todayIso } from '@puente/common';
import { lockForUpdate, pageQuery, recordAudit } from '@puente/database';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { statisticsRefresh } from '@puente/queue-contracts';
import { ReferenceService } from '@puente/domain/reference';
import { ApplicantEntity } from './applicant.entity';
import { ApplicantIdentifiers, RevealedApplicant } from './applicant-identifiers';
import {
  ApplicantChanges,
  applicantChangeProblems,
  ApplicantDraft,
  applicantProblems,
  applyChanges,
  EditableField,
  EDITABLE_FIELDS,
  Education,
  assertProfileEditable,
  Gender,
  languageLevelTokens,
  normalizeDui,
  normalizePassport,
} from './applicant.rules';
import { ApplicantStatus, applicantStateMachine, statusOnceDocumented } from './applicant.state-machine';
import { dropDocumentWarnings, planDocumentWarnings, supersedeDocument } from './applicant-documents';
import { conflictOf } from './applicant-conflicts';

/**
 * Emitted inside the unit of work that corrects an applicant's passport expiry; other domains react without a
 * dependency, queueing what follows in that same unit (so a crash after commit loses none of it).
 */
export const APPLICANT_PASSPORT_CHANGED = 'applicant.passport-changed';
export interface ApplicantPassportChangedEvent {
  applicantId: string;
  passportExpiry: string | null;
  tx: UnitOfWorkTx;
}

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
    private readonly uow: UnitOfWork,
    private readonly emitter: EventEmitter2,
    private readonly identifiers: ApplicantIdentifiers,
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
      const applicant = await this.uow.run('applicants.register', async (tx) => {
        const em = tx.em;
        tx.addJob(...statisticsRefresh('applicants.register'));
        const saved = await em.save(
          em.create(ApplicantEntity, {
            ...this.identifiers.sealNationalId(nationalId),
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
            ...this.identifiers.sealPassport(draft.passportNumber || null),
            passportExpiry: draft.passportExpiry || null,
            status: 'REGISTERED',
            registeredBy: actor.userId,
          }),
        );
        // The passport typed at registration is the applicant's first PASSPORT document (its columns are the copy).
        if (draft.passportNumber && draft.passportExpiry) {
          await supersedeDocument(em, {
            applicantId: saved.id,
            kind: 'PASSPORT',
            numberEnc: this.identifiers.sealDocumentNumber(draft.passportNumber),
            issueDate: null,
            expiryDate: draft.passportExpiry,
            issuingAuthority: null,
            recordedBy: actor.userId,
          });
        }
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
      throw conflictOf(error);
    }
  }

  /**
   * A coordinator's partial correction (contacts, address, passport, profile), checked by the registration rules
   * and applied under the applicant's row lock with its audit line in one transaction. The profile is frozen from
   * selection until the worker is back (see PROFILE_FIELDS); a passport added or renewed makes a VERIFIED
   * applicant AVAILABLE, by the rule verification applies, and is recorded as the applicant's current PASSPORT
   * document (superseding the previous one, as `recordDocument` does). The matching index follows through its
   * triggers.
   */
  async update(actor: Actor, id: string, changes: ApplicantChanges): Promise<ApplicantEntity> {
    const ref = await this.reference.data();
    const today = todayIso();
    let applicant: ApplicantEntity;
    try {
      applicant = await this.uow.run('applicants.update', async (tx) => {
        const em = tx.em;
        const stored = await lockForUpdate(em, ApplicantEntity, id);
        if (!stored) throw DomainException.notFound('Applicant');
        // The rules compare and check identifiers in clear; only their encrypted form is written back.
        const current = this.identifiers.reveal(stored);
        DomainException.assertValid(applicantChangeProblems(current, changes, ref.codes, today));
        const next = normalized(applyChanges(current, changes));
        const changed = EDITABLE_FIELDS.filter((f) => !sameValue(current[f], next[f]));
        if (changed.length === 0) return stored;
        assertProfileEditable(current, changed);
        const status = statusOnceDocumented(current.status, next.passportExpiry, today);
        const stageChanged = status !== current.status;
        const passportChanged = changed.includes('passportExpiry');
        const passportRenewed = passportChanged || changed.includes('passportNumber');
        const { passportNumber, ...plain } = pick(next, changed);
        Object.assign(stored, plain, { status });
        if (passportNumber !== undefined) Object.assign(stored, this.identifiers.sealPassport(passportNumber));
        if (changed.includes('languages')) stored.languageLevels = languageLevelTokens(stored.languages);
        const saved = await em.save(stored);
        // A passport corrected here is a new PASSPORT document too (the document is the record, the columns its
        // copy): the old one is superseded with its pending warnings, and the new one's are planned.
        if (passportRenewed && next.passportNumber && next.passportExpiry) {
          const { document, superseded } = await supersedeDocument(em, {
            applicantId: id,
            kind: 'PASSPORT',
            numberEnc: this.identifiers.sealDocumentNumber(next.passportNumber),
            issueDate: null,
            expiryDate: next.passportExpiry,
            issuingAuthority: null,
            recordedBy: actor.userId,
          });
          if (superseded) dropDocumentWarnings(tx, [superseded.id]);
          planDocumentWarnings(tx, id, 'document-recorded', document.id);
        }
        // The applicant's login carries the same e-mail (where their notifications go).
        if (changed.includes('email')) await this.auth.setApplicantEmail(em, id, saved.email);
        await recordAudit(em, actor, { action: 'update-applicant', entity: 'applicant', entityId: id, fields: changed });
        if (stageChanged) tx.publish([id], 'applicant.updated');
        // A rehire decision that flagged the old passport is taken again (rehire listens).
        if (passportChanged) await this.emitter.emitAsync(APPLICANT_PASSPORT_CHANGED, { applicantId: id, passportExpiry: saved.passportExpiry, tx } satisfies ApplicantPassportChangedEvent);
        return saved;
      });
    } catch (error) {
      throw conflictOf(error);
    }
    return applicant;
  }

  /**
   * A new temporary password for an applicant who lost theirs, to read out at the desk (their login is opened
   * when they have none): they must change it at first sign-in, and every session they had must sign in again.
   */
  async issueTemporaryPassword(actor: Actor, id: string): Promise<{ applicant: ApplicantEntity; temporaryPassword: string }> {
    return this.dataSource.transaction(async (em) => {
      const applicant = await lockForUpdate(em, ApplicantEntity, id);
      if (!applicant) throw DomainException.notFound('Applicant');
      const temporaryPassword = await this.auth.issueApplicantTemporaryPassword(em, {
        id: applicant.id,
        nationalId: this.identifiers.nationalIdOf(applicant),
        email: applicant.email,
      });
      await recordAudit(em, actor, { action: 'issue-temporary-password', entity: 'applicant', entityId: id });
      return { applicant, temporaryPassword };
    });
  }

  /** Verifies the documents; an applicant with a valid passport becomes AVAILABLE for matching at once. */
  async verify(actor: Actor, id: string): Promise<ApplicantEntity> {
    return this.uow.run('applicants.verify', async (tx) => {
      const em = tx.em;
      tx.addJob(...statisticsRefresh('applicants.verify'));
      const applicant = await lockForUpdate(em, ApplicantEntity, id);
      if (!applicant) throw DomainException.notFound('Applicant');
      const status = statusOnceDocumented(applicantStateMachine.next(applicant.status, 'VERIFY'), applicant.passportExpiry, todayIso());
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
    // By its blind index: the table is never decrypted to search it.
    if (filter.nationalId) qb.andWhere('a.national_id_hash = :nid', { nid: this.identifiers.nationalIdIndex(filter.nationalId) });
    return pageQuery(qb, page).getMany();
  }
}

/** The stored form of what a coordinator typed (as registration stores it). */
function normalized<T extends RevealedApplicant>(a: T): T {
  return {
    ...a,
    address: cleanText(a.address) || null,
    email: a.email?.trim().toLowerCase() || null,
    occupations: [...new Set(a.occupations)],
    skills: [...new Set(a.skills)],
    passportNumber: a.passportNumber ? normalizePassport(a.passportNumber) : null,
    passportExpiry: a.passportExpiry || null,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function pick(a: RevealedApplicant, fields: readonly EditableField[]): Partial<RevealedApplicant> {
  return Object.fromEntries(fields.map((f) => [f, a[f]]));
}
