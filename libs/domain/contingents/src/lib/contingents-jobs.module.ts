import { Module } from '@nestjs/common';
import { CheckStepOverdueProcessor, RemindStepProcessor } from './jobs/step.processors';
import { ScheduleContingentsProcessor } from './jobs/schedule-contingents.processor';
import { ContingentsModule } from './contingents.module';

@Module({ imports: [ContingentsModule], providers: [ScheduleContingentsProcessor, RemindStepProcessor, CheckStepOverdueProcessor] })
export class ContingentsJobsModule {}
