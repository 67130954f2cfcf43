export * from './lib/rehire.policy';
export * from './lib/rehire.rules';
export * from './lib/rehire.service';
export * from './lib/evaluation.service';
export * from './lib/named-workers.service';
export * from './lib/rehire.module';
export * from './lib/evaluations-due';
