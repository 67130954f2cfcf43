import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { SeatingService } from '../seating.service';
import { StepJobsService } from '../step-jobs.service';

/** Seats an order's selected workers and queues their reminders; the idempotence lives in the service. */
export const SEATING_JOBS = bindJobs(SeatingService, (seating) => ({
  [JobName.ScheduleContingents]: (payload) => seating.scheduleAndRemind(payload.jobOrderId),
}));

/**
 * A pending step's reminder (one for a step that has moved or been done does nothing), and its overdue check
 * (marks it overdue and alerts when it is still pending past the due date the job was planned for).
 */
export const STEP_JOBS = bindJobs(StepJobsService, (steps) => ({
  [JobName.RemindStep]: (payload) => steps.remind(payload.stepId, payload.remindOn),
  [JobName.CheckStepOverdue]: (payload) => steps.checkOverdue(payload.stepId, payload.dueDate),
}));
