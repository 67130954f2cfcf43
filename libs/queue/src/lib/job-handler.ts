import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from '@puente/queue-contracts';

export const JOB_HANDLER = 'puente:job-handler';

/**
 * Marks a provider as the processor of one job of the contract. The worker finds them at boot and refuses to
 * start when a declared job has none or two.
 */
export const JobProcessor = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], context: { jobId: string; attempt: number }): Promise<unknown>;
}
