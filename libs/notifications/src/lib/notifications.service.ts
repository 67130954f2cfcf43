import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { lockForUpdate } from '@puente/database';
import { failpoint, type UnitOfWorkTx } from '@puente/queue';
import { jobId, JobName } from '@puente/queue-contracts';
import { NOTIFICATION_CHANNEL, NotificationChannel } from './channels';
import { NotificationAudience, NotificationEntity } from './notification.entity';

export interface NotificationInput {
  /** The same event gives the same key, so recording it again (a retried job) adds nothing. */
  dedupeKey: string;
  audience: NotificationAudience;
  applicantId?: string;
  employerId?: string;
  userId?: string;
  kind: string;
  subject: string;
  body: string;
}

/** Records a notification inside the caller's transaction; returns its id, or null when it was already there. */
export async function recordNotification(em: EntityManager, n: NotificationInput): Promise<string | null> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO notification (dedupe_key, audience, applicant_id, employer_id, user_id, kind, subject, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [n.dedupeKey, n.audience, n.applicantId ?? null, n.employerId ?? null, n.userId ?? null, n.kind, n.subject, n.body],
  );
  return rows[0]?.id ?? null;
}

/** Records several in the caller's transaction, one after the other (a transaction runs one query at a time). */
export async function recordNotifications(em: EntityManager, list: readonly NotificationInput[]): Promise<(string | null)[]> {
  const ids: (string | null)[] = [];
  for (const n of list) ids.push(await recordNotification(em, n));
  return ids;
}

/**
 * Queues delivery of notifications recorded in a unit of work, once it commits: the job goes through the job
 * outbox with the notification's id as its id, so a crash after commit delays the message and never loses it.
 */
export function queueDelivery(tx: UnitOfWorkTx, ids: readonly (string | null)[]): void {
  const jobs = ids.filter((id): id is string => id !== null).map((id) => ({ payload: { notificationId: id }, options: { jobId: jobId(JobName.DeliverNotification, id) } }));
  if (jobs.length) tx.addJobs(JobName.DeliverNotification, jobs);
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNEL) private readonly channel: NotificationChannel,
  ) {}

  /**
   * Sends one notification, once: under a row lock, a sent one is left alone, so a retried or duplicated job
   * sends nothing more. If the channel fails, nothing is marked and the job retries.
   */
  async deliver(id: string): Promise<'SENT' | 'ALREADY_SENT' | 'UNKNOWN'> {
    return this.dataSource.transaction(async (em) => {
      const n = await lockForUpdate(em, NotificationEntity, id);
      if (!n) return 'UNKNOWN';
      if (n.sentAt) return 'ALREADY_SENT';
      await this.channel.send(n);
      // A crash here sends it again on the retry: the e-mail carries the same Message-ID (messageIdOf), which mail
      // stores drop as a repeat (test/e2e/worker-crash-delivery.e2e-spec.ts).
      failpoint('after-send', 'notifications.deliver');
      await em.update(NotificationEntity, { id }, { sentAt: new Date(), channel: this.channel.name, attempts: n.attempts + 1 });
      return 'SENT';
    });
  }
}
