import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { MatchingService } from '../matching.service';

/** A matching run; all the work and its idempotence live in the service. */
export const MATCHING_JOBS = bindJobs(MatchingService, (matching) => ({
  [JobName.RunMatching]: (payload, context) => matching.execute(payload.runId, context.attempt),
}));
