import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { PG_TYPES } from './pg-types';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one place the PostgreSQL connection is described: used by the apps, the migration CLI and tests. */
export function databaseOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Both pay off for long analytic queries, not for Puente's short indexed ones, which run many at a time: a
    // shortlist query with a large planner estimate spent 17 ms compiling JIT code and 10 ms starting parallel
    // workers to run for 5 ms (bench:matching). Concurrency comes from many queries, one core each.
    // And a process that dies while its query waits on a lock must not leave its transaction (and its locks) for the
    // retry to wait behind: the server checks every 10 s that the client is still there.
    extra: {
      max: poolSize,
      application_name: 'puente',
      options: '-c jit=off -c max_parallel_workers_per_gather=0 -c client_connection_check_interval=10000',
      types: PG_TYPES,
    },
  };
}
