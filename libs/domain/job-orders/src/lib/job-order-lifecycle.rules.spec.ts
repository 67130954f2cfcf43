import { ErrorCode } from '@puente/common';
import { assertCancellable, assertEditable, assertEmployerMayDraft, assertMayApprove, assertMaySubmit } from './job-order-lifecycle.rules';

const verified = { status: 'VERIFIED' };
const order = { reference: 'JO-2027-0001', startDate: '2027-04-01' };

describe('job order lifecycle rules', () => {
  it('lets any employer but a suspended one draft', () => {
    expect(() => assertEmployerMayDraft({ status: 'PENDING_VERIFICATION' })).not.toThrow();
    expect(() => assertEmployerMayDraft({ status: 'SUSPENDED' })).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN }));
  });

  it('submits only for a verified employer, before the start date', () => {
    expect(() => assertMaySubmit(verified, order, '2027-04-01')).not.toThrow();
    expect(() => assertMaySubmit({ status: 'PENDING_VERIFICATION' }, order, '2027-01-01')).toThrow(/waiting for verification/);
    expect(() => assertMaySubmit({ status: 'SUSPENDED' }, order, '2027-01-01')).toThrow(/suspended; it cannot submit/);
    expect(() => assertMaySubmit(null, order, '2027-01-01')).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN }));
    expect(() => assertMaySubmit(verified, order, '2027-04-02')).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'startDate', message: 'has passed' }] }));
  });

  it('approves only a verified employer’s order', () => {
    expect(() => assertMayApprove(verified)).not.toThrow();
    expect(() => assertMayApprove({ status: 'SUSPENDED' })).toThrow(/cannot be approved/);
  });

  it('refuses the order of an employer on hold until a coordinator decides, saying how', () => {
    expect(() => assertMayApprove({ ...verified, approvalHoldSince: null })).not.toThrow();
    const held = { ...verified, approvalHoldSince: new Date('2026-12-02T15:00:00Z') };
    expect(() => assertMayApprove(held)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    expect(() => assertMayApprove(held)).toThrow(/on hold since 2026-12-02.*clearEmployerHold.*suspendEmployer/);
    // A suspended employer on hold is refused as suspended: the hold no longer matters.
    expect(() => assertMayApprove({ ...held, status: 'SUSPENDED' })).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN }));
  });

  it('edits a draft or rejected order, and says what to do with another', () => {
    expect(() => assertEditable({ ...order, status: 'DRAFT' })).not.toThrow();
    expect(() => assertEditable({ ...order, status: 'REJECTED' })).not.toThrow();
    expect(() => assertEditable({ ...order, status: 'OPEN' })).toThrow(/JO-2027-0001 is OPEN; only a DRAFT or REJECTED order can be edited. It is approved: cancel it/);
  });

  it('cancels an order before its workers departed', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'REJECTED', 'OPEN', 'FILLED'] as const) expect(() => assertCancellable({ ...order, status })).not.toThrow();
    expect(() => assertCancellable({ ...order, status: 'IN_PROGRESS' })).toThrow(/its workers have departed/);
    expect(() => assertCancellable({ ...order, status: 'COMPLETED' })).toThrow(/JO-2027-0001 is COMPLETED; only a DRAFT/);
  });
});
