import { StateMachine } from '@puente/common';

export const CASE_STATUSES = ['REPORTED', 'TRIAGED', 'INVESTIGATING', 'REFERRED', 'SUBSTANTIATED', 'UNSUBSTANTIATED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_EVENTS = ['TRIAGE', 'INVESTIGATE', 'REFER', 'SUBSTANTIATE', 'UNSUBSTANTIATE', 'CLOSE'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/**
 * A protection case: REPORTED → TRIAGED → INVESTIGATING → REFERRED (to the destination's labour authority) →
 * SUBSTANTIATED | UNSUBSTANTIATED → CLOSED. Two shortcuts are legal: a triaged case may be referred at once (a
 * CRITICAL case goes to the authority before Puente's own investigation), and an investigation may be decided
 * without a referral (wages settled, or a worker's misconduct, need no authority). Nothing skips triage or the
 * investigation's start, nothing is decided twice, and a closed case stays closed.
 */
export const caseStateMachine = new StateMachine<CaseStatus, CaseEvent>('case', {
  TRIAGE: { from: ['REPORTED'], to: 'TRIAGED' },
  INVESTIGATE: { from: ['TRIAGED'], to: 'INVESTIGATING' },
  REFER: { from: ['TRIAGED', 'INVESTIGATING'], to: 'REFERRED' },
  SUBSTANTIATE: { from: ['INVESTIGATING', 'REFERRED'], to: 'SUBSTANTIATED' },
  UNSUBSTANTIATE: { from: ['INVESTIGATING', 'REFERRED'], to: 'UNSUBSTANTIATED' },
  CLOSE: { from: ['SUBSTANTIATED', 'UNSUBSTANTIATED'], to: 'CLOSED' },
});
