import { ErrorCode } from '@puente/common';
import { APPLICANT_STATUSES, applicantStateMachine as m, statusOnceDocumented } from './applicant.state-machine';

describe('applicant state machine', () => {
  it('walks the main path from registration to return', () => {
    let s = m.next('REGISTERED', 'VERIFY');
    for (const event of ['MAKE_AVAILABLE', 'SHORTLIST', 'SELECT', 'START_PRE_DEPARTURE', 'DEPLOY', 'RETURN'] as const) {
      s = m.next(s, event);
    }
    expect(s).toBe('RETURNED');
    expect(m.next(s, 'MAKE_AVAILABLE')).toBe('AVAILABLE');
    expect(m.next(s, 'MARK_INELIGIBLE')).toBe('INELIGIBLE');
  });

  it.each([
    ['REGISTERED', 'SHORTLIST'],
    ['VERIFIED', 'VERIFY'],
    ['AVAILABLE', 'DEPLOY'],
    ['DEPLOYED', 'WITHDRAW'],
    ['BLOCKED', 'VERIFY'],
    ['WITHDRAWN', 'MAKE_AVAILABLE'],
  ] as const)('refuses %s --%s--> with INVALID_TRANSITION', (from, event) => {
    expect(() => m.next(from, event)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
  });

  it('lets a coordinator block from every state but BLOCKED and DEPLOYED', () => {
    const blockable = APPLICANT_STATUSES.filter((s) => m.can(s, 'BLOCK'));
    expect(blockable).not.toContain('BLOCKED');
    expect(blockable).not.toContain('DEPLOYED');
    expect(blockable).toHaveLength(APPLICANT_STATUSES.length - 2);
  });

  it('sends a worker whose contingent was cancelled back to SELECTED, and only from PRE_DEPARTURE', () => {
    expect(m.next('PRE_DEPARTURE', 'UNSEAT')).toBe('SELECTED');
    expect(APPLICANT_STATUSES.filter((s) => m.can(s, 'UNSEAT'))).toEqual(['PRE_DEPARTURE']);
    expect(() => m.next('DEPLOYED', 'UNSEAT')).toThrow(/Cannot unseat this applicant: it is DEPLOYED/);
  });
});

describe('statusOnceDocumented (verification and a passport added later)', () => {
  it('makes a VERIFIED applicant with a passport valid after today AVAILABLE', () => {
    expect(statusOnceDocumented('VERIFIED', '2026-11-25', '2026-11-24')).toBe('AVAILABLE');
  });
  it('keeps VERIFIED without a passport or with one expiring today', () => {
    expect(statusOnceDocumented('VERIFIED', null, '2026-11-24')).toBe('VERIFIED');
    expect(statusOnceDocumented('VERIFIED', '2026-11-24', '2026-11-24')).toBe('VERIFIED');
  });
  it.each(['REGISTERED', 'AVAILABLE', 'SELECTED', 'DEPLOYED', 'RETURNED', 'INELIGIBLE', 'BLOCKED'] as const)('leaves %s alone', (status) => {
    expect(statusOnceDocumented(status, '2030-01-01', '2026-11-24')).toBe(status);
  });
});
