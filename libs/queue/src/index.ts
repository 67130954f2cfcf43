export * from './lib/queues.module';
export * from './lib/job-producer';
export * from './lib/job-handler';
