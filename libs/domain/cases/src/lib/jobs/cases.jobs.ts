import { bindJobs } from '@puente/queue';
import { JobName } from '@puente/queue-contracts';
import { CasesService } from '../cases.service';

/** A case's overdue check: marks it and alerts staff when it still waits for the deadline the job was planned for. */
export const CASE_JOBS = bindJobs(CasesService, (cases) => ({
  [JobName.CheckCaseOverdue]: (payload) => cases.checkOverdue(payload.caseId, payload.dueAt),
}));
