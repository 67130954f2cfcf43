import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@puente/queue';
import { JobName, JobPayloads } from '@puente/queue-contracts';
import { StepJobsService } from '../step-jobs.service';

/** Reminds of a pending step; a reminder for a step that has moved or been done does nothing. */
@Injectable()
@JobProcessor(JobName.RemindStep)
export class RemindStepProcessor implements JobHandler<JobName.RemindStep> {
  constructor(private readonly stepJobs: StepJobsService) {}

  handle(payload: JobPayloads[JobName.RemindStep]): Promise<string> {
    return this.stepJobs.remind(payload.stepId, payload.remindOn);
  }
}

/** Marks a step overdue and alerts, when it is still pending past the due date the job was planned for. */
@Injectable()
@JobProcessor(JobName.CheckStepOverdue)
export class CheckStepOverdueProcessor implements JobHandler<JobName.CheckStepOverdue> {
  constructor(private readonly stepJobs: StepJobsService) {}

  handle(payload: JobPayloads[JobName.CheckStepOverdue]): Promise<string> {
    return this.stepJobs.checkOverdue(payload.stepId, payload.dueDate);
  }
}
