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
import { ReferenceReadPortsModule } from './region-directory.reader';

@Module({
  imports: [
    TypeOrmModule.forFeature([DepartmentEntity, MunicipalityEntity, RegionEntity, OccupationEntity, SkillEntity]),
    ReferenceReadPortsModule,
  ],
  providers: [ReferenceService],
  exports: [ReferenceService],
})
export class ReferenceModule {}
