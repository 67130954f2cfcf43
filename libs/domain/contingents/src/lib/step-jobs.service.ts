import { Injectable } from '@nestjs/common';
import { addDays, DomainException, ErrorCode, isUuid, todayIso } from '@puente/common';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { queueDelivery, recordNotification, recordNotifications } from '@puente/notifications';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { lockForUpdate } from '@puente/database';
import { contingentStateMachine, STEP_STATUSES, StepStatus, stepStateMachine } from './contingent.state-machine';
import { ContingentEntity, TravellerEntity, TravelStepEntity } from './contingent.entity';
import { isTravelStep, StepKind, TIMELINE_POLICY_V1, TimelinePolicy } from './timeline.policy';
import { planTimeline } from './timeline.rules';

const STEP_NAMES: Record<StepKind, string> = {
  DOCUMENTS_CHECKED: 'Document check',
  MEDICAL_EXAM: 'Medical exam',
  VISA_BIOMETRICS: 'Visa appointment and biometrics',
  ORIENTATION: 'Pre-departure orientation',
  CONTRACT_SIGNED: 'Contract signing',
  DEPARTURE: 'Departure',
  ARRIVAL: 'Arrival',
};

/** A step as planned or stored, with what its jobs need. */
export interface StepForJobs {
  id: string;
  kind: StepKind;
  status: StepStatus;
  remindOn: string | null;
  dueDate: string;
}

/** Reminders go out at 09:00 in El Salvador (UTC-6, no daylight saving) on their date. */
export function reminderTime(remindOn: string): number {
  return Date.parse(`${remindOn}T15:00:00Z`);
}

/**
 * The delayed jobs of the steps (a reminder and an overdue check each, their ids the step's), the jobs
 * themselves, and the reschedule that moves the steps and their jobs to a new departure. Jobs are queued on the
 * caller's unit of work, so they are added (or removed) if and only if the change that needs them commits.
 */
