import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LogChannel, NOTIFICATION_CHANNEL } from './channels';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';

/** Needs the QueuesModule (global) of the app that imports it, for the producer. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [NotificationsService, { provide: NOTIFICATION_CHANNEL, useClass: LogChannel }],
  exports: [NotificationsService],
})
export class NotificationsModule {}
