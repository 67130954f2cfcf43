import { ErrorCode } from '@puente/common';
import { CASE_EVENTS, CASE_STATUSES, CaseEvent, CaseStatus, caseStateMachine } from './case.state-machine';

/** Every legal move, written out once: anything not here must be refused. */
const LEGAL: Record<CaseStatus, Partial<Record<CaseEvent, CaseStatus>>> = {
  REPORTED: { TRIAGE: 'TRIAGED' },
  TRIAGED: { INVESTIGATE: 'INVESTIGATING', REFER: 'REFERRED' },
  INVESTIGATING: { REFER: 'REFERRED', SUBSTANTIATE: 'SUBSTANTIATED', UNSUBSTANTIATE: 'UNSUBSTANTIATED' },
  REFERRED: { SUBSTANTIATE: 'SUBSTANTIATED', UNSUBSTANTIATE: 'UNSUBSTANTIATED' },
  SUBSTANTIATED: { CLOSE: 'CLOSED' },
  UNSUBSTANTIATED: { CLOSE: 'CLOSED' },
  CLOSED: {},
};

describe('case state machine', () => {
  it('walks a case the whole way: reported, triaged, investigated, referred, decided, closed', () => {
    let s: CaseStatus = 'REPORTED';
    for (const e of ['TRIAGE', 'INVESTIGATE', 'REFER', 'SUBSTANTIATE', 'CLOSE'] as const) s = caseStateMachine.next(s, e);
    expect(s).toBe('CLOSED');
  });

  it('allows the two shortcuts: referring a triaged case at once, deciding an investigation without a referral', () => {
    expect(caseStateMachine.next('TRIAGED', 'REFER')).toBe('REFERRED');
    expect(caseStateMachine.next('INVESTIGATING', 'SUBSTANTIATE')).toBe('SUBSTANTIATED');
    expect(caseStateMachine.next('INVESTIGATING', 'UNSUBSTANTIATE')).toBe('UNSUBSTANTIATED');
  });

  it.each(CASE_STATUSES.flatMap((s) => CASE_EVENTS.map((e) => [s, e] as const)))('from %s, %s is legal exactly when the table says so', (status, event) => {
    const to = LEGAL[status][event];
    if (to) {
      expect(caseStateMachine.next(status, event)).toBe(to);
    } else {
      expect(() => caseStateMachine.next(status, event)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    }
  });

  it('refuses the moves that would skip a step, decide twice or reopen, naming the state', () => {
    expect(() => caseStateMachine.next('REPORTED', 'INVESTIGATE')).toThrow(/Cannot investigate this case: it is REPORTED/);
    expect(() => caseStateMachine.next('TRIAGED', 'SUBSTANTIATE')).toThrow(/allowed only from INVESTIGATING, REFERRED/);
    expect(() => caseStateMachine.next('SUBSTANTIATED', 'UNSUBSTANTIATE')).toThrow(/it is SUBSTANTIATED/);
    expect(() => caseStateMachine.next('REFERRED', 'CLOSE')).toThrow(/allowed only from SUBSTANTIATED, UNSUBSTANTIATED/);
    expect(caseStateMachine.eventsFrom('CLOSED')).toEqual([]);
  });
});
