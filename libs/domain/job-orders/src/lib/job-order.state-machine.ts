import { StateMachine } from '@puente/common';

export type JobOrderStatus = 'DRAFT' | 'SUBMITTED' | 'OPEN' | 'FILLED' | 'IN_PROGRESS' | 'COMPLETED' | 'REJECTED' | 'CANCELLED';
export const JOB_ORDER_STATUSES: readonly JobOrderStatus[] = [
  'DRAFT', 'SUBMITTED', 'OPEN', 'FILLED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED',
];
export type JobOrderEvent = 'SUBMIT' | 'APPROVE' | 'REJECT' | 'FILL' | 'REOPEN' | 'START' | 'COMPLETE' | 'CANCEL';

/** DESIGN.md: DRAFT → SUBMITTED → OPEN (approved) → FILLED → IN_PROGRESS → COMPLETED, or REJECTED, CANCELLED. */
export const jobOrderStateMachine = new StateMachine<JobOrderStatus, JobOrderEvent>('job order', {
  SUBMIT: { from: ['DRAFT'], to: 'SUBMITTED' },
  APPROVE: { from: ['SUBMITTED'], to: 'OPEN' },
  REJECT: { from: ['SUBMITTED'], to: 'REJECTED' },
  FILL: { from: ['OPEN'], to: 'FILLED' },
  REOPEN: { from: ['FILLED'], to: 'OPEN' },
  // The first contingent leaves: the order is under way, whether or not every position was filled.
  START: { from: ['OPEN', 'FILLED'], to: 'IN_PROGRESS' },
  COMPLETE: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  CANCEL: { from: ['DRAFT', 'SUBMITTED', 'OPEN', 'FILLED'], to: 'CANCELLED' },
});
