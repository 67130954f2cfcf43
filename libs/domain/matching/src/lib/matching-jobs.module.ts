import { Module } from '@nestjs/common';
import { MATCHING_JOBS } from './jobs/matching.jobs';
import { MatchingModule } from './matching.module';

@Module({ imports: [MatchingModule], providers: [MATCHING_JOBS] })
export class MatchingJobsModule {}
