import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { LanguageSkill } from '@puente/domain/applicants';
import type { JobOrderStatus } from './job-order.state-machine';
import type { OccupationSystem } from './job-order.rules';

/** PostgreSQL returns numeric as a string; the wage is a number in code. */
const decimal = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('job_order')
@Unique('job_order_reference_key', ['reference'])
@Index('job_order_isco_code_idx', ['iscoCode'])
// Keyset paging, (created_at DESC, id DESC) alone and after employer_id or status: descending keys TypeORM cannot
// declare, so named only.
@Index('job_order_created_idx', { synchronize: false })
@Index('job_order_employer_created_idx', { synchronize: false })
@Index('job_order_status_created_idx', { synchronize: false })
// The public list of open orders, (approved_at DESC, id DESC) WHERE status = 'OPEN' (migration 1732400000031).
@Index('job_order_open_approved_idx', { synchronize: false })
export class JobOrderEntity extends Timestamped {
  @Column('text') reference!: string;
  @Column('uuid') employerId!: string;
  @Column('text') title!: string;
  @Column('char', { length: 4 }) iscoCode!: string;
  @Column('text') destinationOccupationSystem!: OccupationSystem;
  @Column('text') destinationOccupationCode!: string;
  @Column('integer') positions!: number;
  @Column('text', { array: true, default: () => "'{}'" }) requiredSkills!: string[];
  @Column('text', { array: true, default: () => "'{}'" }) preferredSkills!: string[];
  @Column('jsonb', { default: () => "'[]'" }) languages!: LanguageSkill[];
  @Column('text', { array: true, default: () => "'{}'" }) requiredLanguageLevels!: string[];
  @Column('smallint', { default: 0 }) minExperienceYears!: number;
  @Column('text') workRegionCode!: string;
  @Column('text') workCity!: string;
  @Column('date') startDate!: string;
  @Column('smallint') durationWeeks!: number;
  @Column('date') endDate!: string;
  @Column('numeric', { precision: 8, scale: 2, transformer: decimal }) hourlyWage!: number;
  @Column('char', { length: 3 }) currency!: 'USD' | 'CAD';
  @Column('smallint') hoursPerWeek!: number;
  @Column('boolean') housingProvided!: boolean;
  @Column('text', { nullable: true }) housingDescription!: string | null;
  @Column('boolean') employerPaysRecruitment!: boolean;
  @Column('boolean') employerPaysTravel!: boolean;
  @Column('text', { default: 'DRAFT' }) status!: JobOrderStatus;
  @Column('text', { nullable: true }) statusReason!: string | null;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) approvedAt!: Date | null;
  @Column('uuid', { nullable: true }) approvedBy!: string | null;
  @Column('uuid', { nullable: true }) createdBy!: string | null;
}
