import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PuenteConfig } from '@puente/config';
import type { JobName, JobPayloads } from '@puente/queue-contracts';
import { JobProducer } from '../job-producer';
import { StatusEvents } from '../status-events';
import { OutboxOp, stepsOf } from './outbox-ops';
import { failpoint } from './failpoint';

/** Rows per INSERT, each row a batch of up to OUTBOX_BATCH jobs: 140,000 jobs are 140 rows in two statements. */
const WRITE_CHUNK = 100;

/** Rows a sweep leaves to the drain right after commit: younger than this, that drain is probably still running. */
export const SWEEP_GRACE_MS = 5_000;

/**
 * The table side of the unit of work: writes what is to be done after commit in the unit's transaction, and
 * carries out a unit under the lock of its first row, so the drain after commit and the sweeps of any number of
 * workers never carry out the same unit twice at once, nor one unit's rows out of order.
 */
@Injectable()
export class JobOutbox {
  private readonly logger = new Logger('job-outbox');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly events: StatusEvents,
    private readonly config: PuenteConfig,
  ) {}

  async write(em: EntityManager, unit: string, label: string, ops: readonly OutboxOp[]): Promise<void> {
    for (let i = 0; i < ops.length; i += WRITE_CHUNK) {
      const chunk = ops.slice(i, i + WRITE_CHUNK);
      await em.query(
        `INSERT INTO job_outbox (unit, head, queue_prefix, label, kind, queue, name, payload)
         SELECT $1, r.ord = 1 AND $3, $4, $2, r.kind, r.queue, r.name, r.payload::jsonb
         FROM unnest($5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS r(kind, queue, name, payload, ord)
         ORDER BY r.ord`,
        [unit, label, i === 0, this.config.redis.queuePrefix, chunk.map((o) => o.kind), chunk.map((o) => o.queue), chunk.map((o) => o.name), chunk.map((o) => JSON.stringify(o.payload))],
      );
    }
  }

  /**
   * Carries out one unit right after its commit, from the operations it still has in memory. Returns false when
   * someone else holds the unit (a sweep got there first) or it is already done.
   */
  drain(unit: string, label: string, ops: readonly OutboxOp[]): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const head: unknown[] = await em.query(`SELECT id FROM job_outbox WHERE unit = $1 AND head FOR UPDATE SKIP LOCKED`, [unit]);
      if (!head.length) return false;
      await this.carryOut(label, ops);
      await em.query(`DELETE FROM job_outbox WHERE unit = $1`, [unit]);
      return true;
    });
  }

  /**
   * Carries out the units left behind (a crash after commit, a failed drain) older than `graceMs`, oldest first,
   * each in its own transaction; a unit that fails stays for the next sweep and does not hold back the others.
   * Returns how many rows (batches of operations) were carried out.
   */
  async sweep({ graceMs = SWEEP_GRACE_MS, maxUnits = 1000 }: { graceMs?: number; maxUnits?: number } = {}): Promise<number> {
    const failed: string[] = [];
    let rows = 0;
    for (let units = 0; units < maxUnits; units++) {
      let unit: string | undefined;
      try {
        const done = await this.dataSource.transaction(async (em) => {
          const [head]: { unit: string; label: string }[] = await em.query(
            `SELECT unit, label FROM job_outbox
             WHERE head AND queue_prefix = $3 AND created_at < clock_timestamp() - make_interval(secs => $1) AND unit <> ALL($2::uuid[])
             ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [graceMs / 1000, failed, this.config.redis.queuePrefix],
          );
          if (!head) return null;
          unit = head.unit;
          const ops: OutboxOp[] = await em.query(`SELECT kind, queue, name, payload FROM job_outbox WHERE unit = $1 ORDER BY id`, [unit]);
          await this.carryOut(head.label, ops);
          await em.query(`DELETE FROM job_outbox WHERE unit = $1`, [unit]);
          return ops.length;
        });
        if (done === null) break;
        rows += done;
      } catch (error) {
        if (!unit) throw error;
        failed.push(unit);
        this.logger.warn({ err: error, unit }, 'Outbox unit not carried out; the next sweep retries it');
      }
    }
    return rows;
  }

  /** `label` names the unit for the mid-drain failpoint (the crash tests) only. */
  private async carryOut(label: string, ops: readonly OutboxOp[]): Promise<void> {
    let round = 0;
    for (const step of stepsOf(ops, Date.now())) {
      if (step.kind === 'add') await this.producer.enqueueBulk(step.name, step.jobs.map((j) => ({ payload: j.data as JobPayloads[JobName], options: j.opts })));
      else if (step.kind === 'remove') await this.producer.removeAll(step.queue, step.jobIds);
      else await this.events.publish(step.applicantIds, step.reason);
      failpoint('mid-drain', `${label}#${++round}`);
    }
  }
}
