export * from './lib/rehire.policy';
export * from './lib/rehire.rules';
