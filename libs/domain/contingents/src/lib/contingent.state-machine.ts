import { StateMachine } from '@puente/common';

export const CONTINGENT_STATUSES = ['PLANNED', 'CONFIRMED', 'DEPARTED', 'ARRIVED', 'RETURNED', 'CANCELLED'] as const;
export type ContingentStatus = (typeof CONTINGENT_STATUSES)[number];
export type ContingentEvent = 'CONFIRM' | 'RESCHEDULE' | 'REOPEN' | 'DEPART' | 'ARRIVE' | 'RETURN' | 'CANCEL';

/** A contingent: PLANNED → CONFIRMED → DEPARTED → ARRIVED → RETURNED, or CANCELLED before departure. */
export const contingentStateMachine = new StateMachine<ContingentStatus, ContingentEvent>('contingent', {
  CONFIRM: { from: ['PLANNED'], to: 'CONFIRMED' },
  // A new departure date sends a confirmed contingent back to planning: its steps move and must be re-confirmed.
  RESCHEDULE: { from: ['PLANNED', 'CONFIRMED'], to: 'PLANNED' },
  // A replacement joins with steps still to do: the contingent is planned again until it is re-confirmed.
  REOPEN: { from: ['PLANNED', 'CONFIRMED'], to: 'PLANNED' },
  DEPART: { from: ['CONFIRMED'], to: 'DEPARTED' },
  ARRIVE: { from: ['DEPARTED'], to: 'ARRIVED' },
  RETURN: { from: ['ARRIVED'], to: 'RETURNED' },
  CANCEL: { from: ['PLANNED', 'CONFIRMED'], to: 'CANCELLED' },
});

export const STEP_STATUSES = ['PENDING', 'OVERDUE', 'DONE', 'INFEASIBLE', 'CANCELLED', 'WAIVED'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export type StepEvent = 'COMPLETE' | 'MARK_OVERDUE' | 'REPLAN' | 'CANCEL' | 'WAIVE';

/**
 * One worker's pre-departure step. A step done late is still done; replanning reopens an overdue step. A
 * coordinator may waive an open step (with a reason): like a done one, it no longer blocks confirmation.
 */
export const stepStateMachine = new StateMachine<StepStatus, StepEvent>('step', {
  COMPLETE: { from: ['PENDING', 'OVERDUE'], to: 'DONE' },
  MARK_OVERDUE: { from: ['PENDING'], to: 'OVERDUE' },
  REPLAN: { from: ['PENDING', 'OVERDUE', 'INFEASIBLE'], to: 'PENDING' },
  CANCEL: { from: ['PENDING', 'OVERDUE', 'INFEASIBLE'], to: 'CANCELLED' },
  WAIVE: { from: ['PENDING', 'OVERDUE', 'INFEASIBLE'], to: 'WAIVED' },
});

/** Steps that no longer hold up confirmation: done, or waived by a coordinator. */
export const SETTLED_STEP_STATUSES: readonly StepStatus[] = ['DONE', 'WAIVED'];

export const PLACEMENT_STATUSES = ['ACTIVE', 'COMPLETED', 'TERMINATED_EARLY', 'ABANDONED'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export type PlacementEvent = 'COMPLETE' | 'TERMINATE_EARLY' | 'ABANDON';

/** A placement: one worker at one employer for one order, ACTIVE → COMPLETED | TERMINATED_EARLY | ABANDONED. */
export const placementStateMachine = new StateMachine<PlacementStatus, PlacementEvent>('placement', {
  COMPLETE: { from: ['ACTIVE'], to: 'COMPLETED' },
  TERMINATE_EARLY: { from: ['ACTIVE'], to: 'TERMINATED_EARLY' },
  ABANDON: { from: ['ACTIVE'], to: 'ABANDONED' },
});
