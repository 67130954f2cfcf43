import { Module } from '@nestjs/common';
import { ReferenceModule } from '@puente/domain/reference';
import { ApplicantsModule } from './applicants.module';
import { ApplicantResolver } from './graphql/applicant.resolver';

@Module({ imports: [ApplicantsModule, ReferenceModule], providers: [ApplicantResolver] })
export class ApplicantsGraphqlModule {}
