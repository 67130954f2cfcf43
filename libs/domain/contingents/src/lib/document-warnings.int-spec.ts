import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, addDays, ErrorCode, todayIso } from '@puente/common';
import { ApplicantDocumentsService, documentWarningJobId } from '@puente/domain/applicants';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { bootTestModule, queueOf, TestEmployer, TestFactories } from '@puente/testing';
import { ContingentsModule } from './contingents.module';
import { DocumentWarningsService } from './document-warnings.service';
import { reminderTime } from './step-jobs.rules';

/**
 * Expiry warnings against the real database and queues: a document recorded for a selected worker plans its three
 * delayed warnings, each sent once (to the worker and the coordinators), and a renewal removes the old ones and plans
 * the new. Nothing processes the queues: the tests call what the jobs' processors call, with the day they run on.
 */
describe('DocumentWarningsService', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let documents: ApplicantDocumentsService;
  let warnings: DocumentWarningsService;
  let coordinator: Actor;
  let employer: TestEmployer;
  const today = todayIso();
  const warnQueue = () => queueOf(app, JOB_QUEUE[JobName.WarnDocumentExpiry]);
  const police = (expiryDate: string, issueDate = addDays(today, -300)) => ({
    kind: 'POLICE_RECORD',
    number: null,
    issueDate,
    expiryDate,
    issuingAuthority: 'Policía Nacional Civil',
  });

  beforeAll(async () => {
    app = await bootTestModule(ContingentsModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    documents = app.get(ApplicantDocumentsService);
    warnings = app.get(DocumentWarningsService);
    coordinator = await make.coordinator();
    employer = await make.employer();
  });
  afterAll(() => app.close());

  /** A worker selected for an order of 26 weeks starting in 60 days: the contract ends 241 days from today. */
  const selectedWorker = async () => {
    const { order, applicants } = await make.filledJobOrder(employer, 1);
    return { applicant: applicants[0]!, order };
  };
  const notices = (documentId: string) =>
    ds.query(`SELECT dedupe_key AS key, audience, applicant_id AS "applicantId", kind, subject, body FROM notification WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [
      `document-expiry:${documentId}:%`,
    ]);
  const delayedFor = (documentId: string) => Promise.all([90, 60, 30].map((days) => warnQueue().getJob(documentWarningJobId(documentId, days))));

  it('plans 90, 60 and 30 days before an expiry within the contract, sends each once, and a renewal replaces them', async () => {
    const { applicant, order } = await selectedWorker();
    expect(order.endDate).toBe(addDays(today, 60 + 26 * 7 - 1));
    // Selection queued a planning (the contract is known); recording the document queues another.
    const planQueue = queueOf(app, JOB_QUEUE[JobName.PlanDocumentWarnings]);
    expect(await planQueue.getJob(jobId(JobName.PlanDocumentWarnings, applicant.id, 'selected', order.id))).toBeDefined();
    const expiry = addDays(today, 150);
    const old = await documents.record(coordinator, applicant.id, police(expiry));
    expect(await planQueue.getJob(jobId(JobName.PlanDocumentWarnings, applicant.id, 'document-recorded', old.id))).toBeDefined();

    // The job's handler: three delayed jobs, each until 09:00 in El Salvador on its day.
    const before = Date.now();
    expect(await warnings.plan(applicant.id)).toBe(3);
    const jobs = await delayedFor(old.id);
    const planned = [90, 60, 30].map((days) => addDays(expiry, -days));
    expect(jobs.map((j) => j?.data)).toEqual(planned.map((warnOn, i) => ({ documentId: old.id, days: [90, 60, 30][i], warnOn })));
    for (const [i, job] of jobs.entries()) {
      expect(await job!.getState()).toBe('delayed');
      expect(Math.abs(job!.timestamp + job!.opts.delay! - reminderTime(planned[i]!))).toBeLessThan(Date.now() - before + 5_000);
    }
    // Planning again (another selection, another document) adds nothing.
    expect(await warnings.plan(applicant.id)).toBe(3);
    expect((await warnQueue().getDelayed(0, -1)).filter((j) => j.data.documentId === old.id)).toHaveLength(3);

    // Each warning on its day: one notice to the worker, one to the coordinators; a second run sends nothing.
    expect(await warnings.warn(old.id, 90, planned[0]!, planned[0]!)).toBe('WARNED');
    expect(await warnings.warn(old.id, 90, planned[0]!, planned[0]!)).toBe('ALREADY_WARNED');
    expect(await warnings.warn(old.id, 60, planned[1]!, planned[1]!)).toBe('WARNED');
    const sent = await notices(old.id);
    expect(sent.map((n: { key: string; audience: string }) => [n.key, n.audience])).toEqual([
      [`document-expiry:${old.id}:60:applicant`, 'APPLICANT'],
      [`document-expiry:${old.id}:60:coordinators`, 'COORDINATORS'],
      [`document-expiry:${old.id}:90:applicant`, 'APPLICANT'],
      [`document-expiry:${old.id}:90:coordinators`, 'COORDINATORS'],
    ]);
    const toWorker = sent.find((n: { key: string }) => n.key.endsWith(':90:applicant'));
    expect(toWorker).toMatchObject({ applicantId: applicant.id, kind: 'DOCUMENT_EXPIRING', subject: `Su solvencia policial vence el ${expiry} / Your police record expires on ${expiry}` });
    expect(toWorker.body).toContain(`(en 90 días), antes del fin de su contrato ${order.reference} el ${order.endDate}`);
    expect(toWorker.body).toContain(`(in 90 days), before your contract ${order.reference} ends on ${order.endDate}`);
    expect(await ds.query(`SELECT days_before, job_order_id FROM document_expiry_warning WHERE document_id = $1 ORDER BY days_before`, [old.id])).toEqual([
      { days_before: 60, job_order_id: order.id },
      { days_before: 90, job_order_id: order.id },
    ]);
    // A job for a day that is not the one planned from the expiry does nothing.
    expect(await warnings.warn(old.id, 30, planned[1]!, planned[2]!)).toBe('STALE');

    // The renewal: the old document's pending warnings are removed with it, and a job that fires anyway does nothing.
    const renewedExpiry = addDays(today, 200);
    const renewed = await documents.record(coordinator, applicant.id, police(renewedExpiry, today));
    expect(await delayedFor(old.id)).toEqual([undefined, undefined, undefined]);
    expect(await warnings.warn(old.id, 30, planned[2]!, planned[2]!)).toBe('STALE');
    expect(await warnings.plan(applicant.id)).toBe(3);
    expect((await delayedFor(renewed.id)).map((j) => j?.data.warnOn)).toEqual([90, 60, 30].map((d) => addDays(renewedExpiry, -d)));
    expect(await notices(renewed.id)).toEqual([]);
  });

  it('plans only the days still ahead, nothing past the contract or without one, and stops once the contract is gone', async () => {
    const { applicant } = await selectedWorker();
    // Recorded 45 days before it expires: the 30-day warning only.
    const soon = await documents.record(coordinator, applicant.id, { ...police(addDays(today, 45)), kind: 'MEDICAL_CERTIFICATE' });
    expect(await warnings.plan(applicant.id)).toBe(1);
    expect((await delayedFor(soon.id)).map((j) => j?.data.days)).toEqual([undefined, undefined, 30]);
    // Valid through the contract's last day (241 days out): nothing to warn about.
    const lasting = await documents.record(coordinator, applicant.id, police(addDays(today, 241)));
    expect(await warnings.plan(applicant.id)).toBe(1);
    expect(await delayedFor(lasting.id)).toEqual([undefined, undefined, undefined]);

    // An applicant with no selection has no contract: nothing planned, and a warning that fires does nothing.
    const free = await make.applicant();
    const unplanned = await documents.record(coordinator, free.id, police(addDays(today, 100)));
    expect(await warnings.plan(free.id)).toBe(0);
    expect(await delayedFor(unplanned.id)).toEqual([undefined, undefined, undefined]);
    expect(await warnings.warn(unplanned.id, 90, addDays(today, 10), addDays(today, 10))).toBe('STALE');
    expect(await warnings.warn('00000000-0000-4000-8000-000000000000', 90, today, today)).toBe('STALE');
  });

  it('refuses to select a worker whose police record expires before the contract end plus the margin, saying so', async () => {
    const order = await make.jobOrder(employer);
    const applicant = await make.applicant({ occupations: [order.iscoCode] });
    const expired = addDays(today, -10);
    await documents.record(coordinator, applicant.id, police(expired, addDays(today, -375)));
    const refusal = await make.selection(order.id, [applicant.id]).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    expect(refusal?.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal?.message).toContain(`The police record expires on ${expired}; it must be valid through ${addDays(order.endDate, 90)}.`);
    // Renewed, the same worker is selected.
    await documents.record(coordinator, applicant.id, police(addDays(order.endDate, 90), today));
    expect((await make.selection(order.id, [applicant.id])).map((c) => c.status)).toEqual(['SELECTED']);
  });
});
