export * from './lib/test-module';
export * from './lib/factories';
export * from './lib/drafts';
export * from './lib/csv';
