import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, isUuid, todayIso } from '@puente/common';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { NotificationInput, queueDelivery, recordNotification, recordNotifications } from '@puente/notifications';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { lockForShare, lockForUpdate } from '@puente/database';
import { contingentStateMachine, STEP_STATUSES, stepStateMachine } from './contingent.state-machine';
import { ContingentEntity, TravellerEntity, TravelStepEntity } from './contingent.entity';
import { isTravelStep, STEP_KINDS, StepKind, TIMELINE_POLICY_V1, TimelinePolicy } from './timeline.policy';
import { planTimeline } from './timeline.rules';
import { OverdueGroup, overdueCheckTime, ReminderGroup, reminderTime, staleStepJobGroups, StepForJobs, stepJobGroups } from './step-jobs.rules';

const STEP_NAMES: Record<StepKind, string> = {
  DOCUMENTS_CHECKED: 'Document check',
  MEDICAL_EXAM: 'Medical exam',
  VISA_BIOMETRICS: 'Visa appointment and biometrics',
  ORIENTATION: 'Pre-departure orientation',
  CONTRACT_SIGNED: 'Contract signing',
  DEPARTURE: 'Departure',
  ARRIVAL: 'Arrival',
};

/**
 * A contingent's open steps; `stepJobGroups` keeps the pending ones. Not `status = 'PENDING'` in SQL: that predicate
 * lets the planner AND in the partial index travel_step_open_due_idx (PENDING or OVERDUE), which right after a season's
 * bulk insert (statistics not yet analyzed) it takes for small, and reading it per traveller made this query 0.8 s
 * for one contingent of 70 at 490,000 steps (bench:contingents, BENCH_PROFILE=1); with the three open statuses it
 * uses the (traveller_id, kind) key alone.
 */
const OPEN_STEPS_SQL = `SELECT s.id, t.contingent_id AS "contingentId", s.kind, s.status, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn",
         to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate"
  FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
  WHERE t.contingent_id = $1 AND t.status = 'SEATED' AND s.status IN ('PENDING', 'OVERDUE', 'INFEASIBLE')`;

const isStepKind = (kind: string): kind is StepKind => (STEP_KINDS as readonly string[]).includes(kind);

/**
 * The delayed jobs of the steps, grouped (one reminder per contingent, kind and reminder date, one overdue check per
 * contingent, kind and due date: `stepJobGroups`), the jobs themselves, which fan out to the steps still due when
 * they run, and the reschedule that moves the steps and their jobs to a new departure. Jobs are queued on the
 * caller's unit of work, so they are added (or removed) if and only if the change that needs them commits.
 *
 * Why grouped: one job per step was 12 jobs per traveller, about 840,000 delayed jobs (940 MB of Redis) for a season
 * of 70,000 travellers; a contingent's travellers share their dates, so a group job per date is about 12 per
 * contingent. A group job holds no step ids: it re-reads, when it runs, which steps of its contingent and kind still
 * have its date and are still pending, so a step done, waived, cancelled or moved since needs no job removed, and a
 * replacement's steps with the same dates are covered by the job already there (its id is the group's).
 */
