import { Actor } from '@puente/common';
import type { ApplicantDocumentEntity } from '../applicant-document.entity';
import type { ApplicantIdentifiers } from '../applicant-identifiers';
import { DOCUMENT_STAFF_ROLES } from '../applicant-documents.service';
import { DOCUMENT_KINDS, maskDocumentNumber } from '../document.rules';
import type { ApplicantDocumentModel } from './applicant-document.model';

/** A document as `viewer` may see it: the number in clear for staff, masked for the applicant. */
export function toDocumentModel(d: ApplicantDocumentEntity, identifiers: ApplicantIdentifiers, viewer: Actor): ApplicantDocumentModel {
  const number = identifiers.documentNumberOf(d);
  return {
    id: d.id,
    kind: d.kind,
    number: number === null ? null : DOCUMENT_STAFF_ROLES.includes(viewer.role) ? number : maskDocumentNumber(number),
    issueDate: d.issueDate,
    expiryDate: d.expiryDate,
    issuingAuthority: d.issuingAuthority,
    recordedAt: d.createdAt,
    current: d.supersededAt === null,
    supersededAt: d.supersededAt,
  };
}

/** Current documents first, in the order of the kinds; within a kind the newest first. */
export function inDocumentOrder(a: ApplicantDocumentEntity, b: ApplicantDocumentEntity): number {
  const current = (d: ApplicantDocumentEntity) => (d.supersededAt === null ? 0 : 1);
  return (
    current(a) - current(b) ||
    DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind) ||
    b.createdAt.getTime() - a.createdAt.getTime()
  );
}
