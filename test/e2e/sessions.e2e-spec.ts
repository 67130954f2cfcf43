import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { codesOf, startApi, TestApi } from '../support/api';
import { adminToken, employerInput, newApplicant, newCoordinator } from '../support/people';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken user { id } } }`;
const REFRESH = `mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken refreshToken } }`;
const ME = `{ me { id active } }`;
const LOGIN_SHORT = `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken expiresIn } }`;
const DEACTIVATE = `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { id active } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(userId: $id) { id active } }`;

interface OpenSocket {
  closed: Promise<{ code: number; reason: string; at: number }>;
  close(): void;
}

/** A graphql-ws connection signed in with this token, acknowledged by the api; `closed` says when and how it ends. */
function openSocket(api: TestApi, token: string, subscribe?: string): Promise<OpenSocket> {
  const socket = new WebSocket(`${api.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() })),
  );
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string };
      if (message.type !== 'connection_ack') return;
      if (subscribe) socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: subscribe } }));
      resolve({ closed, close: () => socket.close() });
    });
    void closed.then((c) => reject(new Error(`closed before acknowledged: ${c.code} ${c.reason}`)));
  });
}

describe('sessions end when they should', () => {
  let api: TestApi;
  /** A second api process: it hears of ended sessions only through Redis, like another replica would. */
  let replica: TestApi;
  let coordinator: string;

  beforeAll(async () => {
    api = await startApi();
    replica = await startApi();
    coordinator = (await newCoordinator(api)).token;
  });
  afterAll(async () => {
    await replica?.close();
    await api?.close();
  });

  const signIn = async (identifier: string, password: string) => {
    const r = await api.gql(LOGIN, { i: { identifier, password } });
    expect(r.errors).toEqual([]);
    return r.data!.login as { accessToken: string; refreshToken: string; user: { id: string } };
  };

  it("suspending an employer refuses its open HTTP session and closes its WebSocket within a second; it cannot sign in or refresh until verified again", async () => {
    const input = employerInput();
    const registered = await api.gql(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input });
    const employerId = registered.data!.registerEmployer.id as string;
    await api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id: employerId }, coordinator);
    const session = await signIn(input.contactEmail, input.password);
    const other = await signIn(input.contactEmail, input.password);
    expect(codesOf(await api.gql(ME, {}, session.accessToken))).toEqual([]);
    const socket = await openSocket(api, session.accessToken);
    const onReplica = await openSocket(replica, other.accessToken);
    expect(codesOf(await replica.gql(ME, {}, other.accessToken))).toEqual([]);

    const suspended = await api.gql(
      `mutation($i: SuspendEmployerInput!) { suspendEmployer(input: $i) { status } }`,
      { i: { id: employerId, reason: 'Substantiated case: passports retained by the supervisor.' } },
      coordinator,
    );
    // "At once": measured from the moment the coordinator is told it is done (the change has committed).
    const started = Date.now();
    expect(suspended.data!.suspendEmployer.status).toBe('SUSPENDED');
    const refused = await api.gql(ME, {}, session.accessToken);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors[0]!.message).toMatch(/session has ended.*sign in again/i);
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/employer is suspended/);
    expect(closed.at - started).toBeLessThan(1000);
    // The other api process refuses and closes too: it heard of the suspension through Redis.
    expect(codesOf(await replica.gql(ME, {}, other.accessToken))).toEqual(['UNAUTHENTICATED']);
    const closedThere = await onReplica.closed;
    expect(closedThere.code).toBe(4403);
    expect(closedThere.at - started).toBeLessThan(1000);

    const login = await api.gql(LOGIN, { i: { identifier: input.contactEmail, password: input.password } });
    expect(codesOf(login)).toEqual(['UNAUTHENTICATED']);
    expect(login.errors[0]!.message).toMatch(/suspended/);
    expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: other.refreshToken } }))).toEqual(['UNAUTHENTICATED']);
    await expect(openSocket(api, other.accessToken)).rejects.toThrow(/closed before acknowledged/);

    // verifyEmployer reinstates it: its users sign in again, but what was open before the suspension stays ended.
    const reinstated = await api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { status } }`, { id: employerId }, coordinator);
    expect(reinstated.data!.verifyEmployer.status).toBe('VERIFIED');
    const again = await signIn(input.contactEmail, input.password);
    expect(codesOf(await api.gql(ME, {}, again.accessToken))).toEqual([]);
    expect(codesOf(await api.gql(ME, {}, other.accessToken))).toEqual(['UNAUTHENTICATED']);
  });

  it('changePassword ends every other session at once, HTTP and WebSocket, and the caller goes on with new tokens', async () => {
    const applicant = await newApplicant(api, coordinator);
    const old = await signIn(applicant.nationalId, applicant.password);
    const caller = await signIn(applicant.nationalId.replace('-', ''), applicant.password);
    const socket = await openSocket(api, old.accessToken, `subscription { myStatusChanged { stage } }`);

    const changed = await api.gql(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken refreshToken } }`,
      { i: { currentPassword: applicant.password, newPassword: 'another-long-passphrase-2026' } },
      caller.accessToken,
    );
    const started = Date.now();
    expect(changed.errors).toEqual([]);
    expect(codesOf(await api.gql(ME, {}, old.accessToken))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await api.gql(ME, {}, caller.accessToken))).toEqual(['UNAUTHENTICATED']);
    expect(Date.now() - started).toBeLessThan(1000);
    const closed = await socket.closed;
    expect(closed).toMatchObject({ code: 4403, reason: expect.stringMatching(/password was changed/) });
    expect(closed.at - started).toBeLessThan(1000);
    expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: old.refreshToken } }))).toEqual(['UNAUTHENTICATED']);

    const fresh = changed.data!.changePassword as { accessToken: string; refreshToken: string };
    expect(codesOf(await api.gql(ME, {}, fresh.accessToken))).toEqual([]);
    expect((await api.gql(REFRESH, { i: { refreshToken: fresh.refreshToken } })).errors).toEqual([]);
    const live = await openSocket(api, fresh.accessToken);
    live.close();
  });

  it('a temporary password issued at the desk ends the applicant’s sessions', async () => {
    const applicant = await newApplicant(api, coordinator);
    const socket = await openSocket(api, applicant.token);
    const issued = await api.gql(`mutation($id: ID!) { issueTemporaryPassword(applicantId: $id) { temporaryPassword } }`, { id: applicant.id }, coordinator);
    expect(issued.errors).toEqual([]);
    expect(codesOf(await api.gql(ME, {}, applicant.token))).toEqual(['UNAUTHENTICATED']);
    expect((await socket.closed).code).toBe(4403);
  });

  it('a deactivated applicant is signed out at once and cannot sign in or refresh until reactivated; coordinators deactivate applicants only', async () => {
    const applicant = await newApplicant(api, coordinator);
    const session = await signIn(applicant.nationalId, applicant.password);
    const userId = session.user.id;
    const socket = await openSocket(api, session.accessToken);

    expect(codesOf(await api.gql(DEACTIVATE, { i: { userId, reason: 'short' } }, coordinator))).toEqual(['BAD_USER_INPUT']);
    const r = await api.gql(DEACTIVATE, { i: { userId, reason: 'The applicant asked to leave the program.' } }, coordinator);
    const started = Date.now();
    expect(r.data!.deactivateUser).toEqual({ id: userId, active: false });
    expect(codesOf(await api.gql(ME, {}, session.accessToken))).toEqual(['UNAUTHENTICATED']);
    const closed = await socket.closed;
    expect(closed).toMatchObject({ code: 4403, reason: expect.stringMatching(/deactivated/) });
    expect(closed.at - started).toBeLessThan(1000);
    expect(codesOf(await api.gql(LOGIN, { i: { identifier: applicant.nationalId, password: applicant.password } }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await api.gql(REFRESH, { i: { refreshToken: session.refreshToken } }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await api.gql(DEACTIVATE, { i: { userId, reason: 'The applicant asked to leave the program.' } }, coordinator))).toEqual(['INVALID_TRANSITION']);
    const audit = await api.app.get(DataSource).query(`SELECT action, reason FROM audit_event WHERE entity = 'app_user' AND entity_id = $1`, [userId]);
    expect(audit).toEqual([{ action: 'deactivate-user', reason: 'The applicant asked to leave the program.' }]);

    expect((await api.gql(REACTIVATE, { id: userId }, coordinator)).data!.reactivateUser).toEqual({ id: userId, active: true });
    expect(await api.app.get(DataSource).query(`SELECT action FROM audit_event WHERE entity = 'app_user' AND entity_id = $1 AND action = 'reactivate-user'`, [userId])).toHaveLength(1);
    const back = await signIn(applicant.nationalId, applicant.password);
    expect(codesOf(await api.gql(ME, {}, back.accessToken))).toEqual([]);
    expect(codesOf(await api.gql(ME, {}, session.accessToken))).toEqual(['UNAUTHENTICATED']);
  });

  it("a coordinator finds an applicant's login through Applicant.loginId and deactivates it; the applicant cannot read it", async () => {
    const applicant = await newApplicant(api, coordinator);
    const q = `query($id: ID!) { applicant(id: $id) { id loginId } }`;
    const found = await api.gql(q, { id: applicant.id }, coordinator);
    expect(found.errors).toEqual([]);
    const loginId = found.data!.applicant.loginId as string;
    expect(loginId).toBe((await api.gql(ME, {}, applicant.token)).data!.me.id);
    expect(codesOf(await api.gql(q, { id: applicant.id }, applicant.token))).toEqual(['FORBIDDEN']);

    const r = await api.gql(DEACTIVATE, { i: { userId: loginId, reason: 'The applicant asked to leave the program.' } }, coordinator);
    expect(r.data!.deactivateUser).toEqual({ id: loginId, active: false });
    expect(codesOf(await api.gql(ME, {}, applicant.token))).toEqual(['UNAUTHENTICATED']);
  });

  it('coordinators cannot deactivate staff or employer logins, nobody their own; administrators can', async () => {
    const other = await newCoordinator(api);
    const otherId = (await api.gql(ME, {}, other.token)).data!.me.id as string;
    const reason = 'Left the ministry at the end of the contract.';
    expect(codesOf(await api.gql(DEACTIVATE, { i: { userId: otherId, reason } }, coordinator))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(DEACTIVATE, { i: { userId: otherId, reason } }, other.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(DEACTIVATE, { i: { userId: '00000000-0000-4000-8000-000000000000', reason } }, coordinator))).toEqual(['NOT_FOUND']);
    const admin = await adminToken(api);
    expect((await api.gql(DEACTIVATE, { i: { userId: otherId, reason } }, admin)).data!.deactivateUser.active).toBe(false);
    expect(codesOf(await api.gql(ME, {}, other.token))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await api.gql(LOGIN, { i: { identifier: other.email, password: other.password } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('closes a WebSocket with 4401 when its access token expires; the client refreshes and reconnects', async () => {
    const applicant = await newApplicant(api, coordinator);
    const short = await startApi({ JWT_ACCESS_TTL_SECONDS: '5' });
    try {
      const r = await short.gql(LOGIN_SHORT, { i: { identifier: applicant.nationalId, password: applicant.password } });
      const { accessToken, refreshToken, expiresIn } = r.data!.login as { accessToken: string; refreshToken: string; expiresIn: number };
      expect(expiresIn).toBe(5);
      const expiry = (new JwtService().decode(accessToken) as { exp: number }).exp * 1000;
      const socket = await openSocket(short, accessToken, `subscription { myStatusChanged { stage } }`);
      const closed = await socket.closed;
      expect(closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/expired: reconnect with a fresh access token/) });
      expect(Math.abs(closed.at - expiry)).toBeLessThan(1000);
      expect(codesOf(await short.gql(ME, {}, accessToken))).toEqual(['UNAUTHENTICATED']);
      // Re-authenticating is refreshing the token and opening a new socket with it.
      const fresh = await short.gql(REFRESH, { i: { refreshToken } });
      expect(fresh.errors).toEqual([]);
      const again = await openSocket(short, fresh.data!.refreshToken.accessToken as string);
      again.close();
    } finally {
      await short.close();
    }
  }, 20_000);
});
