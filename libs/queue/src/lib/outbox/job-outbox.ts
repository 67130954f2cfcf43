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

/** A unit that removes jobs and has failed this long is reported as stuck: later units that add those jobs wait for it. */
export const STUCK_MS = 60_000;

/**
 * The table side of the unit of work: writes what is to be done after commit in the unit's transaction, and
 * carries out a unit under the lock of its first row, so the drain after commit and the sweeps of any number of
 * workers never carry out the same unit twice at once, nor one unit's rows out of order.
 *
 * Between units, a removal keeps its order before the adds it would undo: no unit is carried out while an older unit
 * (a smaller id, under the same queue prefix) is still in the table with a removal of a job id this unit adds,
 * whether that unit is being carried out elsewhere, was left by a crash, or keeps failing. The drain after commit
 * then leaves its unit to the sweep, and the sweep, oldest first, passes it by until that removal is done. Without
 * this, an older unit's removal carried out late (a crash mid-drain, then the sweep) would remove the jobs a newer
 * unit added with the same ids: a contingent rescheduled d0→d1, its drain killed, then back d1→d0 would lose its
 * d0 reminders. Every other order is harmless (ids are deterministic: an older add carried out late adds a job for
 * an old date, which finds no step with that date and does nothing), so units that add nothing an older unit
 * removes are never held, whatever else is in the table (a case's due date moved, a status published). "Older" is
 * the order rows were written in, which is commit order for units that touch the same thing: the services that
 * remove jobs lock the row they change (a reschedule its contingent, a case its case) before queuing anything.
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
   * Carries out one unit right after its commit, from the operations it still has in memory. Returns false, its rows
   * left to the sweep, when someone else holds the unit (a sweep got there first), it is already done, or an older
   * unit still to be carried out removes a job this one adds (the class comment). The head's lock also says whether
   * any older removal is in the table at all (none, usually); only then are this unit's job ids compared with them.
   */
  drain(unit: string, label: string, ops: readonly OutboxOp[]): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [head]: { id: string; removals: boolean }[] = await em.query(
        `SELECT h.id, EXISTS (SELECT 1 FROM job_outbox r WHERE r.kind = 'remove' AND r.queue_prefix = $2 AND r.id < h.id) AS removals
         FROM job_outbox h WHERE h.unit = $1 AND h.head FOR UPDATE OF h SKIP LOCKED`,
        [unit, this.config.redis.queuePrefix],
      );
      if (!head || (head.removals && (await this.undoneBy(em, head.id, ops)))) return false;
      await this.carryOut(label, ops);
      await em.query(`DELETE FROM job_outbox WHERE unit = $1`, [unit]);
      return true;
    });
  }

  /**
   * Carries out the units left behind (a crash after commit, a failed drain, a drain that waited for an older
   * removal) older than `graceMs`, oldest first, each in its own transaction. A unit that fails stays for the next
   * sweep, and so does one that adds a job an older unit still to be carried out removes (the class comment); the
   * others go on. Returns how many rows (batches of operations) were carried out.
   */
  async sweep({ graceMs = SWEEP_GRACE_MS, maxUnits = 1000 }: { graceMs?: number; maxUnits?: number } = {}): Promise<number> {
    const passed: string[] = [];
    let rows = 0;
    for (let units = 0; units < maxUnits; units++) {
      let head: { id: string; unit: string; label: string; removes: boolean; age_ms: number } | undefined;
      try {
        const done = await this.dataSource.transaction(async (em) => {
          [head] = await em.query(
            `SELECT h.id, h.unit, h.label, EXISTS (SELECT 1 FROM job_outbox r WHERE r.unit = h.unit AND r.kind = 'remove') AS removes,
                    (extract(epoch FROM clock_timestamp() - h.created_at) * 1000)::float8 AS age_ms
             FROM job_outbox h
             WHERE h.head AND h.queue_prefix = $3 AND h.created_at < clock_timestamp() - make_interval(secs => $1) AND h.unit <> ALL($2::uuid[])
             ORDER BY h.id LIMIT 1 FOR UPDATE OF h SKIP LOCKED`,
            [graceMs / 1000, passed, this.config.redis.queuePrefix],
          );
          if (!head) return null;
          const ops: OutboxOp[] = await em.query(`SELECT kind, queue, name, payload FROM job_outbox WHERE unit = $1 ORDER BY id`, [head.unit]);
          if (await this.undoneBy(em, head.id, ops)) return 'waits';
          await this.carryOut(head.label, ops);
          await em.query(`DELETE FROM job_outbox WHERE unit = $1`, [head.unit]);
          return ops.length;
        });
        if (done === null) break;
        if (done === 'waits') passed.push(head!.unit);
        else rows += done;
      } catch (error) {
        if (!head) throw error;
        passed.push(head.unit);
        const { unit, label, removes, age_ms: ageMs } = head;
        if (!removes) this.logger.warn({ err: error, unit, label }, 'Outbox unit not carried out; the next sweep retries it');
        else if (ageMs < STUCK_MS) this.logger.warn({ err: error, unit, label }, 'Outbox unit not carried out; the next sweep retries it, and later units that add the jobs it removes wait for it');
        else this.logger.error({ err: error, unit, label, ageMs: Math.round(ageMs) }, 'Outbox unit stuck: it removes jobs and keeps failing, and later units that add those jobs wait for it');
      }
    }
    return rows;
  }

  /** Whether an older unit still in the table (any, whoever holds it) removes a job these operations add. */
  private async undoneBy(em: EntityManager, headId: string, ops: readonly OutboxOp[]): Promise<boolean> {
    const added = ops.flatMap((op) => (op.kind === 'add' ? op.payload.jobs.map((job) => job.opts.jobId) : []));
    if (!added.length) return false;
    const [row]: { undone: boolean }[] = await em.query(
      `SELECT EXISTS (
         SELECT 1 FROM job_outbox r
         WHERE r.kind = 'remove' AND r.queue_prefix = $1 AND r.id < $2::bigint AND r.payload->'jobIds' ?| $3::text[]
       ) AS undone`,
      [this.config.redis.queuePrefix, headId, added],
    );
    return row!.undone;
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
