import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, cleanText, DomainException, ErrorCode, inJurisdiction, isUuid, jurisdictionOf, Page, Role, todayIso } from '@puente/common';
import { lockForUpdate, nextReference, pageQuery, recordAudit } from '@puente/database';
import { NotificationInput, queueDelivery, recordNotifications } from '@puente/notifications';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { JOB_QUEUE, jobId, JobName, statisticsRefresh } from '@puente/queue-contracts';
import { CaseEventEntity, CaseEventKind, ProtectionCaseEntity } from './case.entity';
import {
  assertMayMove,
  assertAssignable,
  AssigneeFacts,
  assertWithinReportingWindow,
  CaseCategory,
  CaseFinding,
  caseReportProblems,
  CaseReporterRole,
  CaseSeverity,
  dueAfterRaise,
  ForcedLabourIndicator,
  isOverdue,
  MAX_AUTHORITY_LENGTH,
  MAX_NOTE_LENGTH,
  nextStepDue,
  raiseSeverity,
  TRIAGE_RULES,
  triageCase,
  TriageReason,
} from './case.rules';
import { CaseEvent, caseStateMachine, CaseStatus } from './case.state-machine';
import { CASE_DECIDED, CaseDecidedEvent } from './case-events';
import { CaseView, caseViewFor, CaseViewer } from './case-visibility.policy';

export interface ReportCaseCommand {
  placementId: string;
  categories: string[];
  indicators?: string[] | null;
  description: string;
  discloseReporter?: boolean | null;
}

export interface UpdateCaseCommand {
  event?: CaseEvent | null;
  /** The authority a REFER names. */
  referredTo?: string | null;
  /** Required with SUBSTANTIATE, refused otherwise. */
  finding?: CaseFinding | null;
  note?: string | null;
  /** A note is internal (staff only) unless said otherwise. */
  internal?: boolean | null;
  assignTo?: string | null;
  severity?: CaseSeverity | null;
  severityReason?: string | null;
}

export interface CaseFilter {
  status?: CaseStatus | null;
  severity?: CaseSeverity | null;
  employerId?: string | null;
  applicantId?: string | null;
  overdue?: boolean | null;
}

interface PlacementFacts {
  id: string;
  applicant_id: string;
  employer_id: string;
  job_order_id: string;
  status: string;
  end_date: string;
  ended_on: string | null;
  returned_on: string | null;
  region_code: string;
}

/** The overdue check's job id: the case and the deadline it watches, so a moved case's new check is a new job. */
export function caseOverdueJobId(caseId: string, dueAt: Date): string {
  return jobId(JobName.CheckCaseOverdue, caseId, dueAt.getTime());
}

