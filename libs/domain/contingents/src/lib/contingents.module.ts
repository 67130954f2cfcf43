import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { MatchingModule } from '@puente/domain/matching';
import { ContingentEntity, PlacementEntity, TravellerEntity, TravelStepEntity } from './contingent.entity';
import { ContingentsService } from './contingents.service';
import { TravelService } from './travel.service';
import { ApplicantStatusService } from './applicant-status.service';

@Module({
  imports: [TypeOrmModule.forFeature([ContingentEntity, TravellerEntity, TravelStepEntity, PlacementEntity]), NotificationsModule, MatchingModule],
  providers: [ContingentsService, TravelService, ApplicantStatusService],
  exports: [ContingentsService, TravelService, ApplicantStatusService],
})
export class ContingentsModule {}