@Injectable()
export class StepJobsService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The delayed jobs of every pending step: a reminder at 09:00 in El Salvador on its reminder date, and an
   * overdue check at 09:00 the day after its due date (office steps; departure and arrival are the
   * contingent's). Each job's id is its step's, so there is never a second one: adding an id that exists adds
   * nothing, and `replace` (after the steps moved) first removes the jobs planned for the old dates. A job that
   * still fires for an old date finds its step moved and does nothing. Returns the number of steps covered.
   */
  async syncStepJobs(tx: UnitOfWorkTx, contingentId: string, { replace = false, now = Date.now() } = {}): Promise<number> {
    const steps: StepForJobs[] = await tx.em.query(
      `SELECT s.id, s.kind, s.status, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate"
       FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
       WHERE t.contingent_id = $1 AND t.status = 'SEATED' AND s.status IN ('PENDING', 'OVERDUE', 'INFEASIBLE')`,
      [contingentId],
    );
    // Moved steps first lose the jobs of their old dates, also those now overdue or infeasible, which get none.
    if (replace) this.dropStepJobs(tx, steps.map((s) => s.id));
    return this.addStepJobs(tx, steps, now);
  }

  /** Adds the jobs of the pending steps given (an id that exists adds nothing); returns how many steps have jobs. */
  addStepJobs(tx: UnitOfWorkTx, steps: readonly StepForJobs[], now = Date.now()): number {
    const pending = steps.filter((s) => s.status === 'PENDING');
    const delay = (on: string) => Math.max(0, reminderTime(on) - now);
    const reminders = pending
      .filter((s) => s.remindOn)
      .map((s) => ({ payload: { stepId: s.id, remindOn: s.remindOn! }, options: { jobId: jobId(JobName.RemindStep, s.id), delay: delay(s.remindOn!) } }));
    const overdueChecks = pending
      .filter((s) => !isTravelStep(s.kind))
      .map((s) => ({ payload: { stepId: s.id, dueDate: s.dueDate }, options: { jobId: jobId(JobName.CheckStepOverdue, s.id), delay: delay(addDays(s.dueDate, 1)) } }));
    if (reminders.length) tx.addJobs(JobName.RemindStep, reminders);
    if (overdueChecks.length) tx.addJobs(JobName.CheckStepOverdue, overdueChecks);
    return pending.length;
  }

  /** Removes the delayed jobs of steps that will not happen (a traveller who left the contingent). */
  dropStepJobs(tx: UnitOfWorkTx, stepIds: readonly string[]): void {
    if (!stepIds.length) return;
    for (const name of [JobName.RemindStep, JobName.CheckStepOverdue] as const) tx.removeJobs(JOB_QUEUE[name], stepIds.map((id) => jobId(name, id)));
  }

  /**
   * The overdue check: a step still pending past its due date (the date the job was planned for) becomes
   * OVERDUE, and the coordinators are alerted and the worker told, once, in the same transaction.
   */
  checkOverdue(stepId: string, dueDate: string, today = todayIso()): Promise<'OVERDUE' | 'STALE'> {
    return this.uow.run('contingents.check-overdue', async (tx) => {
      const em = tx.em;
      const step = await lockForUpdate(em, TravelStepEntity, stepId);
      if (!step || step.status !== 'PENDING' || step.dueDate !== dueDate || dueDate >= today) return 'STALE';
      step.status = stepStateMachine.next(step.status, 'MARK_OVERDUE');
      await em.save(step);
      const traveller = await em.findOneByOrFail(TravellerEntity, { id: step.travellerId });
      const contingent = await em.findOneByOrFail(ContingentEntity, { id: traveller.contingentId });
      const what = `${STEP_NAMES[step.kind]} was due ${step.dueDate}`;
      const notificationIds = await recordNotifications(em, [
        {
          dedupeKey: `step-overdue:${step.id}:${dueDate}:coordinators`,
          audience: 'COORDINATORS',
          kind: 'STEP_OVERDUE',
          subject: `Overdue in ${contingent.reference}: ${STEP_NAMES[step.kind].toLowerCase()}`,
          body: `${what} for traveller ${traveller.id} of ${contingent.reference} (departure ${contingent.departureDate})${step.blocking ? '; it blocks travel' : ''}.`,
        },
        {
          dedupeKey: `step-overdue:${step.id}:${dueDate}:applicant`,
          audience: 'APPLICANT',
          applicantId: traveller.applicantId,
          kind: 'STEP_OVERDUE',
          subject: `${STEP_NAMES[step.kind]}: overdue`,
          body: `${what}. Please contact your coordinator.`,
        },
      ]);
      queueDelivery(tx, notificationIds);
      tx.publish([traveller.applicantId], 'step.overdue');
      return 'OVERDUE';
    });
  }

  /**
   * The reminder job: only for a step still pending on the date it was planned for. It records a notification
   * for the worker (once per step and date, however often the job runs) and queues its delivery.
   */
  remind(stepId: string, remindOn: string): Promise<'REMINDED' | 'STALE'> {
    return this.uow.run('contingents.remind', async (tx) => {
      const em = tx.em;
      const step = isUuid(stepId) ? await em.findOneBy(TravelStepEntity, { id: stepId }) : null;
      if (!step || step.status !== 'PENDING' || step.remindOn !== remindOn) return 'STALE';
      const traveller = await em.findOneByOrFail(TravellerEntity, { id: step.travellerId });
      const id = await recordNotification(em, {
        dedupeKey: `step-due:${step.id}:${remindOn}`,
        audience: 'APPLICANT',
        applicantId: traveller.applicantId,
        kind: 'STEP_DUE',
        subject: `${STEP_NAMES[step.kind]}: due ${step.dueDate}`,
        body: `Your ${STEP_NAMES[step.kind].toLowerCase()} is due on ${step.dueDate}.${step.note ? ` ${step.note}.` : ''}`,
      });
      queueDelivery(tx, [id]);
      return 'REMINDED';
    });
  }

  /**
   * Moves a contingent to a new departure date: every step not done is planned again from it, and the jobs of
   * the old dates are replaced by those of the new ones, in one unit of work (a stale reminder that fires before
   * its job is replaced sees its step moved and does nothing). A confirmed contingent goes back to PLANNED.
   */
  reschedule(contingentId: string, departureDate: string, today = todayIso(), policy: TimelinePolicy = TIMELINE_POLICY_V1): Promise<ContingentEntity> {
    return this.uow.run('contingents.reschedule', async (tx) => {
      const em = tx.em;
      const k = await lockForUpdate(em, ContingentEntity, contingentId);
      if (!k) throw DomainException.notFound('Contingent');
      if (departureDate > k.startDate || departureDate < today) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `The departure must be between today (${today}) and the start date (${k.startDate}).`, [
          { field: 'departureDate', message: `must be between ${today} and ${k.startDate}` },
        ]);
      }
      k.status = contingentStateMachine.next(k.status, 'RESCHEDULE');
      k.departureDate = departureDate;
      await em.save(k);
      // Every step not done is planned again: one statement per kind (REPLAN is allowed from exactly these states).
      const open = STEP_STATUSES.filter((st) => stepStateMachine.can(st, 'REPLAN'));
      for (const planned of planTimeline(departureDate, today, policy).steps) {
        await em.query(
          `UPDATE travel_step s SET due_date = $3, remind_on = $4, status = $5, note = $6, updated_at = now()
           FROM traveller t WHERE t.id = s.traveller_id AND t.contingent_id = $1 AND t.status = 'SEATED' AND s.kind = $2 AND s.status = ANY($7)`,
          [k.id, planned.kind, planned.dueDate, planned.remindOn, planned.status, planned.note, open],
        );
      }
      await this.syncStepJobs(tx, k.id, { replace: true });
      const seated: { applicant_id: string }[] = await em.query(`SELECT applicant_id FROM traveller WHERE contingent_id = $1 AND status = 'SEATED'`, [k.id]);
      tx.publish(seated.map((t) => t.applicant_id), 'contingent.rescheduled');
      return k;
    });
  }
}
