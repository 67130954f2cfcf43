import { FactoryProvider, SetMetadata, Type } from '@nestjs/common';
import type { JobName, JobPayloads } from '@puente/queue-contracts';

export const JOB_HANDLER = 'puente:job-handler';

/** What the worker knows of the attempt it runs. */
export interface JobContext {
  jobId: string;
  attempt: number;
}

/**
 * Marks a provider as the processor of one job of the contract, for a job whose handling is more than one
 * service call. The worker finds them at boot and refuses to start when a declared job has none or two.
 */
export const JobProcessor = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<unknown>;
}

/** Jobs of the contract, each bound to the service method that carries it out. */
export type JobFunctions = { [N in JobName]?: (payload: JobPayloads[N], context: JobContext) => Promise<unknown> };

/** What `bindJobs` provides; the worker's dispatcher collects every one at boot, with the processors. */
export class JobBindings {
  constructor(readonly jobs: JobFunctions) {}
}

/**
 * Binds jobs to methods of one service, so a library's jobs module needs no class whose only work is to call
 * that method: `bindJobs(RehireService, (rehire) => ({ [JobName.RehireSweep]: () => rehire.sweep() }))`. The
 * boot-time coverage check counts these as it counts processors.
 */
export function bindJobs<S>(service: Type<S>, bind: (service: S) => JobFunctions): FactoryProvider<JobBindings> {
  return { provide: Symbol(`jobs of ${service.name}`), inject: [service], useFactory: (instance: S) => new JobBindings(bind(instance)) };
}
