import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { CasesModule } from '@puente/domain/cases';
import { ContingentsModule } from '@puente/domain/contingents';
import { EmployersModule } from '@puente/domain/employers';
import { ReferenceModule } from '@puente/domain/reference';
import { EmployerRatingEntity, EmployerStandingEntity } from './standing.entity';
import { StandingService } from './standing.service';
import { STANDING_JOBS } from './jobs/standing.jobs';
import { JobOrderStandingResolver, StandingResolver } from './graphql/standing.resolver';

/** Needs the QueuesModule (global) of the app that imports it, for the unit of work. */
@Module({
  imports: [TypeOrmModule.forFeature([EmployerRatingEntity, EmployerStandingEntity]), NotificationsModule, CasesModule, ContingentsModule, EmployersModule],
  providers: [StandingService],
  exports: [StandingService],
})
export class StandingModule {}

@Module({ imports: [StandingModule], providers: [STANDING_JOBS] })
export class StandingJobsModule {}

@Module({ imports: [StandingModule, ReferenceModule], providers: [StandingResolver, JobOrderStandingResolver] })
export class StandingGraphqlModule {}
