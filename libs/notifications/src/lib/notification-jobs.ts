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

@Module({ imports: [NotificationsModule], providers: [DeliverNotificationProcessor] })
export class NotificationJobsModule {}
