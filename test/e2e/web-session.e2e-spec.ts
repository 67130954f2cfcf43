import request from 'supertest';
import { codesOf, GqlResult, startApi, TestApi } from '../support/api';
import { newCoordinator } from '../support/people';

/**
 * Web clients (X-Puente-Session: cookie) keep their refresh token in an httpOnly, SameSite=Strict cookie on
 * /graphql that no script can read: login, refreshToken and changePassword set it and answer refreshToken null;
 * refreshToken and signOut read it, only with the header (the CSRF defence). API clients are unchanged.
 */
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken expiresIn user { id } } }`;
const REFRESH_FROM_COOKIE = `mutation { refreshToken { accessToken refreshToken } }`;
const REFRESH = `mutation($i: RefreshTokenInput) { refreshToken(input: $i) { accessToken refreshToken } }`;
const SIGN_OUT = `mutation($i: SignOutInput) { signOut(input: $i) }`;
const REFRESH_TTL_SECONDS = 14 * 86_400;

interface Call {
  // Response trees are read freely, as in support/api.ts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result: GqlResult<Record<string, any>>;
  /** The Set-Cookie header of puente_refresh, if any. */
  setCookie: string | undefined;
}

describe('browser sessions: the refresh token in an httpOnly cookie', () => {
  let api: TestApi;
  let person: { email: string; password: string };

  beforeAll(async () => {
    api = await startApi();
    const coordinator = await newCoordinator(api);
    person = { email: coordinator.email, password: coordinator.password };
  });
  afterAll(() => api.close());

  /** One GraphQL call, as a browser (web: true, with the header) or not, with an optional cookie and Host. */
  async function call(query: string, variables: Record<string, unknown>, options: { web?: boolean; cookie?: string; host?: string; token?: string } = {}): Promise<Call> {
    const req = request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (options.web) req.set('x-puente-session', 'cookie');
    if (options.cookie) req.set('cookie', options.cookie);
    if (options.host) req.set('host', options.host);
    if (options.token) req.set('authorization', `Bearer ${options.token}`);
    const res = await req.send({ query, variables });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return {
      result: { status: res.status, data: res.body?.data ?? null, errors: res.body?.errors ?? [] },
      setCookie: cookies.find((c) => c.startsWith('puente_refresh=')),
    };
  }

  const attributes = (setCookie: string | undefined) => (setCookie ?? '').split(';').slice(1).map((a) => a.trim().toLowerCase());
  /** The Cookie header a browser sends back for a Set-Cookie. */
  const cookieOf = (setCookie: string | undefined) => setCookie!.split(';')[0]!;
  const credentials = () => ({ i: { identifier: person.email, password: person.password } });

  it('login as a web client sets the cookie (HttpOnly, SameSite=Strict, Path=/graphql, the token lifetime; not Secure on 127.0.0.1) and returns refreshToken null', async () => {
    const { result, setCookie } = await call(LOGIN, credentials(), { web: true });
    expect(codesOf(result)).toEqual([]);
    expect(result.data!.login.accessToken).toEqual(expect.any(String));
    expect(result.data!.login.refreshToken).toBeNull();
    expect(setCookie).toMatch(/^puente_refresh=[A-Za-z0-9_-]{40,};/);
    const attrs = attributes(setCookie);
    expect(attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/graphql', `max-age=${REFRESH_TTL_SECONDS}`]));
    expect(attrs).not.toContain('secure');
  });

  it('the cookie is Secure for any host but the local machine', async () => {
    for (const host of ['portal.example.org', 'puente.trabajo.gob.sv:443']) {
      const { setCookie } = await call(LOGIN, credentials(), { web: true, host });
      expect({ host, secure: attributes(setCookie).includes('secure') }).toEqual({ host, secure: true });
    }
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:3000']) {
      const { setCookie } = await call(LOGIN, credentials(), { web: true, host });
      expect({ host, secure: attributes(setCookie).includes('secure') }).toEqual({ host, secure: false });
    }
  });

  it('refreshToken with the cookie gives a new access token and a rotated cookie; the old cookie then fails and is cleared', async () => {
    const first = await call(LOGIN, credentials(), { web: true });
    const refreshed = await call(REFRESH_FROM_COOKIE, {}, { web: true, cookie: cookieOf(first.setCookie) });
    expect(codesOf(refreshed.result)).toEqual([]);
    expect(refreshed.result.data!.refreshToken.accessToken).toEqual(expect.any(String));
    expect(refreshed.result.data!.refreshToken.refreshToken).toBeNull();
    expect(cookieOf(refreshed.setCookie)).not.toBe(cookieOf(first.setCookie));
    expect(attributes(refreshed.setCookie)).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/graphql']));
    const me = await api.gql(`{ me { id } }`, {}, refreshed.result.data!.refreshToken.accessToken);
    expect(me.data!.me.id).toBe(first.result.data!.login.user.id);

    // The same code as an invalid refresh token of an API client.
    const invalidForApiClient = codesOf(await api.gql(REFRESH, { i: { refreshToken: 'not-a-refresh-token' } }));
    expect(invalidForApiClient).toEqual(['UNAUTHENTICATED']);
    const reused = await call(REFRESH_FROM_COOKIE, {}, { web: true, cookie: cookieOf(first.setCookie) });
    expect(codesOf(reused.result)).toEqual(invalidForApiClient);
    expect(reused.result.data).toBeNull();
    expect(cookieOf(reused.setCookie)).toBe('puente_refresh=');
    expect(attributes(reused.setCookie)).toEqual(expect.arrayContaining(['max-age=0', 'path=/graphql', 'httponly']));
    // Reuse revoked the family: the rotated cookie is dead too.
    expect(codesOf((await call(REFRESH_FROM_COOKIE, {}, { web: true, cookie: cookieOf(refreshed.setCookie) })).result)).toEqual(invalidForApiClient);
  });

  it('no cookie, or a cookie that is not a token, is the same refusal, and clears the cookie', async () => {
    for (const cookie of [undefined, 'puente_refresh=garbage', 'puente_refresh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const r = await call(REFRESH_FROM_COOKIE, {}, { web: true, ...(cookie ? { cookie } : {}) });
      expect({ cookie, codes: codesOf(r.result) }).toEqual({ cookie, codes: ['UNAUTHENTICATED'] });
      expect(cookieOf(r.setCookie)).toBe('puente_refresh=');
    }
  });

  it('without the X-Puente-Session header the cookie is ignored (a cross-site request cannot use it)', async () => {
    const { setCookie } = await call(LOGIN, credentials(), { web: true });
    const forged = await call(REFRESH_FROM_COOKIE, {}, { cookie: cookieOf(setCookie) });
    expect(codesOf(forged.result)).toEqual(['UNAUTHENTICATED']);
    expect(forged.setCookie).toBeUndefined();
    // signOut without the header does not touch the cookie's session either.
    expect((await call(SIGN_OUT, {}, { cookie: cookieOf(setCookie) })).result.data).toEqual({ signOut: true });
    // The cookie still works for the real web client: neither call consumed nor revoked it.
    expect(codesOf((await call(REFRESH_FROM_COOKIE, {}, { web: true, cookie: cookieOf(setCookie) })).result)).toEqual([]);
  });

  it('signOut revokes the session of the cookie and clears it; a refresh afterwards fails', async () => {
    const first = await call(LOGIN, credentials(), { web: true });
    const rotated = await call(REFRESH_FROM_COOKIE, {}, { web: true, cookie: cookieOf(first.setCookie) });
    const out = await call(SIGN_OUT, {}, { web: true, cookie: cookieOf(rotated.setCookie) });
    expect(out.result.data).toEqual({ signOut: true });
    expect(cookieOf(out.setCookie)).toBe('puente_refresh=');
    expect(attributes(out.setCookie)).toEqual(expect.arrayContaining(['max-age=0', 'path=/graphql']));
    expect(codesOf((await call(REFRESH_FROM_COOKIE, {}, { web: true, cookie: cookieOf(rotated.setCookie) })).result)).toEqual(['UNAUTHENTICATED']);
    // Nothing left to revoke: still true.
    expect((await call(SIGN_OUT, {}, { web: true })).result.data).toEqual({ signOut: true });
    expect((await call(SIGN_OUT, {}, { web: true, cookie: cookieOf(rotated.setCookie) })).result.data).toEqual({ signOut: true });
  });

  it('changePassword as a web client sets a new cookie too', async () => {
    const coordinator = await newCoordinator(api);
    const { result } = await call(LOGIN, { i: { identifier: coordinator.email, password: coordinator.password } }, { web: true });
    const changed = await call(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken refreshToken } }`,
      { i: { currentPassword: coordinator.password, newPassword: 'another-long-passphrase-2026' } },
      { web: true, token: result.data!.login.accessToken },
    );
    expect(codesOf(changed.result)).toEqual([]);
    expect(changed.result.data!.changePassword.refreshToken).toBeNull();
    expect(codesOf((await call(REFRESH_FROM_COOKIE, {}, { web: true, cookie: cookieOf(changed.setCookie) })).result)).toEqual([]);
  });

  describe('API clients (no header) work exactly as before', () => {
    it('login returns the refresh token in the payload and sets no cookie; refreshToken(input) rotates it', async () => {
      const login = await call(LOGIN, credentials());
      expect(login.setCookie).toBeUndefined();
      const token = login.result.data!.login.refreshToken as string;
      expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const refreshed = await call(`mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken } }`, { i: { refreshToken: token } });
      expect(refreshed.setCookie).toBeUndefined();
      expect(refreshed.result.data!.refreshToken.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: token } }))).toEqual(['UNAUTHENTICATED']);
    });

    it('refreshToken without input or cookie is refused like an invalid token', async () => {
      expect(codesOf(await api.gql(REFRESH_FROM_COOKIE))).toEqual(['UNAUTHENTICATED']);
    });

    it('signOut(input: { refreshToken }) revokes that token; a refresh afterwards fails', async () => {
      const token = (await call(LOGIN, credentials())).result.data!.login.refreshToken as string;
      const out = await call(SIGN_OUT, { i: { refreshToken: token } });
      expect(out.result.data).toEqual({ signOut: true });
      expect(out.setCookie).toBeUndefined();
      expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: token } }))).toEqual(['UNAUTHENTICATED']);
    });
  });
});
