import { Column, Entity } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { ApplicantStatus } from './applicant.state-machine';
import type { Education, Gender, LanguageSkill } from './applicant.rules';

/**
 * A worker's profile. Dates of the calendar (birth, passport expiry) are kept as 'YYYY-MM-DD' strings. The
 * national ID (DUI) and passport number are stored only encrypted (`*Enc`, read with ApplicantIdentifiers) beside
 * their blind index (`*Hash`: uniqueness and lookups), never in clear.
 */
@Entity('applicant')
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
  @Column('text', { array: true }) occupations!: string[];
  @Column('text', { array: true }) skills!: string[];
  @Column('jsonb') languages!: LanguageSkill[];
  @Column('text', { array: true }) languageLevels!: string[];
  @Column('smallint') yearsExperience!: number;
  @Column('text') education!: Education;
  @Column('text', { nullable: true }) passportNumberEnc!: string | null;
  @Column('text', { nullable: true }) passportNumberHash!: string | null;
  @Column('date', { nullable: true }) passportExpiry!: string | null;
  @Column('text') status!: ApplicantStatus;
  @Column('timestamptz', { nullable: true }) verifiedAt!: Date | null;
  @Column('uuid', { nullable: true }) verifiedBy!: string | null;
  @Column('uuid', { nullable: true }) registeredBy!: string | null;
}
