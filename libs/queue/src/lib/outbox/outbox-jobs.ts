import { Module } from '@nestjs/common';
import { JobName } from '@puente/queue-contracts';
import { bindJobs } from '../job-handler';
import { JobOutbox } from './job-outbox';

/** The worker's side of the outbox: the sweep of units left behind by a crash or a failed drain. JobOutbox comes from the global QueuesModule. */
@Module({ providers: [bindJobs(JobOutbox, (outbox) => ({ [JobName.DrainOutbox]: () => outbox.sweep() }))] })
export class OutboxJobsModule {}
