export * from './lib/error-code';
export * from './lib/domain.exception';
export * from './lib/state-machine';
export * from './lib/pagination';
export * from './lib/actor';
export * from './lib/validators';
export * from './lib/calendar';
export * from './lib/seeded-random';
