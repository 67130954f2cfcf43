import {
  addMonths,
  ageGroup,
  ageGroupSql,
  ageOn,
  ageOnSql,
  assertStatisticsFilter,
  caseOutcome,
  disparityRatio,
  durationBand,
  durationBandSql,
  isicSectionOf,
  isicSectionSql,
  iscoMajorGroup,
  iscoSubMajorGroup,
  medianOfHistogram,
  MAX_PERIOD_DAYS,
  perThousand,
  returnDueOn,
  returnedOnTime,
  returnSettled,
  returnSql,
  share,
  statisticsFilterProblems,
  supplyBalance,
} from './statistics.rules';
import { addDays } from '@puente/common';

describe('age groups', () => {
  it('puts 24 in the youth group and 25 in the next, 54 before the open group and 55 in it', () => {
    expect([15, 18, 24].map(ageGroup)).toEqual(['AGE_15_24', 'AGE_15_24', 'AGE_15_24']);
    expect([25, 34].map(ageGroup)).toEqual(['AGE_25_34', 'AGE_25_34']);
    expect([35, 44].map(ageGroup)).toEqual(['AGE_35_44', 'AGE_35_44']);
    expect([45, 54].map(ageGroup)).toEqual(['AGE_45_54', 'AGE_45_54']);
    expect([55, 80].map(ageGroup)).toEqual(['AGE_55_PLUS', 'AGE_55_PLUS']);
  });

  it('counts whole years: the birthday counts on the day, a 29 February birthday on 1 March', () => {
    expect(ageOn('2000-06-15', '2025-06-14')).toBe(24);
    expect(ageOn('2000-06-15', '2025-06-15')).toBe(25);
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('writes the same groups in SQL, from the same bounds', () => {
    expect(ageOnSql('a.birth_date', 'p.departed_on')).toBe(`date_part('year', age(p.departed_on, a.birth_date))::int`);
    expect(ageGroupSql('x.age')).toBe(
      `CASE WHEN x.age <= 24 THEN 'AGE_15_24' WHEN x.age <= 34 THEN 'AGE_25_34' WHEN x.age <= 44 THEN 'AGE_35_44' WHEN x.age <= 54 THEN 'AGE_45_54' ELSE 'AGE_55_PLUS' END`,
    );
  });
});

describe('duration bands', () => {
  it('adds calendar months, clamping the day to the month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-15', -300)).toBe('2000-03-15');
  });

  it('puts a contract of exactly N months in the band that starts at N', () => {
    // 1 January to 31 March is three whole months; a day less is under three.
    expect(durationBand('2025-01-01', '2025-03-30')).toBe('UNDER_3_MONTHS');
    expect(durationBand('2025-01-01', '2025-03-31')).toBe('MONTHS_3_TO_6');
    expect(durationBand('2025-01-01', '2025-06-29')).toBe('MONTHS_3_TO_6');
    expect(durationBand('2025-01-01', '2025-06-30')).toBe('MONTHS_6_TO_12');
    expect(durationBand('2025-01-01', '2025-12-30')).toBe('MONTHS_6_TO_12');
    expect(durationBand('2025-01-01', '2025-12-31')).toBe('MONTHS_12_TO_24');
    expect(durationBand('2025-01-01', '2026-12-30')).toBe('MONTHS_12_TO_24');
    expect(durationBand('2025-01-01', '2026-12-31')).toBe('MONTHS_24_AND_OVER');
    expect(durationBand('2025-04-14', '2025-04-14')).toBe('UNDER_3_MONTHS');
  });

  it('writes the same bounds in SQL', () => {
    expect(durationBandSql('p.start_date', 'p.end_date')).toBe(
      `CASE WHEN p.end_date + 1 < (p.start_date + interval '3 months')::date THEN 'UNDER_3_MONTHS' ` +
        `WHEN p.end_date + 1 < (p.start_date + interval '6 months')::date THEN 'MONTHS_3_TO_6' ` +
        `WHEN p.end_date + 1 < (p.start_date + interval '12 months')::date THEN 'MONTHS_6_TO_12' ` +
        `WHEN p.end_date + 1 < (p.start_date + interval '24 months')::date THEN 'MONTHS_12_TO_24' ELSE 'MONTHS_24_AND_OVER' END`,
    );
  });
});

