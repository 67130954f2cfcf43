import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { CaseCategory, CaseFinding, CaseReporterRole, CaseSeverity, ForcedLabourIndicator } from './case.rules';
import type { CaseStatus } from './case.state-machine';

/**
 * A protection case about one placement: what was reported (categories, forced-labour indicators, description),
 * by whom and whether the employer may learn it, the triage and the severity staff raised it to, where it stands,
 * and the deadline of its next step. Indexes as the migration names them (the drift test compares them).
 */
@Entity('protection_case')
@Unique('protection_case_reference_key', ['reference'])
@Index('protection_case_created_idx', ['createdAt', 'id'])
@Index('protection_case_status_idx', ['status', 'createdAt', 'id'])
@Index('protection_case_employer_idx', ['employerId', 'createdAt', 'id'])
@Index('protection_case_applicant_idx', ['applicantId', 'createdAt', 'id'])
@Index('protection_case_region_idx', ['regionCode', 'createdAt', 'id'])
@Index('protection_case_placement_idx', ['placementId', 'createdAt'])
@Index('protection_case_overdue_idx', ['createdAt', 'id'], { where: 'overdue_since IS NOT NULL' })
export class ProtectionCaseEntity extends Timestamped {
  @Column('text') reference!: string;
  @Column('uuid') placementId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') employerId!: string;
  @Column('uuid') jobOrderId!: string;
  /** The placement's work region ('CA-QC'): a consul's jurisdiction is read against it. */
  @Column('text') regionCode!: string;
  @Column('text', { array: true }) categories!: CaseCategory[];
  @Column('text', { array: true, default: () => "'{}'" }) indicators!: ForcedLabourIndicator[];
  @Column('text') description!: string;
  @Column('uuid') reportedBy!: string;
  @Column('text') reporterRole!: CaseReporterRole;
  /** The worker agreed that the employer may learn who reported. */
  @Column('boolean', { default: false }) discloseReporter!: boolean;
  @Column('text') triageSeverity!: CaseSeverity;
  @Column('text') triageVersion!: string;
  @Column('text') severity!: CaseSeverity;
  @Column('text', { nullable: true }) severityReason!: string | null;
  @Column('text', { default: 'REPORTED' }) status!: CaseStatus;
  @Column('uuid', { nullable: true }) assignedTo!: string | null;
  /** The authority the case was referred to, as staff named it. */
  @Column('text', { nullable: true }) referredTo!: string | null;
  @Column('text', { nullable: true }) finding!: CaseFinding | null;
  @Column('timestamptz', { nullable: true }) nextStepDueAt!: Date | null;
  @Column('timestamptz', { nullable: true }) overdueSince!: Date | null;
  @Column('timestamptz', { nullable: true }) decidedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt!: Date | null;
}

export const CASE_EVENT_KINDS = ['REPORTED', 'TRANSITION', 'NOTE', 'ASSIGNED', 'SEVERITY_RAISED', 'OVERDUE'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** One thing that happened to a case (who, when, what, a note): never changed once written. */
@Entity('case_event')
@Index('case_event_case_idx', ['caseId', 'createdAt'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') caseId!: string;
  @Column('text') kind!: CaseEventKind;
  @Column('text', { nullable: true }) fromStatus!: CaseStatus | null;
  @Column('text', { nullable: true }) toStatus!: CaseStatus | null;
  /** Null for the system (the overdue check). */
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text') actorRole!: string;
  @Column('text', { nullable: true }) note!: string | null;
  /** Staff only: the worker and the employer never see an internal event. */
  @Column('boolean', { default: false }) internal!: boolean;
  @Column('jsonb', { default: () => "'{}'" }) data!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
