import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PuenteConfig } from '@puente/config';
import { databaseOptions } from './database-options';

/** TypeORM on PostgreSQL. Domain modules register their entities with TypeOrmModule.forFeature. */
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
  ],
})
export class DatabaseModule {}
