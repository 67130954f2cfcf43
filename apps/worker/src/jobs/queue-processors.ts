import { Inject, Logger, OnApplicationBootstrap, Type } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';
import type { Logger as PinoRoot } from 'pino';
import { storage, Store } from 'nestjs-pino/storage';
import { loadConfig } from '@puente/config';
import type { WorkerOptions } from 'bullmq';
import { unavailableDependency } from '@puente/common';
import { JobMeta, QueueName } from '@puente/queue-contracts';
import { logConnectionErrors } from '@puente/queue';
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
    // Not the queues' fail-fast connection (QueuesModule): a consumer waits out a Redis outage and goes on.
    get connection() {
      return { url: loadConfig(process.env).redis.url };
    },
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

/** How long a job that found PostgreSQL out of reach waits before it runs again. */
const DEPENDENCY_RETRY_MS = 3000;

function processorFor(queue: QueueName): Type<WorkerHost> {
  @Processor(queue, workerOptions())
  class QueueProcessor extends WorkerHost implements OnApplicationBootstrap {
    private readonly logger = new Logger(`queue:${queue}`);

    constructor(
      private readonly dispatcher: JobDispatcher,
      @Inject(WORKER_LOGGER) private readonly root: PinoRoot,
    ) {
      super();
    }

    /** BullMQ's 'error' event (a lost Redis connection), logged once an outage instead of printed per retry. */
    onApplicationBootstrap(): void {
      logConnectionErrors(this.worker, this.logger, `worker:${queue}`);
    }

    async process(job: Job<JobMeta>, token?: string): Promise<unknown> {
      const bound = this.root.child({ queue, job: job.name, jobId: job.id, requestId: job.data.requestId, attempt: job.attemptsMade + 1 });
      return storage.run(new Store(bound), async () => {
        const started = Date.now();
        try {
          const result = await this.dispatcher.handlerFor(job.name).handle(job.data as never, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
          this.logger.log({ ms: Date.now() - started }, 'Job completed');
          return result;
        } catch (error) {
          // PostgreSQL out of reach is no fault of the job: it waits and runs again without spending one of its
          // attempts (five, over about 15 s, would run out during a longer outage). Its transaction rolled back,
          // and jobs are idempotent, so running it again is safe.
          const dependency = unavailableDependency(error);
          if (dependency !== 'postgres' || !token) throw error;
          this.logger.warn({ dependency, retryInMs: DEPENDENCY_RETRY_MS }, 'Dependency unavailable; the job runs again later, no attempt spent');
          await job.moveToDelayed(Date.now() + DEPENDENCY_RETRY_MS, token);
          throw new DelayedError();
        }
      });
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue}QueueProcessor` });
  return QueueProcessor;
}

export const QUEUE_PROCESSORS = Object.values(QueueName).map(processorFor);