@Injectable()
export class StepJobsService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Adds the group jobs of every pending step of a contingent (a group whose job exists adds nothing: its id is
   * deterministic). Returns the number of pending steps covered.
   */
  async syncStepJobs(tx: UnitOfWorkTx, contingentId: string, { now = Date.now() } = {}): Promise<number> {
    const steps: StepForJobs[] = await tx.em.query(OPEN_STEPS_SQL, [contingentId]);
    return this.addStepJobs(tx, steps, now);
  }

  /**
   * Adds the group jobs the pending steps given call for (an id that exists adds nothing): a reminder at 09:00 in El
   * Salvador on the reminder date, an overdue check at 09:00 the day after the due date (office steps only). The
   * reminders are added before the checks. Returns how many pending steps are covered.
   */
  addStepJobs(tx: UnitOfWorkTx, steps: readonly StepForJobs[], now = Date.now()): number {
    const { reminders, overdueChecks } = stepJobGroups(steps);
    const delay = (at: number) => Math.max(0, at - now);
    if (reminders.length) {
      tx.addJobs(
        JobName.RemindSteps,
        reminders.map((g) => ({ payload: { ...g }, options: { jobId: reminderJobId(g), delay: delay(reminderTime(g.remindOn)) } })),
      );
    }
    if (overdueChecks.length) {
      tx.addJobs(
        JobName.CheckStepsOverdue,
        overdueChecks.map((g) => ({ payload: { ...g }, options: { jobId: overdueJobId(g), delay: delay(overdueCheckTime(g.dueDate)) } })),
      );
    }
    return steps.filter((s) => s.status === 'PENDING').length;
  }

  /**
   * The reminder group job: every step of the contingent and kind still pending with this reminder date gets its
   * reminder, recorded once per step and date (the notification's dedupe key), so a job run twice sends nothing
   * twice. Under a share lock on the contingent: a reschedule or a withdrawal (which lock it for update) is either
   * wholly before (the steps read have their new dates) or wholly after. Returns how many steps were due and how
   * many reminders were recorded by this run.
   */
  remindSteps(contingentId: string, kind: string, remindOn: string): Promise<{ due: number; reminded: number }> {
    return this.uow.run('contingents.remind', async (tx) => {
      const em = tx.em;
      if (!isStepKind(kind) || !(await lockForShare(em, ContingentEntity, contingentId))) return { due: 0, reminded: 0 };
      const due: { id: string; dueDate: string; note: string | null; applicantId: string }[] = await em.query(
        `SELECT s.id, to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate", s.note, t.applicant_id AS "applicantId"
         FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
         WHERE t.contingent_id = $1 AND t.status = 'SEATED' AND s.kind = $2 AND s.remind_on = $3 AND s.status = 'PENDING' ORDER BY s.id`,
        [contingentId, kind, remindOn],
      );
      const ids = await recordNotifications(em, due.map((step) => reminderNotice(step.id, kind, remindOn, step.dueDate, step.note, step.applicantId)));
      queueDelivery(tx, ids);
      return { due: due.length, reminded: ids.filter((id) => id !== null).length };
    });
  }

  /**
   * The overdue group job: past the due date it was planned for, every step of the contingent and kind still
   * pending with that due date becomes OVERDUE (one statement; a step already marked, done, waived or moved is
   * left alone, so a job run twice marks and alerts nothing twice), and for each the coordinators are alerted and
   * the worker told, in the same transaction, under the contingent's share lock (see remindSteps).
   */
  checkStepsOverdue(contingentId: string, kind: string, dueDate: string, today = todayIso()): Promise<{ overdue: number }> {
    return this.uow.run('contingents.check-overdue', async (tx) => {
      const em = tx.em;
      if (!isStepKind(kind) || isTravelStep(kind) || dueDate >= today) return { overdue: 0 };
      const k = await lockForShare(em, ContingentEntity, contingentId);
      if (!k) return { overdue: 0 };
      const [marked]: [{ id: string; blocking: boolean; travellerId: string; applicantId: string }[], number] = await em.query(
        `UPDATE travel_step s SET status = $4, updated_at = now() FROM traveller t
         WHERE t.id = s.traveller_id AND t.contingent_id = $1 AND t.status = 'SEATED' AND s.kind = $2 AND s.due_date = $3 AND s.status = 'PENDING'
         RETURNING s.id, s.blocking, t.id AS "travellerId", t.applicant_id AS "applicantId"`,
        [contingentId, kind, dueDate, stepStateMachine.next('PENDING', 'MARK_OVERDUE')],
      );
      if (!marked.length) return { overdue: 0 };
      const notices = marked.flatMap((step) => overdueNotices({ ...step, kind, dueDate }, k));
      queueDelivery(tx, await recordNotifications(em, notices));
      tx.publish(marked.map((step) => step.applicantId), 'step.overdue');
      return { overdue: marked.length };
    });
  }

  /**
   * The overdue check of one step, as queued before the grouped jobs (kept only for the per-step jobs still delayed
   * in Redis when the grouped ones came; nothing queues it any more): a step still pending past its due date (the
   * date the job was planned for) becomes OVERDUE, with the same alerts as the group job's, once: a group job for
   * the same step finds it no longer pending, and the dedupe keys are the same.
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
      const notices = overdueNotices({ id: step.id, kind: step.kind, dueDate, blocking: step.blocking, travellerId: traveller.id, applicantId: traveller.applicantId }, contingent);
      queueDelivery(tx, await recordNotifications(em, notices));
      tx.publish([traveller.applicantId], 'step.overdue');
      return 'OVERDUE';
    });
  }

  /**
   * The reminder of one step, as queued before the grouped jobs (kept only for the per-step jobs still delayed in
   * Redis; nothing queues it any more): only for a step still pending on the date it was planned for, recorded once
   * per step and date, the same dedupe key as the group job's, so the two together still send one.
   */
  remind(stepId: string, remindOn: string): Promise<'REMINDED' | 'STALE'> {
    return this.uow.run('contingents.remind', async (tx) => {
      const em = tx.em;
      const step = isUuid(stepId) ? await em.findOneBy(TravelStepEntity, { id: stepId }) : null;
      if (!step || step.status !== 'PENDING' || step.remindOn !== remindOn) return 'STALE';
      const traveller = await em.findOneByOrFail(TravellerEntity, { id: step.travellerId });
      const id = await recordNotification(em, reminderNotice(step.id, step.kind, remindOn, step.dueDate, step.note, traveller.applicantId));
      queueDelivery(tx, [id]);
      return 'REMINDED';
    });
  }

  /**
   * Moves a contingent to a new departure date: every step not done is planned again from it, and, in the same unit
   * of work, the group jobs of the old dates that the new ones no longer use are removed and those of the new dates
   * added (a group job of an old date that fires before its removal is carried out finds no step with its date and
   * does nothing). A confirmed contingent goes back to PLANNED.
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
      const before = stepJobGroups(await em.query(OPEN_STEPS_SQL, [k.id]));
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
      const steps: StepForJobs[] = await em.query(OPEN_STEPS_SQL, [k.id]);
      // The old dates' jobs go first, then the new ones come (a date that did not move keeps its job).
      const stale = staleStepJobGroups(before, stepJobGroups(steps));
      if (stale.reminders.length) tx.removeJobs(JOB_QUEUE[JobName.RemindSteps], stale.reminders.map(reminderJobId));
      if (stale.overdueChecks.length) tx.removeJobs(JOB_QUEUE[JobName.CheckStepsOverdue], stale.overdueChecks.map(overdueJobId));
      this.addStepJobs(tx, steps);
      const seated: { applicant_id: string }[] = await em.query(`SELECT applicant_id FROM traveller WHERE contingent_id = $1 AND status = 'SEATED'`, [k.id]);
      tx.publish(seated.map((t) => t.applicant_id), 'contingent.rescheduled');
      return k;
    });
  }
}

/** A reminder group's job id: its contingent, kind and date, so the same group is one job however often it is added. */
export function reminderJobId(g: ReminderGroup): string {
  return jobId(JobName.RemindSteps, g.contingentId, g.kind, g.remindOn);
}

