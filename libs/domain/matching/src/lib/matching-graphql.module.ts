import { Module } from '@nestjs/common';
import { ReferenceModule } from '@puente/domain/reference';
import { CandidateFieldsResolver, JobOrderCandidatesResolver, JobOrderMatchingRunResolver, MatchingResolver } from './graphql/matching.resolver';
import { MatchingModule } from './matching.module';
import { ShortlistService } from './shortlist.service';

@Module({ imports: [MatchingModule, ReferenceModule], providers: [ShortlistService, MatchingResolver, JobOrderCandidatesResolver, JobOrderMatchingRunResolver, CandidateFieldsResolver] })
export class MatchingGraphqlModule {}
