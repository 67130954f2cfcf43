import { Column, Entity } from 'typeorm';
import { Timestamped } from '@puente/database';

export type NotificationAudience = 'APPLICANT' | 'COORDINATORS';

/** One message of the outbox: written with the change it tells of, sent once by the delivery job. */
@Entity('notification')
export class NotificationEntity extends Timestamped {
  @Column('text') dedupeKey!: string;
  @Column('text') audience!: NotificationAudience;
  @Column('uuid', { nullable: true }) applicantId!: string | null;
  @Column('text') kind!: string;
  @Column('text') subject!: string;
  @Column('text') body!: string;
  @Column('text', { nullable: true }) channel!: string | null;
  @Column('integer') attempts!: number;
  @Column('timestamptz', { nullable: true }) sentAt!: Date | null;
}
