import { StateMachine } from '@puente/common';

export type JobOrderStatus = 'DRAFT' | 'SUBMITTED' | 'OPEN' | 'FILLED' | 'IN_PROGRESS' | 'COMPLETED' | 'REJECTED' | 'CANCELLED';
export const JOB_ORDER_STATUSES: readonly JobOrderStatus[] = [
  'DRAFT', 'SUBMITTED', 'OPEN', 'FILLED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED',
];
export type JobOrderEvent = 'SUBMIT' | 'APPROVE' | 'REJECT' | 'EDIT' | 'FILL' | 'REOPEN' | 'START' | 'COMPLETE' | 'CANCEL';

/**
 * A job order: DRAFT → SUBMITTED → OPEN (approved) → FILLED → IN_PROGRESS → COMPLETED, or REJECTED, CANCELLED.
 * An edited REJECTED order is a DRAFT again, to be corrected and submitted anew.
 */
export const jobOrderStateMachine = new StateMachine<JobOrderStatus, JobOrderEvent>('job order', {
  SUBMIT: { from: ['DRAFT'], to: 'SUBMITTED' },
  APPROVE: { from: ['SUBMITTED'], to: 'OPEN' },
  REJECT: { from: ['SUBMITTED'], to: 'REJECTED' },
  EDIT: { from: ['DRAFT', 'REJECTED'], to: 'DRAFT' },
  FILL: { from: ['OPEN'], to: 'FILLED' },
  REOPEN: { from: ['FILLED'], to: 'OPEN' },
  // The first contingent leaves: the order is under way, whether or not every position was filled.
  START: { from: ['OPEN', 'FILLED'], to: 'IN_PROGRESS' },
  COMPLETE: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  // A rejected order the employer will not correct is cancelled too, so it leaves the employer's open work.
  CANCEL: { from: ['DRAFT', 'SUBMITTED', 'REJECTED', 'OPEN', 'FILLED'], to: 'CANCELLED' },
});

/** What an employer or coordinator can do instead, for a refusal that names the way forward. */
export function jobOrderAlternatives(status: JobOrderStatus): string {
  switch (status) {
    case 'SUBMITTED':
      return 'It is waiting for the ministry: a coordinator approves or rejects it, and a rejected order can be edited; or cancel it and create a new one.';
    case 'OPEN':
    case 'FILLED':
      return 'It is approved: cancel it (cancelJobOrder, with a reason) and create a new order with the changes.';
    case 'IN_PROGRESS':
      return 'Its workers have departed: it can no longer be changed or cancelled; end placements one by one if needed (endPlacement).';
    default:
      return `It is ${status}: create a new order instead.`;
  }
}
