import { Injectable, Module } from '@nestjs/common';
import { JobName } from '@puente/queue-contracts';
import { JobHandler, JobProcessor } from '../job-handler';
import { JobOutbox } from './job-outbox';

/** The sweep: carries out outbox units left behind by a crash or a failed drain. */
@Injectable()
@JobProcessor(JobName.DrainOutbox)
export class DrainOutboxProcessor implements JobHandler<JobName.DrainOutbox> {
  constructor(private readonly outbox: JobOutbox) {}

  handle(): Promise<number> {
    return this.outbox.sweep();
  }
}

/** The worker's side of the outbox; JobOutbox comes from the global QueuesModule. */
@Module({ providers: [DrainOutboxProcessor] })
export class OutboxJobsModule {}
