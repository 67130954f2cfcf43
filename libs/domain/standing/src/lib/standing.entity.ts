import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { StandingInputs, StandingLevel, StandingReason } from './standing.rules';

/**
 * A worker's rating of the employer of one placement, after their return: once per placement, each question
 * 1–5 (checked by the table too). Shown only as aggregates; comments to staff only; who rated never leaves here.
 */
@Entity('employer_rating')
@Unique('employer_rating_placement_id_key', ['placementId'])
@Index('employer_rating_employer_idx', ['employerId', 'createdAt'])
export class EmployerRatingEntity extends Timestamped {
  @Column('uuid') placementId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') employerId!: string;
  @Column('smallint') wagesAsAgreed!: number;
  @Column('smallint') hoursAsAgreed!: number;
  @Column('smallint') housing!: number;
  @Column('smallint') treatment!: number;
  @Column('smallint') safety!: number;
  @Column('smallint') wouldGoBack!: number;
  @Column('text', { nullable: true }) comments!: string | null;
  @Column('uuid') submittedBy!: string;
}

/**
 * One standing of an employer, never rewritten: a different answer supersedes it (`current` false,
 * `supersededAt` set) and a partial unique index keeps one current standing per employer.
 */
@Entity('employer_standing')
@Index('employer_standing_current_key', ['employerId'], { unique: true, where: 'current' })
@Index('employer_standing_employer_idx', ['employerId', 'createdAt'])
export class EmployerStandingEntity extends Timestamped {
  @Column('uuid') employerId!: string;
  @Column('text') policyVersion!: string;
  @Column('text') level!: StandingLevel;
  @Column('jsonb') reasons!: StandingReason[];
  @Column('jsonb') inputs!: StandingInputs;
  @Column('boolean', { default: true }) current!: boolean;
  @Column('timestamptz', { nullable: true }) supersededAt!: Date | null;
}
