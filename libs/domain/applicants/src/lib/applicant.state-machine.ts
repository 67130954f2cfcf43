import { StateMachine } from '@puente/common';

export type ApplicantStatus =
  | 'REGISTERED'
  | 'VERIFIED'
  | 'AVAILABLE'
  | 'SHORTLISTED'
  | 'SELECTED'
  | 'PRE_DEPARTURE'
  | 'DEPLOYED'
  | 'RETURNED'
  | 'INELIGIBLE'
  | 'WITHDRAWN'
  | 'BLOCKED';

export const APPLICANT_STATUSES: readonly ApplicantStatus[] = [
  'REGISTERED', 'VERIFIED', 'AVAILABLE', 'SHORTLISTED', 'SELECTED', 'PRE_DEPARTURE', 'DEPLOYED', 'RETURNED',
  'INELIGIBLE', 'WITHDRAWN', 'BLOCKED',
];

export type ApplicantEvent =
  | 'VERIFY'
  | 'MAKE_AVAILABLE'
  | 'SHORTLIST'
  | 'RELEASE'
  | 'SELECT'
  | 'START_PRE_DEPARTURE'
  | 'UNSEAT'
  | 'DEPLOY'
  | 'RETURN'
  | 'MARK_INELIGIBLE'
  | 'WITHDRAW'
  | 'BLOCK';

/** An applicant: REGISTERED → VERIFIED → AVAILABLE → SHORTLISTED → SELECTED → PRE_DEPARTURE → DEPLOYED → RETURNED. */
export const applicantStateMachine = new StateMachine<ApplicantStatus, ApplicantEvent>('applicant', {
  VERIFY: { from: ['REGISTERED'], to: 'VERIFIED' },
  MAKE_AVAILABLE: { from: ['VERIFIED', 'RETURNED', 'INELIGIBLE'], to: 'AVAILABLE' },
  SHORTLIST: { from: ['AVAILABLE'], to: 'SHORTLISTED' },
  // Also a worker taken off a contingent for a missed step: free for a later season.
  RELEASE: { from: ['SHORTLISTED', 'SELECTED', 'PRE_DEPARTURE'], to: 'AVAILABLE' },
  SELECT: { from: ['AVAILABLE', 'SHORTLISTED'], to: 'SELECTED' },
  START_PRE_DEPARTURE: { from: ['SELECTED'], to: 'PRE_DEPARTURE' },
  // Their contingent was cancelled before leaving: still selected for the order, waiting for a new seat.
  UNSEAT: { from: ['PRE_DEPARTURE'], to: 'SELECTED' },
  DEPLOY: { from: ['PRE_DEPARTURE'], to: 'DEPLOYED' },
  RETURN: { from: ['DEPLOYED'], to: 'RETURNED' },
  // A returned worker refused by the rehire policy, or an eligible one whose decision changed (a new case).
  MARK_INELIGIBLE: { from: ['RETURNED', 'AVAILABLE'], to: 'INELIGIBLE' },
  WITHDRAW: { from: ['REGISTERED', 'VERIFIED', 'AVAILABLE', 'SHORTLISTED', 'SELECTED', 'PRE_DEPARTURE'], to: 'WITHDRAWN' },
  BLOCK: {
    from: ['REGISTERED', 'VERIFIED', 'AVAILABLE', 'SHORTLISTED', 'SELECTED', 'PRE_DEPARTURE', 'RETURNED', 'INELIGIBLE', 'WITHDRAWN'],
    to: 'BLOCKED',
  },
});

/**
 * A VERIFIED applicant whose passport is valid after today is ready for matching: AVAILABLE. The one rule both
 * verification and a passport added or renewed later (updateApplicant) apply; any other status is left alone.
 */
export function statusOnceDocumented(status: ApplicantStatus, passportExpiry: string | null, today: string): ApplicantStatus {
  if (status !== 'VERIFIED' || !passportExpiry || passportExpiry <= today) return status;
  return applicantStateMachine.next(status, 'MAKE_AVAILABLE');
}
