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
  Statistics = 'statistics',
  Exports = 'exports',
  Outbox = 'outbox',
}

/** Job names: `<domain>.<verb-noun>`. Each belongs to exactly one queue. */
export enum JobName {
  PurgeExpiredRefreshTokens = 'maintenance.purge-expired-refresh-tokens',
  RunMatching = 'matching.run',
  ScheduleContingents = 'contingents.schedule',
  RemindSteps = 'contingents.remind-steps',
  CheckStepsOverdue = 'contingents.check-steps-overdue',
  /** One step's reminder, as queued before the grouped jobs: still served, for those already delayed in Redis. */
  RemindStep = 'contingents.remind-step',
  /** One step's overdue check, as queued before the grouped jobs: still served, for those already delayed in Redis. */
  CheckStepOverdue = 'contingents.check-step-overdue',
  PlanDocumentWarnings = 'documents.plan-warnings',
  WarnDocumentExpiry = 'documents.warn-expiry',
  DeliverNotification = 'notifications.deliver',
  EvaluateApplicant = 'rehire.evaluate-applicant',
  RehireSweep = 'rehire.sweep',
  CheckCaseOverdue = 'cases.check-overdue',
  RecomputeEmployerStanding = 'standing.recompute-employer',
  StandingSweep = 'standing.sweep',
  RefreshStatistics = 'statistics.refresh',
  BuildExport = 'exports.build',
  PurgeExpiredExports = 'exports.purge-expired',
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
  /**
   * The reminders of one contingent's steps of one kind whose reminder date is `remindOn` (id: contingent, kind,
   * date): the job re-reads which of them are still pending on that date when it runs, so a step moved or done since
   * gets nothing.
   */
  [JobName.RemindSteps]: JobMeta & { contingentId: string; kind: string; remindOn: string };
  /** The overdue checks of one contingent's steps of one kind due on `dueDate`, re-read likewise when it runs. */
  [JobName.CheckStepsOverdue]: JobMeta & { contingentId: string; kind: string; dueDate: string };
  /** `remindOn` is the date the reminder was planned for: a job whose step has moved since does nothing. */
  [JobName.RemindStep]: JobMeta & { stepId: string; remindOn: string };
  /** `dueDate` as planned: a check for a step that has moved since does nothing. */
  [JobName.CheckStepOverdue]: JobMeta & { stepId: string; dueDate: string };
  /** Plans the expiry warnings of the applicant's current documents against their next contract; `cause` is for the log only. */
  [JobName.PlanDocumentWarnings]: JobMeta & { applicantId: string; cause: string };
  /** `warnOn` is the day planned, `days` before the expiry: a job whose document was renewed or contract ended does nothing. */
  [JobName.WarnDocumentExpiry]: JobMeta & { documentId: string; days: number; warnOn: string };
  [JobName.DeliverNotification]: JobMeta & { notificationId: string };
  /** Decides the applicant's rehire eligibility afresh from the stored facts; `cause` is for the log only. */
  [JobName.EvaluateApplicant]: JobMeta & { applicantId: string; cause: string };
  [JobName.RehireSweep]: JobMeta;
  /** `dueAt` (ISO instant) as planned: a check for a case that has moved since does nothing. */
  [JobName.CheckCaseOverdue]: JobMeta & { caseId: string; dueAt: string };
  /** Decides the employer's standing afresh from the stored facts; `cause` is for the log only. */
  [JobName.RecomputeEmployerStanding]: JobMeta & { employerId: string; cause: string };
  [JobName.StandingSweep]: JobMeta;
  /** Rebuilds the statistics aggregates from the stored facts; `cause` is for the log only (the first change of the minute's). */
  [JobName.RefreshStatistics]: JobMeta & { cause: string };
  /** Builds an export's file from its stored request (again, when delivered twice: the same request, a new file). */
  [JobName.BuildExport]: JobMeta & { exportId: string };
  /** Deletes the files of exports past their expiry (24 hours after each was built). */
  [JobName.PurgeExpiredExports]: JobMeta;
  /** Carries out the job outbox's units left behind by a crash or a failed drain after commit. */
  [JobName.DrainOutbox]: JobMeta;
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.PurgeExpiredRefreshTokens]: QueueName.Maintenance,
  [JobName.RunMatching]: QueueName.Matching,
  [JobName.ScheduleContingents]: QueueName.Contingents,
  [JobName.RemindSteps]: QueueName.Contingents,
  [JobName.CheckStepsOverdue]: QueueName.Contingents,
  [JobName.RemindStep]: QueueName.Contingents,
  [JobName.CheckStepOverdue]: QueueName.Contingents,
  [JobName.PlanDocumentWarnings]: QueueName.Contingents,
  [JobName.WarnDocumentExpiry]: QueueName.Contingents,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.EvaluateApplicant]: QueueName.Rehire,
  [JobName.RehireSweep]: QueueName.Rehire,
  [JobName.CheckCaseOverdue]: QueueName.Cases,
  [JobName.RecomputeEmployerStanding]: QueueName.Standing,
  [JobName.StandingSweep]: QueueName.Standing,
  [JobName.RefreshStatistics]: QueueName.Statistics,
  [JobName.BuildExport]: QueueName.Exports,
  [JobName.PurgeExpiredExports]: QueueName.Exports,
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

/** How long after the end of the minute of a change the statistics refresh it queued runs. */
export const STATISTICS_REFRESH_DELAY_MS = 5_000;

/**
 * The arguments of `tx.addJob` that queue the statistics refresh after a change, debounced: every change of one
 * minute queues the same job (its id names the minute), which runs `STATISTICS_REFRESH_DELAY_MS` after that
 * minute ends, once. `tx.addJob(...statisticsRefresh('applicant.register'))`.
 */
export function statisticsRefresh(
  cause: string,
  now: number = Date.now(),
): [JobName.RefreshStatistics, JobPayloads[JobName.RefreshStatistics], { jobId: string; delay: number }] {
  const minute = Math.floor(now / 60_000);
  return [JobName.RefreshStatistics, { cause }, { jobId: jobId(JobName.RefreshStatistics, minute), delay: (minute + 1) * 60_000 - now + STATISTICS_REFRESH_DELAY_MS }];
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
