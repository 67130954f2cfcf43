import { DomainException, ErrorCode } from '@puente/common';

/** How many candidates one selection may name. */
export const MAX_SELECTED_AT_ONCE = 500;
/** Applicants a reserve may be promoted from: free, not selected or deployed elsewhere. */
const PROMOTABLE_STATUSES: readonly string[] = ['AVAILABLE', 'SHORTLISTED'];
/** Candidates an employer may still turn down: proposed, not decided. */
const REJECTABLE_STATUSES: readonly string[] = ['SUGGESTED', 'RESERVE'];

export function assertSelectionSize(names: readonly string[]): void {
  if (!names.length || names.length > MAX_SELECTED_AT_ONCE) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `Select 1 to ${MAX_SELECTED_AT_ONCE} candidates at a time.`, [
      { field: 'applicantIds', message: `must list 1 to ${MAX_SELECTED_AT_ONCE} candidates` },
    ]);
  }
}

/** Candidates are selected while the order is open (approved, not yet filled). */
export function assertSelectingOpen(order: { reference: string; status: string }): void {
  if (order.status !== 'OPEN') {
    throw new DomainException(ErrorCode.INVALID_TRANSITION, `Candidates are selected while an order is OPEN; ${order.reference} is ${order.status}.`);
  }
}

/** An order never has more selected workers than positions. */
export function assertPositionsLeft(order: { reference: string; positions: number }, selected: number, adding: number): void {
  if (selected + adding > order.positions) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `${order.reference} has ${order.positions - selected} position(s) left; you selected ${adding}.`, [
      { field: 'applicantIds', message: `select at most ${order.positions - selected}` },
    ]);
  }
}

/** The selection that takes the last position fills the order. */
export function fillsOrder(order: { positions: number }, selected: number, adding: number): boolean {
  return selected + adding === order.positions;
}

/**
 * One worker, one order: refuses someone already selected for this order or another, or rejected for this one.
 * `who` is how the caller may name them (a name for staff, the shortlist reference for an employer). Two
 * selections racing for one worker are also stopped by the database (the unique index candidate_one_selection_key:
 * one SELECTED candidate per applicant), the only place that can enforce it atomically; the service turns that
 * violation into a CONFLICT.
 */
export function assertSelectable(who: string, applicant: { status: string }, candidate: { status: string } | undefined, orderReference: string): void {
  if (candidate?.status === 'SELECTED') throw DomainException.conflict(`${who} is already selected for this order (${orderReference}).`);
  if (applicant.status === 'SELECTED') throw DomainException.conflict(`${who} is already selected for another order.`);
  if (candidate?.status === 'REJECTED') throw DomainException.conflict(`${who} was rejected for this order.`);
}

/** A reserve takes a freed seat only when still free. */
export function isPromotable(applicant: { status: string }): boolean {
  return PROMOTABLE_STATUSES.includes(applicant.status);
}

export function assertRejectable(candidate: { status: string }): void {
  if (!REJECTABLE_STATUSES.includes(candidate.status)) {
    throw new DomainException(ErrorCode.INVALID_TRANSITION, `Only a suggested or reserve candidate can be rejected; this one is ${candidate.status}.`);
  }
}

/** A worker selected by hand (a coordinator may pick someone no run proposed) still meets every hard requirement. */
export function assertMeetsRequirements(who: string, unmet: readonly { message: string }[]): void {
  if (unmet.length) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `${who} does not meet the order's requirements: ${unmet.map((u) => u.message).join(' ')}`, [
      { field: 'applicantIds', message: 'lists someone who does not meet the requirements' },
    ]);
  }
}
