import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceModule } from '@puente/domain/reference';
import { STATISTICS_ENTITIES } from './statistics.entity';
import { StatisticsService } from './statistics.service';
import { StatisticsRefreshService } from './statistics-refresh.service';
import { STATISTICS_JOBS } from './jobs/statistics.jobs';
import { ProgramStatisticsResolver } from './graphql/statistics.resolver';

@Module({
  imports: [TypeOrmModule.forFeature(STATISTICS_ENTITIES), ReferenceModule],
  providers: [StatisticsService, StatisticsRefreshService],
  exports: [StatisticsService, StatisticsRefreshService],
})
export class StatisticsModule {}

@Module({ imports: [StatisticsModule], providers: [STATISTICS_JOBS] })
export class StatisticsJobsModule {}

@Module({ imports: [StatisticsModule], providers: [ProgramStatisticsResolver] })
export class StatisticsGraphqlModule {}
