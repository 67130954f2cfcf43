export * from './lib/queues';
