import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@puente/auth';
import { ReferenceModule } from '@puente/domain/reference';
import { ApplicantEntity } from './applicant.entity';
import { ApplicantOccupationEntity } from './applicant-occupation.entity';
import { ApplicantService } from './applicant.service';
import { ApplicantIdentifiers } from './applicant-identifiers';
import { ApplicantsReadPortsModule } from './applicant-recipients.reader';

@Module({
  imports: [TypeOrmModule.forFeature([ApplicantEntity, ApplicantOccupationEntity]), AuthModule, ReferenceModule, ApplicantsReadPortsModule],
  providers: [ApplicantService, ApplicantIdentifiers],
  exports: [ApplicantService, ApplicantIdentifiers],
})
export class ApplicantsModule {}
