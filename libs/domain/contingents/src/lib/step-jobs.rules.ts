import { addDays } from '@puente/common';
import type { StepStatus } from './contingent.state-machine';
import { isTravelStep, StepKind } from './timeline.policy';

/** A step as planned or stored, with what its jobs need. */
export interface StepForJobs {
  id: string;
  contingentId: string;
  kind: StepKind;
  status: StepStatus;
  remindOn: string | null;
  dueDate: string;
}

/** One grouped reminder job: every step of the contingent and kind whose reminder date is `remindOn`. */
export interface ReminderGroup {
  contingentId: string;
  kind: StepKind;
  remindOn: string;
}

/** One grouped overdue check: every step of the contingent and kind due on `dueDate` (checked the day after). */
export interface OverdueGroup {
  contingentId: string;
  kind: StepKind;
  dueDate: string;
}

/** Reminders go out at 09:00 in El Salvador (UTC-6, no daylight saving) on their date. */
export function reminderTime(remindOn: string): number {
  return Date.parse(`${remindOn}T15:00:00Z`);
}

/** When an overdue check runs: 09:00 in El Salvador the day after the due date. */
export function overdueCheckTime(dueDate: string): number {
  return reminderTime(addDays(dueDate, 1));
}

/**
 * The delayed jobs the steps call for, grouped: one reminder per (contingent, kind, reminder date) among the
 * pending steps that have a reminder date, and one overdue check per (contingent, kind, due date) among the pending
 * office steps (departure and arrival are the contingent's, never overdue for one worker). A contingent's travellers
 * mostly share their dates, so 70 travellers call for about 12 jobs instead of 840; a replacement seated later, whose
 * passed dates were moved forward, makes a group of its own. Each group once, in the order first met (deterministic).
 */
export function stepJobGroups(steps: readonly StepForJobs[]): { reminders: ReminderGroup[]; overdueChecks: OverdueGroup[] } {
  const reminders = new Map<string, ReminderGroup>();
  const overdueChecks = new Map<string, OverdueGroup>();
  for (const s of steps) {
    if (s.status !== 'PENDING') continue;
    if (s.remindOn) reminders.set(`${s.contingentId}|${s.kind}|${s.remindOn}`, { contingentId: s.contingentId, kind: s.kind, remindOn: s.remindOn });
    if (!isTravelStep(s.kind)) overdueChecks.set(`${s.contingentId}|${s.kind}|${s.dueDate}`, { contingentId: s.contingentId, kind: s.kind, dueDate: s.dueDate });
  }
  return { reminders: [...reminders.values()], overdueChecks: [...overdueChecks.values()] };
}

/**
 * The groups of `before` that `after` no longer calls for: after a reschedule, the jobs of the old dates to remove
 * (a group whose date did not change keeps its job; removing and adding one id in one unit would be needless).
 */
export function staleStepJobGroups(
  before: ReturnType<typeof stepJobGroups>,
  after: ReturnType<typeof stepJobGroups>,
): { reminders: ReminderGroup[]; overdueChecks: OverdueGroup[] } {
  const remindKey = (g: ReminderGroup) => `${g.contingentId}|${g.kind}|${g.remindOn}`;
  const overdueKey = (g: OverdueGroup) => `${g.contingentId}|${g.kind}|${g.dueDate}`;
  const keptReminders = new Set(after.reminders.map(remindKey));
  const keptChecks = new Set(after.overdueChecks.map(overdueKey));
  return {
    reminders: before.reminders.filter((g) => !keptReminders.has(remindKey(g))),
    overdueChecks: before.overdueChecks.filter((g) => !keptChecks.has(overdueKey(g))),
  };
}
