import { addDays } from '@puente/common';
import { CURRENT_REHIRE_POLICY, REHIRE_POLICY_V1, REHIRE_POLICY_V2, rehirePolicyProblems } from './rehire.policy';
import { decideRehire, evaluationState, evaluationWindowCloses, RehireInputs } from './rehire.rules';

const policy = REHIRE_POLICY_V1;
const good: RehireInputs = {
  asOf: '2027-11-10',
  placement: { status: 'COMPLETED', endedOn: '2027-10-31', returnedOn: '2027-11-02', fault: null },
  evaluation: { overall: 4, wouldRehire: true },
  substantiatedMisconduct: 0,
  passportExpiry: '2031-05-01',
};
type Change = Omit<Partial<RehireInputs>, 'placement'> & { placement?: Partial<RehireInputs['placement']> };
const decide = (change: Change = {}) =>
  decideRehire({ ...good, ...change, placement: { ...good.placement, ...change.placement } }, policy);
const reason = (d: ReturnType<typeof decide>, code: string) => d.reasons.find((r) => r.code === code);

describe('decideRehire', () => {
  it('finds a worker who completed, scored well, came home on time, without misconduct, eligible, with every reason met', () => {
    const d = decide();
    expect(d.outcome).toBe('ELIGIBLE');
    expect(d.needsPassportRenewal).toBe(false);
    expect(d.reasons.map((r) => [r.code, r.met])).toEqual([
      ['CONTRACT_OUTCOME', true],
      ['EVALUATION', true],
      ['RETURNED_ON_TIME', true],
      ['NO_MISCONDUCT', true],
      ['PASSPORT', true],
    ]);
    // Decided again the day the passport stops lasting a season.
    expect(d.recheckOn).toBe(addDays('2031-05-01', -365 + 1));
  });

  it.each([
    ['an overall score under 3', { evaluation: { overall: 2, wouldRehire: false } }, 'EVALUATION', /score is 2 of 5 \(at least 3/],
    ['an early end through the fault of the worker', { placement: { status: 'TERMINATED_EARLY' as const, fault: 'WORKER' as const } }, 'CONTRACT_OUTCOME', /fault of the worker/],
    ['an abandoned job', { placement: { status: 'ABANDONED' as const } }, 'CONTRACT_OUTCOME', /abandoned/],
    ['coming home after 15 days', { placement: { returnedOn: '2027-11-16' } }, 'RETURNED_ON_TIME', /after 2027-11-15/],
    ['not home 15 days after the end', { asOf: '2027-11-16', placement: { returnedOn: null } }, 'RETURNED_ON_TIME', /Not recorded home by 2027-11-15/],
    ['substantiated misconduct', { substantiatedMisconduct: 1 }, 'NO_MISCONDUCT', /1 substantiated/],
  ])('refuses %s, saying why', (_what, change, code, message) => {
    const d = decide(change as Change);
    expect(d.outcome).toBe('INELIGIBLE');
    expect(reason(d, code)).toEqual({ code, met: false, message: expect.stringMatching(message) });
    expect(d.reasons.filter((r) => r.met === false)).toHaveLength(1);
    expect(d.recheckOn).toBeNull();
  });

  it('counts an early end through no fault of the worker, and exactly 15 days to come home, as met', () => {
    expect(decide({ placement: { status: 'TERMINATED_EARLY', fault: 'EMPLOYER' } }).outcome).toBe('ELIGIBLE');
    expect(decide({ placement: { status: 'TERMINATED_EARLY', fault: 'NONE' } }).outcome).toBe('ELIGIBLE');
    expect(decide({ placement: { returnedOn: '2027-11-15' } }).outcome).toBe('ELIGIBLE');
  });

  it('flags a passport that will not last the next season as needing renewal, without refusing', () => {
    for (const passportExpiry of ['2028-06-01', null]) {
      const d = decide({ passportExpiry });
      expect(d.outcome).toBe('ELIGIBLE');
      expect(d.needsPassportRenewal).toBe(true);
      expect(reason(d, 'PASSPORT')!.message).toMatch(/renewal|No passport/);
    }
  });

  it('waits for the evaluation while its window is open, then decides without it', () => {
    const waiting = decide({ evaluation: null, asOf: '2027-11-30' });
    expect(waiting.outcome).toBe('PENDING');
    expect(reason(waiting, 'EVALUATION')).toEqual({ code: 'EVALUATION', met: null, message: expect.stringMatching(/due by 2027-11-30/) });
    expect(waiting.recheckOn).toBe('2027-12-01');
    const closed = decide({ evaluation: null, asOf: '2027-12-01' });
    expect(closed.outcome).toBe('ELIGIBLE');
    expect(reason(closed, 'EVALUATION')!.met).toBe(true);
  });

  it('waits for a worker not home yet but not late, and rechecks the day after the deadline', () => {
    const d = decide({ asOf: '2027-11-05', placement: { returnedOn: null } });
    expect(d.outcome).toBe('PENDING');
    expect(d.recheckOn).toBe('2027-11-16');
  });

  it('refuses at once when one rule fails, even while another waits', () => {
    expect(decide({ evaluation: null, asOf: '2027-11-05', substantiatedMisconduct: 2 }).outcome).toBe('INELIGIBLE');
  });

  it('does not decide a placement that has not ended', () => {
    const d = decide({ placement: { status: 'ACTIVE', endedOn: null, returnedOn: null } });
    expect(d).toEqual({ outcome: 'PENDING', needsPassportRenewal: false, reasons: [expect.objectContaining({ code: 'PLACEMENT_ENDED', met: null })], recheckOn: null });
  });

  it('is deterministic', () => {
    expect(decide()).toEqual(decide());
  });

  it('checks a policy before it is used', () => {
    expect(rehirePolicyProblems(policy)).toEqual([]);
    expect(rehirePolicyProblems({ ...policy, minimumOverall: 6, returnWithinDays: -1 })).toEqual([
      'the minimum overall score must be 1 to 5',
      'returnWithinDays must be a whole number of days, 0 or more',
    ]);
  });
});

describe('evaluationWindowCloses', () => {
  it('closes the policy window after the end, or on a later day a coordinator reopened it until', () => {
    expect(evaluationWindowCloses({ endedOn: '2027-10-31' }, policy)).toBe('2027-11-30');
    expect(evaluationWindowCloses({ endedOn: '2027-10-31', evaluationOpenUntil: null }, policy)).toBe('2027-11-30');
    expect(evaluationWindowCloses({ endedOn: '2027-10-31', evaluationOpenUntil: '2027-12-20' }, policy)).toBe('2027-12-20');
    // Reopening never shortens the window.
    expect(evaluationWindowCloses({ endedOn: '2027-10-31', evaluationOpenUntil: '2027-11-10' }, policy)).toBe('2027-11-30');
  });
});

describe('evaluationState', () => {
  const ended = { status: 'COMPLETED', endedOn: '2027-10-31', evaluated: false };
  it('is NOT_DUE while the season runs, OPEN through the last day, CLOSED after it, EVALUATED once done', () => {
    expect(evaluationState({ status: 'ACTIVE', endedOn: null, evaluated: false }, '2027-11-01', policy)).toEqual({ state: 'NOT_DUE', closesOn: null });
    expect(evaluationState(ended, '2027-11-30', policy)).toEqual({ state: 'OPEN', closesOn: '2027-11-30' });
    expect(evaluationState(ended, '2027-12-01', policy)).toEqual({ state: 'CLOSED', closesOn: '2027-11-30' });
    expect(evaluationState({ ...ended, evaluated: true }, '2028-06-01', policy)).toEqual({ state: 'EVALUATED', closesOn: '2027-11-30' });
  });

  it('counts a reopened window', () => {
    expect(evaluationState({ ...ended, evaluationOpenUntil: '2027-12-20' }, '2027-12-20', policy)).toEqual({ state: 'OPEN', closesOn: '2027-12-20' });
  });
});

describe('decideRehire with a reopened evaluation window', () => {
  it('waits for the evaluation until the reopened window closes, then decides without it', () => {
    const reopened = { evaluation: null, placement: { evaluationOpenUntil: '2027-12-20' } };
    const waiting = decide({ ...reopened, asOf: '2027-12-10' });
    expect(waiting.outcome).toBe('PENDING');
    expect(reason(waiting, 'EVALUATION')!.message).toMatch(/due by 2027-12-20/);
    expect(waiting.recheckOn).toBe('2027-12-21');
    expect(decide({ ...reopened, asOf: '2027-12-21' }).outcome).toBe('ELIGIBLE');
  });
});

describe('decideRehire under policy v2: evaluations after review', () => {
  const poor = { overall: 2, wouldRehire: false };

  it('is the current policy, v1 numbers under a new version', () => {
    expect(CURRENT_REHIRE_POLICY).toBe(REHIRE_POLICY_V2);
    expect(REHIRE_POLICY_V2).toEqual({ ...REHIRE_POLICY_V1, version: '2026-12-v2' });
    expect(rehirePolicyProblems(REHIRE_POLICY_V2)).toEqual([]);
  });

  it('holds a contested evaluation against the worker until a coordinator decides, and says it is contested', () => {
    const d = decide({ evaluation: poor, evaluationReview: 'CONTESTED' });
    expect(d.outcome).toBe('INELIGIBLE');
    expect(reason(d, 'EVALUATION')).toEqual({ code: 'EVALUATION', met: false, message: expect.stringMatching(/score is 2 of 5.*contested it; it counts until a coordinator decides/) });
    expect(reason(decide({ evaluationReview: 'CONTESTED' }), 'EVALUATION')!.met).toBe(true);
  });

  it('does not let an evaluation under a retaliation review make the worker ineligible: met, saying why', () => {
    const d = decide({ evaluation: null, evaluationReview: 'UNDER_REVIEW' });
    expect(d.outcome).toBe('ELIGIBLE');
    expect(reason(d, 'EVALUATION')).toEqual({ code: 'EVALUATION', met: true, message: expect.stringMatching(/under review.*reported a case.*until a coordinator upholds it/) });
    // Within the evaluation window too: the employer evaluated, so nothing is awaited.
    expect(decide({ asOf: '2027-11-03', evaluation: null, evaluationReview: 'UNDER_REVIEW' }).outcome).toBe('ELIGIBLE');
    // Whatever score is passed with it, the review sets it aside.
    expect(decide({ evaluation: poor, evaluationReview: 'UNDER_REVIEW' }).outcome).toBe('ELIGIBLE');
  });

  it('does not count an overturned evaluation, within the window or after, saying so', () => {
    for (const asOf of ['2027-11-03', '2027-12-10']) {
      const d = decide({ asOf, evaluation: null, evaluationReview: 'OVERTURNED' });
      expect(d.outcome).toBe('ELIGIBLE');
      expect(reason(d, 'EVALUATION')).toEqual({ code: 'EVALUATION', met: true, message: "The employer's evaluation was overturned on review; it does not count." });
    }
  });

  it('still refuses on the other rules while an evaluation is set aside', () => {
    expect(decide({ evaluation: null, evaluationReview: 'OVERTURNED', substantiatedMisconduct: 2 }).outcome).toBe('INELIGIBLE');
    expect(decide({ evaluation: null, evaluationReview: 'UNDER_REVIEW', placement: { status: 'ABANDONED' } }).outcome).toBe('INELIGIBLE');
  });
});
