import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  DepartmentEntity,
  MunicipalityEntity,
  OccupationEntity,
  RegionEntity,
  SkillEntity,
} from './reference.entities';
import { ReferenceService } from './reference.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([DepartmentEntity, MunicipalityEntity, RegionEntity, OccupationEntity, SkillEntity]),
  ],
  providers: [ReferenceService],
  exports: [ReferenceService],
})
export class ReferenceModule {}
