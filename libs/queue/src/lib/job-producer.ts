import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from '@puente/queue-contracts';
import { logConnectionErrors } from './connection-errors';

const BULK_CHUNK = 1000;

/** Enqueues a job of the contract on its queue, typed by job name. */
@Injectable()
export class JobProducer implements OnModuleInit {
  private readonly logger = new Logger('queues');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QueueName)) logConnectionErrors(this.queue(name), this.logger, `queue:${name}`);
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions & { jobId: string }): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, payload, options);
  }

  /**
   * Enqueues many jobs of one name, a thousand per round trip (BullMQ's addBulk, all-or-nothing per chunk). A job
   * whose id already exists is left as it is, so a retried call adds only what is missing.
   */
  async enqueueBulk<N extends JobName>(name: N, jobs: readonly { payload: JobPayloads[N]; options: JobsOptions & { jobId: string } }[]): Promise<void> {
    const queue = this.queue(JOB_QUEUE[name]);
    for (let i = 0; i < jobs.length; i += BULK_CHUNK) {
      await queue.addBulk(jobs.slice(i, i + BULK_CHUNK).map((j) => ({ name, data: j.payload, opts: j.options })));
    }
  }

  /** Removes jobs by id, pipelined; an id with no job, or one running right now, is skipped. */
  async removeAll(name: QueueName, ids: readonly string[]): Promise<void> {
    const queue = this.queue(name);
    for (let i = 0; i < ids.length; i += BULK_CHUNK) await Promise.all(ids.slice(i, i + BULK_CHUNK).map((id) => queue.remove(id)));
  }

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
