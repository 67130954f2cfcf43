import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { ExportsService } from '../exports.service';

/**
 * The exports' jobs: an export's file built (again, when delivered twice: the same request rebuilt; an export
 * failed or expired is left alone), and the nightly purge of the files past their expiry (a rerun finds nothing).
 */
export const EXPORTS_JOBS = bindJobs(ExportsService, (exports) => ({
  [JobName.BuildExport]: (payload, context) => exports.build(payload.exportId, { attempt: context.attempt }),
  [JobName.PurgeExpiredExports]: () => exports.purgeExpired(),
}));
