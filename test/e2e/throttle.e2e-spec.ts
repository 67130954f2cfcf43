import { randomInt } from 'node:crypto';
import request from 'supertest';
import { codesOf, GqlError, startApi, TestApi } from '../support/api';
import { newApplicant, newCoordinator, randomDui } from '../support/people';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`;
const RESET = `mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }`;
const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`;

/**
 * The brakes of issue 11 on an api with tight limits (2 per identifier or user, 3 per address). Every call to it
 * comes from its own made-up client address (X-Forwarded-For, TRUST_PROXY=true) so its counters are this file's
 * alone: the other suites sign in from 127.0.0.1 under the same Redis prefix.
 */
describe('throttling', () => {
  let api: TestApi;
  let tight: TestApi;

  beforeAll(async () => {
    api = await startApi();
    tight = await startApi({ LOGIN_THROTTLE_LIMIT: '2', PUBLIC_ADDRESS_THROTTLE_LIMIT: '3', LOGIN_THROTTLE_WINDOW_SECONDS: '60', TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await tight?.close();
    await api?.close();
  });

  const address = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 255)}`;
  const call = async (query: string, variables: Record<string, unknown>, from: string, token?: string) => {
    const req = request(tight.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', from);
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    const errors = (res.body?.errors ?? []) as (GqlError & { extensions?: { retryAfterSeconds?: number } })[];
    return { errors, retryAfter: res.headers['retry-after'] as string | undefined };
  };
  const expectThrottled = (r: Awaited<ReturnType<typeof call>>) => {
    expect(codesOf(r)).toEqual(['TOO_MANY_REQUESTS']);
    const seconds = r.errors[0]!.extensions!.retryAfterSeconds!;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(r.errors[0]!.message).toContain(`Try again in ${seconds} seconds`);
    expect(r.retryAfter).toBe(String(seconds));
  };

  it('counts a DUI with and without its dash as one identifier', async () => {
    const from = address();
    const dui = randomDui();
    expect(codesOf(await call(LOGIN, { i: { identifier: dui, password: 'guess-password-1' } }, from))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await call(LOGIN, { i: { identifier: dui.replace('-', ''), password: 'guess-password-2' } }, from))).toEqual(['UNAUTHENTICATED']);
    expectThrottled(await call(LOGIN, { i: { identifier: ` ${dui.replace('-', '')} `, password: 'guess-password-3' } }, from));
    expectThrottled(await call(LOGIN, { i: { identifier: dui, password: 'guess-password-4' } }, from));
  });

  it('limits one address across identifiers and public operations, and not another address', async () => {
    const from = address();
    for (let n = 0; n < 3; n++) {
      expect(codesOf(await call(LOGIN, { i: { identifier: `nobody-${n}-${Date.now()}@puente.test`, password: 'guess-password-1' } }, from))).toEqual(['UNAUTHENTICATED']);
    }
    expectThrottled(await call(LOGIN, { i: { identifier: `someone-else-${Date.now()}@puente.test`, password: 'guess-password-1' } }, from));
    expectThrottled(await call(RESET, { i: { email: `another-${Date.now()}@puente.test` } }, from));
    // A refresh is never throttled (a single-use secret, presented at every page load of the portal).
    expect(codesOf(await call(`mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken } }`, { i: { refreshToken: 'not-a-token' } }, from))).toEqual([
      'UNAUTHENTICATED',
    ]);
    let other = address();
    while (other === from) other = address();
    expect(codesOf(await call(LOGIN, { i: { identifier: `nobody-${Date.now()}@puente.test`, password: 'guess-password-1' } }, other))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets one address refresh sessions as often as pages load (more than both limits)', async () => {
    const from = address();
    // Created through the api with the usual limits: the tight one would spend the shared admin login counter.
    const person = await newCoordinator(api);
    let refreshToken = (
      await request(tight.app.getHttpServer())
        .post('/graphql')
        .set('x-forwarded-for', from)
        .send({ query: 'mutation($i: LoginInput!) { login(input: $i) { refreshToken } }', variables: { i: { identifier: person.email, password: person.password } } })
    ).body.data.login.refreshToken as string;
    for (let n = 0; n < 6; n++) {
      const r = await request(tight.app.getHttpServer())
        .post('/graphql')
        .set('x-forwarded-for', from)
        .send({ query: 'mutation($i: RefreshTokenInput) { refreshToken(input: $i) { refreshToken } }', variables: { i: { refreshToken } } });
      expect(r.body.errors).toBeUndefined();
      refreshToken = r.body.data.refreshToken.refreshToken;
    }
  });

  it('limits password-reset requests per account across addresses', async () => {
    const email = `Reset-Target-${Date.now()}@Puente.test`;
    expect((await call(RESET, { i: { email } }, '192.0.2.10')).errors).toEqual([]);
    expect((await call(RESET, { i: { email: email.toLowerCase() } }, '192.0.2.11')).errors).toEqual([]);
    expectThrottled(await call(RESET, { i: { email } }, '192.0.2.12'));
  });

  it('limits changePassword per user, whatever the address', async () => {
    const coordinator = (await newCoordinator(api)).token;
    const applicant = await newApplicant(api, coordinator);
    const wrong = { i: { currentPassword: 'not-the-password-at-all', newPassword: 'a-new-long-passphrase' } };
    // The first sign-in changed the temporary password once already (on the other api: the counter is shared).
    expect(codesOf(await call(CHANGE, wrong, address(), applicant.token))).toEqual(['BAD_USER_INPUT']);
    expectThrottled(await call(CHANGE, { i: { currentPassword: applicant.password, newPassword: 'a-new-long-passphrase' } }, address(), applicant.token));
    // Another user is not held back by it.
    const other = await newApplicant(api, coordinator);
    expect(codesOf(await call(CHANGE, wrong, address(), other.token))).toEqual(['BAD_USER_INPUT']);
  });
});