/**
 * Protection cases: the report (by the worker about their own placement, or by staff on their behalf), the reads
 * each role is allowed (`findForActor`, `listForActor`: NOT_FOUND outside one's scope, and only what
 * `caseViewFor` lets the viewer see), staff's updates (transitions, notes, assignment, referral, severity), and
 * the overdue check. Every change is a case event, written in one unit of work with the overdue job it moves.
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly events: EventEmitter2,
  ) {}

  async report(actor: Actor, input: ReportCaseCommand, now = new Date()): Promise<CaseView> {
    const reporterRole = this.reporterRole(actor);
    DomainException.assertValid(caseReportProblems(input));
    const categories = input.categories as CaseCategory[];
    const indicators = (input.indicators ?? []) as ForcedLabourIndicator[];
    const saved = await this.uow.run('cases.report', async (tx) => {
      const em = tx.em;
      tx.addJob(...statisticsRefresh('cases.report'));
      const p = await this.placement(em, input.placementId);
      if (!p || !this.mayReportAbout(actor, p)) throw DomainException.notFound('Placement');
      if (reporterRole === 'APPLICANT') assertWithinReportingWindow({ status: p.status, endDate: p.end_date, endedOn: p.ended_on, returnedOn: p.returned_on }, todayIso(now));
      const triage = triageCase({ categories, indicators });
      const reference = await nextReference(em, 'protection_case_number_seq', 'CASE', now);
      const c = await em.save(
        em.create(ProtectionCaseEntity, {
          reference,
          placementId: p.id,
          applicantId: p.applicant_id,
          employerId: p.employer_id,
          jobOrderId: p.job_order_id,
          regionCode: p.region_code,
          categories,
          indicators,
          description: input.description.trim(),
          reportedBy: actor.userId,
          reporterRole,
          discloseReporter: input.discloseReporter ?? false,
          triageSeverity: triage.severity,
          triageVersion: triage.version,
          severity: triage.severity,
          severityReason: null,
          status: 'REPORTED',
          nextStepDueAt: nextStepDue('REPORTED', triage.severity, now),
          overdueSince: null,
        }),
      );
      await this.recordEvent(em, actor, c.id, 'REPORTED', { data: { severity: triage.severity, triageVersion: triage.version, reasons: triage.reasons.map((r) => r.code) } });
      this.scheduleOverdueCheck(tx, c, null, now);
      await this.notify(tx, [
        {
          dedupeKey: `case-reported:${c.id}:coordinators`,
          audience: 'COORDINATORS',
          kind: 'CASE_REPORTED',
          subject: `New ${c.severity} protection case ${c.reference}`,
          body: `${c.reference} was reported (${c.categories.join(', ')}). Its next step is due ${c.nextStepDueAt!.toISOString()}.`,
        },
      ]);
      return c;
    });
    return this.findForActor(actor, saved.id);
  }

  /** One case as the actor may see it; NOT_FOUND outside the actor's scope. */
  async findForActor(actor: Actor, id: string): Promise<CaseView> {
    const c = isUuid(id) ? await this.dataSource.manager.findOneBy(ProtectionCaseEntity, { id }) : null;
    if (!c || !this.mayRead(actor, c)) throw DomainException.notFound('Case');
    const viewer = this.viewerOf(actor);
    const events = viewer === 'EMPLOYER' ? [] : await this.dataSource.manager.find(CaseEventEntity, { where: { caseId: c.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return caseViewFor(viewer, c, events, this.triageReasons(c));
  }

  /**
   * Newest first, keyset-paged. Coordinators list all cases; a consul those of their jurisdiction; the worker
   * their own; an employer those against it, filtered by status only (a filter on what it may not see, such as
   * severity or the worker, would tell it that hidden value, so it is not applied).
   */
  async listForActor(actor: Actor, filter: CaseFilter, page: Page): Promise<(CaseView & { createdAt: Date })[]> {
    const qb = this.dataSource.manager.createQueryBuilder(ProtectionCaseEntity, 'c');
    const viewer = this.viewerOf(actor);
    if (actor.role === Role.EMPLOYER) qb.andWhere('c.employer_id = :own', { own: actor.employerId });
    else if (actor.role === Role.APPLICANT) qb.andWhere('c.applicant_id = :own', { own: actor.applicantId });
    else if (actor.role === Role.CONSUL) qb.andWhere('c.region_code = ANY(:regions)', { regions: jurisdictionOf(actor)?.regionCodes ?? [] });
    else if (actor.role !== Role.COORDINATOR) throw DomainException.forbidden();
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (viewer !== 'EMPLOYER') {
      if (filter.severity) qb.andWhere('c.severity = :severity', { severity: filter.severity });
      if (filter.overdue === true) qb.andWhere('c.overdue_since IS NOT NULL');
      if (filter.overdue === false) qb.andWhere('c.overdue_since IS NULL');
      if (filter.applicantId) {
        if (!isUuid(filter.applicantId)) return [];
        qb.andWhere('c.applicant_id = :applicantId', { applicantId: filter.applicantId });
      }
      if (filter.employerId) {
        if (!isUuid(filter.employerId)) return [];
        qb.andWhere('c.employer_id = :employerId', { employerId: filter.employerId });
      }
    }
    const rows = await pageQuery(qb, page).getMany();
    return rows.map((c) => caseViewFor(viewer, c, [], this.triageReasons(c)));
  }

  /**
   * Staff's changes to one case, in one unit of work, each recorded as an event: an assignment, a severity raise
   * (with its reason; the deadline comes forward), a note (internal unless said otherwise), and a transition (a
   * REFER names the authority, a SUBSTANTIATE its finding). A transition starts the next step's deadline: the
   * old overdue check is removed and the new one added, and the overdue mark is cleared. A decision emits
   * CASE_DECIDED in the same unit of work.
   */
  async update(actor: Actor, id: string, input: UpdateCaseCommand, now = new Date()): Promise<CaseView> {
    if (actor.role !== Role.COORDINATOR && actor.role !== Role.CONSUL) throw DomainException.forbidden();
    const note = input.note == null ? null : cleanText(input.note);
    if (note !== null && (note.length === 0 || note.length > MAX_NOTE_LENGTH)) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, `A note is 1 to ${MAX_NOTE_LENGTH} characters.`, [{ field: 'note', message: `must be 1 to ${MAX_NOTE_LENGTH} characters` }]);
    }
    if (!input.event && !note && !input.assignTo && !input.severity) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Say what changes: a transition, a note, an assignment or a severity.', [
        { field: 'event', message: 'nothing to change' },
      ]);
    }
    if (input.finding && input.event !== 'SUBSTANTIATE') {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'A finding is given only when substantiating a case.', [{ field: 'finding', message: 'only with SUBSTANTIATE' }]);
    }
    if (input.event) assertMayMove(actor.role, input.event);
    if (input.referredTo && input.event !== 'REFER') {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'An authority is named only when referring a case.', [{ field: 'referredTo', message: 'only with REFER' }]);
    }
    await this.uow.run(`cases.${(input.event ?? 'update').toLowerCase()}`, async (tx) => {
      const em = tx.em;
      if (input.event) tx.addJob(...statisticsRefresh(`cases.${input.event.toLowerCase()}`));
      const c = await lockForUpdate(em, ProtectionCaseEntity, id);
      if (!c || !this.mayRead(actor, c)) throw DomainException.notFound('Case');
      const previousDue = c.nextStepDueAt;
      const changed: string[] = [];

      if (input.assignTo) {
        assertAssignable(await this.assignee(em, input.assignTo), c.regionCode);
        c.assignedTo = input.assignTo;
        changed.push('assignedTo');
        await this.recordEvent(em, actor, c.id, 'ASSIGNED', { internal: true, data: { assignedTo: input.assignTo } });
      }

      if (input.severity) {
        if (!c.nextStepDueAt) {
          throw new DomainException(ErrorCode.INVALID_TRANSITION, `The severity of a case is fixed once it is decided; this one is ${c.status}. Add a note instead.`);
        }
        const from = c.severity;
        c.severity = raiseSeverity(c.severity, input.severity, input.severityReason);
        c.severityReason = cleanText(input.severityReason);
        c.nextStepDueAt = dueAfterRaise(c.nextStepDueAt, c.severity, now);
        changed.push('severity');
        await this.recordEvent(em, actor, c.id, 'SEVERITY_RAISED', { note: c.severityReason, internal: true, data: { from, to: c.severity } });
      }

      if (note) {
        await this.recordEvent(em, actor, c.id, 'NOTE', { note, internal: input.internal ?? true });
      }

      let decided: CaseDecidedEvent['outcome'] | null = null;
      if (input.event) {
        const from = c.status;
        const to = caseStateMachine.next(c.status, input.event);
        const data: Record<string, unknown> = {};
        if (input.event === 'REFER') {
          const authority = cleanText(input.referredTo);
          if (authority.length < 2 || authority.length > MAX_AUTHORITY_LENGTH) {
            throw new DomainException(ErrorCode.BAD_USER_INPUT, "Name the authority the case is referred to (for example the province's labour standards office).", [
              { field: 'referredTo', message: `must be 2 to ${MAX_AUTHORITY_LENGTH} characters` },
            ]);
          }
          c.referredTo = authority;
          data.referredTo = authority;
        }
        if (input.event === 'SUBSTANTIATE') {
          if (!input.finding) {
            throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Say what the case found: EMPLOYER (the employer at fault) or WORKER_MISCONDUCT.', [
              { field: 'finding', message: 'required to substantiate' },
            ]);
          }
          c.finding = input.finding;
          data.finding = input.finding;
        }
        if (to === 'SUBSTANTIATED' || to === 'UNSUBSTANTIATED') {
          c.decidedAt = now;
          decided = to;
        }
        if (to === 'CLOSED') c.closedAt = now;
        c.status = to;
        c.nextStepDueAt = nextStepDue(to, c.severity, now);
        c.overdueSince = null;
        changed.push('status');
        await this.recordEvent(em, actor, c.id, 'TRANSITION', { from, to, data });
      }

      const saved = await em.save(c);
      if (previousDue?.getTime() !== saved.nextStepDueAt?.getTime()) this.scheduleOverdueCheck(tx, saved, previousDue, now);
      await recordAudit(em, actor, { action: 'update-case', entity: 'protection_case', entityId: saved.id, fields: changed });
      if (decided) {
        await this.events.emitAsync(CASE_DECIDED, {
          tx,
          caseId: saved.id,
          applicantId: saved.applicantId,
          employerId: saved.employerId,
          outcome: decided,
          finding: saved.finding,
          severity: saved.severity,
        } satisfies CaseDecidedEvent);
      }
      if (input.event) {
        // The worker follows their case: told of each move (the status only; notes reach them on the case itself).
        await this.notify(tx, [
          {
            dedupeKey: `case-moved:${saved.id}:${saved.status}`,
            audience: 'APPLICANT',
            applicantId: saved.applicantId,
            kind: 'CASE_UPDATED',
            subject: `Your case ${saved.reference}: ${saved.status.toLowerCase()}`,
            body: `Your case ${saved.reference} is now ${saved.status}. You can read it in Puente, or call the consulate or your coordinator.`,
          },
        ]);
        tx.publish([saved.applicantId], 'case.updated');
      }
    });
    return this.findForActor(actor, id);
  }

  /**
   * The overdue check planned for `dueAt`: a case still waiting for that very deadline once it has passed is
   * marked overdue (overdue_since), an OVERDUE event is recorded and staff are alerted (the coordinators, and the
   * assignee), once. A case that moved since, or was already marked, is STALE: nothing happens.
   */
  checkOverdue(caseId: string, dueAt: string, now = new Date()): Promise<'OVERDUE' | 'STALE'> {
    return this.uow.run('cases.check-overdue', async (tx) => {
      const em = tx.em;
      const planned = new Date(dueAt);
      const c = await lockForUpdate(em, ProtectionCaseEntity, caseId);
      if (!c || Number.isNaN(planned.getTime()) || !isOverdue(c, planned, now)) return 'STALE';
      c.overdueSince = now;
      await em.save(c);
      await this.recordEvent(em, null, c.id, 'OVERDUE', { internal: true, data: { dueAt: planned.toISOString(), status: c.status } });
      const what = `${c.reference} (${c.severity}, ${c.status}) was due for its next step at ${planned.toISOString()}.`;
      const alerts: NotificationInput[] = [
        { dedupeKey: `case-overdue:${c.id}:${planned.getTime()}:coordinators`, audience: 'COORDINATORS', kind: 'CASE_OVERDUE', subject: `Overdue: protection case ${c.reference}`, body: what },
      ];
      if (c.assignedTo) {
        alerts.push({ dedupeKey: `case-overdue:${c.id}:${planned.getTime()}:assignee`, audience: 'USER', userId: c.assignedTo, kind: 'CASE_OVERDUE', subject: `Overdue: protection case ${c.reference}`, body: what });
      }
      await this.notify(tx, alerts);
      return 'OVERDUE';
    });
  }

  /** Removes the check of the previous deadline (if any) and adds the one of the current deadline (if any). */
  private scheduleOverdueCheck(tx: UnitOfWorkTx, c: ProtectionCaseEntity, previousDue: Date | null, now: Date): void {
    if (previousDue) tx.removeJobs(JOB_QUEUE[JobName.CheckCaseOverdue], [caseOverdueJobId(c.id, previousDue)]);
    if (c.nextStepDueAt) {
      tx.addJob(
        JobName.CheckCaseOverdue,
        { caseId: c.id, dueAt: c.nextStepDueAt.toISOString() },
        { jobId: caseOverdueJobId(c.id, c.nextStepDueAt), delay: Math.max(0, c.nextStepDueAt.getTime() - now.getTime()) },
      );
    }
  }

  private async notify(tx: UnitOfWorkTx, list: NotificationInput[]): Promise<void> {
    queueDelivery(tx, await recordNotifications(tx.em, list));
  }

  private async recordEvent(
    em: EntityManager,
    actor: Actor | null,
    caseId: string,
    kind: CaseEventKind,
    e: { from?: CaseStatus; to?: CaseStatus; note?: string | null; internal?: boolean; data?: Record<string, unknown> } = {},
  ): Promise<void> {
    // clock_timestamp(), not now(): the events of one unit of work keep the order they happened in.
    await em.query(
      `INSERT INTO case_event (case_id, kind, from_status, to_status, actor_id, actor_role, note, internal, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp())`,
      [caseId, kind, e.from ?? null, e.to ?? null, actor?.userId ?? null, actor?.role ?? 'SYSTEM', e.note ?? null, e.internal ?? false, JSON.stringify(e.data ?? {})],
    );
  }

  /** Who a case would be assigned to: their role, whether active, a consul's regions (null for no such user). */
  private async assignee(em: EntityManager, userId: string): Promise<AssigneeFacts | null> {
    if (!isUuid(userId)) return null;
    const rows: { role: string; active: boolean; regions: string[] | null }[] = await em.query(
      `SELECT role, active, jurisdiction_regions AS regions FROM app_user WHERE id = $1`,
      [userId],
    );
    return rows[0] ? { role: rows[0].role, active: rows[0].active, regionCodes: rows[0].regions } : null;
  }

  private async placement(em: EntityManager, id: string): Promise<PlacementFacts | null> {
    if (!isUuid(id)) return null;
    const rows: PlacementFacts[] = await em.query(
      `SELECT p.id, p.applicant_id, p.employer_id, p.job_order_id, p.status, to_char(p.end_date, 'YYYY-MM-DD') AS end_date,
              to_char(p.ended_on, 'YYYY-MM-DD') AS ended_on, to_char(p.returned_on, 'YYYY-MM-DD') AS returned_on, o.work_region_code AS region_code
       FROM placement p JOIN job_order o ON o.id = p.job_order_id WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  private reporterRole(actor: Actor): CaseReporterRole {
    if (actor.role === Role.APPLICANT && actor.applicantId) return 'APPLICANT';
    if (actor.role === Role.COORDINATOR) return 'COORDINATOR';
    if (actor.role === Role.CONSUL) return 'CONSUL';
    throw DomainException.forbidden('Cases are reported by the worker, or by a coordinator or consul on their behalf.');
  }

  private mayReportAbout(actor: Actor, p: PlacementFacts): boolean {
    if (actor.role === Role.APPLICANT) return p.applicant_id === actor.applicantId;
    if (actor.role === Role.CONSUL) return inJurisdiction(actor, p.region_code);
    return actor.role === Role.COORDINATOR;
  }

  private mayRead(actor: Actor, c: ProtectionCaseEntity): boolean {
    switch (actor.role) {
      case Role.COORDINATOR:
        return true;
      case Role.CONSUL:
        return inJurisdiction(actor, c.regionCode);
      case Role.APPLICANT:
        return !!actor.applicantId && c.applicantId === actor.applicantId;
      case Role.EMPLOYER:
        return !!actor.employerId && c.employerId === actor.employerId;
      default:
        return false;
    }
  }

  private viewerOf(actor: Actor): CaseViewer {
    if (actor.role === Role.EMPLOYER) return 'EMPLOYER';
    if (actor.role === Role.APPLICANT) return 'WORKER';
    return 'STAFF';
  }

  private triageReasons(c: ProtectionCaseEntity): TriageReason[] {
    const rule = TRIAGE_RULES[c.triageVersion];
    return rule ? rule({ categories: c.categories, indicators: c.indicators }).reasons : [];
  }
}
