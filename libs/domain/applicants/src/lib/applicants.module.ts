import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@puente/auth';
import { ReferenceModule } from '@puente/domain/reference';
import { ApplicantEntity } from './applicant.entity';
import { ApplicantOccupationEntity } from './applicant-occupation.entity';
import { ApplicantDocumentEntity } from './applicant-document.entity';
import { ApplicantDocumentsService } from './applicant-documents.service';
import { ApplicantService } from './applicant.service';
import { ApplicantIdentifiers } from './applicant-identifiers';
import { ApplicantsReadPortsModule } from './applicant-recipients.reader';

@Module({
  imports: [TypeOrmModule.forFeature([ApplicantEntity, ApplicantOccupationEntity, ApplicantDocumentEntity]), AuthModule, ReferenceModule, ApplicantsReadPortsModule],
  providers: [ApplicantService, ApplicantIdentifiers, ApplicantDocumentsService],
  exports: [ApplicantService, ApplicantIdentifiers, ApplicantDocumentsService],
})
export class ApplicantsModule {}
