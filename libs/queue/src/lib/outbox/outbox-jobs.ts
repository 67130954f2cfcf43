import { Module } from '@nestjs/common';
import { JobName } from '@puente/queue-contracts';
import { bindJobs } from '../job-handler';
import { JobOutbox } from './job-outbox';

/** The sweep: carries out outbox units left behind by a crash or a failed drain. */
const OUTBOX_JOBS = bindJobs(JobOutbox, (outbox) => ({
  [JobName.DrainOutbox]: () => outbox.sweep(),
}));

/** The worker's side of the outbox; JobOutbox comes from the global QueuesModule. */
@Module({ providers: [OUTBOX_JOBS] })
export class OutboxJobsModule {}
