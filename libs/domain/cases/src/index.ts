export * from './lib/case.rules';
export * from './lib/case.state-machine';
export * from './lib/case.entity';
export * from './lib/case-facts';
export * from './lib/case-events';
export * from './lib/cases.module';
export * from './lib/case-visibility.policy';
export * from './lib/cases.service';
