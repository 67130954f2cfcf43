import { Module } from '@nestjs/common';
import { RunMatchingProcessor } from './jobs/run-matching.processor';
import { MatchingModule } from './matching.module';

@Module({ imports: [MatchingModule], providers: [RunMatchingProcessor] })
export class MatchingJobsModule {}
