import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, addDays, ErrorCode, Role, todayIso } from '@puente/common';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { bootTestModule, queueOf, TestFactories } from '@puente/testing';
import { ApplicantEntity } from './applicant.entity';
import { ApplicantDocumentEntity } from './applicant-document.entity';
import { ApplicantDocumentsService } from './applicant-documents.service';
import { ApplicantIdentifiers } from './applicant-identifiers';
import { ApplicantService } from './applicant.service';
import { ApplicantsModule } from './applicants.module';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code?: string; fields?: { field: string }[]; message?: string }) => ({ code: e.code, fields: (e.fields ?? []).map((f) => f.field), message: e.message }),
  );

/** Recording documents against the real database and queues: supersession, the passport copy, the matching column, audit, scope. */
describe('ApplicantDocumentsService', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let documents: ApplicantDocumentsService;
  let identifiers: ApplicantIdentifiers;
  let coordinator: Actor;
  const today = todayIso();
  const police = (expiryDate: string, issueDate = addDays(today, -30)) => ({
    kind: 'POLICE_RECORD',
    number: 'PNC-2026-0001',
    issueDate,
    expiryDate,
    issuingAuthority: 'Policía Nacional Civil',
  });

  beforeAll(async () => {
    app = await bootTestModule(ApplicantsModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    documents = app.get(ApplicantDocumentsService);
    identifiers = app.get(ApplicantIdentifiers);
    coordinator = await make.coordinator();
  });
  afterAll(() => app.close());

  const stored = (applicantId: string) =>
    ds.manager.find(ApplicantDocumentEntity, { where: { applicantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const applicantRow = (id: string) => ds.manager.findOneByOrFail(ApplicantEntity, { id });
  const audits = (applicantId: string) =>
    ds.query(`SELECT action, fields FROM audit_event WHERE entity_id = $1 AND action = 'record-document' ORDER BY created_at, id`, [applicantId]);
  const planJob = (applicantId: string, documentId: string) =>
    queueOf(app, JOB_QUEUE[JobName.PlanDocumentWarnings]).getJob(jobId(JobName.PlanDocumentWarnings, applicantId, 'document-recorded', documentId));

  it('records a police record, keeps the earliest expiry for matching, audits the fields and queues the planning of its warnings', async () => {
    const a = await make.applicant();
    const recorded = await documents.record(coordinator, a.id, police(addDays(today, 200)));
    expect(recorded).toMatchObject({ applicantId: a.id, kind: 'POLICE_RECORD', expiryDate: addDays(today, 200), issuingAuthority: 'Policía Nacional Civil', supersededAt: null });
    expect(identifiers.documentNumberOf(recorded)).toBe('PNC20260001');
    expect(recorded.numberEnc).not.toContain('PNC');
    expect(await applicantRow(a.id)).toMatchObject({ documentExpiry: addDays(today, 200), documentExpiryKind: 'POLICE_RECORD' });
    expect(await audits(a.id)).toEqual([
      { action: 'record-document', fields: ['POLICE_RECORD.number', 'POLICE_RECORD.issueDate', 'POLICE_RECORD.expiryDate', 'POLICE_RECORD.issuingAuthority'] },
    ]);
    expect((await planJob(a.id, recorded.id))?.data).toMatchObject({ applicantId: a.id, cause: 'document-recorded' });

    // A medical certificate expiring sooner becomes the matching column; the same police record again records nothing.
    const medical = await documents.record(coordinator, a.id, { kind: 'MEDICAL_CERTIFICATE', number: null, issueDate: today, expiryDate: addDays(today, 100), issuingAuthority: 'Clínica Comunal San Salvador' });
    expect(medical.numberEnc).toBeNull();
    expect(await applicantRow(a.id)).toMatchObject({ documentExpiry: addDays(today, 100), documentExpiryKind: 'MEDICAL_CERTIFICATE' });
    expect((await documents.record(coordinator, a.id, police(addDays(today, 200)))).id).toBe(recorded.id);
    expect(await stored(a.id)).toHaveLength(3); // the registration's passport, the police record, the medical certificate
    expect(await audits(a.id)).toHaveLength(2);
  });

  it('supersedes the current document of the kind with a renewal, which alone is current, and the matching column follows', async () => {
    const a = await make.applicant();
    const old = await documents.record(coordinator, a.id, police(addDays(today, 20), addDays(today, -340)));
    const renewed = await documents.record(coordinator, a.id, police(addDays(today, 365), today));
    const rows = (await stored(a.id)).filter((d) => d.kind === 'POLICE_RECORD');
    expect(rows.map((d) => [d.id, d.supersededBy, d.supersededAt !== null])).toEqual([
      [old.id, renewed.id, true],
      [renewed.id, null, false],
    ]);
    expect(await applicantRow(a.id)).toMatchObject({ documentExpiry: addDays(today, 365), documentExpiryKind: 'POLICE_RECORD' });
    expect((await audits(a.id)).at(-1).fields).toEqual(['POLICE_RECORD.issueDate', 'POLICE_RECORD.expiryDate']);
    const current = (await documents.documentsFor(coordinator, [a.id], false)).get(a.id)!;
    expect(current.map((d) => d.kind).sort()).toEqual(['PASSPORT', 'POLICE_RECORD']);
    expect(current.find((d) => d.kind === 'POLICE_RECORD')!.id).toBe(renewed.id);
    expect((await documents.documentsFor(coordinator, [a.id], true)).get(a.id)).toHaveLength(3);
  });

  it('keeps the passport columns the copy of the current PASSPORT document, whichever path writes it, and makes a VERIFIED applicant AVAILABLE', async () => {
    const a = await make.applicant({ passportNumber: null, passportExpiry: null });
    expect(a.status).toBe('VERIFIED');
    expect(await stored(a.id)).toEqual([]);
    const passport = await documents.record(coordinator, a.id, {
      kind: 'PASSPORT',
      number: 'b 1234567',
      issueDate: addDays(today, -10),
      expiryDate: addDays(today, 3650),
      issuingAuthority: 'Dirección General de Migración y Extranjería',
    });
    let row = await applicantRow(a.id);
    expect(row.status).toBe('AVAILABLE');
    expect(identifiers.passportNumberOf(row)).toBe('B1234567');
    expect(row.passportExpiry).toBe(addDays(today, 3650));
    // Matching's column is for the medical certificate and the police record only.
    expect(row.documentExpiry).toBeNull();

    // updateApplicant's passport path records a new PASSPORT document superseding it, so both stay one passport.
    await app.get(ApplicantService).update(coordinator, a.id, { passportNumber: 'C7654321', passportExpiry: addDays(today, 2000) });
    row = await applicantRow(a.id);
    const passports = (await stored(a.id)).filter((d) => d.kind === 'PASSPORT');
    expect(passports.map((d) => [identifiers.documentNumberOf(d), d.expiryDate, d.supersededAt === null])).toEqual([
      ['B1234567', addDays(today, 3650), false],
      ['C7654321', addDays(today, 2000), true],
    ]);
    expect(passports[0]!.supersededBy).toBe(passports[1]!.id);
    expect([identifiers.passportNumberOf(row), row.passportExpiry]).toEqual(['C7654321', addDays(today, 2000)]);
    expect(passport.issueDate).toBe(addDays(today, -10));
    expect(passports[1]).toMatchObject({ issueDate: null, issuingAuthority: null, recordedBy: coordinator.userId });

    // Registration's passport is the first PASSPORT document.
    const registered = await make.applicant();
    const [first] = await stored(registered.id);
    expect([first!.kind, identifiers.documentNumberOf(first!), first!.expiryDate]).toEqual(['PASSPORT', identifiers.passportNumberOf(registered), registered.passportExpiry]);
  });

  it('refuses with the field named: bad input, an unknown applicant, another applicant\'s passport number', async () => {
    const a = await make.applicant();
    expect(await failure(documents.record(coordinator, a.id, { ...police(addDays(today, 30)), issueDate: addDays(today, 1), number: null, kind: 'VISA' }))).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      fields: ['issueDate', 'number'],
    });
    expect(await failure(documents.record(coordinator, a.id, { ...police(addDays(today, 30)), kind: 'DIPLOMA' }))).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: ['kind'] });
    expect(await failure(documents.record(coordinator, '00000000-0000-4000-8000-000000000000', police(addDays(today, 30))))).toMatchObject({ code: ErrorCode.NOT_FOUND });
    expect(await failure(documents.record(coordinator, 'not-an-id', police(addDays(today, 30))))).toMatchObject({ code: ErrorCode.NOT_FOUND });
    const other = await make.applicant();
    const taken = identifiers.passportNumberOf(other)!;
    const refusal = await failure(
      documents.record(coordinator, a.id, { kind: 'PASSPORT', number: taken, issueDate: today, expiryDate: addDays(today, 3000), issuingAuthority: 'DGME' }),
    );
    expect(refusal).toMatchObject({ code: ErrorCode.CONFLICT, fields: ['number'] });
    expect(refusal!.message).not.toContain(taken);
    // Nothing of the refused passport was kept.
    expect((await stored(a.id)).filter((d) => d.kind === 'PASSPORT')).toHaveLength(1);
  });

  it('shows documents to staff and to the applicant themself only', async () => {
    const [a, b] = [await make.applicant(), await make.applicant()];
    await documents.record(coordinator, a.id, police(addDays(today, 90)));
    const self: Actor = { userId: 'u', role: Role.APPLICANT, applicantId: a.id, employerId: null };
    const mine = await documents.documentsFor(self, [a.id, b.id], false);
    expect([mine.get(a.id)!.length, mine.get(b.id)]).toEqual([2, []]);
    const admin: Actor = { userId: 'u', role: Role.ADMIN, applicantId: null, employerId: null };
    expect((await documents.documentsFor(admin, [b.id], false)).get(b.id)).toHaveLength(1);
    for (const role of [Role.EMPLOYER, Role.CONSUL]) {
      expect((await documents.documentsFor({ userId: 'u', role, applicantId: null, employerId: null }, [a.id], true)).get(a.id)).toEqual([]);
    }
  });
});
