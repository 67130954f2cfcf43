import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { Actor, addDays, ErrorCode, Role, todayIso } from '@puente/common';
import { AuthService } from '@puente/auth';
import { JOB_QUEUE, JobName } from '@puente/queue-contracts';
import { bootTestModule, queueOf, TestFactories } from '@puente/testing';
import { CasesModule } from './cases.module';
import { caseOverdueJobId, CasesService } from './cases.service';
import { CASE_DECIDED, CaseDecidedEvent } from './case-events';
import { applicantsWhoReported, caseReportedAgainst, employerCaseFacts, substantiatedMisconductCounts } from './case-facts';

const H = 3_600_000;

/** Cases against the real database and queues: reports, who sees what, moves, the overdue check and the facts others read. */
describe('CasesService', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let cases: CasesService;
  let coordinator: Actor;
  let consulQC: Actor;
  let employerA: { id: string; actor: Actor };
  let strangerEmployer: Actor;
  const decided: Omit<CaseDecidedEvent, 'tx'>[] = [];
  const today = todayIso();
  const overdueQueue = () => queueOf(app, JOB_QUEUE[JobName.CheckCaseOverdue]);

  /** An order of the employer in a region, and its contingent, written by hand: the services date none of it in the past. */
  const orderIn = async (employerId: string, region: string) => {
    const start = addDays(today, -30);
    const [order] = await ds.query(
      `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
         work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
         employer_pays_recruitment, employer_pays_travel, status)
       VALUES ($1, $2, 'Orchard', '9211', 'NOC_2021', '85101', 50, $3, 'Town', $4, 26, $4::date + 181, 16.10, 'CAD', 40, true, true, true, 'IN_PROGRESS')
       RETURNING id`,
      [`JO-C-${randomUUID().slice(0, 12)}`, employerId, region, start],
    );
    const [k] = await ds.query(
      `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version)
       VALUES ($1, $2, $3, $4, $3::date - 2, 50, 'ARRIVED', 'test') RETURNING id`,
      [`CT-C-${randomUUID().slice(0, 12)}`, region, start, randomInt(1, 1_000_000)],
    );
    return { orderId: order.id as string, contingentId: k.id as string, start };
  };

  /** A worker with a login and a placement at the employer (by hand, as above): active, or ended on a day with a return. */
  const workerPlacedAt = async (employerId: string, region: string, ended?: { endDate: string; returnedOn: string }) => {
    const applicant = await make.applicant();
    const { orderId, contingentId, start } = await orderIn(employerId, region);
    const [t] = await ds.query(`INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status) VALUES ($1, $2, $3, $4) RETURNING id`, [
      contingentId,
      applicant.id,
      orderId,
      ended ? 'RETURNED' : 'ARRIVED',
    ]);
    const [p] = await ds.query(
      `INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $6::date - 2, $6::date - 1, $8, CASE WHEN $5 = 'ACTIVE' THEN NULL ELSE $7::date END) RETURNING id`,
      [t.id, applicant.id, orderId, employerId, ended ? 'COMPLETED' : 'ACTIVE', ended ? addDays(ended.endDate, -180) : start, ended?.endDate ?? addDays(start, 181), ended?.returnedOn ?? null],
    );
    const [user] = await ds.query(`SELECT id FROM app_user WHERE applicant_id = $1`, [applicant.id]);
    const actor: Actor = { userId: user.id, role: Role.APPLICANT, employerId: null, applicantId: applicant.id };
    return { applicantId: applicant.id, placementId: p.id as string, actor };
  };

  const report = (placementId: string, more: Partial<Parameters<CasesService['report']>[1]> = {}) => ({
    placementId,
    categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'],
    indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS', 'RESTRICTION_OF_MOVEMENT'],
    description: 'The supervisor keeps our passports and locks the gate at night.',
    ...more,
  });

  beforeAll(async () => {
    app = await bootTestModule(CasesModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    cases = app.get(CasesService);
    coordinator = await make.coordinator();
    const e = await make.employer({ regionCode: 'CA-QC', city: 'Saint-Rémi' });
    employerA = { id: e.employer.id, actor: e.actor };
    strangerEmployer = (await make.employer({ regionCode: 'CA-QC', city: 'Mirabel' })).actor;
    const { user } = await app.get(AuthService).createStaffUser({ email: `consul-${randomUUID()}@puente.test`, role: Role.CONSUL, jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC'] } });
    consulQC = { userId: user.id, role: Role.CONSUL, employerId: null, applicantId: null, jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC'] } };
    app.get(EventEmitter2).on(CASE_DECIDED, ({ tx: _tx, ...rest }: CaseDecidedEvent) => void decided.push(rest));
  });

  afterAll(() => app.close());

  it('takes a worker\'s report about their own placement: CRITICAL for documents withheld with restricted movement, an event, an alert, and an overdue check due in 24 hours', async () => {
    const w = await workerPlacedAt(employerA.id, 'CA-QC');
    const before = Date.now();
    const c = await cases.report(w.actor, report(w.placementId));
    expect(c).toMatchObject({ status: 'REPORTED', severity: 'CRITICAL', triageSeverity: 'CRITICAL', triageVersion: 'case-triage-v1', reporterRole: 'APPLICANT', regionCode: 'CA-QC' });
    expect(c.reference).toMatch(/^CASE-\d{4}-\d{6}$/);
    expect(c.triageReasons[0]).toMatchObject({ code: 'DOCUMENTS_AND_MOVEMENT', severity: 'CRITICAL' });
    expect(c.events.map((e) => e.kind)).toEqual(['REPORTED']);
    const due = c.nextStepDueAt!.getTime();
    expect(due - before).toBeGreaterThanOrEqual(24 * H - 1000);
    expect(due - Date.now()).toBeLessThanOrEqual(24 * H);
    // The overdue check waits in Redis under its deterministic id, delayed to the deadline.
    const job = await overdueQueue().getJob(caseOverdueJobId(c.id, c.nextStepDueAt!));
    expect(job).toBeDefined();
    expect(job!.name).toBe(JobName.CheckCaseOverdue);
    expect(job!.data).toMatchObject({ caseId: c.id, dueAt: c.nextStepDueAt!.toISOString() });
    expect(await job!.getState()).toBe('delayed');
    expect(Math.abs(job!.timestamp + job!.opts.delay! - due)).toBeLessThan(5_000);
    const alerts = await ds.query(`SELECT audience, kind FROM notification WHERE dedupe_key = $1`, [`case-reported:${c.id}:coordinators`]);
    expect(alerts).toEqual([{ audience: 'COORDINATORS', kind: 'CASE_REPORTED' }]);
  });

  it('refuses a report about someone else\'s placement (NOT_FOUND), from an employer (FORBIDDEN), a bad report, and a worker\'s report more than a year after coming home, which staff can still file', async () => {
    const w = await workerPlacedAt(employerA.id, 'CA-QC');
    const other = await workerPlacedAt(employerA.id, 'CA-QC');
    await expect(cases.report(other.actor, report(w.placementId))).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(cases.report(employerA.actor, report(w.placementId))).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(cases.report(w.actor, report(w.placementId, { categories: [] }))).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(cases.report(w.actor, report(randomUUID()))).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });

    // Home 370 days ago: the window closed four or five days ago (a year is 365 or 366 days).
    const lastYear = await workerPlacedAt(employerA.id, 'CA-QC', { endDate: addDays(today, -400), returnedOn: addDays(today, -370) });
    await expect(cases.report(lastYear.actor, report(lastYear.placementId))).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, message: expect.stringMatching(/until/) });
    const justInTime = await workerPlacedAt(employerA.id, 'CA-QC', { endDate: addDays(today, -400), returnedOn: addDays(today, -360) });
    await expect(cases.report(justInTime.actor, report(justInTime.placementId, { categories: ['UNPAID_WAGES'], indicators: [] }))).resolves.toMatchObject({ severity: 'MEDIUM' });
    await expect(cases.report(coordinator, report(lastYear.placementId))).resolves.toMatchObject({ reporterRole: 'COORDINATOR', applicantId: lastYear.applicantId });
  });

  it('lets a consul report and read only within their jurisdiction; outside it is NOT_FOUND and left out of lists', async () => {
    const qc = await workerPlacedAt(employerA.id, 'CA-QC');
    const on = await workerPlacedAt(employerA.id, 'CA-ON');
    const inside = await cases.report(consulQC, report(qc.placementId, { categories: ['UNPAID_WAGES'], indicators: [] }));
    expect(inside.reporterRole).toBe('CONSUL');
    await expect(cases.report(consulQC, report(on.placementId))).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    const outside = await cases.report(on.actor, report(on.placementId));
    await expect(cases.findForActor(consulQC, outside.id)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(cases.update(consulQC, outside.id, { note: 'Looking into it.' })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    expect((await cases.findForActor(consulQC, inside.id)).description).toMatch(/passports/);
    const listed = (await cases.listForActor(consulQC, {}, { limit: 100, after: null })).map((c) => c.regionCode);
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed)).toEqual(new Set(['CA-QC']));
    const all = await cases.listForActor(coordinator, { applicantId: on.applicantId }, { limit: 10, after: null });
    expect(all.map((c) => c.id)).toEqual([outside.id]);
  });

  it('shows the worker their case without internal notes, the employer only category, status and outcome (the reporter only with consent), and nobody else anything', async () => {
    const w = await workerPlacedAt(employerA.id, 'CA-QC');
    const hidden = await cases.report(w.actor, report(w.placementId));
    await cases.update(coordinator, hidden.id, { note: 'Spoke to the inspector; employer has a prior.', internal: true });
    await cases.update(coordinator, hidden.id, { note: 'We have your report and are calling you today.', internal: false });

    const own = await cases.findForActor(w.actor, hidden.id);
    expect(own.events.map((e) => e.note)).toEqual([null, 'We have your report and are calling you today.']);
    expect(own.events.every((e) => e.actorId === null)).toBe(true);
    expect(JSON.stringify(own)).not.toContain('inspector');
    const staff = await cases.findForActor(coordinator, hidden.id);
    expect(staff.events.map((e) => e.note)).toContain('Spoke to the inspector; employer has a prior.');

    const byEmployer = await cases.findForActor(employerA.actor, hidden.id);
    expect(byEmployer).toMatchObject({ id: hidden.id, categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'], status: 'REPORTED', finding: null });
    expect(byEmployer).toMatchObject({ applicantId: null, placementId: null, reporterRole: null, reportedBy: null, description: null, severity: null, indicators: [], events: [] });
    expect(JSON.stringify(byEmployer)).not.toContain(w.applicantId);
    expect(JSON.stringify(byEmployer)).not.toContain(w.actor.userId);

    const consented = await cases.report(w.actor, report(w.placementId, { categories: ['HOUSING'], indicators: [], discloseReporter: true }));
    expect(await cases.findForActor(employerA.actor, consented.id)).toMatchObject({ applicantId: w.applicantId, placementId: w.placementId, reporterRole: 'APPLICANT', description: null });

    const listed = await cases.listForActor(employerA.actor, { applicantId: w.applicantId, severity: 'LOW' }, { limit: 100, after: null });
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining([hidden.id, consented.id])); // filters on hidden fields are not applied
    expect(listed.every((c) => c.severity === null && c.description === null)).toBe(true);

    const stranger = await workerPlacedAt(employerA.id, 'CA-QC');
    await expect(cases.findForActor(strangerEmployer, hidden.id)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(cases.findForActor(stranger.actor, hidden.id)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    expect(await cases.listForActor(stranger.actor, {}, { limit: 10, after: null })).toEqual([]);
    expect((await cases.listForActor(strangerEmployer, {}, { limit: 10, after: null })).map((c) => c.id)).not.toContain(hidden.id);
  });

  it('moves a case through its states, moving its overdue check with it, and refuses what the machine or the rules refuse', async () => {
    const w = await workerPlacedAt(employerA.id, 'CA-QC');
    const c = await cases.report(w.actor, report(w.placementId, { categories: ['UNPAID_WAGES'], indicators: [] }));
    expect(c.severity).toBe('MEDIUM');
    await expect(cases.update(coordinator, c.id, { event: 'INVESTIGATE' })).rejects.toMatchObject({ code: ErrorCode.INVALID_TRANSITION });
    await expect(cases.update(coordinator, c.id, { event: 'CLOSE' })).rejects.toMatchObject({ code: ErrorCode.INVALID_TRANSITION });
    await expect(cases.update(coordinator, c.id, {})).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(cases.update(w.actor, c.id, { event: 'TRIAGE' })).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });

    const triaged = await cases.update(coordinator, c.id, { event: 'TRIAGE', note: 'Checked the pay slips.' });
    expect(triaged.status).toBe('TRIAGED');
    expect(triaged.nextStepDueAt!.getTime()).toBeGreaterThan(c.nextStepDueAt!.getTime());
    expect(await overdueQueue().getJob(caseOverdueJobId(c.id, c.nextStepDueAt!))).toBeUndefined();
    expect(await overdueQueue().getJob(caseOverdueJobId(c.id, triaged.nextStepDueAt!))).toBeDefined();

    // Severity: lowering refused, raising with a reason brings the deadline forward and moves the check again.
    await expect(cases.update(coordinator, c.id, { severity: 'LOW', severityReason: 'Less serious than reported.' })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(cases.update(coordinator, c.id, { severity: 'CRITICAL' })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    const raised = await cases.update(coordinator, c.id, { severity: 'CRITICAL', severityReason: 'The worker was threatened after reporting.' });
    expect(raised).toMatchObject({ severity: 'CRITICAL', triageSeverity: 'MEDIUM', severityReason: 'The worker was threatened after reporting.' });
    expect(raised.nextStepDueAt!.getTime()).toBeLessThan(triaged.nextStepDueAt!.getTime());
    expect(await overdueQueue().getJob(caseOverdueJobId(c.id, triaged.nextStepDueAt!))).toBeUndefined();
    expect(await overdueQueue().getJob(caseOverdueJobId(c.id, raised.nextStepDueAt!))).toBeDefined();

    await expect(cases.update(coordinator, c.id, { event: 'REFER' })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [expect.objectContaining({ field: 'referredTo' })] });
    await expect(cases.update(coordinator, c.id, { event: 'INVESTIGATE', finding: 'EMPLOYER' })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(cases.update(coordinator, c.id, { assignTo: employerA.actor.userId })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [expect.objectContaining({ field: 'assignTo' })] });
    await expect(cases.update(coordinator, c.id, { assignTo: randomUUID() })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await cases.update(consulQC, c.id, { event: 'INVESTIGATE', assignTo: consulQC.userId });
    const referred = await cases.update(consulQC, c.id, { event: 'REFER', referredTo: 'CNESST (Québec labour standards)' });
    expect(referred).toMatchObject({ status: 'REFERRED', referredTo: 'CNESST (Québec labour standards)', assignedTo: consulQC.userId });
    await expect(cases.update(coordinator, c.id, { event: 'SUBSTANTIATE' })).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'finding' })] });
    const substantiated = await cases.update(coordinator, c.id, { event: 'SUBSTANTIATE', finding: 'EMPLOYER' });
    expect(substantiated).toMatchObject({ status: 'SUBSTANTIATED', finding: 'EMPLOYER', nextStepDueAt: null });
    expect(substantiated.decidedAt).toBeInstanceOf(Date);
    expect(await overdueQueue().getJob(caseOverdueJobId(c.id, referred.nextStepDueAt!))).toBeUndefined();
    expect(decided).toContainEqual({ caseId: c.id, applicantId: w.applicantId, employerId: employerA.id, outcome: 'SUBSTANTIATED', finding: 'EMPLOYER', severity: 'CRITICAL' });
    await expect(cases.update(coordinator, c.id, { severity: 'CRITICAL', severityReason: 'Too late to raise this one.' })).rejects.toMatchObject({ code: ErrorCode.INVALID_TRANSITION });
    await expect(cases.update(coordinator, c.id, { event: 'UNSUBSTANTIATE' })).rejects.toMatchObject({ code: ErrorCode.INVALID_TRANSITION });
    const closed = await cases.update(coordinator, c.id, { event: 'CLOSE', note: 'Wages paid back in full.', internal: false });
    expect(closed).toMatchObject({ status: 'CLOSED', finding: 'EMPLOYER' });
    expect(closed.events.map((e) => [e.kind, e.toStatus])).toEqual([
      ['REPORTED', null],
      ['NOTE', null],
      ['TRANSITION', 'TRIAGED'],
      ['SEVERITY_RAISED', null],
      ['ASSIGNED', null],
      ['TRANSITION', 'INVESTIGATING'],
      ['TRANSITION', 'REFERRED'],
      ['TRANSITION', 'SUBSTANTIATED'],
      ['NOTE', null],
      ['TRANSITION', 'CLOSED'],
    ]);
    expect((await cases.findForActor(employerA.actor, c.id))).toMatchObject({ status: 'CLOSED', finding: 'EMPLOYER' });
    const told = await ds.query(`SELECT subject FROM notification WHERE audience = 'APPLICANT' AND applicant_id = $1 AND kind = 'CASE_UPDATED' ORDER BY created_at, subject`, [w.applicantId]);
    expect(told).toHaveLength(5); // triaged, investigating, referred, substantiated, closed: one each, and no more for a note
    expect(told.map((n: { subject: string }) => n.subject)).toContain(`Your case ${c.reference}: closed`);
  });

  it('marks an untouched case overdue once its deadline passed, alerts staff once, ignores a stale check, and clears the mark when the case moves', async () => {
    const w = await workerPlacedAt(employerA.id, 'CA-QC');
    const c = await cases.report(w.actor, report(w.placementId));
    await cases.update(coordinator, c.id, { assignTo: coordinator.userId });
    const due = c.nextStepDueAt!;
    expect(await cases.checkOverdue(c.id, due.toISOString(), new Date(due.getTime() - 1000))).toBe('STALE');
    expect(await cases.checkOverdue(c.id, new Date(due.getTime() - H).toISOString(), new Date(due.getTime() + H))).toBe('STALE');
    expect(await cases.checkOverdue(randomUUID(), due.toISOString(), new Date(due.getTime() + H))).toBe('STALE');
    expect(await cases.checkOverdue(c.id, due.toISOString(), new Date(due.getTime() + 1000))).toBe('OVERDUE');
    expect(await cases.checkOverdue(c.id, due.toISOString(), new Date(due.getTime() + 2000))).toBe('STALE');
    const overdue = await cases.findForActor(coordinator, c.id);
    expect(overdue.overdueSince).toEqual(new Date(due.getTime() + 1000));
    expect(overdue.events.filter((e) => e.kind === 'OVERDUE')).toHaveLength(1);
    const alerts = await ds.query(`SELECT audience, kind FROM notification WHERE dedupe_key LIKE $1 ORDER BY audience`, [`case-overdue:${c.id}:%`]);
    expect(alerts).toEqual([
      { audience: 'COORDINATORS', kind: 'CASE_OVERDUE' },
      { audience: 'USER', kind: 'CASE_OVERDUE' },
    ]);
    expect((await cases.findForActor(w.actor, c.id)).events.map((e) => e.kind)).not.toContain('OVERDUE');
    const listed = await cases.listForActor(coordinator, { overdue: true, applicantId: w.applicantId }, { limit: 10, after: null });
    expect(listed.map((x) => x.id)).toEqual([c.id]);

    const moved = await cases.update(coordinator, c.id, { event: 'TRIAGE' });
    expect(moved.overdueSince).toBeNull();
    expect(await cases.listForActor(coordinator, { overdue: true, applicantId: w.applicantId }, { limit: 10, after: null })).toEqual([]);
    expect(await cases.checkOverdue(c.id, due.toISOString(), new Date(due.getTime() + 3 * H))).toBe('STALE');
  });

  it('pages newest first with a cursor, and filters by status and severity', async () => {
    const w = await workerPlacedAt(employerA.id, 'CA-QC');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await cases.report(w.actor, report(w.placementId, { categories: ['OTHER'], indicators: [] }))).id);
    const first = await cases.listForActor(coordinator, { applicantId: w.applicantId }, { limit: 2, after: null });
    expect(first.map((c) => c.id)).toEqual([ids[2], ids[1], ids[0]]); // limit + 1 rows: the extra says there is more
    const second = await cases.listForActor(coordinator, { applicantId: w.applicantId }, { limit: 2, after: { createdAt: first[1].createdAt, id: first[1].id } });
    expect(second.map((c) => c.id)).toEqual([ids[0]]);
    expect(await cases.listForActor(coordinator, { applicantId: w.applicantId, severity: 'CRITICAL' }, { limit: 10, after: null })).toEqual([]);
    expect((await cases.listForActor(coordinator, { applicantId: w.applicantId, status: 'REPORTED', severity: 'LOW' }, { limit: 10, after: null })).length).toBe(3);
  });

  it('gives other domains the facts: misconduct counts, the case a retaliation check finds, who reported, and the employer\'s substantiated cases', async () => {
    const e = (await make.employer({ regionCode: 'CA-QC', city: 'Joliette' })).employer.id;
    const reporter = await workerPlacedAt(e, 'CA-QC');
    const misbehaved = await workerPlacedAt(e, 'CA-QC');
    const quiet = await workerPlacedAt(e, 'CA-QC');
    const decide = async (placementId: string, actor: Actor, finding: 'EMPLOYER' | 'WORKER_MISCONDUCT' | null, categories = ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED']) => {
      const c = await cases.report(actor, report(placementId, { categories }));
      for (const event of ['TRIAGE', 'INVESTIGATE'] as const) await cases.update(coordinator, c.id, { event });
      if (finding) await cases.update(coordinator, c.id, { event: 'SUBSTANTIATE', finding });
      else await cases.update(coordinator, c.id, { event: 'UNSUBSTANTIATE' });
      return c.id;
    };
    const substantiated = await decide(reporter.placementId, reporter.actor, 'EMPLOYER');
    await decide(misbehaved.placementId, coordinator, 'WORKER_MISCONDUCT', ['OTHER']);
    await cases.report(reporter.actor, report(reporter.placementId, { categories: ['HOUSING'], indicators: [] })); // still open

    const em = ds.manager;
    const counts = await substantiatedMisconductCounts(em, [reporter.applicantId, misbehaved.applicantId, quiet.applicantId]);
    expect(Object.fromEntries(counts)).toEqual({ [reporter.applicantId]: 0, [misbehaved.applicantId]: 1, [quiet.applicantId]: 0 });
    // Around the instant PostgreSQL stamped the report (the test clock may run ahead of it: the midnight check).
    const [{ reportedAt }]: { reportedAt: Date }[] = await ds.query(`SELECT created_at AS "reportedAt" FROM protection_case WHERE id = $1`, [substantiated]);
    const found = await caseReportedAgainst(em, { applicantId: reporter.applicantId, employerId: e, placementId: reporter.placementId, before: new Date(reportedAt.getTime() + H) });
    expect(found).toEqual({ caseId: substantiated });
    expect(await caseReportedAgainst(em, { applicantId: reporter.applicantId, employerId: e, placementId: reporter.placementId, before: new Date(reportedAt.getTime() - 24 * H) })).toBeNull();
    expect(await caseReportedAgainst(em, { applicantId: misbehaved.applicantId, employerId: e, placementId: misbehaved.placementId, before: new Date(Date.now() + H) })).toBeNull();
    expect(await caseReportedAgainst(em, { applicantId: quiet.applicantId, employerId: e, placementId: quiet.placementId, before: new Date(Date.now() + H) })).toBeNull();
    expect((await applicantsWhoReported(em, [e])).get(e)).toEqual(new Set([reporter.applicantId]));
    const facts = await employerCaseFacts(em, [e, employerA.id, randomUUID()]);
    expect(facts.get(e)).toEqual({ substantiated: 1, substantiatedCritical: 1, open: 1, byCategory: { DOCUMENTS_WITHHELD: 1, MOVEMENT_RESTRICTED: 1 } });
    expect(facts.size).toBe(3);
  });
});
