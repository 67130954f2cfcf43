export * from './lib/timeline.policy';
export * from './lib/timeline.rules';
export * from './lib/contingent.rules';
export * from './lib/contingent.state-machine';
export * from './lib/contingent.entity';
export * from './lib/contingents.service';
export * from './lib/contingents.module';
