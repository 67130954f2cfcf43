import type { UnitOfWorkTx } from '@puente/queue';
import type { CaseFinding, CaseSeverity } from './case.rules';

/**
 * Emitted (emitAsync) inside the unit of work that decides a case SUBSTANTIATED or UNSUBSTANTIATED, so what
 * listeners record (rehire's decision job, standing's recompute, the employer's approval hold) commits with the
 * decision or not at all.
 */
export const CASE_DECIDED = 'case.decided';

export interface CaseDecidedEvent {
  tx: UnitOfWorkTx;
  caseId: string;
  applicantId: string;
  employerId: string;
  outcome: 'SUBSTANTIATED' | 'UNSUBSTANTIATED';
  finding: CaseFinding | null;
  severity: CaseSeverity;
}
