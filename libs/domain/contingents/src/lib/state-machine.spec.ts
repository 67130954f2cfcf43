import { ErrorCode } from '@puente/common';
import { contingentStateMachine, placementStateMachine, stepStateMachine } from './contingent.state-machine';

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
    expect(stepStateMachine.eventsFrom('INFEASIBLE').sort()).toEqual(['CANCEL', 'REPLAN']);
  });

  it('ends a placement once, one way', () => {
    for (const event of ['COMPLETE', 'TERMINATE_EARLY', 'ABANDON'] as const) {
      const ended = placementStateMachine.next('ACTIVE', event);
      expect(placementStateMachine.eventsFrom(ended)).toEqual([]);
    }
  });
});
