import type { JobsOptions } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from '@puente/queue-contracts';

/** A job's options as the outbox keeps them: its id always, a delay as the instant it was meant to run from. */
export type OutboxJobOptions = JobsOptions & { jobId: string };

export type OutboxKind = 'add' | 'remove' | 'publish';

/**
 * One thing to do after commit, as stored in a job_outbox row. An added job keeps `notBefore` instead of its delay,
 * so a job carried out late (by the sweep, after a crash) still runs when it was planned, not a delay later.
 */
export type OutboxOp =
  | { kind: 'add'; queue: QueueName; name: JobName; payload: { data: unknown; opts: OutboxJobOptions; notBefore?: number } }
  | { kind: 'remove'; queue: QueueName; name: null; payload: { jobIds: string[] } }
  | { kind: 'publish'; queue: null; name: null; payload: { applicantIds: string[]; reason: string } };

/** Consecutive operations carried out in one round: adds of one job name, removals from one queue, or a publish. */
export type OutboxStep =
  | { kind: 'add'; name: JobName; jobs: { data: unknown; opts: OutboxJobOptions }[] }
  | { kind: 'remove'; queue: QueueName; jobIds: string[] }
  | { kind: 'publish'; applicantIds: string[]; reason: string };

/** Ids per removal row: a reschedule removes hundreds of thousands of jobs, a few rows carry them. */
export const REMOVE_CHUNK = 1000;

export function addOp<N extends JobName>(name: N, data: JobPayloads[N], options: OutboxJobOptions, now: number): OutboxOp {
  const { delay, ...opts } = options;
  return { kind: 'add', queue: JOB_QUEUE[name], name, payload: delay && delay > 0 ? { data, opts, notBefore: now + delay } : { data, opts } };
}

export function removeOps(queue: QueueName, jobIds: readonly string[]): OutboxOp[] {
  const ops: OutboxOp[] = [];
  for (let i = 0; i < jobIds.length; i += REMOVE_CHUNK) ops.push({ kind: 'remove', queue, name: null, payload: { jobIds: jobIds.slice(i, i + REMOVE_CHUNK) } });
  return ops;
}

export function publishOp(applicantIds: Iterable<string>, reason: string): OutboxOp | null {
  const ids = [...new Set(applicantIds)];
  return ids.length ? { kind: 'publish', queue: null, name: null, payload: { applicantIds: ids, reason } } : null;
}

/**
 * Groups operations into rounds, keeping their order: a run of adds of one name becomes one bulk add, a run of
 * removals from one queue one removal. A delay is recomputed from `notBefore` at `now` (never below zero).
 */
export function stepsOf(ops: readonly OutboxOp[], now: number): OutboxStep[] {
  const steps: OutboxStep[] = [];
  for (const op of ops) {
    const last = steps[steps.length - 1];
    if (op.kind === 'add') {
      const { data, opts, notBefore } = op.payload;
      const job = { data, opts: notBefore === undefined ? opts : { ...opts, delay: Math.max(0, notBefore - now) } };
      if (last?.kind === 'add' && last.name === op.name) last.jobs.push(job);
      else steps.push({ kind: 'add', name: op.name, jobs: [job] });
    } else if (op.kind === 'remove') {
      if (last?.kind === 'remove' && last.queue === op.queue) last.jobIds.push(...op.payload.jobIds);
      else steps.push({ kind: 'remove', queue: op.queue, jobIds: [...op.payload.jobIds] });
    } else {
      steps.push({ kind: 'publish', ...op.payload });
    }
  }
  return steps;
}
