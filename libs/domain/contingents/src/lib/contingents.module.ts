import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContingentEntity, TravellerEntity, TravelStepEntity } from './contingent.entity';
import { ContingentsService } from './contingents.service';

@Module({
  imports: [TypeOrmModule.forFeature([ContingentEntity, TravellerEntity, TravelStepEntity])],
  providers: [ContingentsService],
  exports: [ContingentsService],
})
export class ContingentsModule {}
