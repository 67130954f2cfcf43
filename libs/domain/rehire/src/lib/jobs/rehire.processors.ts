import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@puente/queue';
import { JobName, JobPayloads } from '@puente/queue-contracts';
import { RehireService } from '../rehire.service';

/** Decides an applicant's rehire eligibility afresh; deciding twice from the same facts stores nothing new. */
@Injectable()
@JobProcessor(JobName.EvaluateApplicant)
export class EvaluateApplicantProcessor implements JobHandler<JobName.EvaluateApplicant> {
  constructor(private readonly rehire: RehireService) {}

  handle(payload: JobPayloads[JobName.EvaluateApplicant]): Promise<string> {
    return this.rehire.decide(payload.applicantId);
  }
}

/** The nightly sweep: decisions whose inputs changed meaning, in batches; a rerun finds only what is still due. */
@Injectable()
@JobProcessor(JobName.RehireSweep)
export class RehireSweepProcessor implements JobHandler<JobName.RehireSweep> {
  constructor(private readonly rehire: RehireService) {}

  handle(): Promise<{ due: number; decided: number; batches: number }> {
    return this.rehire.sweep();
  }
}
