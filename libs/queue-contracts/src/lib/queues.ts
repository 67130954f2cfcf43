import type { DefaultJobOptions } from 'bullmq';

/** Queue names: kebab-case nouns. Both apps import them from here and nowhere else. */
export enum QueueName {
  Maintenance = 'maintenance',
  Matching = 'matching',
  Contingents = 'contingents',
  Notifications = 'notifications',
  Rehire = 'rehire',
  Cases = 'cases',
  Standing = 'standing',
  Outbox = 'outbox',
}

/** Job names: `<domain>.<verb-noun>`. Each belongs to exactly one queue. */
export enum JobName {
  PurgeExpiredRefreshTokens = 'maintenance.purge-expired-refresh-tokens',
  RunMatching = 'matching.run',
  ScheduleContingents = 'contingents.schedule',
  RemindStep = 'contingents.remind-step',
  CheckStepOverdue = 'contingents.check-step-overdue',
  DeliverNotification = 'notifications.deliver',
  EvaluateApplicant = 'rehire.evaluate-applicant',
  RehireSweep = 'rehire.sweep',
  CheckCaseOverdue = 'cases.check-overdue',
  RecomputeEmployerStanding = 'standing.recompute-employer',
  StandingSweep = 'standing.sweep',
  DrainOutbox = 'outbox.drain',
}

/** What travels with every job: ids and the request that caused it, never personal data. */
export interface JobMeta {
  requestId?: string;
}

/** The typed contract: the payload of each job. */
export interface JobPayloads {
  [JobName.PurgeExpiredRefreshTokens]: JobMeta & { olderThan?: string };
  [JobName.RunMatching]: JobMeta & { runId: string };
  [JobName.ScheduleContingents]: JobMeta & { jobOrderId: string };
  /** `remindOn` is the date the reminder was planned for: a job whose step has moved since does nothing. */
  [JobName.RemindStep]: JobMeta & { stepId: string; remindOn: string };
  /** `dueDate` as planned: a check for a step that has moved since does nothing. */
  [JobName.CheckStepOverdue]: JobMeta & { stepId: string; dueDate: string };
  [JobName.DeliverNotification]: JobMeta & { notificationId: string };
  /** Decides the applicant's rehire eligibility afresh from the stored facts; `cause` is for the log only. */
  [JobName.EvaluateApplicant]: JobMeta & { applicantId: string; cause: string };
  [JobName.RehireSweep]: JobMeta;
  /** `dueAt` (ISO instant) as planned: a check for a case that has moved since does nothing. */
  [JobName.CheckCaseOverdue]: JobMeta & { caseId: string; dueAt: string };
  /** Decides the employer's standing afresh from the stored facts; `cause` is for the log only. */
  [JobName.RecomputeEmployerStanding]: JobMeta & { employerId: string; cause: string };
  [JobName.StandingSweep]: JobMeta;
  /** Carries out the job outbox's units left behind by a crash or a failed drain after commit. */
  [JobName.DrainOutbox]: JobMeta;
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.PurgeExpiredRefreshTokens]: QueueName.Maintenance,
  [JobName.RunMatching]: QueueName.Matching,
  [JobName.ScheduleContingents]: QueueName.Contingents,
  [JobName.RemindStep]: QueueName.Contingents,
  [JobName.CheckStepOverdue]: QueueName.Contingents,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.EvaluateApplicant]: QueueName.Rehire,
  [JobName.RehireSweep]: QueueName.Rehire,
  [JobName.CheckCaseOverdue]: QueueName.Cases,
  [JobName.RecomputeEmployerStanding]: QueueName.Standing,
  [JobName.StandingSweep]: QueueName.Standing,
  [JobName.DrainOutbox]: QueueName.Outbox,
};

/** Retry, backoff and retention, set once (research: at-least-once delivery, so handlers are idempotent). */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { age: 86_400, count: 1000 },
  removeOnFail: { age: 30 * 86_400 },
};

/**
 * A deterministic job id from the job name and the ids that make it unique, so enqueuing the same logical job
 * twice is one job. BullMQ forbids ':' in custom ids and all-digit ids.
 */
export function jobId(job: JobName, ...parts: (string | number)[]): string {
  return [job, ...parts].join('__').replace(/:/g, '_');
}

/**
 * The worker's boot check: every declared job has exactly one processor and no processor serves an
 * undeclared job. Returns the problems; the worker refuses to start when there are any.
 */
export function processorCoverageProblems(handled: readonly string[]): string[] {
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const count = handled.filter((h) => h === job).length;
    if (count === 0) problems.push(`job "${job}" has no processor`);
    if (count > 1) problems.push(`job "${job}" has ${count} processors`);
  }
  for (const name of new Set(handled)) {
    if (!(Object.values(JobName) as string[]).includes(name)) problems.push(`a processor handles "${name}", which no queue declares`);
  }
  return problems;
}
