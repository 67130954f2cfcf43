import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Actor, cleanText, DomainException, ErrorCode, isUuid, Role, todayIso } from '@puente/common';
import { lockForUpdate, recordAudit, uniqueViolationOf } from '@puente/database';
import { UnitOfWork } from '@puente/queue';
import { ApplicantEntity } from './applicant.entity';
import { ApplicantDocumentEntity } from './applicant-document.entity';
import { ApplicantIdentifiers } from './applicant-identifiers';
import { currentExpiries, documentsOfApplicants, dropDocumentWarnings, planDocumentWarnings, supersedeDocument } from './applicant-documents';
import { APPLICANT_PASSPORT_CHANGED, ApplicantPassportChangedEvent } from './applicant.service';
import { conflictOf } from './applicant-conflicts';
import { statusOnceDocumented } from './applicant.state-machine';
import {
  changedDocumentFields,
  DocumentDraft,
  DocumentKind,
  documentProblems,
  DocumentValues,
  earliestMatchingExpiry,
  normalizeDocumentNumber,
} from './document.rules';

/** Staff read every applicant's documents and their numbers in clear; an applicant their own, numbers masked. */
export const DOCUMENT_STAFF_ROLES: readonly Role[] = [Role.COORDINATOR, Role.ADMIN];

/**
 * Applicants' documents (passport, medical certificate, police record, visa): recorded by staff who checked the
 * original, never by the applicant; a newer one of a kind supersedes the current one. The applicant's passport
 * columns follow the current PASSPORT document, and `document_expiry` the earliest of the current medical
 * certificate and police record (matching's column), in the same transaction; the expiry warnings are planned
 * through the job outbox.
 */
@Injectable()
export class ApplicantDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly emitter: EventEmitter2,
    private readonly identifiers: ApplicantIdentifiers,
  ) {}

  /**
   * Records a document a coordinator (or an administrator) checked against the original, for any applicant:
   * checked by `documentProblems`, under the applicant's row lock. The same document again (every field equal to
   * the current one) records nothing. Otherwise the current document of the kind is superseded and its pending
   * warnings removed; a passport becomes the applicant's passport (a VERIFIED applicant with it is AVAILABLE, as
   * `statusOnceDocumented` says, and rehire hears of it); the matching column follows; the audit line names the
   * fields changed; and the warnings of the applicant's documents are planned again.
   */
  async record(actor: Actor, applicantId: string, draft: DocumentDraft): Promise<ApplicantDocumentEntity> {
    const today = todayIso();
    DomainException.assertValid(documentProblems(draft, today));
    const kind = draft.kind as DocumentKind;
    const next: DocumentValues = {
      number: draft.number ? normalizeDocumentNumber(draft.number) : null,
      issueDate: draft.issueDate,
      expiryDate: draft.expiryDate,
      issuingAuthority: cleanText(draft.issuingAuthority),
    };
    try {
      return await this.uow.run('applicants.record-document', async (tx) => {
        const em = tx.em;
        const applicant = await lockForUpdate(em, ApplicantEntity, applicantId);
        if (!applicant) throw DomainException.notFound('Applicant');
        const current = await em.findOneBy(ApplicantDocumentEntity, { applicantId, kind, supersededAt: IsNull() });
        const fields = changedDocumentFields(kind, current && this.valuesOf(current), next);
        if (current && fields.length === 0) return current;
        const { document, superseded } = await supersedeDocument(em, {
          applicantId,
          kind,
          numberEnc: this.identifiers.sealDocumentNumber(next.number),
          issueDate: draft.issueDate,
          expiryDate: draft.expiryDate,
          issuingAuthority: next.issuingAuthority,
          recordedBy: actor.userId,
        });
        const before = applicant.status;
        if (kind === 'PASSPORT') {
          Object.assign(applicant, this.identifiers.sealPassport(next.number), { passportExpiry: draft.expiryDate });
          applicant.status = statusOnceDocumented(applicant.status, draft.expiryDate, today);
        }
        const earliest = earliestMatchingExpiry(await currentExpiries(em, applicantId));
        Object.assign(applicant, { documentExpiry: earliest?.expiryDate ?? null, documentExpiryKind: earliest?.kind ?? null });
        await em.save(applicant);
        await recordAudit(em, actor, { action: 'record-document', entity: 'applicant', entityId: applicantId, fields });
        if (superseded) dropDocumentWarnings(tx, [superseded.id]);
        planDocumentWarnings(tx, applicantId, 'document-recorded', document.id);
        if (applicant.status !== before) tx.publish([applicantId], 'applicant.updated');
        if (kind === 'PASSPORT') {
          await this.emitter.emitAsync(APPLICANT_PASSPORT_CHANGED, { applicantId, passportExpiry: draft.expiryDate, tx } satisfies ApplicantPassportChangedEvent);
        }
        return document;
      });
    } catch (error) {
      if (uniqueViolationOf(error) === 'applicant_passport_number_key') {
        throw new DomainException(ErrorCode.CONFLICT, 'Another applicant is registered with this passport number.', [
          { field: 'number', message: 'is the passport number of another applicant' },
        ]);
      }
      throw conflictOf(error);
    }
  }

  /**
   * The documents of a batch of applicants (current ones, or every one with `history`), for `Applicant.documents`:
   * staff any applicant's, an applicant only their own (anyone else's reads as none), anyone else nothing.
   */
  async documentsFor(actor: Actor, applicantIds: readonly string[], history: boolean): Promise<Map<string, ApplicantDocumentEntity[]>> {
    const visible = DOCUMENT_STAFF_ROLES.includes(actor.role)
      ? applicantIds
      : actor.role === Role.APPLICANT
        ? applicantIds.filter((id) => id === actor.applicantId)
        : [];
    const byApplicant = new Map<string, ApplicantDocumentEntity[]>(applicantIds.map((id) => [id, []]));
    for (const d of await documentsOfApplicants(this.dataSource.manager, visible.filter(isUuid), history)) byApplicant.get(d.applicantId)?.push(d);
    return byApplicant;
  }

  private valuesOf(d: ApplicantDocumentEntity): DocumentValues {
    return { number: this.identifiers.documentNumberOf(d), issueDate: d.issueDate, expiryDate: d.expiryDate, issuingAuthority: d.issuingAuthority };
  }
}
