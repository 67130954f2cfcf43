import { ErrorCode } from '@puente/common';
import {
  applyJobOrderChanges,
  changedJobOrderFields,
  currencyOf,
  endDate,
  jobOrderChangeProblems,
  JobOrderContext,
  JobOrderDraft,
  jobOrderProblems,
} from './job-order.rules';
import { jobOrderAlternatives, jobOrderStateMachine as m } from './job-order.state-machine';

const context: JobOrderContext = {
  employerCountry: 'CA',
  regionCountry: new Map([
    ['CA-QC', 'CA'],
    ['US-FL', 'US'],
  ]),
  occupations: new Set(['9212']),
  skills: new Set(['MILKING_MACHINE', 'ANIMAL_HEALTH_BASICS', 'FIRST_AID']),
  today: '2026-11-24',
};
const valid: JobOrderDraft = {
  title: 'Livestock labourer – dairy',
  iscoCode: '9212',
  destinationOccupationCode: '85100',
  positions: 70,
  requiredSkills: ['MILKING_MACHINE'],
  preferredSkills: ['ANIMAL_HEALTH_BASICS'],
  languages: [{ code: 'fr', level: 'A1' }],
  minExperienceYears: 1,
  workRegionCode: 'CA-QC',
  workCity: 'Saint-Hyacinthe',
  startDate: '2027-04-01',
  durationWeeks: 104,
  hourlyWage: 16.1,
  hoursPerWeek: 45,
  housingProvided: true,
  housingDescription: 'On-farm bunkhouse for 24, inspected 2026-01-15',
  employerPaysRecruitment: true,
  employerPaysTravel: true,
};
const fieldsOf = (d: Partial<JobOrderDraft>, c = context) => jobOrderProblems({ ...valid, ...d }, c).map((p) => p.field);

describe('jobOrderProblems', () => {
  it('accepts a complete order', () => expect(fieldsOf({})).toEqual([]));

  it.each([0, 501, 2.5, -3])('refuses %p positions', (positions) => expect(fieldsOf({ positions })).toEqual(['positions']));
  it.each([16.1, 17.6, 17.85, 15.75])('accepts a wage of %p', (hourlyWage) => expect(fieldsOf({ hourlyWage })).toEqual([]));
  it('accepts 1 and 500 positions', () => {
    expect(fieldsOf({ positions: 1 })).toEqual([]);
    expect(fieldsOf({ positions: 500 })).toEqual([]);
  });

  it.each([0, -16.1, 16.105])('refuses a wage of %p', (hourlyWage) => expect(fieldsOf({ hourlyWage })).toEqual(['hourlyWage']));

  it('requires the Employer Pays declaration for recruitment and travel', () => {
    expect(fieldsOf({ employerPaysRecruitment: false, employerPaysTravel: false })).toEqual([
      'employerPaysRecruitment',
      'employerPaysTravel',
    ]);
  });

  it('refuses a start sooner than the lead time, or an impossible date', () => {
    expect(fieldsOf({ startDate: '2026-12-01' })).toEqual(['startDate']);
    expect(fieldsOf({ startDate: '2026-12-08' })).toEqual([]);
    expect(fieldsOf({ startDate: '2027-02-30' })).toEqual(['startDate']);
    expect(fieldsOf({ durationWeeks: 0 })).toEqual(['durationWeeks']);
  });

  it('checks codes against the destination country', () => {
    expect(fieldsOf({ destinationOccupationCode: '45-2093.00' })).toEqual(['destinationOccupationCode']);
    expect(fieldsOf({ workRegionCode: 'US-FL' })).toEqual(['workRegionCode']);
    expect(fieldsOf({ iscoCode: '1111', requiredSkills: ['WELDING'] })).toEqual(['iscoCode', 'requiredSkills[0]']);
    expect(fieldsOf({ preferredSkills: ['MILKING_MACHINE'] })).toEqual(['preferredSkills']);
    const us: JobOrderContext = { ...context, employerCountry: 'US' };
    expect(fieldsOf({ destinationOccupationCode: '45-2093.00', workRegionCode: 'US-FL' }, us)).toEqual([]);
  });

  it('requires a description when housing is provided', () => {
    expect(fieldsOf({ housingDescription: null })).toEqual(['housingDescription']);
    expect(fieldsOf({ housingProvided: false, housingDescription: null })).toEqual([]);
  });
});

