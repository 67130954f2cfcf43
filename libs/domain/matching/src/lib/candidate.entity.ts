import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { ScoreLine } from './score.rules';

/** RELEASED: the selection or suggestion ended with its placement or its order (kept as history). */
export const CANDIDATE_STATUSES = ['SUGGESTED', 'RESERVE', 'SELECTED', 'REJECTED', 'RELEASED'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

const decimal = { to: (v: number) => v, from: (v: string) => Number(v) };

/** An applicant proposed for a job order by a run: score, explanation, rank in the order's shortlist. */
@Entity('candidate')
@Unique('candidate_order_applicant_key', ['jobOrderId', 'applicantId'])
@Index('candidate_order_rank_idx', ['jobOrderId', 'rank'])
@Index('candidate_one_selection_key', ['applicantId'], { unique: true, where: "status = 'SELECTED'" })
@Index('candidate_applicant_idx', ['applicantId'])
@Index('candidate_applicant_pending_idx', ['applicantId', 'jobOrderId'], { where: "status IN ('SUGGESTED', 'RESERVE', 'SELECTED')" })
export class CandidateEntity extends Timestamped {
  @Column('uuid') jobOrderId!: string;
  @Column('uuid') applicantId!: string;
  /** Null for an applicant a coordinator selected without a run proposing them. */
  @Column('uuid', { nullable: true }) runId!: string | null;
  @Column('numeric', { precision: 4, scale: 1, transformer: decimal }) score!: number;
  @Column('jsonb') breakdown!: ScoreLine[];
  @Column('integer') rank!: number;
  @Column('text') status!: CandidateStatus;
  @Column('text', { nullable: true }) statusReason!: string | null;
  /** Asked for by name by the employer (a returning worker): placed first. */
  @Column('boolean', { default: false }) named!: boolean;
}
