import { ErrorCode } from '@puente/common';
import {
  addWorkingDays,
  assertContestable,
  cleanStatement,
  CONTEST_WINDOW_WORKING_DAYS,
  contestWindowCloses,
  EVALUATION_COUNTS_SQL,
  evaluationCounts,
  evaluationStanding,
  isWorkingDay,
  MAX_STATEMENT_LENGTH,
  resolveContest,
  workingDaysBetween,
} from './evaluation-contest.rules';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("El Salvador's working days", () => {
  it('are Monday to Friday, except national holidays', () => {
    expect(isWorkingDay('2026-12-02')).toBe(true); // a Wednesday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25')).toBe(false); // Christmas, a Friday
    expect(isWorkingDay('2027-03-25')).toBe(false); // Holy Thursday 2027
    expect(isWorkingDay('2027-03-26')).toBe(false); // Good Friday 2027
    expect(isWorkingDay('2027-08-05')).toBe(true); // San Salvador's local festivities are not national
    expect(isWorkingDay('2027-08-06')).toBe(false); // Divino Salvador del Mundo
  });

  it('are counted after the day given, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-12-02', 0)).toBe('2026-12-02');
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday + 1 is Monday
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07'); // from a Saturday too
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28'); // over Christmas and a weekend
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // over New Year's Day and a weekend
    expect(() => addWorkingDays('2026-12-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-02', 1.5)).toThrow(RangeError);
  });

  it('between two days, inverse of adding them', () => {
    expect(workingDaysBetween('2026-12-02', '2026-12-02')).toBe(0);
    expect(workingDaysBetween('2026-12-02', '2026-12-01')).toBe(0);
    expect(workingDaysBetween('2026-12-04', '2026-12-06')).toBe(0); // only the weekend after a Friday
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1);
    for (const from of ['2026-12-02', '2026-12-05', '2027-03-19', '2027-12-20']) {
      for (const n of [1, 5, 10, 23]) expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
    }
  });
});

describe('contestWindowCloses', () => {
  it('is ten working days after the day of the evaluation', () => {
    expect(CONTEST_WINDOW_WORKING_DAYS).toBe(10);
    // Wednesday 2 December 2026: two plain weeks.
    expect(contestWindowCloses('2026-12-02')).toBe('2026-12-16');
    // Submitted on a Saturday: the weekend does not count.
    expect(contestWindowCloses('2026-12-05')).toBe('2026-12-18');
    // Over Christmas and New Year's Day.
    expect(contestWindowCloses('2026-12-18')).toBe('2027-01-05');
    // Over Holy Week 2027 (Thursday 25 to Saturday 27 March).
    expect(contestWindowCloses('2027-03-19')).toBe('2027-04-06');
  });
});

describe('evaluationCounts and evaluationStanding', () => {
  const plain = { contestStatus: null, retaliationCaseId: null, retaliationReviewedAt: null };
  const flagged = { ...plain, retaliationCaseId: 'case-1' };
  const reviewed = { ...flagged, retaliationReviewedAt: new Date('2026-12-03T15:00:00Z') };

  it.each([
    ['a plain evaluation', plain, true, 'COUNTS'],
    ['a contested one, while the contest is pending', { ...plain, contestStatus: 'CONTESTED' as const }, true, 'CONTESTED'],
    ['an upheld one', { ...plain, contestStatus: 'UPHELD' as const }, true, 'COUNTS'],
    ['an overturned one', { ...plain, contestStatus: 'OVERTURNED' as const }, false, 'OVERTURNED'],
    ['one flagged for retaliation and not reviewed', flagged, false, 'UNDER_REVIEW'],
    ['one flagged, not reviewed, and contested', { ...flagged, contestStatus: 'CONTESTED' as const }, false, 'UNDER_REVIEW'],
    ['one flagged and reviewed (upheld)', reviewed, true, 'COUNTS'],
    ['one flagged, reviewed and then contested', { ...reviewed, contestStatus: 'CONTESTED' as const }, true, 'CONTESTED'],
    ['one flagged and overturned', { ...reviewed, contestStatus: 'OVERTURNED' as const }, false, 'OVERTURNED'],
  ])('%s', (_what, e, counts, standing) => {
    expect(evaluationCounts(e)).toBe(counts);
    expect(evaluationStanding(e)).toBe(standing);
  });

  it('is written in SQL with the same three columns for the generated column', () => {
    expect(EVALUATION_COUNTS_SQL).toContain("contest_status IS DISTINCT FROM 'OVERTURNED'");
    expect(EVALUATION_COUNTS_SQL).toContain('retaliation_case_id IS NULL OR retaliation_reviewed_at IS NOT NULL');
  });
});

