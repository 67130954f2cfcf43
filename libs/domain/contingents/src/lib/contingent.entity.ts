import { Column, Entity } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { ContingentStatus, PlacementStatus, StepStatus } from './contingent.state-machine';
import type { StepKind } from './timeline.policy';

/** Workers of one destination region and start date travelling together, on one departure date. */
@Entity('contingent')
export class ContingentEntity extends Timestamped {
  @Column('text') reference!: string;
  @Column('text') regionCode!: string;
  @Column('date') startDate!: string;
  @Column('integer') sequence!: number;
  @Column('date') departureDate!: string;
  @Column('integer') capacity!: number;
  @Column('text') status!: ContingentStatus;
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
export class TravellerEntity extends Timestamped {
  @Column('uuid') contingentId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') jobOrderId!: string;
  @Column('text') status!: TravellerStatus;
  @Column('text', { nullable: true }) statusReason!: string | null;
}

/** One pre-departure step of one traveller, with its due date and reminder date. */
@Entity('travel_step')
export class TravelStepEntity extends Timestamped {
  @Column('uuid') travellerId!: string;
  @Column('text') kind!: StepKind;
  @Column('date') dueDate!: string;
  @Column('date', { nullable: true }) remindOn!: string | null;
  @Column('text') status!: StepStatus;
  @Column('boolean') blocking!: boolean;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
  @Column('uuid', { nullable: true }) completedBy!: string | null;
}

/** One worker at one employer for one order, from the day they depart. */
@Entity('placement')
export class PlacementEntity extends Timestamped {
  @Column('uuid') travellerId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') jobOrderId!: string;
  @Column('uuid') employerId!: string;
  @Column('text') status!: PlacementStatus;
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
