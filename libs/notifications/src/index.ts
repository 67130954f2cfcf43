export * from './lib/notification.entity';
export * from './lib/channels';
export * from './lib/notifications.service';
export * from './lib/notifications.module';
export * from './lib/notification-jobs';
export * from './lib/smtp-channel';
export * from './lib/recipient-directory.port';
