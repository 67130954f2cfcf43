export * from './lib/matching.policy';
export * from './lib/matching.model';
export * from './lib/eligibility.rules';
export * from './lib/score.rules';
export * from './lib/assignment';
export * from './lib/candidate-sql';
