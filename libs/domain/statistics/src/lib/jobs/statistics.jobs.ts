import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { StatisticsRefreshService } from '../statistics-refresh.service';

/**
 * The statistics job: the aggregates rebuilt from the stored facts, after the changes that move them (one job per
 * minute of changes) and nightly. Rebuilding twice from the same facts writes the same rows.
 */
export const STATISTICS_JOBS = bindJobs(StatisticsRefreshService, (refresher) => ({
  [JobName.RefreshStatistics]: () => refresher.refresh(),
}));
