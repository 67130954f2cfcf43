import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The matching index: one row per applicant and occupation, written only by the triggers on `applicant`
 * (migrations 1732400000006 and 1732400000027), never by code. Its index, (isco_code, years_experience DESC,
 * applicant_id) INCLUDE (skills, language_levels, passport_expiry, birth_date, document_expiry) WHERE available, is
 * beyond what TypeORM can declare: named only, `synchronize: false` (the schema drift test checks that it exists).
 */
@Entity('applicant_occupation')
@Index('applicant_occupation_available_idx', { synchronize: false })
export class ApplicantOccupationEntity {
  @PrimaryColumn('uuid') applicantId!: string;
  @PrimaryColumn('text') iscoCode!: string;
  @Column('integer') yearsExperience!: number;
  @Column('boolean') available!: boolean;
  @Column('text', { array: true }) skills!: string[];
  @Column('text', { array: true }) languageLevels!: string[];
  @Column('date', { nullable: true }) passportExpiry!: string | null;
  @Column('date') birthDate!: string;
  @Column('date', { nullable: true }) documentExpiry!: string | null;
}