describe('classifications', () => {
  it('maps each employer sector to its ISIC Rev. 4 section', () => {
    expect(['AGRICULTURE', 'LIVESTOCK', 'FOOD_PROCESSING', 'CONSTRUCTION', 'HOSPITALITY'].map(isicSectionOf)).toEqual(['A', 'A', 'C', 'F', 'I']);
    expect(isicSectionOf('MINING')).toBeNull();
    expect(isicSectionSql('e.sector')).toBe(
      `CASE WHEN e.sector = 'AGRICULTURE' THEN 'A' WHEN e.sector = 'LIVESTOCK' THEN 'A' WHEN e.sector = 'FOOD_PROCESSING' THEN 'C' WHEN e.sector = 'CONSTRUCTION' THEN 'F' WHEN e.sector = 'HOSPITALITY' THEN 'I' END`,
    );
  });

  it('takes the ISCO-08 major and sub-major groups from the unit group', () => {
    expect([iscoMajorGroup('6111'), iscoSubMajorGroup('6111')]).toEqual(['6', '61']);
    expect([iscoMajorGroup('0110'), iscoSubMajorGroup('0110')]).toEqual(['0', '01']);
  });
});

describe('medians, shares and rates', () => {
  it('takes the exact median of a histogram: the middle value, or the mean of the two middle ones', () => {
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ value: 7, count: 0 }])).toBeNull();
    expect(medianOfHistogram([{ value: 7, count: 1 }])).toBe(7);
    expect(medianOfHistogram([{ value: 30, count: 3 }, { value: 10, count: 1 }, { value: 20, count: 2 }])).toBe(25);
    expect(medianOfHistogram([{ value: 60, count: 2 }, { value: 180, count: 1 }, { value: 170, count: 2 }])).toBe(170);
    expect(medianOfHistogram([{ value: 1, count: 1 }, { value: 4, count: 1 }])).toBe(2.5);
    // The histogram of 1, 2, 2, 2, 9: the middle one.
    expect(medianOfHistogram([{ value: 9, count: 1 }, { value: 2, count: 3 }, { value: 1, count: 1 }])).toBe(2);
  });

  it('gives no share of nothing', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 4)).toBe(0);
    expect(share(0, 0)).toBeNull();
  });

  it('rates per 1,000: zero when there is nothing to count, even over no base; null only for a count without a base', () => {
    expect(perThousand(3, 6)).toBe(500);
    expect(perThousand(0, 6)).toBe(0);
    expect(perThousand(0, 0)).toBe(0);
    expect(perThousand(2, 0)).toBeNull();
  });

  it('divides the share of deployments by the share of registrants', () => {
    expect(disparityRatio(0.5, 0.25)).toBe(2);
    expect(disparityRatio(0, 0.25)).toBe(0);
    expect(disparityRatio(0.5, 0)).toBeNull();
    expect(disparityRatio(null, 0.25)).toBeNull();
    expect(disparityRatio(0.5, null)).toBeNull();
  });
});

describe('supply against demand', () => {
  it('is a deficit under one qualified applicant per position, a surplus over three, balanced between', () => {
    expect(supplyBalance(3, 2)).toBe('DEFICIT');
    expect(supplyBalance(3, 3)).toBe('BALANCED');
    expect(supplyBalance(3, 9)).toBe('BALANCED');
    expect(supplyBalance(3, 10)).toBe('SURPLUS');
    expect(supplyBalance(0, 0)).toBe('BALANCED');
    expect(supplyBalance(0, 1)).toBe('SURPLUS');
    expect(supplyBalance(1, 0)).toBe('DEFICIT');
  });
});

describe('returns', () => {
  it('is due at the contract end, or when the placement ended before it', () => {
    expect(returnDueOn('2025-10-31', null)).toBe('2025-10-31');
    expect(returnDueOn('2025-10-31', '2025-10-31')).toBe('2025-10-31');
    expect(returnDueOn('2025-10-31', '2025-08-02')).toBe('2025-08-02');
    expect(returnDueOn('2025-10-31', '2025-11-03')).toBe('2025-10-31');
  });

  it('is on time up to seven days after it is due, never for an abandoned job or without a return', () => {
    expect(returnedOnTime('2025-10-31', '2025-11-07', 'COMPLETED')).toBe(true);
    expect(returnedOnTime('2025-10-31', '2025-11-08', 'COMPLETED')).toBe(false);
    expect(returnedOnTime('2025-10-31', '2025-09-01', 'TERMINATED_EARLY')).toBe(true);
    expect(returnedOnTime('2025-10-31', '2025-11-01', 'ABANDONED')).toBe(false);
    expect(returnedOnTime('2025-10-31', null, 'COMPLETED')).toBe(false);
  });

  it('is judged once the worker is home or the grace days have passed', () => {
    expect(returnSettled('2025-10-31', null, '2025-11-07')).toBe(false);
    expect(returnSettled('2025-10-31', null, '2025-11-08')).toBe(true);
    expect(returnSettled('2025-10-31', '2025-10-30', '2025-10-30')).toBe(true);
  });

  it('writes the same in SQL', () => {
    const sql = returnSql('$2::date');
    expect(sql.dueOn).toBe('CASE WHEN p.ended_on IS NOT NULL AND p.ended_on < p.end_date THEN p.ended_on ELSE p.end_date END');
    expect(sql.onTime).toContain(`p.status <> 'ABANDONED' AND p.returned_on <= (${sql.dueOn}) + 7`);
    expect(sql.settled).toBe(`(p.returned_on IS NOT NULL OR (${sql.dueOn}) + 7 < $2::date)`);
  });
});

