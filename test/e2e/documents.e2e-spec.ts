import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { codesOf, startApi, TestApi } from '../support/api';
import { adminToken, approvedJobOrder, futureDate, newConsul, newCoordinator, newEmployer, verifiedApplicant } from '../support/people';

const RECORD = `mutation($i: RecordDocumentInput!) { recordDocument(input: $i) { id kind number issueDate expiryDate issuingAuthority current supersededAt } }`;
const DOCUMENTS = `query($id: ID!, $h: Boolean) { applicant(id: $id) { status passportNumber passportExpiry documents(history: $h) { kind number expiryDate current } } }`;
const SELECT = `mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`;

/** Documents with expiry through the API, as a coordinator, an administrator, the worker, an employer and a consul use it. */
describe('recordDocument and Applicant.documents', () => {
  let api: TestApi;
  let db: DataSource;
  let coordinator: { id: string; token: string };
  let employer: { id: string; token: string };

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    coordinator = await newCoordinator(api);
    employer = await newEmployer(api, coordinator.token);
  });
  afterAll(() => api.close());

  const police = (applicantId: string, expiryDate: string, issueDate = futureDate(-200)) => ({
    applicantId,
    kind: 'POLICE_RECORD',
    number: 'pnc 0042 7781',
    issueDate,
    expiryDate,
    issuingAuthority: 'Policía Nacional Civil, San Salvador',
  });

  it('lets staff record a document, shown in clear to staff and masked to the worker, and supersedes it with a renewal', async () => {
    const a = await verifiedApplicant(api, coordinator.token);
    const first = await api.gql(RECORD, { i: police(a.id, futureDate(120)) }, coordinator.token);
    expect(first.errors).toEqual([]);
    expect(first.data!.recordDocument).toMatchObject({ kind: 'POLICE_RECORD', number: 'PNC00427781', expiryDate: futureDate(120), current: true, supersededAt: null });

    const admin = await api.gql(RECORD, { i: { ...police(a.id, futureDate(400), futureDate(0)), number: null } }, await adminToken(api));
    expect(admin.errors).toEqual([]);

    const staffView = (await api.gql(DOCUMENTS, { id: a.id }, coordinator.token)).data!.applicant;
    expect(staffView.documents.map((d: { kind: string }) => d.kind)).toEqual(['PASSPORT', 'POLICE_RECORD']);
    expect(staffView.documents[0].number).toBe(staffView.passportNumber);
    expect(staffView.documents[1]).toEqual({ kind: 'POLICE_RECORD', number: null, expiryDate: futureDate(400), current: true });
    const history = (await api.gql(DOCUMENTS, { id: a.id, h: true }, coordinator.token)).data!.applicant.documents;
    expect(history.map((d: { kind: string; current: boolean; number: string | null }) => [d.kind, d.current, d.number])).toEqual([
      ['PASSPORT', true, staffView.passportNumber],
      ['POLICE_RECORD', true, null],
      ['POLICE_RECORD', false, 'PNC00427781'],
    ]);

    // The worker sees their own, numbers masked; nobody else's.
    const own = await api.gql(DOCUMENTS, { id: a.id, h: true }, a.token);
    expect(own.errors).toEqual([]);
    expect(own.data!.applicant.documents.map((d: { number: string | null }) => d.number)).toEqual([`****${staffView.passportNumber.slice(-3)}`, null, '****781']);
    const other = await verifiedApplicant(api, coordinator.token);
    expect(codesOf(await api.gql(DOCUMENTS, { id: a.id }, other.token))).toEqual(['NOT_FOUND']);

    // Audited by field name, never by value.
    const audits = await db.query(`SELECT fields FROM audit_event WHERE entity_id = $1 AND action = 'record-document' ORDER BY created_at`, [a.id]);
    expect(audits.map((x: { fields: string[] }) => x.fields)).toEqual([
      ['POLICE_RECORD.number', 'POLICE_RECORD.issueDate', 'POLICE_RECORD.expiryDate', 'POLICE_RECORD.issuingAuthority'],
      ['POLICE_RECORD.number', 'POLICE_RECORD.issueDate', 'POLICE_RECORD.expiryDate'],
    ]);
    expect(JSON.stringify(audits)).not.toContain('0042');
  });

  it('refuses the worker, an employer and a consul: FORBIDDEN to record, and the documents are out of their reach', async () => {
    const a = await verifiedApplicant(api, coordinator.token);
    const consul = await newConsul(api);
    for (const token of [a.token, employer.token, consul.token]) {
      expect(codesOf(await api.gql(RECORD, { i: police(a.id, futureDate(120)) }, token))).toEqual(['FORBIDDEN']);
    }
    for (const token of [employer.token, consul.token]) expect(codesOf(await api.gql(DOCUMENTS, { id: a.id }, token))).toEqual(['FORBIDDEN']);
    expect((await api.gql(DOCUMENTS, { id: a.id }, a.token)).data!.applicant.documents.map((d: { kind: string }) => d.kind)).toEqual(['PASSPORT']);
    expect(codesOf(await api.gql(RECORD, { i: police(a.id, futureDate(120)) }))).toEqual(['UNAUTHENTICATED']);
    // An employer's view of a worker is the shortlist's profile, which has no documents.
    const profile = await api.gql(`{ __type(name: "CandidateProfile") { fields { name } } }`, {}, employer.token);
    if (profile.data?.__type) expect(profile.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain('documents');
  });

  it('refuses bad input naming the fields, and an unknown applicant as NOT_FOUND', async () => {
    const a = await verifiedApplicant(api, coordinator.token);
    const bad = await api.gql(RECORD, { i: { ...police(a.id, futureDate(-300), futureDate(1)), kind: 'VISA', number: null, issuingAuthority: 'x' } }, coordinator.token);
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors[0]!.extensions!.fields!.map((f) => f.field)).toEqual(['issueDate', 'expiryDate', 'number', 'issuingAuthority']);
    const medical = await api.gql(RECORD, { i: { ...police(a.id, futureDate(100)), kind: 'MEDICAL_CERTIFICATE' } }, coordinator.token);
    expect(medical.errors[0]!.extensions!.fields).toEqual([{ field: 'number', message: 'a medical certificate has no number; leave it empty' }]);
    expect(codesOf(await api.gql(RECORD, { i: police('00000000-0000-4000-8000-000000000000', futureDate(100)) }, coordinator.token))).toEqual(['NOT_FOUND']);
    expect((await api.gql(DOCUMENTS, { id: a.id }, coordinator.token)).data!.applicant.documents).toHaveLength(1);
  });

  it('makes a VERIFIED applicant without a passport AVAILABLE once a passport is recorded, the passport fields following it', async () => {
    const a = await verifiedApplicant(api, coordinator.token, { passportNumber: null, passportExpiry: null });
    const number = `P${randomInt(10_000_000, 99_999_999)}`;
    const r = await api.gql(
      RECORD,
      { i: { applicantId: a.id, kind: 'PASSPORT', number, issueDate: futureDate(-5), expiryDate: futureDate(3650), issuingAuthority: 'Dirección General de Migración y Extranjería' } },
      coordinator.token,
    );
    expect(r.errors).toEqual([]);
    expect((await api.gql(DOCUMENTS, { id: a.id }, coordinator.token)).data!.applicant).toMatchObject({ status: 'AVAILABLE', passportNumber: number, passportExpiry: futureDate(3650) });
  });

  it('keeps out of matching a worker whose police record expired, with the reason a coordinator reads out', async () => {
    const order = await approvedJobOrder(api, employer.token, coordinator.token, { iscoCode: '9212', languages: [{ code: 'fr', level: 'A1' }], positions: 2 });
    const { endDate } = (await api.gql(`query($id: ID!) { jobOrder(id: $id) { endDate } }`, { id: order }, coordinator.token)).data!.jobOrder;
    const a = await verifiedApplicant(api, coordinator.token, { occupations: ['9212'], languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'B1' }] });
    const expired = futureDate(-15);
    expect((await api.gql(RECORD, { i: police(a.id, expired, futureDate(-380)) }, coordinator.token)).errors).toEqual([]);

    const refused = await api.gql(SELECT, { i: { jobOrderId: order, applicantIds: [a.id] } }, coordinator.token);
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    const validThrough = new Date(Date.parse(`${endDate}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(refused.errors[0]!.message).toContain(`The police record expires on ${expired}; it must be valid through ${validThrough}.`);

    // Renewed past the contract and its margin, the worker is selected.
    expect((await api.gql(RECORD, { i: police(a.id, validThrough, futureDate(0)) }, coordinator.token)).errors).toEqual([]);
    expect((await api.gql(SELECT, { i: { jobOrderId: order, applicantIds: [a.id] } }, coordinator.token)).data!.selectCandidates).toEqual([{ status: 'SELECTED' }]);
  });
});
