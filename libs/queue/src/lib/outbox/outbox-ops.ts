import type { JobsOptions } from 'bullmq';
import { JOB_QUEUE, JobName, QueueName } from '@puente/queue-contracts';

/** A job's options as the outbox keeps them: its id always, a delay as the instant it was meant to run from. */
export type OutboxJobOptions = JobsOptions & { jobId: string };

export type OutboxKind = 'add' | 'remove' | 'publish';

/**
 * A job as an outbox row keeps it: `notBefore` instead of its delay, so a job carried out late (by the sweep,
 * after a crash) still runs when it was planned, not a delay later.
 */
export interface OutboxJob {
  data: unknown;
  opts: OutboxJobOptions;
  notBefore?: number;
}

/**
 * One job_outbox row: a batch of consecutive operations of one kind and target (adds of one job name, removals
 * from one queue), so a unit of 140,000 jobs is 140 rows, not 140,000. A publish stays a row of its own: merging
 * two would send an applicant in both one event instead of two.
 */
export type OutboxOp =
  | { kind: 'add'; queue: QueueName; name: JobName; payload: { jobs: OutboxJob[] } }
  | { kind: 'remove'; queue: QueueName; name: null; payload: { jobIds: string[] } }
  | { kind: 'publish'; queue: null; name: null; payload: { applicantIds: string[]; reason: string } };

/** Consecutive operations carried out in one round: adds of one job name, removals from one queue, or a publish. */
export type OutboxStep =
  | { kind: 'add'; name: JobName; jobs: { data: unknown; opts: OutboxJobOptions }[] }
  | { kind: 'remove'; queue: QueueName; jobIds: string[] }
  | { kind: 'publish'; applicantIds: string[]; reason: string };

/** Jobs (or job ids) per row: large enough that a big unit is few rows, small enough that a row stays a few hundred kB. */
export const OUTBOX_BATCH = 1000;

export function outboxJob(data: unknown, options: OutboxJobOptions, now: number): OutboxJob {
  const { delay, ...opts } = options;
  return delay && delay > 0 ? { data, opts, notBefore: now + delay } : { data, opts };
}

/** Appends adds to a unit's rows: into its last row while that row adds the same job name and has room. */
export function appendAdds(ops: OutboxOp[], name: JobName, jobs: readonly OutboxJob[]): void {
  fill(jobs, () => {
    const last = ops[ops.length - 1];
    if (last?.kind === 'add' && last.name === name && last.payload.jobs.length < OUTBOX_BATCH) return last.payload.jobs;
    const row: OutboxOp & { kind: 'add' } = { kind: 'add', queue: JOB_QUEUE[name], name, payload: { jobs: [] } };
    ops.push(row);
    return row.payload.jobs;
  });
}

/** Appends removals to a unit's rows: into its last row while that row removes from the same queue and has room. */
export function appendRemovals(ops: OutboxOp[], queue: QueueName, jobIds: readonly string[]): void {
  fill(jobIds, () => {
    const last = ops[ops.length - 1];
    if (last?.kind === 'remove' && last.queue === queue && last.payload.jobIds.length < OUTBOX_BATCH) return last.payload.jobIds;
    const row: OutboxOp & { kind: 'remove' } = { kind: 'remove', queue, name: null, payload: { jobIds: [] } };
    ops.push(row);
    return row.payload.jobIds;
  });
}

/** Appends a publish, each applicant once; nothing for nobody. */
export function appendPublish(ops: OutboxOp[], applicantIds: Iterable<string>, reason: string): void {
  const ids = [...new Set(applicantIds)];
  if (ids.length) ops.push({ kind: 'publish', queue: null, name: null, payload: { applicantIds: ids, reason } });
}

/** Pushes items into batches of at most OUTBOX_BATCH, `open` giving the batch to fill (the last row's, or a new one). */
function fill<T>(items: readonly T[], open: () => T[]): void {
  for (let i = 0; i < items.length; ) {
    const batch = open();
    const end = Math.min(items.length, i + OUTBOX_BATCH - batch.length);
    while (i < end) batch.push(items[i++]!);
  }
}

/**
 * Groups rows into rounds, keeping their order: a run of adds of one name becomes one bulk add, a run of
 * removals from one queue one removal. A delay is recomputed from `notBefore` at `now` (never below zero).
 */
export function stepsOf(ops: readonly OutboxOp[], now: number): OutboxStep[] {
  const steps: OutboxStep[] = [];
  for (const op of ops) {
    const last = steps[steps.length - 1];
    if (op.kind === 'add') {
      const jobs = op.payload.jobs.map(({ data, opts, notBefore }) => ({ data, opts: notBefore === undefined ? opts : { ...opts, delay: Math.max(0, notBefore - now) } }));
      if (last?.kind === 'add' && last.name === op.name) for (const job of jobs) last.jobs.push(job);
      else steps.push({ kind: 'add', name: op.name, jobs });
    } else if (op.kind === 'remove') {
      if (last?.kind === 'remove' && last.queue === op.queue) for (const id of op.payload.jobIds) last.jobIds.push(id);
      else steps.push({ kind: 'remove', queue: op.queue, jobIds: [...op.payload.jobIds] });
    } else {
      steps.push({ kind: 'publish', applicantIds: [...op.payload.applicantIds], reason: op.payload.reason });
    }
  }
  return steps;
}
