import { ErrorCode } from '@puente/common';
import { STANDING_POLICY_V1 } from './standing.policy';
import { assertRatable, cleanRating, ratingState, decideStanding, placesApprovalHold, ratingAggregate, RatingScores, sameStanding, StandingInputs } from './standing.rules';

const policy = STANDING_POLICY_V1;
const scores = (n: number, over: Partial<RatingScores> = {}): RatingScores => ({ wagesAsAgreed: n, hoursAsAgreed: n, housing: n, treatment: n, safety: n, wouldGoBack: n, ...over });
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: ErrorCode }).code;
  }
  return null;
};

const clean: StandingInputs = {
  ratings: null,
  cases: { substantiated: 0, substantiatedCritical: 0 },
  hold: null,
  placements: { ended: 0, terminatedByEmployer: 0 },
  seats: { travelled: 0, cancelledWithOrder: 0 },
  rehire: { eligibleFormerWorkers: 0, askedBack: 0 },
};
const decide = (over: Partial<StandingInputs>) => decideStanding({ ...clean, ...over }, policy);
const reason = (over: Partial<StandingInputs>, code: string) => decide(over).reasons.find((r) => r.code === code)!;

describe('ratingAggregate', () => {
  it('shows nothing under five rated placements', () => {
    expect(ratingAggregate([], policy)).toBeNull();
    expect(ratingAggregate([scores(5), scores(1), scores(3), scores(4)], policy)).toBeNull();
  });

  it('averages each question over exactly five', () => {
    const rows = [scores(5), scores(4), scores(4, { housing: 1 }), scores(3), scores(2)];
    expect(ratingAggregate(rows, policy)).toEqual({
      ratedPlacements: 5,
      averages: { wagesAsAgreed: 3.6, hoursAsAgreed: 3.6, housing: 3, treatment: 3.6, safety: 3.6, wouldGoBack: 3.6 },
    });
  });

  it('moves only in whole blocks, oldest first, so one more rating cannot be read from the difference', () => {
    const five = [scores(4), scores(4), scores(4), scores(4), scores(4)];
    const before = ratingAggregate(five, policy);
    for (let extra = 1; extra <= 4; extra++) {
      expect(ratingAggregate([...five, ...Array.from({ length: extra }, () => scores(1))], policy)).toEqual(before);
    }
    const ten = ratingAggregate([...five, ...Array.from({ length: 5 }, () => scores(1))], policy)!;
    expect(ten.ratedPlacements).toBe(10);
    expect(ten.averages.safety).toBe(2.5);
  });

  it('rounds to one decimal', () => {
    const rows = [...Array.from({ length: 14 }, () => scores(5)), scores(4)];
    expect(ratingAggregate(rows, policy)!.averages.treatment).toBe(4.9);
  });
});

