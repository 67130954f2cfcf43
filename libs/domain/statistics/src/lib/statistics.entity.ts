import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The aggregates (migration 1732400000029): rebuilt as a whole by the refresh (`StatisticsRefresher`), read by
 * `StatisticsService`; nobody else writes them. Declared for the schema's sake: the service reads them in SQL.
 */

/** One placement as the ILO tables count it. `abroad` is [departed, returned): its GiST index is by name only. */
@Entity('stat_deployment')
@Index('stat_deployment_departed_idx', ['departedOn'])
@Index('stat_deployment_returned_idx', ['returnedOn'])
@Index('stat_deployment_return_due_idx', ['returnDueOn'])
@Index('stat_deployment_abroad_idx', { synchronize: false })
export class StatDeploymentEntity {
  @PrimaryColumn('uuid') placementId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') employerId!: string;
  @Column('uuid') jobOrderId!: string;
  @Column('date') departedOn!: string;
  @Column('date', { nullable: true }) returnedOn!: string | null;
  @Column('date') returnDueOn!: string;
  @Column('daterange') abroad!: string;
  @Column('text') sex!: string;
  @Column('text') ageGroup!: string;
  @Column('char', { length: 4 }) iscoCode!: string;
  @Column('char', { length: 1 }) isicSection!: string;
  @Column('char', { length: 2 }) country!: string;
  @Column('text') regionCode!: string;
  @Column('text') durationBand!: string;
  @Column('boolean') firstTime!: boolean;
  @Column('text') departmentCode!: string;
  @Column('text') municipalityCode!: string;
  @Column('integer', { nullable: true }) daysToSelection!: number | null;
  @Column('integer', { nullable: true }) daysToDeparture!: number | null;
  @Column('boolean') returnSettled!: boolean;
  @Column('boolean') returnedOnTime!: boolean;
  @Column('boolean') rehired!: boolean;
  @Column('boolean') named!: boolean;
}

/** One submitted job order: positions requested, approved and filled. */
@Entity('stat_job_order')
@Index('stat_job_order_submitted_idx', ['submittedOn'])
@Index('stat_job_order_approved_idx', ['approvedOn'])
export class StatJobOrderEntity {
  @PrimaryColumn('uuid') jobOrderId!: string;
  @Column('date') submittedOn!: string;
  @Column('date', { nullable: true }) approvedOn!: string | null;
  @Column('integer') positions!: number;
  @Column('integer') positionsFilled!: number;
  @Column('char', { length: 4 }) iscoCode!: string;
  @Column('char', { length: 2 }) country!: string;
  @Column('text') regionCode!: string;
}

/** Registrations, verifications and first deployments (departures) of one day, by municipality, sex and age group at registration. */
@Entity('stat_registrant_day')
export class StatRegistrantDayEntity {
  @PrimaryColumn('date') day!: string;
  @PrimaryColumn('text') municipalityCode!: string;
  @Column('text') departmentCode!: string;
  @PrimaryColumn('text') sex!: string;
  @PrimaryColumn('text') ageGroup!: string;
  @Column('integer') registered!: number;
  @Column('integer') verified!: number;
  @Column('integer') deployed!: number;
}

/** Running totals of registrations, verifications and first deployments at the end of a month (`month` is its first day). */
@Entity('stat_registrant_month')
export class StatRegistrantMonthEntity {
  @PrimaryColumn('date') month!: string;
  @PrimaryColumn('text') municipalityCode!: string;
  @Column('text') departmentCode!: string;
  @PrimaryColumn('text') sex!: string;
  @PrimaryColumn('text') ageGroup!: string;
  @Column('integer') registered!: number;
  @Column('integer') verified!: number;
  @Column('integer') deployed!: number;
}

/** Applicants by current status (at the refresh). */
@Entity('stat_applicant_status')
export class StatApplicantStatusEntity {
  @PrimaryColumn('text') status!: string;
  @PrimaryColumn('text') municipalityCode!: string;
  @Column('text') departmentCode!: string;
  @PrimaryColumn('text') sex!: string;
  @PrimaryColumn('text') ageGroup!: string;
  @Column('integer') applicants!: number;
}

/** Available applicants by an occupation they list (at the refresh). */
@Entity('stat_supply')
export class StatSupplyEntity {
  @PrimaryColumn('char', { length: 4 }) iscoCode!: string;
  @PrimaryColumn('text') municipalityCode!: string;
  @Column('text') departmentCode!: string;
  @PrimaryColumn('text') sex!: string;
  @Column('integer') available!: number;
}

/** One protection case in one of its categories. */
@Entity('stat_case')
@Index('stat_case_reported_idx', ['reportedOn'])
export class StatCaseEntity {
  @PrimaryColumn('uuid') caseId!: string;
  @PrimaryColumn('text') category!: string;
  @Column('uuid') placementId!: string;
  @Column('date') reportedOn!: string;
  @Column('text') outcome!: string;
}

/** One returnee record, amounts in the job order's currency. */
@Entity('stat_returnee')
@Index('stat_returnee_returned_idx', ['returnedOn'])
export class StatReturneeEntity {
  @PrimaryColumn('uuid') placementId!: string;
  @Column('date', { nullable: true }) returnedOn!: string | null;
  @Column('char', { length: 3 }) currency!: string;
  @Column('numeric', { precision: 12, scale: 2, nullable: true }) earnings!: string | null;
  @Column('numeric', { precision: 12, scale: 2, nullable: true }) remittances!: string | null;
  @Column('boolean') domesticJobInterest!: boolean;
  @Column('boolean') trainingInterest!: boolean;
  @Column('integer') skillsToCertify!: number;
  @Column('boolean') referred!: boolean;
}

/** When the aggregates were last rebuilt: one row. */
@Entity('stat_refresh')
export class StatRefreshEntity {
  @PrimaryColumn('smallint') id!: number;
  @Column('timestamptz') refreshedAt!: Date;
  @Column('integer') tookMs!: number;
}

export const STATISTICS_ENTITIES = [
  StatDeploymentEntity,
  StatJobOrderEntity,
  StatRegistrantDayEntity,
  StatRegistrantMonthEntity,
  StatApplicantStatusEntity,
  StatSupplyEntity,
  StatCaseEntity,
  StatReturneeEntity,
  StatRefreshEntity,
];