describe('cleanStatement', () => {
  it('trims the statement and takes 10 to 4,000 characters', () => {
    expect(cleanStatement('  I was  sick for two days, with a doctor’s note.  ')).toBe('I was sick for two days, with a doctor’s note.');
    expect(cleanStatement('x'.repeat(MAX_STATEMENT_LENGTH))).toHaveLength(MAX_STATEMENT_LENGTH);
    expect(cleanStatement('1234567890')).toBe('1234567890');
  });

  it.each([
    ['nothing', ''],
    ['blanks', '   '],
    ['null', null],
    ['undefined', undefined],
    ['nine characters', 'too short'],
    ['4,001 characters', 'x'.repeat(MAX_STATEMENT_LENGTH + 1)],
  ])('refuses %s, naming the field', (_what, statement) => {
    try {
      cleanStatement(statement as string);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'statement' }] });
    }
  });
});

describe('assertContestable', () => {
  const submittedOn = '2026-12-02';

  it('takes a contest from the day of the evaluation until the end of the tenth working day after it', () => {
    expect(() => assertContestable({ submittedOn, contestStatus: null }, '2026-12-02')).not.toThrow();
    expect(() => assertContestable({ submittedOn, contestStatus: null }, '2026-12-16')).not.toThrow();
  });

  it('refuses one the day after the window closed, saying when it closed', () => {
    expect(codeOf(() => assertContestable({ submittedOn, contestStatus: null }, '2026-12-17'))).toBe(ErrorCode.INVALID_TRANSITION);
    expect(() => assertContestable({ submittedOn, contestStatus: null }, '2026-12-17')).toThrow(/closed on 2026-12-16/);
  });

  it.each([['CONTESTED'], ['UPHELD']] as const)('refuses a second contest (%s)', (contestStatus) => {
    expect(codeOf(() => assertContestable({ submittedOn, contestStatus }, '2026-12-03'))).toBe(ErrorCode.INVALID_TRANSITION);
    expect(() => assertContestable({ submittedOn, contestStatus }, '2026-12-03')).toThrow(/contested once/);
  });

  it('refuses to contest an overturned evaluation: it is void', () => {
    expect(() => assertContestable({ submittedOn, contestStatus: 'OVERTURNED' }, '2026-12-03')).toThrow(/overturned/);
  });
});

describe('resolveContest', () => {
  const none = { contestStatus: null, retaliationCaseId: null, retaliationReviewedAt: null };
  const contested = { ...none, contestStatus: 'CONTESTED' as const };
  const flagged = { ...none, retaliationCaseId: 'case-1' };

  it('decides a pending contest: UPHOLD makes it UPHELD, OVERTURN voids it', () => {
    expect(resolveContest(contested, 'UPHOLD')).toEqual({ contestStatus: 'UPHELD', resolvesContest: true, reviewsRetaliation: false });
    expect(resolveContest(contested, 'OVERTURN')).toEqual({ contestStatus: 'OVERTURNED', resolvesContest: true, reviewsRetaliation: false });
  });

  it('reviews a retaliation flag: UPHOLD makes it count and leaves it contestable, OVERTURN voids it', () => {
    const upheld = resolveContest(flagged, 'UPHOLD');
    expect(upheld).toEqual({ contestStatus: null, resolvesContest: false, reviewsRetaliation: true });
    expect(evaluationCounts({ ...flagged, contestStatus: upheld.contestStatus, retaliationReviewedAt: new Date() })).toBe(true);
    const overturned = resolveContest(flagged, 'OVERTURN');
    expect(overturned).toEqual({ contestStatus: 'OVERTURNED', resolvesContest: false, reviewsRetaliation: true });
    expect(evaluationCounts({ ...flagged, contestStatus: overturned.contestStatus, retaliationReviewedAt: new Date() })).toBe(false);
  });

  it('decides both at once when the flagged evaluation is contested too', () => {
    expect(resolveContest({ ...flagged, contestStatus: 'CONTESTED' }, 'UPHOLD')).toEqual({ contestStatus: 'UPHELD', resolvesContest: true, reviewsRetaliation: true });
  });

  it('refuses when there is nothing to decide: never contested nor flagged, decided already, or the flag reviewed', () => {
    expect(() => resolveContest(none, 'OVERTURN')).toThrow(/nothing to resolve/);
    expect(() => resolveContest({ ...none, contestStatus: 'UPHELD' }, 'OVERTURN')).toThrow(/decided already \(UPHELD\)/);
    expect(() => resolveContest({ ...none, contestStatus: 'OVERTURNED' }, 'UPHOLD')).toThrow(/decided already \(OVERTURNED\)/);
    expect(codeOf(() => resolveContest({ ...flagged, retaliationReviewedAt: new Date() }, 'UPHOLD'))).toBe(ErrorCode.INVALID_TRANSITION);
  });
});
