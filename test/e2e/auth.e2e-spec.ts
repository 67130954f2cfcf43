import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { codesOf, startApi, TestApi } from '../support/api';
import { adminToken, employerInput, login } from '../support/people';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken expiresIn user { id role } } }`;
const REFRESH = `mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken } }`;
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('authentication', () => {
  let api: TestApi;
  let employer: { email: string; password: string; id: string };

  beforeAll(async () => {
    api = await startApi();
    const input = employerInput();
    const r = await api.gql(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input });
    employer = { email: input.contactEmail, password: input.password, id: r.data!.registerEmployer.id };
  });
  afterAll(() => api.close());

  it('signs in with a short-lived access token and answers the same for a wrong password and an unknown account', async () => {
    const ok = await api.gql(LOGIN, { i: { identifier: employer.email.toUpperCase(), password: employer.password } });
    expect(ok.data!.login.user.role).toBe('EMPLOYER');
    expect(ok.data!.login.expiresIn).toBeLessThanOrEqual(900);
    const claims = new JwtService().decode(ok.data!.login.accessToken) as { exp: number; iat: number; aud: string; iss: string };
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(900);
    expect([claims.iss, claims.aud]).toEqual(['puente', 'puente-api']);

    const wrong = await api.gql(LOGIN, { i: { identifier: employer.email, password: 'not-the-password' } });
    const unknown = await api.gql(LOGIN, { i: { identifier: 'nobody@puente.test', password: 'not-the-password' } });
    expect(codesOf(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors[0]!.message).toBe(unknown.errors[0]!.message);
  });

  it('stores passwords as argon2id at or above the OWASP floor (19 MiB, t=2, p=1)', async () => {
    const [row] = await api.app.get(DataSource).query(`SELECT password_hash FROM app_user WHERE identifier = $1`, [employer.email]);
    const [, algorithm, , params] = row.password_hash.split('$');
    expect(algorithm).toBe('argon2id');
    const p = Object.fromEntries(params.split(',').map((kv: string) => kv.split('=').map((x) => (Number.isNaN(Number(x)) ? x : Number(x)))));
    expect(p.m).toBeGreaterThanOrEqual(19456);
    expect(p.t).toBeGreaterThanOrEqual(2);
    expect(p.p).toBe(1);
  });

  it('rotates the refresh token on every use, and a replayed one revokes the whole family', async () => {
    const first = (await api.gql(LOGIN, { i: { identifier: employer.email, password: employer.password } })).data!.login;
    const second = (await api.gql(REFRESH, { i: { refreshToken: first.refreshToken } })).data!.refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = (await api.gql(REFRESH, { i: { refreshToken: second.refreshToken } })).data!.refreshToken;

    const replay = await api.gql(REFRESH, { i: { refreshToken: first.refreshToken } });
    expect(codesOf(replay)).toEqual(['UNAUTHENTICATED']);
    // The thief's replay also ended the legitimate holder's newest token: only a fresh sign-in helps.
    expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: third.refreshToken } }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: 'garbage' } }))).toEqual(['UNAUTHENTICATED']);
    // Another session of the same user, opened by its own login, is a different family and still works.
    const other = (await api.gql(LOGIN, { i: { identifier: employer.email, password: employer.password } })).data!.login;
    expect((await api.gql(REFRESH, { i: { refreshToken: other.refreshToken } })).errors).toEqual([]);
  });

  it.each([
    ['no signature (alg none)', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', role: 'ADMIN', iss: 'puente', aud: 'puente-api' })}.`],
    ['a key of its own', () => new JwtService().sign({ sub: 'x', role: 'ADMIN' }, { secret: 'a'.repeat(40), issuer: 'puente', audience: 'puente-api' })],
    ['an expired token', () => new JwtService().sign({ sub: 'x', role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 60 }, { secret: process.env.JWT_ACCESS_SECRET!, issuer: 'puente', audience: 'puente-api' })],
    ['another audience', () => new JwtService().sign({ sub: 'x', role: 'ADMIN' }, { secret: process.env.JWT_ACCESS_SECRET!, issuer: 'puente', audience: 'elsewhere' })],
    ['a role that does not exist', () => new JwtService().sign({ sub: 'x', role: 'ROOT' }, { secret: process.env.JWT_ACCESS_SECRET!, issuer: 'puente', audience: 'puente-api' })],
    ['not a token at all', () => 'hello'],
  ])('refuses %s with UNAUTHENTICATED', async (_, token) => {
    const r = await api.gql(`{ employers(first: 1) { edges { node { id } } } }`, {}, token());
    expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps a temporary password good for nothing but choosing a new one, which signs out the other sessions', async () => {
    const email = `staff-${Date.now()}@puente.test`;
    const created = await api.gql(
      `mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { temporaryPassword } }`,
      { i: { email, role: 'COORDINATOR' } },
      await adminToken(api),
    );
    const temporary = created.data!.createStaffUser.temporaryPassword as string;
    const first = (await api.gql(LOGIN, { i: { identifier: email, password: temporary } })).data!.login;
    expect((await api.gql(`{ me { mustChangePassword } }`, {}, first.accessToken)).data!.me.mustChangePassword).toBe(true);
    const blocked = await api.gql(`{ employers(first: 1) { edges { node { id } } } }`, {}, first.accessToken);
    expect(codesOf(blocked)).toEqual(['FORBIDDEN']);
    expect(blocked.errors[0]!.message).toMatch(/Change your temporary password first/);

    const change = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken refreshToken user { mustChangePassword } } }`;
    const weak = await api.gql(change, { i: { currentPassword: temporary, newPassword: 'short' } }, first.accessToken);
    expect(weak.errors[0]!.extensions!.fields).toEqual([{ field: 'newPassword', message: 'must be at least 12 characters long' }]);
    const wrong = await api.gql(change, { i: { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-passphrase' } }, first.accessToken);
    expect(codesOf(wrong)).toEqual(['BAD_USER_INPUT']);

    const changed = (await api.gql(change, { i: { currentPassword: temporary, newPassword: 'a-brand-new-passphrase' } }, first.accessToken)).data!.changePassword;
    expect(changed.user.mustChangePassword).toBe(false);
    expect(codesOf(await api.gql(`{ employers(first: 1) { edges { node { id } } } }`, {}, changed.accessToken))).toEqual([]);
    expect(codesOf(await api.gql(LOGIN, { i: { identifier: email, password: temporary } }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: first.refreshToken } }))).toEqual(['UNAUTHENTICATED']);
    expect((await api.gql(REFRESH, { i: { refreshToken: changed.refreshToken } })).errors).toEqual([]);
  });

  it('throttles repeated sign-in attempts per account and address, aliased ones included', async () => {
    const tight = await startApi({ LOGIN_THROTTLE_LIMIT: '3', LOGIN_THROTTLE_WINDOW_SECONDS: '60' });
    try {
      const identifier = `target-${Date.now()}@puente.test`;
      const attempt = () => tight.gql(LOGIN, { i: { identifier, password: 'guess-password-1' } });
      for (let i = 0; i < 3; i++) expect(codesOf(await attempt())).toEqual(['UNAUTHENTICATED']);
      const blocked = await attempt();
      expect(codesOf(blocked)).toEqual(['TOO_MANY_REQUESTS']);
      expect(blocked.errors[0]!.message).toMatch(/Try again in \d+ seconds/);

      // Aliases do not multiply guesses: login is non-null, so the first failure ends the whole mutation, and
      // the one attempt that ran is counted.
      const other = `other-${Date.now()}@puente.test`;
      const aliased = await tight.gql(
        `mutation { ${[1, 2, 3, 4, 5].map((n) => `a${n}: login(input: { identifier: "${other}", password: "guess-${n}-password" }) { accessToken }`).join(' ')} }`,
      );
      expect(codesOf(aliased)).toEqual(['UNAUTHENTICATED']);
      const otherAttempt = () => tight.gql(LOGIN, { i: { identifier: other, password: 'guess-password-9' } });
      expect(codesOf(await otherAttempt())).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await otherAttempt())).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await otherAttempt())).toEqual(['TOO_MANY_REQUESTS']);
    } finally {
      await tight.close();
    }
  });

  it('answers browsers only from the configured web origins', async () => {
    const withCors = await startApi({ CORS_ORIGINS: 'https://portal.trabajo.example' });
    try {
      const preflight = (origin: string) =>
        request(withCors.app.getHttpServer())
          .options('/graphql')
          .set('origin', origin)
          .set('access-control-request-method', 'POST')
          .set('access-control-request-headers', 'content-type,authorization');
      expect((await preflight('https://portal.trabajo.example')).headers['access-control-allow-origin']).toBe('https://portal.trabajo.example');
      expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await withCors.close();
    }
    const same = await request(api.app.getHttpServer()).options('/graphql').set('origin', 'https://portal.trabajo.example').set('access-control-request-method', 'POST');
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reports health of PostgreSQL and Redis at /health', async () => {
    const res = await request(api.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.details).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('lets a signed-in employer read its own record', async () => {
    const token = await login(api, employer.email, employer.password);
    const r = await api.gql(`query($id: ID!) { employer(id: $id) { status contactEmail } }`, { id: employer.id }, token);
    expect(r.data!.employer).toEqual({ status: 'PENDING_VERIFICATION', contactEmail: employer.email });
  });
});
