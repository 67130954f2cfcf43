import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { SeatingService } from '../seating.service';
import { StepJobsService } from '../step-jobs.service';
import { DocumentWarningsService } from '../document-warnings.service';

/** Seats an order's selected workers and queues their reminders; the idempotence lives in the service. */
export const SEATING_JOBS = bindJobs(SeatingService, (seating) => ({
  [JobName.ScheduleContingents]: (payload) => seating.scheduleAndRemind(payload.jobOrderId),
}));

/**
 * The grouped step jobs: the reminders of a contingent's steps of one kind and reminder date, and the overdue
 * checks of those of one kind and due date; each re-reads the steps still due when it runs and sends each once.
 * The per-step jobs are still served for those queued before the grouping and still delayed.
 */
export const STEP_JOBS = bindJobs(StepJobsService, (steps) => ({
  [JobName.RemindSteps]: (payload) => steps.remindSteps(payload.contingentId, payload.kind, payload.remindOn),
  [JobName.CheckStepsOverdue]: (payload) => steps.checkStepsOverdue(payload.contingentId, payload.kind, payload.dueDate),
  [JobName.RemindStep]: (payload) => steps.remind(payload.stepId, payload.remindOn),
  [JobName.CheckStepOverdue]: (payload) => steps.checkOverdue(payload.stepId, payload.dueDate),
}));

/**
 * Document expiry warnings: planning them for an applicant's current documents against their next contract (a
 * planned job id that exists adds nothing), and one warning, sent once (recorded per document and days), only
 * while it still stands.
 */
export const DOCUMENT_WARNING_JOBS = bindJobs(DocumentWarningsService, (warnings) => ({
  [JobName.PlanDocumentWarnings]: (payload) => warnings.plan(payload.applicantId),
  [JobName.WarnDocumentExpiry]: (payload) => warnings.warn(payload.documentId, payload.days, payload.warnOn),
}));
