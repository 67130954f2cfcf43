import { addDays, holidayOn } from '@puente/common';
import type { StepKind, TimelinePolicy } from './timeline.policy';

export interface PlannedStep {
  kind: StepKind;
  dueDate: string;
  /** When the reminder goes out; null when there is nothing left to remind of (infeasible). */
  remindOn: string | null;
  status: 'PENDING' | 'INFEASIBLE';
  blocking: boolean;
  /** Why the date is not the ideal one, or why the step cannot be done in time; null when on plan. */
  note: string | null;
}

export interface Timeline {
  departureDate: string;
  arrivalDate: string;
  steps: PlannedStep[];
  /** Every blocking step can be done in time. */
  feasible: boolean;
  policyVersion: string;
}

/** 0 Sunday … 6 Saturday, for a YYYY-MM-DD date. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Why offices are closed on a date (a weekend, or one of El Salvador's national holidays, named); null on a working day. */
export function closedBecause(date: string): string | null {
  if ([0, 6].includes(weekday(date))) return 'a weekend';
  const holiday = holidayOn(date);
  return holiday ? `a public holiday (${holiday})` : null;
}

/** The date itself on a working day, else the last working day before: an office step is never due on a weekend or a holiday. */
export function previousWorkingDay(date: string): string {
  let day = date;
  while (closedBecause(day)) day = addDays(day, -1);
  return day;
}

/** The date itself on a working day, else the first working day after. */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (closedBecause(day)) day = addDays(day, 1);
  return day;
}

/** The departure for a start date under the policy. */
export function departureFor(startDate: string, policy: TimelinePolicy): string {
  return addDays(startDate, -policy.departureDaysBeforeStart);
}

/**
 * The pre-departure timeline of one worker, counted back from the departure. Office steps that would fall on a
 * weekend or a national holiday (`holidayOn`) move to the last working day before. A step whose ideal date has passed moves to the first working day from
 * today if that is still before its latest date (and says so); otherwise it is INFEASIBLE with the reason.
 * Nothing is moved silently: every step off its ideal date carries a note. Due dates never go backwards from
 * one step to the next.
 */
export function planTimeline(departureDate: string, today: string, policy: TimelinePolicy): Timeline {
  const firstWorkingDay = nextWorkingDay(today);
  const steps = policy.steps.map((rule): PlannedStep => {
    const ideal = addDays(departureDate, -rule.daysBeforeDeparture);
    if (!rule.officeStep) {
      const past = ideal < today;
      return {
        kind: rule.kind,
        dueDate: ideal,
        remindOn: past ? null : maxDate(today, addDays(ideal, -policy.reminderDaysBeforeDue)),
        status: past && rule.blocking ? 'INFEASIBLE' : 'PENDING',
        blocking: rule.blocking,
        note: past && rule.blocking ? `the date ${ideal} has passed: choose a later departure` : null,
      };
    }
    const onWorkingDay = previousWorkingDay(ideal);
    const latest = previousWorkingDay(addDays(departureDate, -rule.latestDaysBeforeDeparture));
    let dueDate = onWorkingDay;
    let note = onWorkingDay === ideal ? null : `moved from ${ideal}, ${closedBecause(ideal)}, to ${onWorkingDay}`;
    let status: PlannedStep['status'] = 'PENDING';
    if (onWorkingDay < today) {
      if (firstWorkingDay <= latest) {
        dueDate = firstWorkingDay;
        note = `due ${onWorkingDay} by the plan, already past: moved to ${firstWorkingDay}, still before the latest date ${latest}`;
      } else {
        dueDate = latest;
        status = 'INFEASIBLE';
        note = `must be done by ${latest} (${rule.latestDaysBeforeDeparture} days before departure), and that date has passed: choose a later departure or waive the step`;
      }
    }
    return {
      kind: rule.kind,
      dueDate,
      remindOn: status === 'INFEASIBLE' ? null : maxDate(today, addDays(dueDate, -policy.reminderDaysBeforeDue)),
      status,
      blocking: rule.blocking,
      note,
    };
  });
  return {
    departureDate,
    arrivalDate: steps.find((s) => s.kind === 'ARRIVAL')!.dueDate,
    steps,
    feasible: steps.every((s) => !s.blocking || s.status !== 'INFEASIBLE'),
    policyVersion: policy.version,
  };
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
