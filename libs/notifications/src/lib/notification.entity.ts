import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';

/** An applicant; every active coordinator; the active users of one employer; one user (e.g. a password reset). */
export type NotificationAudience = 'APPLICANT' | 'COORDINATORS' | 'EMPLOYER' | 'USER';

/** One message of the outbox: written with the change it tells of, sent once by the delivery job. */
@Entity('notification')
@Unique('notification_dedupe_key_key', ['dedupeKey'])
@Index('notification_unsent_idx', ['createdAt'], { where: 'sent_at IS NULL' })
export class NotificationEntity extends Timestamped {
  @Column('text') dedupeKey!: string;
  @Column('text') audience!: NotificationAudience;
  @Column('uuid', { nullable: true }) applicantId!: string | null;
  @Column('uuid', { nullable: true }) employerId!: string | null;
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('text') kind!: string;
  @Column('text') subject!: string;
  @Column('text') body!: string;
  @Column('text', { nullable: true }) channel!: string | null;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column('timestamptz', { nullable: true }) sentAt!: Date | null;
}
