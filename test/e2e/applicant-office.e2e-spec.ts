import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { codesOf, startApi, TestApi } from '../support/api';
import { futureDate, login, newApplicant, newCoordinator, newEmployer, verifiedApplicant } from '../support/people';

const UPDATE = `mutation($i: UpdateApplicantInput!) { updateApplicant(input: $i) {
  id status phone email address municipality { code } occupations skills languages { code level } yearsExperience education passportNumber passportExpiry } }`;
const ISSUE = `mutation($id: ID!) { issueTemporaryPassword(applicantId: $id) { applicant { id } temporaryPassword } }`;
const WATCH = `subscription { myStatusChanged { stage } }`;

/** The office's corrections to an applicant and the desk's temporary password, through the API. */
describe('updateApplicant and issueTemporaryPassword', () => {
  let api: TestApi;
  let db: DataSource;
  let coordinator: { id: string; token: string };

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    coordinator = await newCoordinator(api);
  });
  afterAll(() => api.close());

  const audits = (id: string, action: string) =>
    db.query(`SELECT actor_user_id, fields, reason FROM audit_event WHERE entity = 'applicant' AND entity_id = $1 AND action = $2 ORDER BY created_at`, [id, action]);
  const indexRows = (id: string) =>
    db.query(`SELECT isco_code, available, skills, passport_expiry::text AS passport_expiry FROM applicant_occupation WHERE applicant_id = $1 ORDER BY isco_code`, [id]);

  describe('updateApplicant', () => {
    it('adds a passport to a VERIFIED applicant, who becomes AVAILABLE and matchable (the index follows), told live, audited by field name', async () => {
      const a = await verifiedApplicant(api, coordinator.token, { passportNumber: null, passportExpiry: null, occupations: ['9211'], skills: [] });
      expect((await api.gql(`query($id: ID!) { applicant(id: $id) { status } }`, { id: a.id }, coordinator.token)).data!.applicant.status).toBe('VERIFIED');
      expect(await indexRows(a.id)).toEqual([{ isco_code: '9211', available: false, skills: [], passport_expiry: null }]);

      const events: string[] = [];
      const client = api.ws(a.token);
      client.subscribe<{ myStatusChanged: { stage: string } }>({ query: WATCH }, { next: (v) => v.data && events.push(v.data.myStatusChanged.stage), error: () => undefined, complete: () => undefined });
      await new Promise((r) => setTimeout(r, 300));

      const passportNumber = `P${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
      const expiry = futureDate(700);
      const r = await api.gql(UPDATE, { i: { id: a.id, passportNumber: ` ${passportNumber.toLowerCase()} `, passportExpiry: expiry, occupations: ['9212'], skills: ['MILKING_MACHINE'] } }, coordinator.token);
      expect(r.errors).toEqual([]);
      expect(r.data!.updateApplicant).toMatchObject({ status: 'AVAILABLE', passportNumber, passportExpiry: expiry, occupations: ['9212'], skills: ['MILKING_MACHINE'], phone: '+50371234567' });
      // The matching index: the old occupation gone, the new one available with the skills and passport matching reads.
      expect(await indexRows(a.id)).toEqual([{ isco_code: '9212', available: true, skills: ['MILKING_MACHINE'], passport_expiry: expiry }]);

      const [audit] = await audits(a.id, 'update-applicant');
      expect(audit.actor_user_id).toBe(coordinator.id);
      expect([...audit.fields].sort()).toEqual(['occupations', 'passportExpiry', 'passportNumber', 'skills']);
      expect(JSON.stringify(audit)).not.toContain(passportNumber);

      const deadline = Date.now() + 3000;
      while (!events.length && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
      expect(events).toEqual(['AVAILABLE']);
    });

    it('changes only the fields given; e-mail and address can be cleared, and the login follows the e-mail', async () => {
      const a = await verifiedApplicant(api, coordinator.token, { email: 'before@example.com', address: 'Barrio El Centro' });
      const r = await api.gql(UPDATE, { i: { id: a.id, phone: '+50379990000', email: 'After@Example.com' } }, coordinator.token);
      expect(r.errors).toEqual([]);
      expect(r.data!.updateApplicant).toMatchObject({ status: 'AVAILABLE', phone: '+50379990000', email: 'after@example.com', address: 'Barrio El Centro', occupations: ['9211'], yearsExperience: 4 });
      expect((await db.query(`SELECT email FROM app_user WHERE applicant_id = $1`, [a.id]))[0].email).toBe('after@example.com');

      const cleared = await api.gql(UPDATE, { i: { id: a.id, email: null, address: null } }, coordinator.token);
      expect(cleared.data!.updateApplicant).toMatchObject({ email: null, address: null, phone: '+50379990000' });
      expect((await audits(a.id, 'update-applicant')).map((x: { fields: string[] }) => [...x.fields].sort())).toEqual([['email', 'phone'], ['address', 'email']]);

      // Nothing changed: nothing to audit.
      await api.gql(UPDATE, { i: { id: a.id, phone: '+50379990000' } }, coordinator.token);
      expect(await audits(a.id, 'update-applicant')).toHaveLength(2);
    });

    it('refuses bad input with the registration rules, naming the input fields, and changes nothing', async () => {
      const a = await verifiedApplicant(api, coordinator.token);
      const r = await api.gql(
        UPDATE,
        { i: { id: a.id, phone: '7123 4567', skills: ['MILKING_MACHINE', 'FLYING'], passportExpiry: '2001-01-01', municipalityCode: 'SV-XX', yearsExperience: 70, education: null } },
        coordinator.token,
      );
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors[0]!.extensions!.fields!.map((f) => f.field).sort()).toEqual(['education', 'municipalityCode', 'passportExpiry', 'phone', 'skills[1]', 'yearsExperience']);
      const after = await api.gql(`query($id: ID!) { applicant(id: $id) { phone skills status } }`, { id: a.id }, coordinator.token);
      expect(after.data!.applicant).toEqual({ phone: '+50371234567', skills: [], status: 'AVAILABLE' });
      expect(await audits(a.id, 'update-applicant')).toEqual([]);
    });

    it("refuses another applicant's passport number as a CONFLICT on passportNumber", async () => {
      const first = await verifiedApplicant(api, coordinator.token);
      const second = await verifiedApplicant(api, coordinator.token);
      const theirs = (await api.gql(`query($id: ID!) { applicant(id: $id) { passportNumber } }`, { id: first.id }, coordinator.token)).data!.applicant.passportNumber;
      const r = await api.gql(UPDATE, { i: { id: second.id, passportNumber: theirs, passportExpiry: futureDate(800) } }, coordinator.token);
      expect(codesOf(r)).toEqual(['CONFLICT']);
      expect(r.errors[0]!.extensions!.fields).toEqual([{ field: 'passportNumber', message: 'is already registered to another applicant' }]);
    });

    it('keeps the profile an employer selected on while the worker travels, but contacts and passport can be fixed', async () => {
      const a = await verifiedApplicant(api, coordinator.token, { firstNames: 'Rosa Elena', lastNames: 'Martínez' });
      // Standing in for selection and departure, which other suites drive end to end: this test is about the update rule.
      await db.query(`UPDATE applicant SET status = 'DEPLOYED' WHERE id = $1`, [a.id]);
      const refused = await api.gql(UPDATE, { i: { id: a.id, skills: ['MILKING_MACHINE'], yearsExperience: 9, phone: '+50370001111' } }, coordinator.token);
      expect(codesOf(refused)).toEqual(['INVALID_TRANSITION']);
      expect(refused.errors[0]!.message).toContain('Rosa Elena Martínez is DEPLOYED');
      expect(refused.errors[0]!.message).not.toContain(a.id);
      expect(refused.errors[0]!.extensions!.fields!.map((f) => f.field)).toEqual(['skills', 'yearsExperience']);

      const renewed = futureDate(1200);
      const ok = await api.gql(UPDATE, { i: { id: a.id, phone: '+50370001111', passportNumber: 'R1234567X', passportExpiry: renewed } }, coordinator.token);
      expect(ok.errors).toEqual([]);
      expect(ok.data!.updateApplicant).toMatchObject({ status: 'DEPLOYED', phone: '+50370001111', passportNumber: 'R1234567X', passportExpiry: renewed, skills: [] });
    });

    it('answers NOT_FOUND for an unknown or malformed id, and FORBIDDEN to employers and applicants (even for themself)', async () => {
      expect(codesOf(await api.gql(UPDATE, { i: { id: randomUUID(), phone: '+50379990000' } }, coordinator.token))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(UPDATE, { i: { id: 'nope', phone: '+50379990000' } }, coordinator.token))).toEqual(['NOT_FOUND']);
      const a = await verifiedApplicant(api, coordinator.token);
      const employer = await newEmployer(api, coordinator.token);
      for (const token of [employer.token, a.token]) {
        const r = await api.gql(UPDATE, { i: { id: a.id, phone: '+50379990000' } }, token);
        expect(codesOf(r)).toEqual(['FORBIDDEN']);
      }
      expect(codesOf(await api.gql(UPDATE, { i: { id: a.id, phone: '+50379990000' } }))).toEqual(['UNAUTHENTICATED']);
      const after = await api.gql(`query($id: ID!) { applicant(id: $id) { phone } }`, { id: a.id }, coordinator.token);
      expect(after.data!.applicant.phone).toBe('+50371234567');
    });
  });

  describe('issueTemporaryPassword', () => {
    const refreshWith = (refreshToken: string) => api.gql(`mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken } }`, { i: { refreshToken } });

    it('replaces the password, signs out the old sessions, and the applicant must change it at first sign-in', async () => {
      const a = await newApplicant(api, coordinator.token);
      const session = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { refreshToken } }`, { i: { identifier: a.nationalId, password: a.password } });
      const oldRefresh = session.data!.login.refreshToken as string;

      const r = await api.gql(ISSUE, { id: a.id }, coordinator.token);
      expect(r.errors).toEqual([]);
      const temporary = r.data!.issueTemporaryPassword.temporaryPassword as string;
      expect(temporary).toMatch(/^[a-z]+(-[a-z]+){4}-\d{4}$/);

      expect(codesOf(await refreshWith(oldRefresh))).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await api.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: a.nationalId, password: a.password } }))).toEqual(['UNAUTHENTICATED']);

      const token = await login(api, a.nationalId.replace('-', ''), temporary);
      expect((await api.gql(`{ me { mustChangePassword } }`, {}, token)).data!.me.mustChangePassword).toBe(true);
      expect(codesOf(await api.gql(`query($id: ID!) { applicant(id: $id) { id } }`, { id: a.id }, token))).toEqual(['FORBIDDEN']);
      const changed = await api.gql(`mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken user { mustChangePassword } } }`, { i: { currentPassword: temporary, newPassword: 'a-brand-new-passphrase' } }, token);
      expect(changed.data!.changePassword.user.mustChangePassword).toBe(false);

      const [audit] = await audits(a.id, 'issue-temporary-password');
      expect(audit).toMatchObject({ actor_user_id: coordinator.id, fields: [] });
    });

    it('opens a login for an applicant who has none', async () => {
      const a = await verifiedApplicant(api, coordinator.token);
      await db.query(`DELETE FROM refresh_token WHERE user_id IN (SELECT id FROM app_user WHERE applicant_id = $1)`, [a.id]);
      await db.query(`DELETE FROM app_user WHERE applicant_id = $1`, [a.id]);
      const r = await api.gql(ISSUE, { id: a.id }, coordinator.token);
      expect(r.errors).toEqual([]);
      const token = await login(api, a.nationalId, r.data!.issueTemporaryPassword.temporaryPassword);
      expect((await api.gql(`{ me { role applicantId mustChangePassword } }`, {}, token)).data!.me).toEqual({ role: 'APPLICANT', applicantId: a.id, mustChangePassword: true });
    });

    it('is for coordinators only, and NOT_FOUND for an unknown applicant', async () => {
      const a = await newApplicant(api, coordinator.token);
      const employer = await newEmployer(api, coordinator.token);
      for (const token of [employer.token, a.token]) expect(codesOf(await api.gql(ISSUE, { id: a.id }, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await api.gql(ISSUE, { id: a.id }))).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await api.gql(ISSUE, { id: randomUUID() }, coordinator.token))).toEqual(['NOT_FOUND']);
      // The applicant's own password still works: nothing was issued.
      expect(await login(api, a.nationalId, a.password)).toEqual(expect.any(String));
    });
  });
});
