import { Module } from '@nestjs/common';
import { SEATING_JOBS, STEP_JOBS } from './jobs/contingents.jobs';
import { ContingentsModule } from './contingents.module';

@Module({ imports: [ContingentsModule], providers: [SEATING_JOBS, STEP_JOBS] })
export class ContingentsJobsModule {}
