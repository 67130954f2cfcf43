import { Module } from '@nestjs/common';
import { ScheduleContingentsProcessor } from './jobs/schedule-contingents.processor';
import { ContingentsModule } from './contingents.module';

@Module({ imports: [ContingentsModule], providers: [ScheduleContingentsProcessor] })
export class ContingentsJobsModule {}
