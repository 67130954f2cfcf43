import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { CandidateEntity } from './candidate.entity';
import { MatchingRunEntity } from './matching-run.entity';
import { NamedRequestEntity } from './named-request.entity';
import { MatchingService } from './matching.service';
import { SelectionService } from './selection.service';
import { ApplicantsModule } from '@puente/domain/applicants';
import { JobOrdersModule } from '@puente/domain/job-orders';

/** Needs the QueuesModule (global) of the app that imports it, for the unit of work. */
@Module({
  imports: [TypeOrmModule.forFeature([MatchingRunEntity, CandidateEntity, NamedRequestEntity]), NotificationsModule, ApplicantsModule, JobOrdersModule],
  providers: [MatchingService, SelectionService],
  exports: [MatchingService, SelectionService],
})
export class MatchingModule {}
