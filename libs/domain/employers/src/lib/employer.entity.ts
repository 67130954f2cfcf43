import { Column, Entity, Index } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { EmployerStatus } from './employer.state-machine';
import type { Country, Sector } from '@puente/domain/reference';
import type { Program } from './employer.rules';

@Entity('employer')
@Index('employer_program_reference_key', ['program', 'programReference'], { unique: true })
// Keyset paging, (created_at DESC, id DESC) and (status, created_at DESC, id DESC): descending keys TypeORM cannot
// declare, so named only.
@Index('employer_created_idx', { synchronize: false })
@Index('employer_status_created_idx', { synchronize: false })
// The public list of verified employers, (verified_at DESC, id DESC) WHERE status = 'VERIFIED' (migration 1732400000031).
@Index('employer_verified_idx', { synchronize: false })
export class EmployerEntity extends Timestamped {
  @Column('text') legalName!: string;
  @Column('text', { nullable: true }) tradeName!: string | null;
  @Column('char', { length: 2 }) country!: Country;
  @Column('text') regionCode!: string;
  @Column('text') city!: string;
  @Column('text') sector!: Sector;
  @Column('text') program!: Program;
  @Column('text') programReference!: string;
  @Column('text') contactName!: string;
  @Column('text') contactEmail!: string;
  @Column('text') contactPhone!: string;
  @Column('text', { default: 'PENDING_VERIFICATION' }) status!: EmployerStatus;
  @Column('text', { nullable: true }) statusReason!: string | null;
  @Column('timestamptz', { nullable: true }) verifiedAt!: Date | null;
  @Column('uuid', { nullable: true }) verifiedBy!: string | null;
  /**
   * Approval of the employer's orders is on hold (since this instant, why, and the substantiated case that
   * caused it) until a coordinator clears it: `placeApprovalHold`, `clearApprovalHold` (employer-holds.ts).
   */
  @Column('uuid', { nullable: true }) approvalHoldCaseId!: string | null;
  @Column('timestamptz', { nullable: true }) approvalHoldSince!: Date | null;
  @Column('text', { nullable: true }) approvalHoldReason!: string | null;
}