describe('case outcomes', () => {
  it('is pending until decided, then substantiated with a finding and unsubstantiated without', () => {
    expect(caseOutcome(false, null)).toBe('PENDING');
    expect(caseOutcome(true, 'EMPLOYER')).toBe('SUBSTANTIATED');
    expect(caseOutcome(true, null)).toBe('UNSUBSTANTIATED');
  });
});

describe('the statistics filter', () => {
  const vocabulary = { regionCountry: new Map([['CA-ON', 'CA'], ['US-NC', 'US']]), departments: new Set(['SV-SS', 'SV-CH']) };
  const problems = (filter: Parameters<typeof statisticsFilterProblems>[0]) => statisticsFilterProblems(filter, vocabulary).list;

  it('takes a period of one day up to the longest span, and up to two different dimensions', () => {
    expect(problems({ from: '2025-01-01', to: '2025-01-01' })).toEqual([]);
    expect(problems({ from: '2025-01-01', to: addDays('2025-01-01', MAX_PERIOD_DAYS - 1), groupBy: ['SEX', 'DEPARTMENT'] })).toEqual([]);
    expect(problems({ from: '2025-01-01', to: '2025-12-31', destinationCountry: 'CA', regionCode: 'CA-ON', departmentCode: 'SV-SS', iscoMajorGroup: '6', sex: 'OTHER' })).toEqual([]);
  });

  it('names each wrong field', () => {
    expect(problems({ from: '2025-02-30', to: '2025-01-01' })).toEqual([{ field: 'from', message: 'must be a date written YYYY-MM-DD' }]);
    expect(problems({ from: '2025-01-02', to: '2025-01-01' })).toEqual([{ field: 'to', message: 'must be on or after from' }]);
    expect(problems({ from: '2025-01-01', to: addDays('2025-01-01', MAX_PERIOD_DAYS) })).toEqual([{ field: 'to', message: 'must be within 3660 days of from' }]);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', groupBy: ['SEX', 'DEPARTMENT', 'AGE_GROUP'] }).map((p) => p.field)).toEqual(['groupBy']);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', groupBy: ['SEX', 'SEX'] })).toEqual([{ field: 'groupBy', message: 'may name each dimension once' }]);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', groupBy: ['COLOUR'] })).toEqual([{ field: 'groupBy', message: 'must name known dimensions' }]);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', destinationCountry: 'MX' })).toEqual([{ field: 'destinationCountry', message: 'must be one of CA, US' }]);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', regionCode: 'CA-XX' })).toEqual([{ field: 'regionCode', message: 'is not a known destination region' }]);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', destinationCountry: 'US', regionCode: 'CA-ON' })).toEqual([
      { field: 'regionCode', message: 'lies in CA, not in destinationCountry US' },
    ]);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', departmentCode: 'SV-XX' })).toEqual([{ field: 'departmentCode', message: 'is not a department of El Salvador' }]);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', iscoMajorGroup: '61' })).toEqual([{ field: 'iscoMajorGroup', message: 'must be one digit (ISCO-08 major group, 0 to 9)' }]);
    expect(problems({ from: '2025-01-01', to: '2025-01-31', sex: 'X' })).toEqual([{ field: 'sex', message: 'must be one of FEMALE, MALE, OTHER' }]);
  });

  it('refuses a wrong filter as BAD_USER_INPUT naming the field', () => {
    expect(() => assertStatisticsFilter({ from: '2025-01-02', to: '2025-01-01' }, vocabulary)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [{ field: 'to', message: 'must be on or after from' }] }));
    expect(() => assertStatisticsFilter({ from: '2025-01-01', to: '2025-01-02' }, vocabulary)).not.toThrow();
  });
});