describe('job order dates and money', () => {
  it('ends the contract on the last day of its weeks', () => {
    expect(endDate('2027-04-01', 1)).toBe('2027-04-07');
    expect(endDate('2027-04-01', 104)).toBe('2029-03-28');
  });
  it('pays in the destination currency', () => {
    expect(currencyOf('CA')).toBe('CAD');
    expect(currencyOf('US')).toBe('USD');
  });
});

describe('job order state machine', () => {
  it('walks DRAFT → SUBMITTED → OPEN → FILLED → IN_PROGRESS → COMPLETED', () => {
    const path = ['SUBMIT', 'APPROVE', 'FILL', 'START', 'COMPLETE'] as const;
    expect(path.reduce((s, e) => m.next(s, e), 'DRAFT' as Parameters<typeof m.next>[0])).toBe('COMPLETED');
  });
  it('refuses approving a draft or a rejected order', () => {
    expect(() => m.next('DRAFT', 'APPROVE')).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    expect(() => m.next('REJECTED', 'APPROVE')).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    expect(() => m.next('COMPLETED', 'CANCEL')).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
  });
  it('cancels an order before its workers depart, a rejected one included, never after', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'REJECTED', 'OPEN', 'FILLED'] as const) expect(m.next(status, 'CANCEL')).toBe('CANCELLED');
    for (const status of ['IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const) expect(m.can(status, 'CANCEL')).toBe(false);
  });
});

describe('job order edits (updateJobOrder)', () => {
  it('lets a draft or a rejected order be edited, a rejected one back to DRAFT', () => {
    expect(m.next('REJECTED', 'EDIT')).toBe('DRAFT');
    expect(m.next('DRAFT', 'EDIT')).toBe('DRAFT');
    for (const status of ['SUBMITTED', 'OPEN', 'FILLED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const) {
      expect(m.can(status, 'EDIT')).toBe(false);
    }
  });
  it('says what can be done instead of editing', () => {
    expect(jobOrderAlternatives('OPEN')).toMatch(/cancelJobOrder/);
    expect(jobOrderAlternatives('IN_PROGRESS')).toMatch(/departed/);
    expect(jobOrderAlternatives('SUBMITTED')).toMatch(/rejected order can be edited/);
  });
  it('checks the order as it would be with the rules of a new one, naming the input fields', () => {
    expect(jobOrderChangeProblems(valid, { positions: 40, title: 'Dairy hand' }, context)).toEqual([]);
    expect(jobOrderChangeProblems(valid, { positions: 0, startDate: '2026-11-30' }, context).map((p) => p.field)).toEqual(['positions', 'startDate']);
    // The same rule as creation: housing provided needs a description, also when the edit only clears it.
    expect(jobOrderChangeProblems(valid, { housingDescription: null }, context).map((p) => p.field)).toEqual(['housingDescription']);
    expect(jobOrderChangeProblems(valid, { housingProvided: false, housingDescription: null }, context)).toEqual([]);
    expect(jobOrderChangeProblems(valid, { requiredSkills: ['NOT_A_SKILL'] }, context).map((p) => p.field)).toEqual(['requiredSkills[0]']);
  });
  it('refuses clearing a required field, and applies nothing of it', () => {
    const problems = jobOrderChangeProblems(valid, { title: null, workCity: null }, context);
    expect(problems).toEqual([
      { field: 'title', message: expect.stringMatching(/cannot be removed/) },
      { field: 'workCity', message: expect.stringMatching(/cannot be removed/) },
    ]);
    expect(applyJobOrderChanges(valid, { title: null }).title).toBe(valid.title);
  });
  it('names only the fields whose value changes', () => {
    expect(changedJobOrderFields(valid, { positions: 70, hourlyWage: 17, languages: [{ code: 'fr', level: 'A1' }], workCity: undefined })).toEqual(['hourlyWage']);
  });
});

