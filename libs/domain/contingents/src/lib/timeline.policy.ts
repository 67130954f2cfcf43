/**
 * When each pre-departure step is due, counted back from the departure, and how late it can still be done.
 * Versioned like the matching policy: a planned timeline records the version it was planned under.
 */
export type StepKind =
  | 'DOCUMENTS_CHECKED'
  | 'MEDICAL_EXAM'
  | 'VISA_BIOMETRICS'
  | 'ORIENTATION'
  | 'CONTRACT_SIGNED'
  | 'DEPARTURE'
  | 'ARRIVAL';

export const STEP_KINDS: readonly StepKind[] = [
  'DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED', 'DEPARTURE', 'ARRIVAL',
];

/**
 * SQL ordering steps of the same due date in the timeline's order (orientation before contract signing), not by
 * name: a weekend or a holiday can move two steps onto one day. The kinds are constants, never input.
 */
export const stepOrderSql = (column: string) => `array_position(ARRAY[${STEP_KINDS.map((k) => `'${k}'`).join(', ')}]::text[], ${column})`;

/** Departure and arrival belong to the whole contingent: recorded with it, never done or chased step by step. */
export function isTravelStep(kind: StepKind): boolean {
  return kind === 'DEPARTURE' || kind === 'ARRIVAL';
}

export interface StepRule {
  kind: StepKind;
  /** Ideal due date, in days before the departure (negative: after it). */
  daysBeforeDeparture: number;
  /** The latest it can still be done, in days before the departure; later than this, the plan is infeasible. */
  latestDaysBeforeDeparture: number;
  /** Done at an office (clinic, consulate, ministry): never due on a Saturday or a Sunday. */
  officeStep: boolean;
  /** Missing it keeps the worker from travelling: the worker is replaced from the reserve. */
  blocking: boolean;
}

export interface TimelinePolicy {
  version: string;
  /** Days between the departure and the first day of work (travel, rest, induction). */
  departureDaysBeforeStart: number;
  /** Days after each due date at which a reminder goes out (negative: before it). */
  reminderDaysBeforeDue: number;
  steps: readonly StepRule[];
}

/**
 * Defaults from the programs Puente learns from: visas take 5–7 business days once biometrics are taken
 * (research/domain.md), medical results about two weeks, and a change notice needs 10 days.
 */
export const TIMELINE_POLICY_V1: TimelinePolicy = {
  version: '2026-11-v1',
  departureDaysBeforeStart: 2,
  reminderDaysBeforeDue: 3,
  steps: [
    { kind: 'DOCUMENTS_CHECKED', daysBeforeDeparture: 42, latestDaysBeforeDeparture: 21, officeStep: true, blocking: true },
    { kind: 'MEDICAL_EXAM', daysBeforeDeparture: 35, latestDaysBeforeDeparture: 18, officeStep: true, blocking: true },
    { kind: 'VISA_BIOMETRICS', daysBeforeDeparture: 28, latestDaysBeforeDeparture: 12, officeStep: true, blocking: true },
    { kind: 'ORIENTATION', daysBeforeDeparture: 10, latestDaysBeforeDeparture: 3, officeStep: true, blocking: true },
    { kind: 'CONTRACT_SIGNED', daysBeforeDeparture: 7, latestDaysBeforeDeparture: 2, officeStep: true, blocking: true },
    { kind: 'DEPARTURE', daysBeforeDeparture: 0, latestDaysBeforeDeparture: 0, officeStep: false, blocking: true },
    { kind: 'ARRIVAL', daysBeforeDeparture: -1, latestDaysBeforeDeparture: -1, officeStep: false, blocking: false },
  ],
};

export function timelinePolicyProblems(policy: TimelinePolicy): string[] {
  const problems: string[] = [];
  const kinds = policy.steps.map((s) => s.kind);
  if (kinds.length !== STEP_KINDS.length || STEP_KINDS.some((k, i) => kinds[i] !== k)) problems.push(`the steps must be ${STEP_KINDS.join(', ')}, in that order`);
  policy.steps.forEach((s, i) => {
    if (s.latestDaysBeforeDeparture > s.daysBeforeDeparture) problems.push(`${s.kind}: its latest date comes before its ideal date`);
    const next = policy.steps[i + 1];
    if (next && next.daysBeforeDeparture > s.daysBeforeDeparture) problems.push(`${s.kind} is due after ${next.kind}`);
    if (next && next.latestDaysBeforeDeparture > s.latestDaysBeforeDeparture) problems.push(`${s.kind} may be done later than ${next.kind}`);
  });
  if (policy.departureDaysBeforeStart < 0) problems.push('the departure must come before the start date');
  return problems;
}
