import { Secret, TOTP } from 'otpauth';
import { DataSource } from 'typeorm';
import { codesOf, startApi, TestApi } from '../support/api';
import { adminToken, employerInput, newApplicant, newCoordinator } from '../support/people';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken expiresIn mfaRequired user { id twoFactorEnabled } } }`;
const COMPLETE = `mutation($i: TotpCodeInput!) { completeLogin(input: $i) { accessToken refreshToken mfaRequired user { id } } }`;
const START = `mutation { startTotpEnrolment { otpauthUri secret } }`;
const CONFIRM = `mutation($i: TotpCodeInput!) { confirmTotpEnrolment(input: $i) { recoveryCodes auth { accessToken refreshToken mfaRequired user { twoFactorEnabled } } } }`;
const DISABLE = `mutation($i: TotpCodeInput!) { disableTotp(input: $i) { id twoFactorEnabled } }`;
const RESET = `mutation($i: ResetTotpInput!) { resetTotp(input: $i) { id twoFactorEnabled } }`;
const REFRESH = `mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken } }`;
/** A staff operation: any coordinator may list applicants. */
const STAFF_OPERATION = `{ applicants(first: 1) { edges { node { id } } } }`;
const ME = `{ me { id twoFactorEnabled } }`;

/**
 * The code an authenticator app shows `steps` periods from now. The api accepts the step before and after the
 * current one, and each step once per user: a test uses the current step, then the next.
 */
function codeOf(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A six-digit code that is not valid for any step the api accepts now. */
function wrongCodeOf(secret: string): string {
  const valid = new Set([-1, 0, 1].map((s) => codeOf(secret, s)));
  let n = 123456;
  while (valid.has(String(n))) n += 1;
  return String(n);
}

describe('two-factor sign-in (TOTP)', () => {
  let api: TestApi;
  /** STAFF_TOTP_REQUIRED on, and a tight throttle (3 attempts a minute), sharing the database and Redis. */
  let strict: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    strict = await startApi({ STAFF_TOTP_REQUIRED: 'true', LOGIN_THROTTLE_LIMIT: '3' });
    admin = await adminToken(api);
  });
  afterAll(async () => {
    await strict?.close();
    await api?.close();
  });

  const db = () => api.app.get(DataSource);

  /** Enrols the holder of this token; returns the secret, the recovery codes and the fresh session. */
  async function enrol(on: TestApi, token: string) {
    const started = await on.gql(START, {}, token);
    expect(started.errors).toEqual([]);
    const { otpauthUri, secret } = started.data!.startTotpEnrolment as { otpauthUri: string; secret: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Puente:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const confirmed = await on.gql(CONFIRM, { i: { code: codeOf(secret) } }, token);
    expect(confirmed.errors).toEqual([]);
    const { recoveryCodes, auth } = confirmed.data!.confirmTotpEnrolment;
    return { secret, recoveryCodes: recoveryCodes as string[], auth: auth as { accessToken: string; refreshToken: string; mfaRequired: boolean; user: { twoFactorEnabled: boolean } } };
  }

  async function halfSignIn(on: TestApi, identifier: string, password: string) {
    const r = await on.gql(LOGIN, { i: { identifier, password } });
    expect(r.errors).toEqual([]);
    return r.data!.login as { accessToken: string; refreshToken: string | null; expiresIn: number; mfaRequired: boolean; user: { id: string; twoFactorEnabled: boolean } };
  }

  it('a coordinator enrols; sign-in then needs a code, a wrong or replayed code is refused, and the full session works and refreshes', async () => {
    const coordinator = await newCoordinator(api);
    const { secret, recoveryCodes, auth } = await enrol(api, coordinator.token);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(auth.mfaRequired).toBe(false);
    expect(auth.user.twoFactorEnabled).toBe(true);
    // Enrolling ends the sessions that did not pass a second factor; the returned one did.
    expect(codesOf(await api.gql(ME, {}, coordinator.token))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await api.gql(STAFF_OPERATION, {}, auth.accessToken))).toEqual([]);

    // The secret is encrypted at rest, recovery codes only hashed.
    const [row] = await db().query(`SELECT totp_secret, totp_recovery_hashes FROM app_user WHERE id = $1`, [coordinator.id]);
    expect(row.totp_secret).toMatch(/^v1:/);
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_recovery_hashes).toHaveLength(10);
    expect(JSON.stringify(row.totp_recovery_hashes)).not.toContain(recoveryCodes[0]!.replace('-', ''));

    const half = await halfSignIn(api, coordinator.email, coordinator.password);
    expect(half.mfaRequired).toBe(true);
    expect(half.refreshToken).toBeNull();
    expect(half.expiresIn).toBeLessThanOrEqual(300);

    expect(codesOf(await api.gql(COMPLETE, { i: { code: wrongCodeOf(secret) } }, half.accessToken))).toEqual(['BAD_USER_INPUT']);
    const code = codeOf(secret, 1);
    const done = await api.gql(COMPLETE, { i: { code } }, half.accessToken);
    expect(done.errors).toEqual([]);
    expect(done.data!.completeLogin.mfaRequired).toBe(false);
    expect(done.data!.completeLogin.user.id).toBe(coordinator.id);
    expect(codesOf(await api.gql(STAFF_OPERATION, {}, done.data!.completeLogin.accessToken))).toEqual([]);

    // The same code again, even with a fresh half-signed-in token, is refused.
    const again = await halfSignIn(api, coordinator.email, coordinator.password);
    expect(codesOf(await api.gql(COMPLETE, { i: { code } }, again.accessToken))).toEqual(['BAD_USER_INPUT']);

    // A refreshed session keeps the second factor it passed.
    const refreshed = await api.gql(REFRESH, { i: { refreshToken: done.data!.completeLogin.refreshToken } });
    expect(refreshed.errors).toEqual([]);
    expect(codesOf(await api.gql(STAFF_OPERATION, {}, refreshed.data!.refreshToken.accessToken))).toEqual([]);
  });

  it("an enrolled coordinator's half-signed-in token is refused for any operation but completeLogin", async () => {
    const coordinator = await newCoordinator(api);
    await enrol(api, coordinator.token);
    const half = await halfSignIn(api, coordinator.email, coordinator.password);
    expect(codesOf(await api.gql(STAFF_OPERATION, {}, half.accessToken))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(ME, {}, half.accessToken))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(START, {}, half.accessToken))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(DISABLE, { i: { code: '123456' } }, half.accessToken))).toEqual(['FORBIDDEN']);
    const changed = await api.gql(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
      { i: { currentPassword: coordinator.password, newPassword: 'another-long-passphrase-2026' } },
      half.accessToken,
    );
    expect(codesOf(changed)).toEqual(['FORBIDDEN']);
    // Nor can it be refreshed into a full session: it came with no refresh token.
    expect(half.refreshToken).toBeNull();
  });

  it('a recovery code works once', async () => {
    const coordinator = await newCoordinator(api);
    const { recoveryCodes } = await enrol(api, coordinator.token);
    const first = await halfSignIn(api, coordinator.email, coordinator.password);
    const used = await api.gql(COMPLETE, { i: { code: recoveryCodes[3]!.toUpperCase() } }, first.accessToken);
    expect(used.errors).toEqual([]);
    expect(codesOf(await api.gql(STAFF_OPERATION, {}, used.data!.completeLogin.accessToken))).toEqual([]);
    const second = await halfSignIn(api, coordinator.email, coordinator.password);
    expect(codesOf(await api.gql(COMPLETE, { i: { code: recoveryCodes[3] } }, second.accessToken))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(COMPLETE, { i: { code: recoveryCodes[4] } }, second.accessToken))).toEqual([]);
  });

  it('wrong codes are throttled per user: the attempt after the limit is refused with when to retry, even with the right code', async () => {
    const coordinator = await newCoordinator(api);
    const { secret } = await enrol(api, coordinator.token);
    const half = await halfSignIn(strict, coordinator.email, coordinator.password);
    for (let i = 0; i < 3; i++) {
      expect(codesOf(await strict.gql(COMPLETE, { i: { code: wrongCodeOf(secret) } }, half.accessToken))).toEqual(['BAD_USER_INPUT']);
    }
    const blocked = await strict.gql(COMPLETE, { i: { code: codeOf(secret, 1) } }, half.accessToken);
    expect(codesOf(blocked)).toEqual(['TOO_MANY_REQUESTS']);
    expect((blocked.errors[0]!.extensions as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('STAFF_TOTP_REQUIRED: a coordinator who has not enrolled can do nothing but enrol, then works; staff cannot turn it off', async () => {
    const coordinator = await newCoordinator(api);
    const signedIn = await halfSignIn(strict, coordinator.email, coordinator.password);
    expect(signedIn.mfaRequired).toBe(false);
    const refused = await strict.gql(STAFF_OPERATION, {}, signedIn.accessToken);
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors[0]!.message).toMatch(/enrol/);
    expect(codesOf(await strict.gql(ME, {}, signedIn.accessToken))).toEqual([]);
    // The same token on an api without the switch works: the switch is what holds it.
    expect(codesOf(await api.gql(STAFF_OPERATION, {}, signedIn.accessToken))).toEqual([]);

    const { secret, auth } = await enrol(strict, signedIn.accessToken);
    expect(codesOf(await strict.gql(STAFF_OPERATION, {}, auth.accessToken))).toEqual([]);
    expect(codesOf(await strict.gql(DISABLE, { i: { code: codeOf(secret, 1) } }, auth.accessToken))).toEqual(['INVALID_TRANSITION']);
  });

  it('an employer may opt in, and turn it off with a current code', async () => {
    const input = employerInput();
    const registered = await api.gql(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input });
    expect(registered.errors).toEqual([]);
    const plain = await halfSignIn(api, input.contactEmail, input.password);
    expect(plain.mfaRequired).toBe(false);
    const { secret, auth } = await enrol(api, plain.accessToken);
    const half = await halfSignIn(api, input.contactEmail, input.password);
    expect(half.mfaRequired).toBe(true);
    expect(codesOf(await api.gql(`{ jobOrders(first: 1) { edges { cursor } } }`, {}, half.accessToken))).toEqual(['FORBIDDEN']);

    const off = await api.gql(DISABLE, { i: { code: codeOf(secret, 1) } }, auth.accessToken);
    expect(off.errors).toEqual([]);
    expect(off.data!.disableTotp.twoFactorEnabled).toBe(false);
    const after = await halfSignIn(api, input.contactEmail, input.password);
    expect(after.mfaRequired).toBe(false);
    expect(after.refreshToken).not.toBeNull();
  });

  it('an applicant cannot enrol', async () => {
    const coordinator = await newCoordinator(api);
    const applicant = await newApplicant(api, coordinator.token);
    expect(codesOf(await api.gql(START, {}, applicant.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(CONFIRM, { i: { code: '123456' } }, applicant.token))).toEqual(['FORBIDDEN']);
  });

  it("an administrator resets a coordinator's enrolment (a lost phone): audited, their sessions end, they sign in with the password alone", async () => {
    const coordinator = await newCoordinator(api);
    const { auth } = await enrol(api, coordinator.token);
    const other = await newCoordinator(api);
    // Only an administrator, and not for themself.
    expect(codesOf(await api.gql(RESET, { i: { userId: coordinator.id, reason: 'Lost the phone with the app.' } }, other.token))).toEqual(['FORBIDDEN']);
    const adminId = (await api.gql(ME, {}, admin)).data!.me.id as string;
    expect(codesOf(await api.gql(RESET, { i: { userId: adminId, reason: 'Lost the phone with the app.' } }, admin))).toEqual(['FORBIDDEN']);

    const reset = await api.gql(RESET, { i: { userId: coordinator.id, reason: 'Lost the phone with the app.' } }, admin);
    expect(reset.errors).toEqual([]);
    expect(reset.data!.resetTotp.twoFactorEnabled).toBe(false);
    expect(codesOf(await api.gql(ME, {}, auth.accessToken))).toEqual(['UNAUTHENTICATED']);
    const audit = await db().query(`SELECT reason FROM audit_event WHERE action = 'reset-two-factor' AND entity_id = $1`, [coordinator.id]);
    expect(audit).toEqual([{ reason: 'Lost the phone with the app.' }]);
    const after = await halfSignIn(api, coordinator.email, coordinator.password);
    expect(after.mfaRequired).toBe(false);
    expect(codesOf(await api.gql(STAFF_OPERATION, {}, after.accessToken))).toEqual([]);
    expect(codesOf(await api.gql(RESET, { i: { userId: coordinator.id, reason: 'Lost the phone with the app.' } }, admin))).toEqual(['INVALID_TRANSITION']);
  });
});
