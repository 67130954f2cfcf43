import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PuenteConfig } from '@puente/config';
import { databaseOptions } from './database-options';
import { AuditEventEntity } from './audit-event.entity';

/**
 * TypeORM on PostgreSQL. Each library registers the entities of the tables it owns with TypeOrmModule.forFeature
 * (the audit trail's here); autoLoadEntities gives the DataSource all of them.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [PuenteConfig],
      useFactory: (config: PuenteConfig) => ({
        ...databaseOptions(config.database.url, config.database.poolSize),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
    TypeOrmModule.forFeature([AuditEventEntity]),
  ],
})
export class DatabaseModule {}
