import { addDays, holidayOn } from '@puente/common';
import { STEP_KINDS, TIMELINE_POLICY_V1 as policy, timelinePolicyProblems } from './timeline.policy';
import { closedBecause, departureFor, nextWorkingDay, planTimeline, previousWorkingDay } from './timeline.rules';

const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

describe('timeline policy', () => {
  it('the default policy is consistent', () => {
    expect(timelinePolicyProblems(policy)).toEqual([]);
  });

  it('names every inconsistency', () => {
    const steps = policy.steps.map((s) => (s.kind === 'ORIENTATION' ? { ...s, daysBeforeDeparture: 50, latestDaysBeforeDeparture: 60 } : s));
    expect(timelinePolicyProblems({ ...policy, steps, departureDaysBeforeStart: -1 })).toEqual([
      'VISA_BIOMETRICS is due after ORIENTATION',
      'VISA_BIOMETRICS may be done later than ORIENTATION',
      'ORIENTATION: its latest date comes before its ideal date',
      'the departure must come before the start date',
    ]);
    expect(timelinePolicyProblems({ ...policy, steps: policy.steps.slice(1) })).toEqual([`the steps must be ${STEP_KINDS.join(', ')}, in that order`]);
  });
});

describe('working days', () => {
  it('moves a weekend back to Friday or forward to Monday, and leaves weekdays alone', () => {
    expect(previousWorkingDay('2027-03-06')).toBe('2027-03-05'); // Saturday
    expect(previousWorkingDay('2027-03-07')).toBe('2027-03-05'); // Sunday
    expect(previousWorkingDay('2027-03-08')).toBe('2027-03-08'); // Monday
    expect(nextWorkingDay('2027-03-06')).toBe('2027-03-08');
    expect(nextWorkingDay('2027-03-07')).toBe('2027-03-08');
    expect(nextWorkingDay('2027-03-05')).toBe('2027-03-05');
  });

  it("skips El Salvador's national holidays as well, Holy Week included", () => {
    // Holy Week 2027: Thursday 25, Friday 26, Saturday 27 March; Easter Sunday the 28th.
    expect(previousWorkingDay('2027-03-26')).toBe('2027-03-24');
    expect(previousWorkingDay('2027-03-28')).toBe('2027-03-24');
    expect(nextWorkingDay('2027-03-25')).toBe('2027-03-29');
    // 15 September 2026 is a Tuesday; 1 January 2027 a Friday, after the weekend-free Thursday.
    expect(previousWorkingDay('2026-09-15')).toBe('2026-09-14');
    expect(nextWorkingDay('2026-09-15')).toBe('2026-09-16');
    expect(previousWorkingDay('2027-01-02')).toBe('2026-12-31');
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-28');
    expect(closedBecause('2027-03-26')).toBe('a public holiday (Good Friday)');
    expect(closedBecause('2027-03-27')).toBe('a weekend');
    expect(closedBecause('2027-03-24')).toBeNull();
  });
});

