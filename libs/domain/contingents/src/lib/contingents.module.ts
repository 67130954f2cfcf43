import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { MatchingModule } from '@puente/domain/matching';
import { JobOrdersModule } from '@puente/domain/job-orders';
import { ContingentEntity, PlacementEntity, TravellerEntity, TravelStepEntity } from './contingent.entity';
import { SeatingService } from './seating.service';
import { StepJobsService } from './step-jobs.service';
import { DocumentWarningsService } from './document-warnings.service';
import { DocumentExpiryWarningEntity } from './document-warning.entity';
import { ContingentQueriesService } from './contingent-queries.service';
import { WithdrawalService } from './withdrawal.service';
import { TravelService } from './travel.service';
import { ApplicantStatusService } from './applicant-status.service';
import { ContingentOfficeService } from './office.service';
import { ApplicantsModule } from '@puente/domain/applicants';

@Module({
  imports: [TypeOrmModule.forFeature([ContingentEntity, TravellerEntity, TravelStepEntity, PlacementEntity, DocumentExpiryWarningEntity]), NotificationsModule, MatchingModule, JobOrdersModule, ApplicantsModule],
  providers: [SeatingService, StepJobsService, DocumentWarningsService, ContingentQueriesService, TravelService, WithdrawalService, ApplicantStatusService, ContingentOfficeService],
  exports: [SeatingService, StepJobsService, DocumentWarningsService, ContingentQueriesService, TravelService, WithdrawalService, ApplicantStatusService, ContingentOfficeService],
})
export class ContingentsModule {}
