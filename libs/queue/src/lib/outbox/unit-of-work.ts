import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { JobName, JobPayloads, QueueName } from '@puente/queue-contracts';
import { JobOutbox } from './job-outbox';
import { appendAdds, appendPublish, appendRemovals, OutboxJobOptions, OutboxOp, outboxJob } from './outbox-ops';
import { failpoint } from './failpoint';

/** What a unit of work's callback gets: the transaction's manager, and what to do once it has committed. */
export interface UnitOfWorkTx {
  readonly em: EntityManager;
  addJob<N extends JobName>(name: N, payload: JobPayloads[N], options: OutboxJobOptions): void;
  addJobs<N extends JobName>(name: N, jobs: readonly { payload: JobPayloads[N]; options: OutboxJobOptions }[]): void;
  /** Carried out in order with the adds, so removing a job and adding it again with the same id replaces it. */
  removeJobs(queue: QueueName, jobIds: readonly string[]): void;
  /** Status events to live subscribers. */
  publish(applicantIds: Iterable<string>, reason: string): void;
}

class CollectingTx implements UnitOfWorkTx {
  readonly ops: OutboxOp[] = [];

  constructor(readonly em: EntityManager) {}

  addJob<N extends JobName>(name: N, payload: JobPayloads[N], options: OutboxJobOptions): void {
    appendAdds(this.ops, name, [outboxJob(payload, options, Date.now())]);
  }

  addJobs<N extends JobName>(name: N, jobs: readonly { payload: JobPayloads[N]; options: OutboxJobOptions }[]): void {
    const now = Date.now();
    appendAdds(this.ops, name, jobs.map((job) => outboxJob(job.payload, job.options, now)));
  }

  removeJobs(queue: QueueName, jobIds: readonly string[]): void {
    appendRemovals(this.ops, queue, jobIds);
  }

  publish(applicantIds: Iterable<string>, reason: string): void {
    appendPublish(this.ops, applicantIds, reason);
  }
}

/**
 * Runs a change in one transaction together with what must follow it: the jobs and events it queues are written
 * to the job outbox in that transaction, carried out right after commit and deleted. A crash after commit, or a
 * Redis error, leaves the rows to the sweep (the worker's `outbox.drain`), so no job is lost; jobs carry
 * deterministic ids, so carrying a unit out again adds none twice. While an older unit that removes a job this one
 * adds is still in the outbox, the drain leaves this unit to the sweep, which carries them out in commit order
 * (`JobOutbox`), so an old removal never undoes a newer unit's jobs. The caller's change never fails because of the drain: it has
 * committed.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger('unit-of-work');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: JobOutbox,
  ) {}

  /** `label` is `<domain>.<verb>` (e.g. `matching.start`): it names the unit in the outbox, the log and failpoints. */
  async run<T>(label: string, work: (tx: UnitOfWorkTx) => Promise<T>): Promise<T> {
    const unit = randomUUID();
    let ops: OutboxOp[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      const tx = new CollectingTx(em);
      const value = await work(tx);
      ops = tx.ops;
      if (ops.length) await this.outbox.write(em, unit, label, ops);
      failpoint('before-commit', label);
      return value;
    });
    if (!ops.length) return result;
    failpoint('after-commit', label);
    try {
      await this.outbox.drain(unit, label, ops);
    } catch (error) {
      this.logger.warn({ err: error, label, unit, rows: ops.length }, 'Outbox not drained after commit; the sweep carries it out');
    }
    return result;
  }
}
