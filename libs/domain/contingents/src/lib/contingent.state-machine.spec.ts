import { ErrorCode } from '@puente/common';
import { contingentStateMachine, placementStateMachine, SETTLED_STEP_STATUSES, stepStateMachine } from './contingent.state-machine';

describe('contingent, step and placement state machines', () => {
  it('walks a contingent from planning to return', () => {
    let s = contingentStateMachine.next('PLANNED', 'CONFIRM');
    s = contingentStateMachine.next(s, 'DEPART');
    s = contingentStateMachine.next(s, 'ARRIVE');
    expect(contingentStateMachine.next(s, 'RETURN')).toBe('RETURNED');
  });

  it('sends a rescheduled contingent back to planning, and cannot reschedule or cancel once departed', () => {
    expect(contingentStateMachine.next('CONFIRMED', 'RESCHEDULE')).toBe('PLANNED');
    expect(() => contingentStateMachine.next('DEPARTED', 'RESCHEDULE')).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    expect(() => contingentStateMachine.next('DEPARTED', 'CANCEL')).toThrow(/Cannot cancel this contingent: it is DEPARTED/);
    expect(() => contingentStateMachine.next('PLANNED', 'DEPART')).toThrow(/allowed only from CONFIRMED/);
  });

  it('lets an overdue step still be done, and a done step stay done', () => {
    expect(stepStateMachine.next('OVERDUE', 'COMPLETE')).toBe('DONE');
    expect(stepStateMachine.can('DONE', 'REPLAN')).toBe(false);
    expect(stepStateMachine.can('DONE', 'MARK_OVERDUE')).toBe(false);
    expect(stepStateMachine.eventsFrom('INFEASIBLE').sort()).toEqual(['CANCEL', 'REPLAN', 'WAIVE']);
  });

  it('lets a coordinator waive an open step, which then stays settled', () => {
    for (const from of ['PENDING', 'OVERDUE', 'INFEASIBLE'] as const) expect(stepStateMachine.next(from, 'WAIVE')).toBe('WAIVED');
    expect(() => stepStateMachine.next('DONE', 'WAIVE')).toThrow(/Cannot waive this step: it is DONE/);
    expect(() => stepStateMachine.next('CANCELLED', 'WAIVE')).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    expect(stepStateMachine.eventsFrom('WAIVED')).toEqual([]);
    expect(SETTLED_STEP_STATUSES).toEqual(['DONE', 'WAIVED']);
  });

  it('ends a placement once, one way', () => {
    for (const event of ['COMPLETE', 'TERMINATE_EARLY', 'ABANDON'] as const) {
      const ended = placementStateMachine.next('ACTIVE', event);
      expect(placementStateMachine.eventsFrom(ended)).toEqual([]);
    }
  });
});
