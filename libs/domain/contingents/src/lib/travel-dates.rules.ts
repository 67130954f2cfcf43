/**
 * How far a recorded travel date may stray from the plan before the coordinator must say why. Past these
 * bounds the date is refused unless the input carries a `reason` (kept in the audit trail).
 */
export interface TravelDatesPolicy {
  /** A departure more than this many days before or after the contingent's planned departure. */
  departureToleranceDays: number;
  /** An arrival more than this many days after the departure (flights take a day or two). */
  arrivalToleranceDays: number;
  /** A return more than this many days before the earliest contract end of the contingent's workers. */
  returnEarlyToleranceDays: number;
  /** A return more than this many days after the latest contract end. */
  returnLateToleranceDays: number;
}

export const TRAVEL_DATES_POLICY_V1: TravelDatesPolicy = {
  departureToleranceDays: 7,
  arrivalToleranceDays: 3,
  returnEarlyToleranceDays: 14,
  returnLateToleranceDays: 14,
};

export type TravelEvent = 'DEPARTURE' | 'ARRIVAL' | 'RETURN';

/** What the dates of one contingent are checked against. All dates YYYY-MM-DD, El Salvador's calendar. */
export interface ContingentDates {
  /** Today in El Salvador. */
  today: string;
  /** The day the contingent was planned (its creation, in El Salvador). */
  plannedOn: string;
  plannedDeparture: string;
  departedOn: string | null;
  arrivedOn: string | null;
  /** The contract dates of the workers travelling (orders of one contingent share a start, not always an end). */
  contractStart: string;
  earliestContractEnd: string | null;
  latestContractEnd: string | null;
}

export interface DateProblem {
  /** The input field to correct. */
  field: string;
  /** Why, in words a coordinator can act on. */
  message: string;
  /** True when stating a reason lets the date through (far from the plan); false for what cannot be. */
  waivable: boolean;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * What is wrong with recording a contingent's departure, arrival or return on `date`: never in the future,
 * never before the contingent was planned, in order (departure, arrival, return), and, unless a reason is
 * given, near the plan (the planned departure; the contract end). An empty list means the date stands.
 */
export function travelDateProblems(
  event: TravelEvent,
  date: string,
  k: ContingentDates,
  reason: string | null | undefined,
  policy: TravelDatesPolicy = TRAVEL_DATES_POLICY_V1,
): DateProblem[] {
  const field = 'on';
  const hard: DateProblem[] = [];
  const soft: DateProblem[] = [];
  const refuse = (message: string) => hard.push({ field, message, waivable: false });
  const ask = (message: string) => soft.push({ field, message, waivable: true });

  if (date > k.today) refuse(`${date} is after today (${k.today}): record travel once it has happened`);
  if (date < k.plannedOn) refuse(`${date} is before the contingent was planned (${k.plannedOn})`);
  if (event === 'DEPARTURE') {
    const off = days(k.plannedDeparture, date);
    if (Math.abs(off) > policy.departureToleranceDays) {
      ask(`${date} is ${Math.abs(off)} days ${off < 0 ? 'before' : 'after'} the planned departure (${k.plannedDeparture}); more than ${policy.departureToleranceDays} needs a reason`);
    }
  }
  if (event === 'ARRIVAL' && k.departedOn) {
    if (date < k.departedOn) refuse(`${date} is before the departure (${k.departedOn})`);
    else if (days(k.departedOn, date) > policy.arrivalToleranceDays) {
      ask(`${date} is ${days(k.departedOn, date)} days after the departure (${k.departedOn}); more than ${policy.arrivalToleranceDays} needs a reason`);
    }
  }
  if (event === 'RETURN') {
    if (k.arrivedOn && date < k.arrivedOn) refuse(`${date} is before the arrival (${k.arrivedOn})`);
    else if (k.departedOn && date < k.departedOn) refuse(`${date} is before the departure (${k.departedOn})`);
    else if (date < k.contractStart) {
      ask(`${date} is before the contract starts (${k.contractStart}): the placements would end before they began; say why`);
    } else if (k.earliestContractEnd && days(date, k.earliestContractEnd) > policy.returnEarlyToleranceDays) {
      ask(`${date} is ${days(date, k.earliestContractEnd)} days before the contract ends (${k.earliestContractEnd}); more than ${policy.returnEarlyToleranceDays} needs a reason`);
    } else if (k.latestContractEnd && days(k.latestContractEnd, date) > policy.returnLateToleranceDays) {
      ask(`${date} is ${days(k.latestContractEnd, date)} days after the contract ended (${k.latestContractEnd}); more than ${policy.returnLateToleranceDays} needs a reason`);
    }
  }
  return hasReason(reason) ? hard : [...hard, ...soft];
}

/** The dates of one placement, for a worker's own end or return. */
export interface PlacementDates {
  today: string;
  departedOn: string;
  arrivedOn: string | null;
  endedOn: string | null;
}

/** A placement ended early or abandoned: on a day between the departure and today. */
export function placementEndProblems(endedOn: string, p: PlacementDates): DateProblem[] {
  const problems: DateProblem[] = [];
  if (endedOn > p.today) problems.push({ field: 'endedOn', message: `${endedOn} is after today (${p.today})`, waivable: false });
  if (endedOn < p.departedOn) problems.push({ field: 'endedOn', message: `${endedOn} is before the departure (${p.departedOn})`, waivable: false });
  return problems;
}

/**
 * A worker's own return home: not in the future, and not before they left, arrived, or their placement ended.
 * How long after the end they came home is not refused: the rehire policy weighs it ("home within N days").
 */
export function workerReturnProblems(returnedOn: string, p: PlacementDates): DateProblem[] {
  const problems: DateProblem[] = [];
  const refuse = (message: string) => problems.push({ field: 'returnedOn', message, waivable: false });
  if (returnedOn > p.today) refuse(`${returnedOn} is after today (${p.today})`);
  if (returnedOn < p.departedOn) refuse(`${returnedOn} is before the departure (${p.departedOn})`);
  else if (p.arrivedOn && returnedOn < p.arrivedOn) refuse(`${returnedOn} is before the arrival (${p.arrivedOn})`);
  else if (p.endedOn && returnedOn < p.endedOn) refuse(`${returnedOn} is before the placement ended (${p.endedOn})`);
  return problems;
}

function hasReason(reason: string | null | undefined): boolean {
  return !!reason && reason.trim().length > 0;
}
