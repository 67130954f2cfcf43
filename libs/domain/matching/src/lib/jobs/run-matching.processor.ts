import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@puente/queue';
import { JobName, JobPayloads } from '@puente/queue-contracts';
import { MatchingService } from '../matching.service';

/** Runs a matching run; all the work and its idempotence live in the service. */
@Injectable()
@JobProcessor(JobName.RunMatching)
export class RunMatchingProcessor implements JobHandler<JobName.RunMatching> {
  constructor(private readonly matching: MatchingService) {}

  handle(payload: JobPayloads[JobName.RunMatching], context: { attempt: number }): Promise<number> {
    return this.matching.execute(payload.runId, context.attempt);
  }
}
