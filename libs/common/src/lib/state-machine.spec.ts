import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';
import { StateMachine } from './state-machine';

type Light = 'RED' | 'GREEN' | 'OFF';
type Event = 'GO' | 'STOP' | 'SWITCH_OFF';

const machine = new StateMachine<Light, Event>('light', {
  GO: { from: ['RED'], to: 'GREEN' },
  STOP: { from: ['GREEN'], to: 'RED' },
  SWITCH_OFF: { from: ['RED', 'GREEN'], to: 'OFF' },
});

describe('StateMachine', () => {
  it('moves along a declared transition', () => {
    expect(machine.next('RED', 'GO')).toBe('GREEN');
    expect(machine.next('GREEN', 'SWITCH_OFF')).toBe('OFF');
  });

  it('refuses an undeclared transition with INVALID_TRANSITION and a readable message', () => {
    let caught: unknown;
    try {
      machine.next('OFF', 'GO');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainException);
    expect((caught as DomainException).code).toBe(ErrorCode.INVALID_TRANSITION);
    expect((caught as DomainException).message).toBe('Cannot go this light: it is OFF, and this is allowed only from RED.');
  });

  it('lists the events allowed from a state', () => {
    expect(machine.eventsFrom('GREEN')).toEqual(['STOP', 'SWITCH_OFF']);
    expect(machine.eventsFrom('OFF')).toEqual([]);
    expect(machine.can('RED', 'STOP')).toBe(false);
  });
});
