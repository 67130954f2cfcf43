import { Module } from '@nestjs/common';
import { RemindStepProcessor } from './jobs/remind-step.processor';
import { ScheduleContingentsProcessor } from './jobs/schedule-contingents.processor';
import { ContingentsModule } from './contingents.module';

@Module({ imports: [ContingentsModule], providers: [ScheduleContingentsProcessor, RemindStepProcessor] })
export class ContingentsJobsModule {}
