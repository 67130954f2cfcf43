export * from './lib/standing.policy';
export * from './lib/standing.rules';
export * from './lib/standing.entity';
export * from './lib/standing.service';
export * from './lib/standing.module';
