import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { ApplicantStatus } from './applicant.state-machine';
import type { Education, Gender, LanguageSkill } from './applicant.rules';
import type { DocumentKind } from './document.rules';

/**
 * A worker's profile. Dates of the calendar (birth, passport expiry) are kept as 'YYYY-MM-DD' strings. The
 * national ID (DUI) and passport number are stored only encrypted (`*Enc`, read with ApplicantIdentifiers) beside
 * their blind index (`*Hash`: uniqueness and lookups), never in clear. The passport columns are the current
 * PASSPORT document's copy (`applicant_document`), written only together with it.
 */
@Entity('applicant')
@Unique('applicant_national_id_key', ['nationalIdHash'])
@Index('applicant_passport_number_key', ['passportNumberHash'], { unique: true, where: 'passport_number_hash IS NOT NULL' })
@Index('applicant_status_municipality_idx', ['status', 'municipalityCode'])
@Index('applicant_occupations_gin', ['occupations'], { type: 'gin' })
@Index('applicant_skills_gin', ['skills'], { type: 'gin' })
@Index('applicant_language_levels_gin', ['languageLevels'], { type: 'gin' })
@Index('applicant_available_skills_gin', ['skills'], { type: 'gin', where: "status = 'AVAILABLE'" })
@Index('applicant_available_occupations_gin', ['occupations'], { type: 'gin', where: "status = 'AVAILABLE'" })
// Keyset paging, (created_at DESC, id DESC) and (municipality_code, created_at DESC, id DESC): descending keys
// TypeORM cannot declare, so named only.
@Index('applicant_created_idx', { synchronize: false })
@Index('applicant_municipality_created_idx', { synchronize: false })
export class ApplicantEntity extends Timestamped {
  @Column('text') nationalIdEnc!: string;
  @Column('text') nationalIdHash!: string;
  @Column('text') firstNames!: string;
  @Column('text') lastNames!: string;
  @Column('date') birthDate!: string;
  @Column('text') gender!: Gender;
  @Column('text') municipalityCode!: string;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('text') phone!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) occupations!: string[];
  @Column('text', { array: true, default: () => "'{}'" }) skills!: string[];
  @Column('jsonb', { default: () => "'[]'" }) languages!: LanguageSkill[];
  @Column('text', { array: true, default: () => "'{}'" }) languageLevels!: string[];
  @Column('smallint', { default: 0 }) yearsExperience!: number;
  @Column('text') education!: Education;
  @Column('text', { nullable: true }) passportNumberEnc!: string | null;
  @Column('text', { nullable: true }) passportNumberHash!: string | null;
  @Column('date', { nullable: true }) passportExpiry!: string | null;
  /**
   * The earliest expiry of the current medical certificate and police record (`earliestMatchingExpiry`) and its
   * kind, kept by the documents' writes so matching compares one column per candidate; null with neither on file.
   */
  @Column('date', { nullable: true }) documentExpiry!: string | null;
  @Column('text', { nullable: true }) documentExpiryKind!: DocumentKind | null;
  @Column('text', { default: 'REGISTERED' }) status!: ApplicantStatus;
  @Column('timestamptz', { nullable: true }) verifiedAt!: Date | null;
  @Column('uuid', { nullable: true }) verifiedBy!: string | null;
  @Column('uuid', { nullable: true }) registeredBy!: string | null;
}
