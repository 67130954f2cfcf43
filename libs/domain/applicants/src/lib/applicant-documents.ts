import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull } from 'typeorm';
import { isUuid } from '@puente/common';
import type { UnitOfWorkTx } from '@puente/queue';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { ApplicantDocumentEntity } from './applicant-document.entity';
import { DocumentExpiry, DocumentKind, EXPIRY_WARNING_DAYS } from './document.rules';

/** A document as others read it through the owner (no number): what expiry warnings are planned and checked on. */
export interface DocumentFacts {
  id: string;
  applicantId: string;
  kind: DocumentKind;
  expiryDate: string;
  /** Still the applicant's document of its kind (not superseded by a newer one). */
  current: boolean;
}

const factsOf = (d: ApplicantDocumentEntity): DocumentFacts => ({
  id: d.id,
  applicantId: d.applicantId,
  kind: d.kind,
  expiryDate: d.expiryDate,
  current: d.supersededAt === null,
});

/** The applicant's current documents, one per kind at most (in the caller's transaction). */
export async function currentDocumentsOf(em: EntityManager, applicantId: string): Promise<DocumentFacts[]> {
  if (!isUuid(applicantId)) return [];
  return (await em.findBy(ApplicantDocumentEntity, { applicantId, supersededAt: IsNull() })).map(factsOf);
}

/** One document, current or superseded, or null when there is none with that id. */
export async function documentFacts(em: EntityManager, documentId: string): Promise<DocumentFacts | null> {
  const d = isUuid(documentId) ? await em.findOneBy(ApplicantDocumentEntity, { id: documentId }) : null;
  return d ? factsOf(d) : null;
}

/**
 * Queues the planning of the applicant's expiry warnings (`documents.plan-warnings`, handled by a library that
 * knows the worker's next contract) in the caller's unit of work: when a document is recorded, and when the
 * worker's next contract becomes known (a selection). The job id names the cause and its event, so each event
 * plans once however often it is queued.
 */
export function planDocumentWarnings(tx: UnitOfWorkTx, applicantId: string, cause: string, eventId: string): void {
  tx.addJob(JobName.PlanDocumentWarnings, { applicantId, cause }, { jobId: jobId(JobName.PlanDocumentWarnings, applicantId, cause, eventId) });
}

/** The id of a document's warning `days` before its expiry: one job per document and days, however often planned. */
export function documentWarningJobId(documentId: string, days: number): string {
  return jobId(JobName.WarnDocumentExpiry, documentId, days);
}

/** Removes the pending expiry warnings of documents superseded by a renewal (a warning that fires anyway finds it superseded). */
export function dropDocumentWarnings(tx: UnitOfWorkTx, documentIds: readonly string[]): void {
  if (!documentIds.length) return;
  tx.removeJobs(
    JOB_QUEUE[JobName.WarnDocumentExpiry],
    documentIds.flatMap((id) => EXPIRY_WARNING_DAYS.map((days) => documentWarningJobId(id, days))),
  );
}

/** What a new document row holds; the number already sealed. */
export interface DocumentRow {
  applicantId: string;
  kind: DocumentKind;
  numberEnc: string | null;
  issueDate: string | null;
  expiryDate: string;
  issuingAuthority: string | null;
  recordedBy: string | null;
}

/**
 * Inside the caller's transaction, with the applicant locked: the current document of the kind is superseded by the
 * new one, which becomes current. The superseded row points at its successor (a deferred foreign key, so the old
 * row leaves the "one current per kind" index before the new one enters it).
 */
export async function supersedeDocument(em: EntityManager, row: DocumentRow): Promise<{ document: ApplicantDocumentEntity; superseded: ApplicantDocumentEntity | null }> {
  const previous = await em.findOne(ApplicantDocumentEntity, {
    where: { applicantId: row.applicantId, kind: row.kind, supersededAt: IsNull() },
    lock: { mode: 'pessimistic_write' },
  });
  const id = randomUUID();
  if (previous) {
    Object.assign(previous, { supersededBy: id, supersededAt: new Date() });
    await em.save(previous);
  }
  const document = await em.save(em.create(ApplicantDocumentEntity, { id, ...row }));
  return { document, superseded: previous };
}

/** The applicant's current documents' kinds and expiries, as the expiry rules read them. */
export async function currentExpiries(em: EntityManager, applicantId: string): Promise<DocumentExpiry[]> {
  return (await currentDocumentsOf(em, applicantId)).map((d) => ({ kind: d.kind, expiryDate: d.expiryDate }));
}

/** Documents of several applicants: the current ones, or every one (`history`), newest first. */
export async function documentsOfApplicants(em: EntityManager, applicantIds: readonly string[], history: boolean): Promise<ApplicantDocumentEntity[]> {
  const ids = applicantIds.filter(isUuid);
  if (!ids.length) return [];
  return em.find(ApplicantDocumentEntity, {
    where: { applicantId: In(ids), ...(history ? {} : { supersededAt: IsNull() }) },
    order: { createdAt: 'DESC', id: 'ASC' },
  });
}
