import { Module } from '@nestjs/common';
import { AuthModule } from '@puente/auth';
import { ReferenceModule } from '@puente/domain/reference';
import { ApplicantsModule } from './applicants.module';
import { ApplicantLoginResolver } from './graphql/applicant-login.resolver';
import { ApplicantResolver } from './graphql/applicant.resolver';
import { ApplicantDocumentsResolver } from './graphql/applicant-documents.resolver';

@Module({ imports: [ApplicantsModule, AuthModule, ReferenceModule], providers: [ApplicantResolver, ApplicantLoginResolver, ApplicantDocumentsResolver] })
export class ApplicantsGraphqlModule {}
