import { Module } from '@nestjs/common';
import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { NotificationsModule } from './notifications.module';
import { NotificationsService } from './notifications.service';

/** One notification delivered once; the service knows what was sent already. */
const NOTIFICATION_JOBS = bindJobs(NotificationsService, (notifications) => ({
  [JobName.DeliverNotification]: (payload) => notifications.deliver(payload.notificationId),
}));

@Module({ imports: [NotificationsModule], providers: [NOTIFICATION_JOBS] })
export class NotificationJobsModule {}