/** An overdue check group's job id: its contingent, kind and due date. */
export function overdueJobId(g: OverdueGroup): string {
  return jobId(JobName.CheckStepsOverdue, g.contingentId, g.kind, g.dueDate);
}

/** A step's reminder for the worker, once per step and reminder date (its dedupe key). */
function reminderNotice(stepId: string, kind: StepKind, remindOn: string, dueDate: string, note: string | null, applicantId: string): NotificationInput {
  return {
    dedupeKey: `step-due:${stepId}:${remindOn}`,
    audience: 'APPLICANT',
    applicantId,
    kind: 'STEP_DUE',
    subject: `${STEP_NAMES[kind]}: due ${dueDate}`,
    body: `Your ${STEP_NAMES[kind].toLowerCase()} is due on ${dueDate}.${note ? ` ${note}.` : ''}`,
  };
}

/** A step's overdue alert for the coordinators and notice for the worker, once per step and due date. */
function overdueNotices(
  step: { id: string; kind: StepKind; dueDate: string; blocking: boolean; travellerId: string; applicantId: string },
  contingent: Pick<ContingentEntity, 'reference' | 'departureDate'>,
): NotificationInput[] {
  const what = `${STEP_NAMES[step.kind]} was due ${step.dueDate}`;
  return [
    {
      dedupeKey: `step-overdue:${step.id}:${step.dueDate}:coordinators`,
      audience: 'COORDINATORS',
      kind: 'STEP_OVERDUE',
      subject: `Overdue in ${contingent.reference}: ${STEP_NAMES[step.kind].toLowerCase()}`,
      body: `${what} for traveller ${step.travellerId} of ${contingent.reference} (departure ${contingent.departureDate})${step.blocking ? '; it blocks travel' : ''}.`,
    },
    {
      dedupeKey: `step-overdue:${step.id}:${step.dueDate}:applicant`,
      audience: 'APPLICANT',
      applicantId: step.applicantId,
      kind: 'STEP_OVERDUE',
      subject: `${STEP_NAMES[step.kind]}: overdue`,
      body: `${what}. Please contact your coordinator.`,
    },
  ];
}
