import { DomainException, ErrorCode, todayIso } from '@puente/common';
import { jobOrderAlternatives, JobOrderStatus, jobOrderStateMachine } from './job-order.state-machine';

/** The employer's account as the order rules see it. */
interface EmployerStanding {
  status: string;
  /** Approval of its orders is on hold (a substantiated critical case) since then; null or absent when not. */
  approvalHoldSince?: Date | null;
}

/** A suspended employer writes no order (a new one, or a correction by its own users). */
export function assertEmployerMayDraft(employer: EmployerStanding): void {
  if (employer.status === 'SUSPENDED') throw DomainException.forbidden('Your employer account is suspended; contact the ministry.');
}

/**
 * The submit guard: only a VERIFIED employer sends an order for approval, and only while its start date has not
 * passed (a new order with a later start is the way forward).
 */
export function assertMaySubmit(employer: EmployerStanding | null, order: { startDate: string }, today: string): void {
  if (employer?.status !== 'VERIFIED') {
    throw DomainException.forbidden(
      employer?.status === 'SUSPENDED'
        ? 'Your employer account is suspended; it cannot submit job orders.'
        : 'Your employer account is waiting for verification by the ministry; you can submit job orders once it is verified.',
    );
  }
  if (order.startDate < today) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'The start date has passed; create a new order with a later start date.', [{ field: 'startDate', message: 'has passed' }]);
  }
}

/**
 * Orders of an employer that is not (or no longer) verified are not approved, nor those of an employer whose
 * approvals are on hold after a critical case was substantiated against it, until a coordinator decides.
 */
export function assertMayApprove(employer: EmployerStanding | null): void {
  if (employer?.status !== 'VERIFIED') throw DomainException.forbidden('The employer is not verified (or is suspended); its orders cannot be approved.');
  if (employer.approvalHoldSince) {
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      `Approval of this employer's orders is on hold since ${todayIso(employer.approvalHoldSince)}: a critical case was substantiated against it. ` +
        'A coordinator must decide first: clear the hold with a reason (clearEmployerHold) or suspend the employer (suspendEmployer).',
    );
  }
}

/** Only a DRAFT or REJECTED order is corrected; the refusal names the way forward. */
export function assertEditable(order: { reference: string; status: JobOrderStatus }): void {
  if (!jobOrderStateMachine.can(order.status, 'EDIT')) {
    throw new DomainException(ErrorCode.INVALID_TRANSITION, `${order.reference} is ${order.status}; only a DRAFT or REJECTED order can be edited. ${jobOrderAlternatives(order.status)}`);
  }
}

/** An order is cancelled before any of its workers departed. */
export function assertCancellable(order: { reference: string; status: JobOrderStatus }): void {
  if (!jobOrderStateMachine.can(order.status, 'CANCEL')) {
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      order.status === 'IN_PROGRESS'
        ? `${order.reference} cannot be cancelled: its workers have departed. End their placements one by one if needed (endPlacement).`
        : `${order.reference} is ${order.status}; only a DRAFT, SUBMITTED, REJECTED, OPEN or FILLED order can be cancelled.`,
    );
  }
}
