import { ErrorCode } from '@puente/common';
import {
  assertMeetsRequirements,
  assertPositionsLeft,
  assertRejectable,
  assertSelectable,
  assertSelectingOpen,
  assertSelectionSize,
  fillsOrder,
  isPromotable,
  MAX_SELECTED_AT_ONCE,
} from './selection.rules';

const order = { reference: 'JO-2027-0001', positions: 5 };

describe('selection rules', () => {
  it('selects 1 to 500 candidates at a time', () => {
    expect(() => assertSelectionSize([])).toThrow('Select 1 to 500 candidates at a time.');
    expect(() => assertSelectionSize(Array.from({ length: MAX_SELECTED_AT_ONCE }, (_, i) => `C-${i}`))).not.toThrow();
    expect(() => assertSelectionSize(Array.from({ length: MAX_SELECTED_AT_ONCE + 1 }, (_, i) => `C-${i}`))).toThrow(/1 to 500/);
  });

  it('selects only on an open order', () => {
    expect(() => assertSelectingOpen({ ...order, status: 'OPEN' })).not.toThrow();
    expect(() => assertSelectingOpen({ ...order, status: 'FILLED' })).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION, message: expect.stringMatching(/JO-2027-0001 is FILLED/) }));
  });

  it('never selects more workers than positions, and the last position fills the order', () => {
    expect(() => assertPositionsLeft(order, 3, 2)).not.toThrow();
    expect(() => assertPositionsLeft(order, 3, 3)).toThrow('JO-2027-0001 has 2 position(s) left; you selected 3.');
    expect(fillsOrder(order, 3, 2)).toBe(true);
    expect(fillsOrder(order, 3, 1)).toBe(false);
  });

  it('refuses someone selected here or elsewhere, or rejected for this order', () => {
    const free = { status: 'SHORTLISTED' };
    expect(() => assertSelectable('C-1', free, { status: 'SUGGESTED' }, order.reference)).not.toThrow();
    expect(() => assertSelectable('C-1', free, undefined, order.reference)).not.toThrow();
    expect(() => assertSelectable('C-1', { status: 'SELECTED' }, { status: 'SELECTED' }, order.reference)).toThrow('C-1 is already selected for this order (JO-2027-0001).');
    expect(() => assertSelectable('C-1', { status: 'SELECTED' }, { status: 'RESERVE' }, order.reference)).toThrow('C-1 is already selected for another order.');
    expect(() => assertSelectable('C-1', free, { status: 'REJECTED' }, order.reference)).toThrow('C-1 was rejected for this order.');
  });

  it('promotes only a reserve who is still free', () => {
    expect(isPromotable({ status: 'AVAILABLE' })).toBe(true);
    expect(isPromotable({ status: 'SHORTLISTED' })).toBe(true);
    expect(isPromotable({ status: 'SELECTED' })).toBe(false);
    expect(isPromotable({ status: 'DEPLOYED' })).toBe(false);
  });

  it('rejects only a suggested or reserve candidate', () => {
    expect(() => assertRejectable({ status: 'SUGGESTED' })).not.toThrow();
    expect(() => assertRejectable({ status: 'RESERVE' })).not.toThrow();
    expect(() => assertRejectable({ status: 'SELECTED' })).toThrow('Only a suggested or reserve candidate can be rejected; this one is SELECTED.');
  });
});

describe('assertMeetsRequirements', () => {
  it('selects only someone who meets every hard requirement, saying what is missing', () => {
    expect(() => assertMeetsRequirements('C-1', [])).not.toThrow();
    expect(() => assertMeetsRequirements('C-1', [{ message: 'Missing required skills: PRUNING.' }, { message: 'No valid passport.' }])).toThrow(
      "C-1 does not meet the order's requirements: Missing required skills: PRUNING. No valid passport.",
    );
  });
});
