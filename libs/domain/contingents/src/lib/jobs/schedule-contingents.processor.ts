import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@puente/queue';
import { JobName, JobPayloads } from '@puente/queue-contracts';
import { ContingentsService } from '../contingents.service';

/** Seats an order's selected workers and queues their reminders; the idempotence lives in the service. */
@Injectable()
@JobProcessor(JobName.ScheduleContingents)
export class ScheduleContingentsProcessor implements JobHandler<JobName.ScheduleContingents> {
  constructor(private readonly contingents: ContingentsService) {}

  handle(payload: JobPayloads[JobName.ScheduleContingents]): Promise<unknown> {
    return this.contingents.scheduleAndRemind(payload.jobOrderId);
  }
}
