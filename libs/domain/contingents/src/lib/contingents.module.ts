import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@puente/notifications';
import { ContingentEntity, TravellerEntity, TravelStepEntity } from './contingent.entity';
import { ContingentsService } from './contingents.service';

@Module({
  imports: [TypeOrmModule.forFeature([ContingentEntity, TravellerEntity, TravelStepEntity]), NotificationsModule],
  providers: [ContingentsService],
  exports: [ContingentsService],
})
export class ContingentsModule {}
