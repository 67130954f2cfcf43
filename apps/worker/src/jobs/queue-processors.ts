import { Inject, Logger, Type } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { Logger as PinoRoot } from 'pino';
import { storage, Store } from 'nestjs-pino/storage';
import { loadConfig } from '@puente/config';
import type { WorkerOptions } from 'bullmq';
import { JobMeta, QueueName } from '@puente/queue-contracts';
import { JobDispatcher } from './job-dispatcher';
import { WORKER_LOGGER } from '../logger';

/**
 * One BullMQ worker per queue of the contract; each job runs with a logger bound to its job id and the request
 * id that caused it, so a job's log lines join the request's.
 */
/**
 * Worker options from the validated configuration, read when Nest creates the BullMQ worker at boot (getters:
 * the decorator runs at import time, before the environment is checked).
 */
function workerOptions(): Partial<WorkerOptions> {
  return {
    get concurrency() {
      return loadConfig(process.env).workerConcurrency;
    },
    get lockDuration() {
      return loadConfig(process.env).workerLockDurationMs;
    },
    get stalledInterval() {
      return loadConfig(process.env).workerLockDurationMs;
    },
  };
}

function processorFor(queue: QueueName): Type<WorkerHost> {
  @Processor(queue, workerOptions())
  class QueueProcessor extends WorkerHost {
    private readonly logger = new Logger(`queue:${queue}`);

    constructor(
      private readonly dispatcher: JobDispatcher,
      @Inject(WORKER_LOGGER) private readonly root: PinoRoot,
    ) {
      super();
    }

    async process(job: Job<JobMeta>): Promise<unknown> {
      const bound = this.root.child({ queue, job: job.name, jobId: job.id, requestId: job.data.requestId, attempt: job.attemptsMade + 1 });
      return storage.run(new Store(bound), async () => {
        const started = Date.now();
        const result = await this.dispatcher.handlerFor(job.name).handle(job.data as never, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
        this.logger.log({ ms: Date.now() - started }, 'Job completed');
        return result;
      });
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue}QueueProcessor` });
  return QueueProcessor;
}

export const QUEUE_PROCESSORS = Object.values(QueueName).map(processorFor);
