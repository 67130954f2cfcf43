import { Module } from '@nestjs/common';
import { DOCUMENT_WARNING_JOBS, SEATING_JOBS, STEP_JOBS } from './jobs/contingents.jobs';
import { ContingentsModule } from './contingents.module';

@Module({ imports: [ContingentsModule], providers: [SEATING_JOBS, STEP_JOBS, DOCUMENT_WARNING_JOBS] })
export class ContingentsJobsModule {}
