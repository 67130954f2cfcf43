import { Injectable, Module } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@puente/queue';
import { JobName, JobPayloads } from '@puente/queue-contracts';
import { NotificationsModule } from './notifications.module';
import { NotificationsService } from './notifications.service';

@Injectable()
@JobProcessor(JobName.DeliverNotification)
export class DeliverNotificationProcessor implements JobHandler<JobName.DeliverNotification> {
  constructor(private readonly notifications: NotificationsService) {}

  handle(payload: JobPayloads[JobName.DeliverNotification]): Promise<string> {
    return this.notifications.deliver(payload.notificationId);
  }
}

@Injectable()
@JobProcessor(JobName.QueueUnsentNotifications)
export class QueueUnsentNotificationsProcessor implements JobHandler<JobName.QueueUnsentNotifications> {
  constructor(private readonly notifications: NotificationsService) {}

  handle(): Promise<number> {
    return this.notifications.queueUnsent();
  }
}

@Module({ imports: [NotificationsModule], providers: [DeliverNotificationProcessor, QueueUnsentNotificationsProcessor] })
export class NotificationJobsModule {}
