import { Logger } from '@nestjs/common';
import type { NotificationEntity } from './notification.entity';

/** Where notifications go. A channel throws when it could not send; the job then retries. */
export interface NotificationChannel {
  readonly name: string;
  send(notification: NotificationEntity): Promise<void>;
}

export const NOTIFICATION_CHANNEL = Symbol('NOTIFICATION_CHANNEL');

/** The default channel: one structured log line per notification, without its text (which may name people). */
export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  private readonly logger = new Logger('notifications');

  async send(n: NotificationEntity): Promise<void> {
    this.logger.log({ notificationId: n.id, kind: n.kind, audience: n.audience }, 'Notification sent');
  }
}
