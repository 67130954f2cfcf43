import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fieldCipherFromEnv } from '@puente/config';
import { codesOf, startApi, TestApi } from '../support/api';
import { applicantInput, login, newApplicant, newCoordinator, newEmployer } from '../support/people';

const REGISTER = `mutation($i: RegisterApplicantInput!) { registerApplicant(input: $i) { applicant { id } temporaryPassword } }`;
const READ = `query($id: ID!) { applicant(id: $id) { id nationalId passportNumber } }`;

/**
 * National IDs and passport numbers at rest: nowhere in clear in the applicant or app_user tables, while the API
 * still answers those allowed with them, finds an applicant and signs them in by DUI (through the blind index),
 * and refuses duplicates. A second key made current reads what the first wrote and writes under its own id.
 */
describe('encryption at rest of national IDs and passport numbers', () => {
  let api: TestApi;
  let db: DataSource;
  let coordinator: { token: string };
  const cipher = fieldCipherFromEnv(process.env);

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    coordinator = await newCoordinator(api);
  });
  afterAll(() => api.close());

  const passport = () => `PZ${randomInt(10_000_000, 99_999_999)}`;

  /** The tables holding a row that contains `value` in any column (applicant, app_user, and the audit trail). */
  const rowsContaining = async (value: string) =>
    (
      await db.query(
        `SELECT 'applicant' AS t FROM applicant a WHERE strpos(row_to_json(a)::text, $1) > 0
         UNION ALL SELECT 'app_user' FROM app_user u WHERE strpos(row_to_json(u)::text, $1) > 0
         UNION ALL SELECT 'audit_event' FROM audit_event e WHERE strpos(row_to_json(e)::text, $1) > 0`,
        [value],
      )
    ).map((r: { t: string }) => r.t);

  it('stores neither the DUI nor the passport number in clear, in any column of applicant or app_user', async () => {
    const passportNumber = passport();
    const a = await newApplicant(api, coordinator.token, { passportNumber });
    // The search finds what is there (the applicant's id in both tables), and none of the identifiers.
    expect(await rowsContaining(a.id)).toEqual(expect.arrayContaining(['applicant', 'app_user']));
    for (const value of [a.nationalId, a.nationalId.replace('-', ''), passportNumber]) expect(await rowsContaining(value)).toEqual([]);

    const [row] = await db.query(`SELECT national_id_enc, national_id_hash, passport_number_enc, passport_number_hash FROM applicant WHERE id = $1`, [a.id]);
    expect(row.national_id_enc).toMatch(new RegExp(`^v1:${cipher.currentKeyId}:`));
    expect(row.passport_number_enc).toMatch(new RegExp(`^v1:${cipher.currentKeyId}:`));
    expect(row.national_id_hash).toBe(cipher.blindIndex('dui', a.nationalId));
    const [user] = await db.query(`SELECT identifier FROM app_user WHERE applicant_id = $1`, [a.id]);
    expect(user.identifier).toBe(row.national_id_hash);
    // The columns hold what the keys decrypt: the stored values are the applicant's.
    expect(cipher.decrypt('dui', row.national_id_enc)).toBe(a.nationalId);
    expect(cipher.decrypt('passport', row.passport_number_enc)).toBe(passportNumber);
    // The applicant's own login reads as the blind index, not the DUI.
    expect((await api.gql(`{ me { identifier } }`, {}, a.token)).data!.me.identifier).toBe(row.national_id_hash);
  });

  it('answers the coordinator and the applicant with the DUI and passport, and finds the applicant by DUI with or without its dash', async () => {
    const passportNumber = passport();
    const a = await newApplicant(api, coordinator.token, { passportNumber: passportNumber.toLowerCase() });
    const expected = { id: a.id, nationalId: a.nationalId, passportNumber };
    expect((await api.gql(READ, { id: a.id }, coordinator.token)).data!.applicant).toEqual(expected);
    expect((await api.gql(READ, { id: a.id }, a.token)).data!.applicant).toEqual(expected);
    const byDui = (nationalId: string) =>
      api.gql(`query($f: ApplicantFilterInput) { applicants(first: 5, filter: $f) { edges { node { id nationalId } } } }`, { f: { nationalId } }, coordinator.token);
    for (const typed of [a.nationalId, a.nationalId.replace('-', '')]) {
      expect((await byDui(typed)).data!.applicants.edges).toEqual([{ node: { id: a.id, nationalId: a.nationalId } }]);
    }
    // An employer never reaches an applicant, identifiers or not.
    const employer = await newEmployer(api, coordinator.token);
    expect(codesOf(await api.gql(READ, { id: a.id }, employer.token))).toEqual(['FORBIDDEN']);
  });

  it('signs the applicant in by DUI typed with or without its dash', async () => {
    const a = await newApplicant(api, coordinator.token);
    await expect(login(api, a.nationalId, a.password)).resolves.toEqual(expect.any(String));
    await expect(login(api, a.nationalId.replace('-', ''), a.password)).resolves.toEqual(expect.any(String));
    await expect(login(api, ` ${a.nationalId} `, a.password)).resolves.toEqual(expect.any(String));
    const wrong = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: a.nationalId, password: 'not-the-password-1' } });
    expect(codesOf(wrong)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a DUI or a passport number already registered with CONFLICT, however it is typed', async () => {
    const passportNumber = passport();
    const first = await newApplicant(api, coordinator.token, { passportNumber });
    const again = await api.gql(REGISTER, { i: applicantInput({ nationalId: first.nationalId.replace('-', '') }) }, coordinator.token);
    expect(codesOf(again)).toEqual(['CONFLICT']);
    expect(again.errors[0]!.extensions!.fields).toEqual([{ field: 'nationalId', message: 'is already registered' }]);
    const samePassport = await api.gql(REGISTER, { i: applicantInput({ passportNumber: ` ${passportNumber.toLowerCase()} ` }) }, coordinator.token);
    expect(codesOf(samePassport)).toEqual(['CONFLICT']);
    expect(samePassport.errors[0]!.extensions!.fields).toEqual([{ field: 'passportNumber', message: 'is already registered to another applicant' }]);
    // The refusal names no value.
    expect(JSON.stringify([again.errors, samePassport.errors])).not.toContain(first.nationalId.slice(0, 8));
    expect(JSON.stringify(samePassport.errors)).not.toContain(passportNumber);
  });

  it('re-encrypts a corrected passport number with its blind index, the old one free again', async () => {
    const old = passport();
    const a = await newApplicant(api, coordinator.token, { passportNumber: old });
    const renewed = passport();
    const r = await api.gql(
      `mutation($i: UpdateApplicantInput!) { updateApplicant(input: $i) { passportNumber } }`,
      { i: { id: a.id, passportNumber: renewed, passportExpiry: applicantInput().passportExpiry } },
      coordinator.token,
    );
    expect(r.data?.updateApplicant).toEqual({ passportNumber: renewed });
    expect(await rowsContaining(renewed)).toEqual([]);
    const [row] = await db.query(`SELECT passport_number_enc, passport_number_hash FROM applicant WHERE id = $1`, [a.id]);
    expect(cipher.decrypt('passport', row.passport_number_enc)).toBe(renewed);
    expect(row.passport_number_hash).toBe(cipher.blindIndex('passport', renewed));
    expect(codesOf(await api.gql(REGISTER, { i: applicantInput({ passportNumber: old }) }, coordinator.token))).toEqual([]);
  });

  it('with a new key made current, reads what the old key wrote, writes under the new id, and still signs in the same DUI', async () => {
    const before = await newApplicant(api, coordinator.token);
    const newKey = randomBytes(32).toString('base64');
    const rotated = await startApi({ PUENTE_DATA_KEYS: `${process.env.PUENTE_DATA_KEYS},next:${newKey}`, PUENTE_DATA_KEY_ID: 'next' });
    try {
      const staff = (await newCoordinator(rotated)).token;
      expect((await rotated.gql(READ, { id: before.id }, staff)).data!.applicant.nationalId).toBe(before.nationalId);
      await expect(login(rotated, before.nationalId.replace('-', ''), before.password)).resolves.toEqual(expect.any(String));
      const after = await newApplicant(rotated, staff);
      const [row] = await db.query(`SELECT national_id_enc, passport_number_enc FROM applicant WHERE id = $1`, [after.id]);
      expect(row.national_id_enc).toMatch(/^v1:next:/);
      expect(row.passport_number_enc).toMatch(/^v1:next:/);
      // The api with only the old key cannot read the new value: refused, masked, and nothing in the answer.
      const unreadable = await api.gql(READ, { id: after.id }, coordinator.token);
      expect(unreadable.data).toBeNull();
      expect(codesOf(unreadable)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(unreadable.errors)).not.toContain(after.nationalId);
      const withNext = fieldCipherFromEnv({ ...process.env, PUENTE_DATA_KEYS: `${process.env.PUENTE_DATA_KEYS},next:${newKey}`, PUENTE_DATA_KEY_ID: 'next' });
      expect(withNext.decrypt('dui', row.national_id_enc)).toBe(after.nationalId);
    } finally {
      await rotated.close();
    }
  });
});
