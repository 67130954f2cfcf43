import { TIMELINE_POLICY_V1 } from './timeline.policy';
import { planTimeline } from './timeline.rules';
import { overdueCheckTime, reminderTime, staleStepJobGroups, StepForJobs, stepJobGroups } from './step-jobs.rules';

/** The steps of `travellers` travellers of one contingent, as seating plans them from a departure. */
const seated = (contingentId: string, travellers: number, departure: string, today: string): StepForJobs[] =>
  Array.from({ length: travellers }, (_, t) =>
    planTimeline(departure, today, TIMELINE_POLICY_V1).steps.map((s) => ({ id: `${contingentId}-${t}-${s.kind}`, contingentId, kind: s.kind, status: s.status, remindOn: s.remindOn, dueDate: s.dueDate })),
  ).flat();

describe('stepJobGroups', () => {
  it('gives a contingent of 70 one reminder per kind and one overdue check per office kind, not one per step', () => {
    const steps = seated('k1', 70, '2027-06-01', '2027-01-04');
    const { reminders, overdueChecks } = stepJobGroups(steps);
    expect(steps).toHaveLength(70 * 7);
    expect(reminders.map((g) => g.kind)).toEqual(['DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED', 'DEPARTURE', 'ARRIVAL']);
    expect(overdueChecks.map((g) => g.kind)).toEqual(['DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED']);
    // Each group carries its steps' own date.
    for (const g of reminders) expect(steps.filter((s) => s.kind === g.kind).every((s) => s.remindOn === g.remindOn)).toBe(true);
    for (const g of overdueChecks) expect(steps.filter((s) => s.kind === g.kind).every((s) => s.dueDate === g.dueDate)).toBe(true);
  });

  it('makes a group of its own for a different date (a replacement seated later) and for another contingent', () => {
    const steps = [...seated('k1', 2, '2027-06-01', '2027-01-04'), ...seated('k2', 1, '2027-06-01', '2027-01-04')];
    const late = { ...steps[0]!, id: 'late', remindOn: '2027-05-01', dueDate: '2027-05-04' };
    const { reminders, overdueChecks } = stepJobGroups([...steps, late]);
    expect(reminders).toHaveLength(7 + 7 + 1);
    expect(overdueChecks).toHaveLength(5 + 5 + 1);
    expect(reminders).toContainEqual({ contingentId: 'k1', kind: late.kind, remindOn: '2027-05-01' });
    expect(overdueChecks).toContainEqual({ contingentId: 'k1', kind: late.kind, dueDate: '2027-05-04' });
  });

  it('leaves out steps not pending (done, waived, cancelled, overdue, infeasible) and a step with no reminder date', () => {
    const base = seated('k1', 1, '2027-06-01', '2027-01-04')[0]!;
    const steps: StepForJobs[] = (['DONE', 'WAIVED', 'CANCELLED', 'OVERDUE', 'INFEASIBLE'] as const).map((status, i) => ({ ...base, id: String(i), status }));
    expect(stepJobGroups(steps)).toEqual({ reminders: [], overdueChecks: [] });
    expect(stepJobGroups([{ ...base, remindOn: null }])).toEqual({ reminders: [], overdueChecks: [{ contingentId: 'k1', kind: base.kind, dueDate: base.dueDate }] });
  });

  it('is deterministic: the same steps in the same order give the same groups', () => {
    const steps = seated('k1', 5, '2027-06-01', '2027-01-04');
    expect(stepJobGroups(steps)).toEqual(stepJobGroups([...steps]));
  });
});

describe('staleStepJobGroups', () => {
  it('names the groups of the old dates that the new ones no longer call for, and keeps a date that did not move', () => {
    const before = stepJobGroups(seated('k1', 3, '2027-06-01', '2027-01-04'));
    const moved = stepJobGroups(seated('k1', 3, '2027-05-25', '2027-01-04'));
    const stale = staleStepJobGroups(before, moved);
    expect(stale).toEqual(before);
    expect(staleStepJobGroups(before, before)).toEqual({ reminders: [], overdueChecks: [] });
    const partly = { reminders: [before.reminders[0]!, ...moved.reminders.slice(1)], overdueChecks: moved.overdueChecks };
    expect(staleStepJobGroups(before, partly).reminders).toEqual(before.reminders.slice(1));
  });
});

describe('job times', () => {
  it('runs reminders at 09:00 in El Salvador on their date and overdue checks at 09:00 the day after the due date', () => {
    expect(new Date(reminderTime('2027-03-05')).toISOString()).toBe('2027-03-05T15:00:00.000Z');
    expect(new Date(overdueCheckTime('2027-03-31')).toISOString()).toBe('2027-04-01T15:00:00.000Z');
  });
});
