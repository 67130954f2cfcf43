import { REHIRE_POLICY_V1 } from './rehire.policy';
import { assertEvaluationOpen, assertReopenable, assertReopenUntil, assertReturnable, cleanEvaluation, endFaultOf } from './evaluation.rules';

const policy = REHIRE_POLICY_V1;
const scores = { punctuality: 4, quality: 5, safety: 4, teamwork: 3, overall: 4 };

describe('endFaultOf', () => {
  it('needs whose fault an early end was, and makes an abandoned job the worker’s', () => {
    expect(() => endFaultOf('TERMINATED_EARLY', null)).toThrow(/whose fault/);
    expect(endFaultOf('TERMINATED_EARLY', 'EMPLOYER')).toBe('EMPLOYER');
    expect(endFaultOf('ABANDONED', undefined)).toBe('WORKER');
    expect(endFaultOf('ABANDONED', 'NONE')).toBe('WORKER');
  });
});

describe('assertReturnable', () => {
  it('dates a return only once the placement has ended', () => {
    expect(() => assertReturnable({ status: 'ACTIVE' })).toThrow(/End the placement first/);
    expect(() => assertReturnable({ status: 'TERMINATED_EARLY' })).not.toThrow();
  });
});

describe('cleanEvaluation', () => {
  it('takes whole scores from 1 to 5 and trims the comments', () => {
    expect(cleanEvaluation({ ...scores, comments: '  Good work.  ' })).toBe('Good work.');
    expect(cleanEvaluation({ ...scores, comments: '   ' })).toBeNull();
    expect(cleanEvaluation(scores)).toBeNull();
  });

  it.each([
    ['overall', 0],
    ['safety', 6],
    ['quality', 3.5],
  ])('refuses %s = %s, naming the field', (field, value) => {
    expect(() => cleanEvaluation({ ...scores, [field]: value })).toThrow(expect.objectContaining({ fields: [{ field, message: 'must be 1 to 5' }] }));
  });

  it('refuses comments over 4,000 characters', () => {
    expect(() => cleanEvaluation({ ...scores, comments: 'x'.repeat(4001) })).toThrow(/under 4,000/);
    expect(cleanEvaluation({ ...scores, comments: 'x'.repeat(4000) })).toHaveLength(4000);
  });
});

describe('assertEvaluationOpen', () => {
  const ended = { status: 'COMPLETED', endedOn: '2027-10-31' };
  it('takes an evaluation from the end through the last day of the window', () => {
    expect(() => assertEvaluationOpen({ status: 'ACTIVE', endedOn: null }, '2027-11-01', policy)).toThrow(/once it has ended/);
    expect(() => assertEvaluationOpen(ended, '2027-10-31', policy)).not.toThrow();
    expect(() => assertEvaluationOpen(ended, '2027-11-30', policy)).not.toThrow();
    expect(() => assertEvaluationOpen(ended, '2027-12-01', policy)).toThrow('The evaluation window closed on 2027-11-30; a coordinator can reopen it.');
  });

  it('takes one within a reopened window', () => {
    expect(() => assertEvaluationOpen({ ...ended, evaluationOpenUntil: '2027-12-20' }, '2027-12-20', policy)).not.toThrow();
    expect(() => assertEvaluationOpen({ ...ended, evaluationOpenUntil: '2027-12-20' }, '2027-12-21', policy)).toThrow(/closed on 2027-12-20/);
  });
});

describe('reopening', () => {
  it('reopens an ended placement’s window until today or later', () => {
    expect(() => assertReopenUntil('2027-12-01', '2027-12-02')).toThrow(/today or later/);
    expect(() => assertReopenUntil('2027-12-02', '2027-12-02')).not.toThrow();
    expect(() => assertReopenable({ status: 'ACTIVE' })).toThrow(/not due yet/);
    expect(() => assertReopenable({ status: 'COMPLETED' })).not.toThrow();
  });
});
