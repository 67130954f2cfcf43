import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxKind } from './outbox-ops';

/** A batch of what a committed unit of work must still do (adds of one job, removals from one queue, a publish); deleted once done. */
@Entity('job_outbox')
@Index('job_outbox_unit_idx', ['unit', 'id'])
@Index('job_outbox_head_idx', ['queuePrefix', 'id'], { where: 'head' })
export class JobOutboxEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  /** The unit of work that wrote it: its rows are carried out together, in id order. */
  @Column('uuid') unit!: string;
  /** The unit's first row: whoever locks it carries out the unit. */
  @Column('boolean', { default: false }) head!: boolean;
  /** The Redis namespace of the process that wrote it: a sweep carries out only its own. */
  @Column('text') queuePrefix!: string;
  @Column('text') label!: string;
  @Column('text') kind!: OutboxKind;
  @Column('text', { nullable: true }) queue!: string | null;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('jsonb') payload!: unknown;
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt!: Date;
}
