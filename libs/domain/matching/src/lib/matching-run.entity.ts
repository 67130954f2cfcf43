import { Column, Entity, Index } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { MatchingPolicy } from './matching.policy';

export const MATCHING_RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type MatchingRunStatus = (typeof MATCHING_RUN_STATUSES)[number];

/** One matching of a set of open orders, with the policy it used, so every score stays explainable. */
@Entity('matching_run')
@Index('matching_run_job_orders_idx', ['jobOrderIds'], { type: 'gin' })
export class MatchingRunEntity extends Timestamped {
  @Column('text', { default: 'QUEUED' }) status!: MatchingRunStatus;
  @Column('uuid', { array: true }) jobOrderIds!: string[];
  @Column('text') policyVersion!: string;
  @Column('jsonb') policy!: MatchingPolicy;
  @Column('text', { nullable: true }) failureReason!: string | null;
  @Column('integer', { nullable: true }) candidatesCount!: number | null;
  @Column('uuid', { nullable: true }) requestedBy!: string | null;
  @Column('timestamptz', { nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) finishedAt!: Date | null;
}
