import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PuenteConfig } from '@puente/config';
import { databaseOptions } from './database-options';
import { AuditEventEntity } from './audit-event.entity';

export interface DatabaseModuleOptions {
  /**
   * How long a query may wait for a connection (a new one, or a free one of the pool) before it fails; unbounded
   * when not given. The api bounds it (`DATABASE_CONNECT_TIMEOUT_MS`) so that with PostgreSQL out of reach a
   * request fails fast as SERVICE_UNAVAILABLE instead of hanging; the worker does not, so that long jobs
   * sharing its pool wait their turn rather than fail.
   */
  boundedConnectionWait?: boolean;
}

/**
 * TypeORM on PostgreSQL. Each library registers the entities of the tables it owns with TypeOrmModule.forFeature
 * (the audit trail's here); autoLoadEntities gives the DataSource all of them.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [PuenteConfig],
          useFactory: (config: PuenteConfig) => {
            const base = databaseOptions(config.database.url, config.database.poolSize);
            const extra = options.boundedConnectionWait ? { ...base.extra, connectionTimeoutMillis: config.database.connectTimeoutMs } : base.extra;
            return { ...base, extra, autoLoadEntities: true, retryAttempts: 3, retryDelay: 1000 };
          },
        }),
        TypeOrmModule.forFeature([AuditEventEntity]),
      ],
    };
  }
}
