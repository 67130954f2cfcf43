import { addDays, todayIso } from '@puente/common';
import { EMPLOYER_STATUSES } from '@puente/domain/employers';
import { JOB_ORDER_STATUSES } from './job-order.state-machine';
import { isPubliclyOpen, publicJobOrderFilterProblems } from './public-job-orders.rules';

describe('isPubliclyOpen', () => {
  const today = todayIso();
  const approvedAt = new Date();
  const open = { status: 'OPEN' as const, approvedAt, startDate: addDays(today, 30) };
  const verified = { status: 'VERIFIED' as const };

  it('shows an approved order that still recruits: OPEN only, never a draft, a rejected, filled, started or cancelled one', () => {
    const shown = JOB_ORDER_STATUSES.filter((status) => isPubliclyOpen({ ...open, status }, verified, today));
    expect(shown).toEqual(['OPEN']);
  });

  it('needs the instant of the approval', () => {
    expect(isPubliclyOpen({ ...open, approvedAt: null }, verified, today)).toBe(false);
  });

  it('shows an order starting tomorrow, and not one starting today or earlier', () => {
    expect(isPubliclyOpen({ ...open, startDate: addDays(today, 1) }, verified, today)).toBe(true);
    expect(isPubliclyOpen({ ...open, startDate: today }, verified, today)).toBe(false);
    expect(isPubliclyOpen({ ...open, startDate: addDays(today, -1) }, verified, today)).toBe(false);
  });

  it('shows the orders of a verified employer only: not of a pending or a suspended one', () => {
    expect(EMPLOYER_STATUSES.filter((status) => isPubliclyOpen(open, { status }, today))).toEqual(['VERIFIED']);
  });
});

describe('publicJobOrderFilterProblems', () => {
  const ref = {
    occupations: new Set(['9211', '9212']),
    regionCountry: new Map([
      ['CA-QC', 'CA'],
      ['US-FL', 'US'],
    ]),
  };

  it('accepts no filter, known codes, and a region of the country asked for', () => {
    expect(publicJobOrderFilterProblems({}, ref)).toEqual([]);
    expect(publicJobOrderFilterProblems({ iscoCode: '9212', country: 'CA', regionCode: 'CA-QC' }, ref)).toEqual([]);
    expect(publicJobOrderFilterProblems({ country: 'US' }, ref)).toEqual([]);
  });

  it('names an unknown occupation, an unknown region, and a region outside the country', () => {
    expect(publicJobOrderFilterProblems({ iscoCode: '0000' }, ref)).toEqual([
      { field: 'filter.iscoCode', message: 'is not an ISCO-08 code of the occupations list (e.g. 9211)' },
    ]);
    expect(publicJobOrderFilterProblems({ regionCode: 'CA-XX' }, ref)).toEqual([
      { field: 'filter.regionCode', message: 'is not a known US state or Canadian province (e.g. US-FL, CA-QC)' },
    ]);
    expect(publicJobOrderFilterProblems({ country: 'US', regionCode: 'CA-QC' }, ref)).toEqual([{ field: 'filter.regionCode', message: 'is not in US' }]);
  });
});
