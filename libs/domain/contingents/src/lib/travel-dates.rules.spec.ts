import { ContingentDates, placementEndProblems, PlacementDates, TRAVEL_DATES_POLICY_V1, travelDateProblems, workerReturnProblems } from './travel-dates.rules';

const planned: ContingentDates = {
  today: '2027-09-30',
  plannedOn: '2027-02-01',
  plannedDeparture: '2027-03-30',
  departedOn: null,
  arrivedOn: null,
  contractStart: '2027-04-01',
  earliestContractEnd: '2027-09-15',
  latestContractEnd: '2027-09-29',
};
const departed = { ...planned, departedOn: '2027-03-31' };
const arrived = { ...departed, arrivedOn: '2027-04-01' };
const REASON = 'The flight was moved by the airline.';

const summary = (ps: ReturnType<typeof travelDateProblems>) => ps.map((p) => [p.field, p.waivable, p.message]);

describe('travelDateProblems', () => {
  it('accepts dates on or near the plan, in order', () => {
    expect(travelDateProblems('DEPARTURE', '2027-03-30', planned, null)).toEqual([]);
    expect(travelDateProblems('DEPARTURE', '2027-04-06', planned, null)).toEqual([]);
    expect(travelDateProblems('DEPARTURE', '2027-03-23', planned, null)).toEqual([]);
    expect(travelDateProblems('ARRIVAL', '2027-03-31', departed, null)).toEqual([]);
    expect(travelDateProblems('ARRIVAL', '2027-04-03', departed, null)).toEqual([]);
    expect(travelDateProblems('RETURN', '2027-09-01', arrived, null)).toEqual([]);
    expect(travelDateProblems('RETURN', '2027-09-30', arrived, null)).toEqual([]);
  });

  it('refuses a date in the future or before the contingent was planned, reason or not', () => {
    expect(summary(travelDateProblems('DEPARTURE', '2027-10-01', { ...planned, plannedDeparture: '2027-10-01' }, REASON))).toEqual([
      ['on', false, '2027-10-01 is after today (2027-09-30): record travel once it has happened'],
    ]);
    // The case: a departure in 2020 for a contingent planned for 2027.
    const old = travelDateProblems('DEPARTURE', '2020-01-01', planned, REASON);
    expect(summary(old)).toEqual([['on', false, '2020-01-01 is before the contingent was planned (2027-02-01)']]);
    expect(travelDateProblems('DEPARTURE', '2020-01-01', planned, null).map((p) => p.waivable)).toEqual([false, true]);
  });

  it('refuses events out of order, reason or not', () => {
    expect(summary(travelDateProblems('ARRIVAL', '2027-03-30', departed, REASON))).toEqual([['on', false, '2027-03-30 is before the departure (2027-03-31)']]);
    expect(summary(travelDateProblems('RETURN', '2027-03-31', arrived, REASON))).toEqual([['on', false, '2027-03-31 is before the arrival (2027-04-01)']]);
    expect(summary(travelDateProblems('RETURN', '2027-03-30', { ...departed, arrivedOn: null }, REASON))).toEqual([
      ['on', false, '2027-03-30 is before the departure (2027-03-31)'],
    ]);
  });

  it('asks for a reason when a date strays from the plan, and takes it', () => {
    const early = travelDateProblems('DEPARTURE', '2027-03-22', planned, null);
    expect(summary(early)).toEqual([['on', true, '2027-03-22 is 8 days before the planned departure (2027-03-30); more than 7 needs a reason']]);
    expect(travelDateProblems('DEPARTURE', '2027-03-22', planned, REASON)).toEqual([]);
    expect(summary(travelDateProblems('DEPARTURE', '2027-04-07', planned, '  '))).toEqual([
      ['on', true, '2027-04-07 is 8 days after the planned departure (2027-03-30); more than 7 needs a reason'],
    ]);
    expect(summary(travelDateProblems('ARRIVAL', '2027-04-04', departed, null))).toEqual([
      ['on', true, '2027-04-04 is 4 days after the departure (2027-03-31); more than 3 needs a reason'],
    ]);
    expect(travelDateProblems('ARRIVAL', '2027-04-04', departed, REASON)).toEqual([]);
  });

  it('asks for a reason for a return far from the contract end, or before the contract even started', () => {
    expect(summary(travelDateProblems('RETURN', '2027-08-31', arrived, null))).toEqual([
      ['on', true, '2027-08-31 is 15 days before the contract ends (2027-09-15); more than 14 needs a reason'],
    ]);
    const late = { ...arrived, today: '2027-12-31' };
    expect(summary(travelDateProblems('RETURN', '2027-10-14', late, null))).toEqual([
      ['on', true, '2027-10-14 is 15 days after the contract ended (2027-09-29); more than 14 needs a reason'],
    ]);
    expect(travelDateProblems('RETURN', '2027-10-13', late, null)).toEqual([]);
    const sameDay = { ...planned, departedOn: '2027-03-31', arrivedOn: '2027-03-31' };
    expect(summary(travelDateProblems('RETURN', '2027-03-31', sameDay, null))).toEqual([
      ['on', true, '2027-03-31 is before the contract starts (2027-04-01): the placements would end before they began; say why'],
    ]);
    expect(travelDateProblems('RETURN', '2027-03-31', sameDay, 'Refused entry at the border.')).toEqual([]);
  });

  it('reads its tolerances from the policy', () => {
    const strict = { ...TRAVEL_DATES_POLICY_V1, departureToleranceDays: 0 };
    expect(travelDateProblems('DEPARTURE', '2027-03-31', planned, null, strict)).toHaveLength(1);
    expect(travelDateProblems('DEPARTURE', '2027-03-31', planned, null)).toEqual([]);
  });
});

describe('a placement ended or a worker home', () => {
  const p: PlacementDates = { today: '2027-09-30', departedOn: '2027-03-31', arrivedOn: '2027-04-01', endedOn: '2027-07-10' };

  it('refuses an end in the future or before the departure', () => {
    expect(placementEndProblems('2027-07-10', p)).toEqual([]);
    expect(placementEndProblems('2027-10-01', p).map((x) => [x.field, x.message])).toEqual([['endedOn', '2027-10-01 is after today (2027-09-30)']]);
    expect(placementEndProblems('2027-03-30', p).map((x) => [x.field, x.message])).toEqual([['endedOn', '2027-03-30 is before the departure (2027-03-31)']]);
  });

  it("refuses a worker's return in the future, before they left or arrived, or before their placement ended", () => {
    expect(workerReturnProblems('2027-07-12', p)).toEqual([]);
    expect(workerReturnProblems('2027-09-30', p)).toEqual([]);
    const why = (date: string, facts = p) => workerReturnProblems(date, facts).map((x) => [x.field, x.message]);
    expect(why('2027-10-01')).toEqual([['returnedOn', '2027-10-01 is after today (2027-09-30)']]);
    expect(why('2027-03-30')).toEqual([['returnedOn', '2027-03-30 is before the departure (2027-03-31)']]);
    expect(why('2027-03-31')).toEqual([['returnedOn', '2027-03-31 is before the arrival (2027-04-01)']]);
    expect(why('2027-07-09')).toEqual([['returnedOn', '2027-07-09 is before the placement ended (2027-07-10)']]);
    expect(why('2027-04-05', { ...p, arrivedOn: null, endedOn: null })).toEqual([]);
  });
});
