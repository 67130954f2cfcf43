import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PuenteConfig } from '@puente/config';
import { LogChannel, NOTIFICATION_CHANNEL, NotificationChannel } from './channels';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { SmtpChannel } from './smtp-channel';

/** E-mail when SMTP_URL is configured, the log otherwise. */
function notificationChannel(config: PuenteConfig, dataSource: DataSource): NotificationChannel {
  return config.smtp ? new SmtpChannel(config.smtp, dataSource) : new LogChannel();
}

/** The channel sends; delivery jobs are queued through the unit of work (queueDelivery) of the QueuesModule. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [NotificationsService, { provide: NOTIFICATION_CHANNEL, inject: [PuenteConfig, getDataSourceToken()], useFactory: notificationChannel }],
  exports: [NotificationsService, NOTIFICATION_CHANNEL],
})
export class NotificationsModule {}
