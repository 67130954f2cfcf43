import { Column, Entity } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { ContingentStatus, StepStatus } from './contingent.state-machine';
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
}

export type TravellerStatus = 'SEATED' | 'WITHDRAWN' | 'REPLACED' | 'DEPARTED' | 'ARRIVED' | 'RETURNED';

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
