import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { StandingService } from '../standing.service';

/**
 * The standing jobs: an employer's standing decided afresh (deciding twice from the same facts stores nothing
 * new), and the nightly sweep of every employer, in batches (a rerun finds nothing new to store).
 */
export const STANDING_JOBS = bindJobs(StandingService, (standing) => ({
  [JobName.RecomputeEmployerStanding]: (payload) => standing.recompute(payload.employerId),
  [JobName.StandingSweep]: () => standing.sweep(),
}));
