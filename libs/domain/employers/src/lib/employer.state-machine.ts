import { StateMachine } from '@puente/common';

export type EmployerStatus = 'PENDING_VERIFICATION' | 'VERIFIED' | 'SUSPENDED';
export const EMPLOYER_STATUSES: readonly EmployerStatus[] = ['PENDING_VERIFICATION', 'VERIFIED', 'SUSPENDED'];
export type EmployerEvent = 'VERIFY' | 'SUSPEND' | 'REINSTATE';

export const employerStateMachine = new StateMachine<EmployerStatus, EmployerEvent>('employer', {
  VERIFY: { from: ['PENDING_VERIFICATION'], to: 'VERIFIED' },
  SUSPEND: { from: ['PENDING_VERIFICATION', 'VERIFIED'], to: 'SUSPENDED' },
  REINSTATE: { from: ['SUSPENDED'], to: 'VERIFIED' },
});
