export * from './lib/snake-naming.strategy';
export * from './lib/database-options';
export * from './lib/database.module';
export * from './lib/postgres-errors';
export * from './lib/keyset';
export * from './lib/timestamped.entity';
export { runMigrations } from './lib/migrate';
export * from './lib/lock';
export * from './lib/audit';
