import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { ContingentsModule } from '@puente/domain/contingents';
import { MatchingModule } from '@puente/domain/matching';
import { EvaluationEntity } from './evaluation.entity';
import { RehireDecisionEntity } from './rehire-decision.entity';
import { ReturneeRecordEntity } from './returnee-record.entity';
import { RehireService } from './rehire.service';
import { EvaluationService } from './evaluation.service';
import { NamedWorkersService } from './named-workers.service';
import { TrackingService } from './tracking.service';
import { RehireReadPortsModule } from './read-ports.module';
import { EvaluationsDueListener } from './evaluations-due';
import { REHIRE_JOBS } from './jobs/rehire.jobs';
import { RehireResolver } from './graphql/rehire.resolver';
import { ReturneeRecordResolver } from './graphql/returnee-record.resolver';
import { ReturneeRecordService } from './returnee-record.service';
import { ReferenceModule } from '@puente/domain/reference';
import { ApplicantsModule } from '@puente/domain/applicants';
import { JobOrdersModule } from '@puente/domain/job-orders';

/** Needs the QueuesModule (global) of the app that imports it, for the unit of work. */
@Module({
  imports: [TypeOrmModule.forFeature([EvaluationEntity, RehireDecisionEntity, ReturneeRecordEntity]), NotificationsModule, ContingentsModule, MatchingModule, RehireReadPortsModule, ApplicantsModule, JobOrdersModule, ReferenceModule],
  providers: [RehireService, EvaluationService, NamedWorkersService, TrackingService, EvaluationsDueListener, ReturneeRecordService],
  exports: [RehireService, EvaluationService, NamedWorkersService, TrackingService, ReturneeRecordService],
})
export class RehireModule {}

@Module({ imports: [RehireModule], providers: [REHIRE_JOBS] })
export class RehireJobsModule {}

@Module({ imports: [RehireModule], providers: [RehireResolver, ReturneeRecordResolver] })
export class RehireGraphqlModule {}
