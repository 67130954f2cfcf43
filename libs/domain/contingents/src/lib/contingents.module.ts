import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { MatchingModule } from '@puente/domain/matching';
import { JobOrdersModule } from '@puente/domain/job-orders';
import { ContingentEntity, PlacementEntity, TravellerEntity, TravelStepEntity } from './contingent.entity';
import { ContingentsService } from './contingents.service';
import { TravelService } from './travel.service';
import { ApplicantStatusService } from './applicant-status.service';
import { ContingentOfficeService } from './office.service';

@Module({
  imports: [TypeOrmModule.forFeature([ContingentEntity, TravellerEntity, TravelStepEntity, PlacementEntity]), NotificationsModule, MatchingModule, JobOrdersModule],
  providers: [ContingentsService, TravelService, ApplicantStatusService, ContingentOfficeService],
  exports: [ContingentsService, TravelService, ApplicantStatusService, ContingentOfficeService],
})
export class ContingentsModule {}