describe('planTimeline', () => {
  const today = '2027-01-04'; // a Monday
  const departure = '2027-03-15'; // a Monday, 70 days ahead

  it('counts every step back from the departure, in order, on plan', () => {
    const t = planTimeline(departure, today, policy);
    expect(t.steps.map((s) => [s.kind, s.dueDate, s.status, s.note])).toEqual([
      ['DOCUMENTS_CHECKED', '2027-02-01', 'PENDING', null],
      ['MEDICAL_EXAM', '2027-02-08', 'PENDING', null],
      ['VISA_BIOMETRICS', '2027-02-15', 'PENDING', null],
      ['ORIENTATION', '2027-03-05', 'PENDING', null],
      ['CONTRACT_SIGNED', '2027-03-08', 'PENDING', null],
      ['DEPARTURE', '2027-03-15', 'PENDING', null],
      ['ARRIVAL', '2027-03-16', 'PENDING', null],
    ]);
    expect(t).toMatchObject({ departureDate: departure, arrivalDate: '2027-03-16', feasible: true, policyVersion: policy.version });
    expect(t.steps[0]!.remindOn).toBe('2027-01-29');
  });

  it('moves an office step off a weekend to the Friday before, and says so', () => {
    const t = planTimeline('2027-03-17', today, policy); // a Wednesday: orientation falls on Sunday 7 March
    const orientation = t.steps.find((s) => s.kind === 'ORIENTATION')!;
    expect(orientation).toMatchObject({ dueDate: '2027-03-05', status: 'PENDING', note: 'moved from 2027-03-07, a weekend, to 2027-03-05' });
  });

  it('moves an office step off a holiday to the working day before, naming the holiday', () => {
    // Departure Friday 2 April 2027: the contract, 7 days before, would be due on Good Friday; the orientation,
    // 10 days before, on Tuesday 23 March, stays.
    const t = planTimeline('2027-04-02', today, policy);
    expect(t.steps.find((s) => s.kind === 'CONTRACT_SIGNED')).toMatchObject({
      dueDate: '2027-03-24',
      note: 'moved from 2027-03-26, a public holiday (Good Friday), to 2027-03-24',
    });
    expect(t.steps.find((s) => s.kind === 'ORIENTATION')).toMatchObject({ dueDate: '2027-03-23', note: null });
  });

  it('brings a step whose date has passed forward to the first working day when there is still time', () => {
    const t = planTimeline('2027-02-01', '2027-01-02', policy); // today is a Saturday, 30 days before departure
    const documents = t.steps.find((s) => s.kind === 'DOCUMENTS_CHECKED')!;
    expect(documents.status).toBe('PENDING');
    expect(documents.dueDate).toBe('2027-01-04');
    expect(documents.note).toMatch(/already past: moved to 2027-01-04, still before the latest date 2027-01-11/);
    expect(t.feasible).toBe(true);
  });

  it('flags a step that can no longer be done in time as infeasible, with the reason', () => {
    const t = planTimeline('2027-01-14', today, policy); // 10 days ahead: documents, medical and visa cannot make it
    expect(t.steps.filter((s) => s.status === 'INFEASIBLE').map((s) => s.kind)).toEqual(['DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS']);
    const visa = t.steps.find((s) => s.kind === 'VISA_BIOMETRICS')!;
    // 2 January 2027 is a Saturday and the 1st a holiday: the latest working day is 31 December.
    expect(visa.note).toBe('must be done by 2026-12-31 (12 days before departure), and that date has passed: choose a later departure or waive the step');
    expect(visa.remindOn).toBeNull();
    expect(t.feasible).toBe(false);
  });

  it('refuses a departure already in the past', () => {
    const t = planTimeline('2027-01-01', today, policy);
    expect(t.feasible).toBe(false);
    expect(t.steps.find((s) => s.kind === 'DEPARTURE')).toMatchObject({ status: 'INFEASIBLE', note: 'the date 2027-01-01 has passed: choose a later departure' });
  });

  it('never puts an office step on a weekend or a holiday, or a step before the one it follows, for any departure and today', () => {
    // 120 days from 4 January 2027: Holy Week, 1 and 10 May among them.
    for (let offset = 0; offset < 120; offset++) {
      for (const todayOffset of [0, 1, 5, 6]) {
        const now = addDays(today, todayOffset);
        const t = planTimeline(addDays(now, offset), now, policy);
        const office = t.steps.filter((s) => policy.steps.find((r) => r.kind === s.kind)!.officeStep);
        expect(office.filter((s) => isWeekend(s.dueDate) || holidayOn(s.dueDate))).toEqual([]);
        t.steps.forEach((s, i) => i && expect(s.dueDate >= t.steps[i - 1]!.dueDate).toBe(true));
        for (const s of t.steps) {
          if (s.status === 'PENDING' && s.kind !== 'ARRIVAL') expect(s.dueDate >= now).toBe(true);
          if (s.remindOn) expect(s.remindOn >= now && s.remindOn <= s.dueDate).toBe(true);
        }
      }
    }
  });

  it('puts the departure the configured days before the start', () => {
    expect(departureFor('2027-03-17', policy)).toBe('2027-03-15');
    expect(departureFor('2027-03-17', { ...policy, departureDaysBeforeStart: 5 })).toBe('2027-03-12');
  });
});
