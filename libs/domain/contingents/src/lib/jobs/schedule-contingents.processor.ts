import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@puente/queue';
import { JobName, JobPayloads } from '@puente/queue-contracts';
import { SeatingService } from '../seating.service';

/** Seats an order's selected workers and queues their reminders; the idempotence lives in the service. */
@Injectable()
@JobProcessor(JobName.ScheduleContingents)
export class ScheduleContingentsProcessor implements JobHandler<JobName.ScheduleContingents> {
  constructor(private readonly seating: SeatingService) {}

  handle(payload: JobPayloads[JobName.ScheduleContingents]): Promise<unknown> {
    return this.seating.scheduleAndRemind(payload.jobOrderId);
  }
}
