export * from './lib/queues.module';
export * from './lib/job-producer';
export * from './lib/job-handler';
export * from './lib/status-events';
export * from './lib/outbox/unit-of-work';
export * from './lib/outbox/job-outbox';
export * from './lib/outbox/job-outbox.entity';
export * from './lib/outbox/outbox-jobs';
