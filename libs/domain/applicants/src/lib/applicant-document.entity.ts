import { Column, Entity, Index } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { DocumentKind } from './document.rules';

/**
 * One document of an applicant as a coordinator checked it against the original (recorded at `createdAt` by
 * `recordedBy`; null for a passport carried over from the applicant's passport fields by migration
 * 1732400000027). Never rewritten: a newer document of the same kind supersedes it (`supersededBy`,
 * `supersededAt`), and a partial unique index keeps one current document per kind. The number is stored only
 * encrypted (`numberEnc`, read with ApplicantIdentifiers); a medical certificate has none. Issue date and issuing
 * authority are null only on passports written through registration, `updateApplicant` or the carry-over.
 */
@Entity('applicant_document')
@Index('applicant_document_current_key', ['applicantId', 'kind'], { unique: true, where: 'superseded_at IS NULL' })
@Index('applicant_document_applicant_idx', ['applicantId', 'createdAt'])
export class ApplicantDocumentEntity extends Timestamped {
  @Column('uuid') applicantId!: string;
  @Column('text') kind!: DocumentKind;
  @Column('text', { nullable: true }) numberEnc!: string | null;
  @Column('date', { nullable: true }) issueDate!: string | null;
  @Column('date') expiryDate!: string;
  @Column('text', { nullable: true }) issuingAuthority!: string | null;
  @Column('uuid', { nullable: true }) recordedBy!: string | null;
  @Column('uuid', { nullable: true }) supersededBy!: string | null;
  @Column('timestamptz', { nullable: true }) supersededAt!: Date | null;
}
