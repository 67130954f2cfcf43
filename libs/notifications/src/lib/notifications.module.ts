import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PuenteConfig } from '@puente/config';
import { LogChannel, NOTIFICATION_CHANNEL, NotificationChannel } from './channels';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { APPLICANT_RECIPIENT_DIRECTORY, type ApplicantRecipientDirectory, USER_RECIPIENT_DIRECTORY, type UserRecipientDirectory } from './recipient-directory.port';
import { SmtpChannel } from './smtp-channel';

/**
 * E-mail when SMTP_URL is configured, the log otherwise. E-mail needs the owners' recipient directories: an app
 * that composes neither auth's nor the applicants' module fails at boot, not at its first delivery.
 */
function notificationChannel(config: PuenteConfig, users?: UserRecipientDirectory, applicants?: ApplicantRecipientDirectory): NotificationChannel {
  if (!config.smtp) return new LogChannel();
  if (!users || !applicants) throw new Error('SMTP_URL is set but the recipient directories are missing: compose AuthReadPortsModule and ApplicantsReadPortsModule');
  return new SmtpChannel(config.smtp, users, applicants);
}

/** The channel sends; delivery jobs are queued through the unit of work (queueDelivery) of the QueuesModule. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [
    NotificationsService,
    {
      provide: NOTIFICATION_CHANNEL,
      inject: [PuenteConfig, { token: USER_RECIPIENT_DIRECTORY, optional: true }, { token: APPLICANT_RECIPIENT_DIRECTORY, optional: true }],
      useFactory: notificationChannel,
    },
  ],
  exports: [NotificationsService, NOTIFICATION_CHANNEL],
})
export class NotificationsModule {}