describe('cleanRating', () => {
  it('accepts whole scores 1 to 5 and trims comments (none is null)', () => {
    expect(cleanRating({ ...scores(1), comments: '  good boss  ' })).toBe('good boss');
    expect(cleanRating({ ...scores(5), comments: '   ' })).toBeNull();
    expect(cleanRating(scores(3))).toBeNull();
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses %p, naming the question', (bad) => {
    let error: { code: string; fields: { field: string }[] } | undefined;
    try {
      cleanRating(scores(3, { housing: bad }));
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error?.fields).toEqual([{ field: 'housing', message: 'must be 1 to 5' }]);
  });

  it('refuses comments over 4,000 characters, not at 4,000', () => {
    expect(cleanRating({ ...scores(3), comments: 'x'.repeat(4000) })).toHaveLength(4000);
    expect(codeOf(() => cleanRating({ ...scores(3), comments: 'x'.repeat(4001) }))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('assertRatable', () => {
  it('refuses while the placement is active or the return is not recorded', () => {
    expect(codeOf(() => assertRatable({ status: 'ACTIVE', returnedOn: null }))).toBe(ErrorCode.INVALID_TRANSITION);
    expect(codeOf(() => assertRatable({ status: 'TERMINATED_EARLY', returnedOn: null }))).toBe(ErrorCode.INVALID_TRANSITION);
  });

  it('allows an ended placement whose worker is home', () => {
    for (const status of ['COMPLETED', 'TERMINATED_EARLY', 'ABANDONED']) expect(codeOf(() => assertRatable({ status, returnedOn: '2027-10-01' }))).toBeNull();
  });
});

describe('ratingState', () => {
  it('is OPEN once ended and home, RATED once rated, NOT_YET before', () => {
    expect(ratingState({ status: 'ACTIVE', returnedOn: null, rated: false })).toBe('NOT_YET');
    expect(ratingState({ status: 'TERMINATED_EARLY', returnedOn: null, rated: false })).toBe('NOT_YET');
    expect(ratingState({ status: 'COMPLETED', returnedOn: '2027-10-01', rated: false })).toBe('OPEN');
    expect(ratingState({ status: 'COMPLETED', returnedOn: '2027-10-01', rated: true })).toBe('RATED');
  });
});

describe('placesApprovalHold', () => {
  it('only for a critical case substantiated against the employer', () => {
    expect(placesApprovalHold({ outcome: 'SUBSTANTIATED', finding: 'EMPLOYER', severity: 'CRITICAL' })).toBe(true);
    expect(placesApprovalHold({ outcome: 'SUBSTANTIATED', finding: 'EMPLOYER', severity: 'HIGH' })).toBe(false);
    expect(placesApprovalHold({ outcome: 'SUBSTANTIATED', finding: 'WORKER_MISCONDUCT', severity: 'CRITICAL' })).toBe(false);
    expect(placesApprovalHold({ outcome: 'UNSUBSTANTIATED', finding: null, severity: 'CRITICAL' })).toBe(false);
  });
});

describe('decideStanding', () => {
  it('is GOOD with nothing against the employer, every input with its reason', () => {
    const d = decide({});
    expect(d.level).toBe('GOOD');
    expect(d.reasons.map((r) => [r.code, r.met, r.level])).toEqual([
      ['APPROVAL_HOLD', true, 'GOOD'],
      ['SUBSTANTIATED_CASES', true, 'GOOD'],
      ['RATINGS', null, 'GOOD'],
      ['EARLY_TERMINATIONS', null, 'GOOD'],
      ['NO_SHOWS', null, 'GOOD'],
      ['REHIRE_RATE', null, 'GOOD'],
    ]);
    expect(d.reasons[2].message).toBe("Workers' ratings are used once at least 5 placements are rated.");
  });

  it('is BLOCKED while approval is on hold, saying a coordinator must decide', () => {
    const r = reason({ hold: { since: '2026-12-02T15:00:00.000Z', caseId: 'c' } }, 'APPROVAL_HOLD');
    expect(r).toMatchObject({ met: false, level: 'BLOCKED' });
    expect(r.message).toContain('since 2026-12-02');
    expect(r.message).toContain('a coordinator must decide');
    expect(decide({ hold: { since: '2026-12-02T15:00:00.000Z', caseId: null } }).level).toBe('BLOCKED');
  });

  it('is AT_RISK from one substantiated case, naming the critical ones', () => {
    expect(decide({ cases: { substantiated: 1, substantiatedCritical: 0 } }).level).toBe('AT_RISK');
    expect(reason({ cases: { substantiated: 2, substantiatedCritical: 1 } }, 'SUBSTANTIATED_CASES').message).toBe('2 case(s) against the employer substantiated, 1 of them critical.');
    expect(reason({ cases: { substantiated: 1, substantiatedCritical: 0 } }, 'SUBSTANTIATED_CASES').message).toBe('1 case(s) against the employer substantiated.');
  });

  it('the worst reason sets the level: a hold over a case', () => {
    expect(decide({ hold: { since: '2026-12-02', caseId: null }, cases: { substantiated: 1, substantiatedCritical: 1 } }).level).toBe('BLOCKED');
  });

  describe('ratings', () => {
    const agg = (over: Partial<RatingScores> = {}) => ({ ratedPlacements: 10, averages: scores(4, over) });
    it('GOOD at 3 on every question, WATCH just below, AT_RISK below 2', () => {
      expect(reason({ ratings: agg({ housing: 3 }) }, 'RATINGS')).toMatchObject({ met: true, level: 'GOOD' });
      expect(reason({ ratings: agg({ housing: 2.9 }) }, 'RATINGS')).toMatchObject({ met: false, level: 'WATCH' });
      expect(reason({ ratings: agg({ housing: 2 }) }, 'RATINGS')).toMatchObject({ met: false, level: 'WATCH' });
      expect(reason({ ratings: agg({ housing: 1.9 }) }, 'RATINGS')).toMatchObject({ met: false, level: 'AT_RISK' });
    });
    it('names the low questions and the number of placements, never a worker', () => {
      const r = reason({ ratings: agg({ housing: 2.4, wagesAsAgreed: 1.8 }) }, 'RATINGS');
      expect(r.message).toBe('Workers rate wages paid as agreed 1.8, housing 2.4 of 5 on average over 10 placements (at least 3 is expected; below 2 puts the employer at risk).');
      expect(reason({ ratings: agg() }, 'RATINGS').message).toBe('Workers rate every question 3 of 5 or more on average over 10 placements.');
    });
  });

  describe('early terminations by the employer', () => {
    const ended = (n: number, faults: number) => reason({ placements: { ended: n, terminatedByEmployer: faults } }, 'EARLY_TERMINATIONS');
    it('not judged under five ended placements, even with one', () => {
      expect(ended(4, 1)).toMatchObject({ met: null, level: 'GOOD' });
      expect(ended(4, 1).message).toContain("1 ended early by the employer's fault");
    });
    it('GOOD up to 10%, WATCH above, AT_RISK above 25%', () => {
      expect(ended(10, 1)).toMatchObject({ met: true, level: 'GOOD' });
      expect(ended(9, 1)).toMatchObject({ met: false, level: 'WATCH' });
      expect(ended(8, 2)).toMatchObject({ met: false, level: 'WATCH' });
      expect(ended(7, 2)).toMatchObject({ met: false, level: 'AT_RISK' });
      expect(ended(7, 2).message).toBe("2 of 7 ended placements (28.6%) were ended early by the employer's fault (up to 10% is expected).");
    });
  });

  describe('no-shows', () => {
    const seats = (travelled: number, cancelledWithOrder: number) => reason({ seats: { travelled, cancelledWithOrder } }, 'NO_SHOWS');
    it('counts the cancelled seats with the travelled ones, from five', () => {
      expect(seats(3, 1)).toMatchObject({ met: null });
      expect(seats(4, 1)).toMatchObject({ met: false, level: 'WATCH' });
      expect(seats(9, 1)).toMatchObject({ met: true, level: 'GOOD' });
      expect(seats(3, 2)).toMatchObject({ met: false, level: 'AT_RISK' });
      expect(seats(3, 2).message).toBe('2 of 5 workers seated to travel (40%) were not taken because the order was cancelled (up to 10% is expected).');
    });
  });

  describe('rehire rate', () => {
    const rehire = (eligibleFormerWorkers: number, askedBack: number) => reason({ rehire: { eligibleFormerWorkers, askedBack } }, 'REHIRE_RATE');
    it('judged from five eligible former workers; WATCH under 20%, never worse', () => {
      expect(rehire(4, 0)).toMatchObject({ met: null });
      expect(rehire(5, 1)).toMatchObject({ met: true, level: 'GOOD' });
      expect(rehire(6, 1)).toMatchObject({ met: false, level: 'WATCH' });
      expect(rehire(50, 0)).toMatchObject({ met: false, level: 'WATCH' });
      expect(decide({ rehire: { eligibleFormerWorkers: 50, askedBack: 0 } }).level).toBe('WATCH');
    });
  });

  it('is deterministic and compares equal to itself, not to a changed reason or policy', () => {
    const inputs = { ...clean, placements: { ended: 9, terminatedByEmployer: 1 } };
    const a = { policyVersion: policy.version, ...decideStanding(inputs, policy) };
    expect(sameStanding(a, { policyVersion: policy.version, ...decideStanding(inputs, policy) })).toBe(true);
    expect(sameStanding(a, { ...a, policyVersion: 'other' })).toBe(false);
    expect(sameStanding(a, { policyVersion: policy.version, ...decideStanding({ ...inputs, placements: { ended: 10, terminatedByEmployer: 1 } }, policy) })).toBe(false);
  });
});
