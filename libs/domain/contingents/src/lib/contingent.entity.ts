import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { ContingentStatus, PlacementStatus, StepStatus } from './contingent.state-machine';
import type { StepKind } from './timeline.policy';

/** Workers of one destination region and start date travelling together, on one departure date. */
@Entity('contingent')
@Unique('contingent_reference_key', ['reference'])
@Unique('contingent_group_sequence_key', ['regionCode', 'startDate', 'sequence'])
// Keyset paging on (created_at DESC, id DESC): descending keys TypeORM cannot declare, so named only.
@Index('contingent_created_idx', { synchronize: false })
export class ContingentEntity extends Timestamped {
  @Column('text') reference!: string;
  @Column('text') regionCode!: string;
  @Column('date') startDate!: string;
  @Column('integer') sequence!: number;
  @Column('date') departureDate!: string;
  @Column('integer') capacity!: number;
  @Column('text', { default: 'PLANNED' }) status!: ContingentStatus;
  @Column('text') policyVersion!: string;
  @Column('timestamptz', { nullable: true }) confirmedAt!: Date | null;
  @Column('date', { nullable: true }) departedOn!: string | null;
  @Column('date', { nullable: true }) arrivedOn!: string | null;
  @Column('date', { nullable: true }) returnedOn!: string | null;
}

/** CANCELLED: taken off because the order or the contingent was cancelled (not the worker's doing). */
export const TRAVELLER_STATUSES = ['SEATED', 'WITHDRAWN', 'REPLACED', 'DEPARTED', 'ARRIVED', 'RETURNED', 'CANCELLED'] as const;
export type TravellerStatus = (typeof TRAVELLER_STATUSES)[number];

/** One selected applicant's seat in a contingent, for the order that selected them. */
@Entity('traveller')
@Unique('traveller_contingent_applicant_key', ['contingentId', 'applicantId'])
@Index('traveller_one_seat_key', ['applicantId'], { unique: true, where: "status = 'SEATED'" })
@Index('traveller_job_order_idx', ['jobOrderId'])
export class TravellerEntity extends Timestamped {
  @Column('uuid') contingentId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') jobOrderId!: string;
  @Column('text', { default: 'SEATED' }) status!: TravellerStatus;
  @Column('text', { nullable: true }) statusReason!: string | null;
}

/** One pre-departure step of one traveller, with its due date and reminder date. */
@Entity('travel_step')
@Unique('travel_step_traveller_kind_key', ['travellerId', 'kind'])
@Index('travel_step_open_due_idx', ['dueDate'], { where: "status IN ('PENDING', 'OVERDUE')" })
export class TravelStepEntity extends Timestamped {
  @Column('uuid') travellerId!: string;
  @Column('text') kind!: StepKind;
  @Column('date') dueDate!: string;
  @Column('date', { nullable: true }) remindOn!: string | null;
  @Column('text', { default: 'PENDING' }) status!: StepStatus;
  @Column('boolean') blocking!: boolean;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
  @Column('uuid', { nullable: true }) completedBy!: string | null;
}

/** One worker at one employer for one order, from the day they depart. */
@Entity('placement')
@Unique('placement_traveller_id_key', ['travellerId'])
@Index('placement_one_active_key', ['applicantId'], { unique: true, where: "status = 'ACTIVE'" })
@Index('placement_applicant_idx', ['applicantId', 'startDate'])
@Index('placement_job_order_idx', ['jobOrderId'])
@Index('placement_employer_idx', ['employerId', 'endDate'])
export class PlacementEntity extends Timestamped {
  @Column('uuid') travellerId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') jobOrderId!: string;
  @Column('uuid') employerId!: string;
  @Column('text', { default: 'ACTIVE' }) status!: PlacementStatus;
  @Column('date') startDate!: string;
  @Column('date') endDate!: string;
  @Column('date') departedOn!: string;
  @Column('date', { nullable: true }) arrivedOn!: string | null;
  @Column('date', { nullable: true }) returnedOn!: string | null;
  @Column('date', { nullable: true }) endedOn!: string | null;
  @Column('uuid', { nullable: true }) endedBy!: string | null;
  @Column('text', { nullable: true }) endReason!: string | null;
  @Column('text', { nullable: true }) endFault!: 'WORKER' | 'EMPLOYER' | 'NONE' | null;
  /** A coordinator may reopen a closed evaluation window until this date. */
  @Column('date', { nullable: true }) evaluationOpenUntil!: string | null;
}
