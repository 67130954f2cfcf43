import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { RehireService } from '../rehire.service';

/**
 * The rehire jobs: an applicant's eligibility decided afresh (deciding twice from the same facts stores nothing
 * new), and the nightly sweep of decisions whose inputs changed meaning, in batches (a rerun finds only what is
 * still due).
 */
export const REHIRE_JOBS = bindJobs(RehireService, (rehire) => ({
  [JobName.EvaluateApplicant]: (payload) => rehire.decide(payload.applicantId),
  [JobName.RehireSweep]: () => rehire.sweep(),
}));
