import request from 'supertest';
import { DataSource } from 'typeorm';
import { QueueName } from '@puente/queue-contracts';
import { DASHBOARD_CSP } from '../../apps/api/src/queue-dashboard/queue-dashboard';
import { dashboardExpiresAt, signDashboardPass } from '../../apps/api/src/queue-dashboard/queue-dashboard.rules';
import { codesOf, startApi, TestApi } from '../support/api';
import { adminToken, login, newApplicant, newConsul, newCoordinator, newEmployer } from '../support/people';

const LINK = `mutation { queueDashboardLink { url expiresAt } }`;

/**
 * The administrators' queue dashboard at /admin/queues: only a link from queueDashboardLink opens it, only for an
 * active administrator whose sessions have not ended since, and nothing under /admin/queues answers without its
 * cookie but 401/403, naming no queue.
 */
describe('queue dashboard', () => {
  let api: TestApi;
  const secret = () => process.env.QUEUE_DASHBOARD_SECRET!;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const http = () => request(api.app.getHttpServer());

  /** A second administrator (the bootstrap one is shared with every suite, so it is never deactivated here). */
  async function newAdmin(): Promise<{ id: string; email: string; password: string; token: string }> {
    const email = `admin-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@puente.test`;
    const created = await api.gql(
      `mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { user { id } temporaryPassword } }`,
      { i: { email, role: 'ADMIN' } },
      await adminToken(api),
    );
    const { user, temporaryPassword } = created.data!.createStaffUser;
    const password = `admin-${Math.random().toString(36).slice(2)}-passphrase`;
    const changed = await api.gql(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
      { i: { currentPassword: temporaryPassword, newPassword: password } },
      await login(api, email, temporaryPassword),
    );
    return { id: user.id, email, password, token: changed.data!.changePassword.accessToken };
  }

  async function linkOf(token: string): Promise<string> {
    const r = await api.gql(LINK, {}, token);
    expect(r.errors).toEqual([]);
    return r.data!.queueDashboardLink.url as string;
  }

  /** Follows a link as a browser would; the cookie it sets, as a Cookie header. */
  async function follow(url: string): Promise<string> {
    const res = await http().get(url);
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe('/admin/queues/');
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^puente_queues=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+; Max-Age=900; Path=\/admin\/queues; HttpOnly; SameSite=Strict$/);
    return setCookie[0]!.split(';')[0]!;
  }

  /** A refusal: the status, a code, and not one queue name in the body. */
  function expectRefused(res: request.Response, status: 401 | 403) {
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    for (const name of Object.values(QueueName)) expect(res.text).not.toContain(`"${name}"`);
  }

  it('an administrator gets a 15-minute link; following it sets the cookie, and the dashboard lists every queue', async () => {
    const before = Date.now();
    const r = await api.gql(LINK, {}, await adminToken(api));
    expect(r.errors).toEqual([]);
    const { url, expiresAt } = r.data!.queueDashboardLink;
    expect(url).toMatch(/^\/admin\/queues\?token=/);
    expect(new Date(expiresAt).getTime() - before).toBeGreaterThan(14 * 60_000);
    expect(new Date(expiresAt).getTime() - before).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    const cookie = await follow(url);
    const queues = await http().get('/admin/queues/api/queues').set('cookie', cookie);
    expect(queues.status).toBe(200);
    expect(queues.headers['cache-control']).toBe('no-store');
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QueueName).sort());

    // The page and its files, under a CSP of the dashboard's own.
    const page = await http().get('/admin/queues/').set('cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    expect(page.text).toContain('<base href="/admin/queues/"');
    const script = /<script defer src="(static\/js\/[^"]+\.js)"/.exec(page.text)![1]!;
    expect((await http().get(`/admin/queues/${script}`).set('cookie', cookie)).status).toBe(200);
    expectRefused(await http().get(`/admin/queues/${script}`), 401);
  });

  it('nobody but an administrator gets a link', async () => {
    const coordinator = await newCoordinator(api);
    const tokens = {
      coordinator: coordinator.token,
      employer: (await newEmployer(api, coordinator.token)).token,
      applicant: (await newApplicant(api, coordinator.token)).token,
      consul: (await newConsul(api)).token,
    };
    for (const token of Object.values(tokens)) {
      const r = await api.gql(LINK, {}, token);
      expect(codesOf(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    }
    expect(codesOf(await api.gql(LINK))).toEqual(['UNAUTHENTICATED']);
  });

  it('without a cookie, or with a forged or expired one, every path under /admin/queues is 401', async () => {
    const admin = await newAdmin();
    const forged = signDashboardPass('cookie', { userId: admin.id, sessionVersion: 1, expiresAt: dashboardExpiresAt(new Date()) }, 'f'.repeat(48));
    const expired = signDashboardPass('cookie', { userId: admin.id, sessionVersion: 1, expiresAt: new Date(Date.now() - 1000) }, secret());
    for (const cookie of [undefined, 'puente_queues=', `puente_queues=${forged}`, `puente_queues=${expired}`, 'puente_queues=nonsense']) {
      for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues', '/admin/queues/api/redis/stats', '/admin/queues/queue/maintenance', '/admin/queues/static/js/x.js', '/admin/queues/no/such/path']) {
        const req = http().get(path);
        expectRefused(await (cookie ? req.set('cookie', cookie) : req), 401);
      }
      const put = http().put('/admin/queues/api/queues/maintenance/pause');
      expectRefused(await (cookie ? put.set('cookie', cookie) : put), 401);
    }
  });

  it('a forged, expired or malformed link is 403 and sets no cookie', async () => {
    const admin = await newAdmin();
    const claims = { userId: admin.id, sessionVersion: 1, expiresAt: dashboardExpiresAt(new Date()) };
    const links = [
      signDashboardPass('link', claims, 'f'.repeat(48)),
      signDashboardPass('link', { ...claims, expiresAt: new Date(Date.now() - 1000) }, secret()),
      // A cookie's pass is no link.
      signDashboardPass('cookie', claims, secret()),
      'nonsense',
    ];
    for (const token of links) {
      const res = await http().get(`/admin/queues?token=${encodeURIComponent(token)}`);
      expectRefused(res, 403);
      expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/puente_queues=[^;]/);
    }
  });

  it('a well-signed link or cookie of a user who is not an administrator opens nothing', async () => {
    const coordinator = await newCoordinator(api);
    const [{ session_version: version }] = await api.app.get(DataSource).query(`SELECT session_version FROM app_user WHERE id = $1`, [coordinator.id]);
    const claims = { userId: coordinator.id, sessionVersion: version, expiresAt: dashboardExpiresAt(new Date()) };
    expectRefused(await http().get(`/admin/queues?token=${encodeURIComponent(signDashboardPass('link', claims, secret()))}`), 403);
    expectRefused(await http().get('/admin/queues/api/queues').set('cookie', `puente_queues=${signDashboardPass('cookie', claims, secret())}`), 403);
  });

  it("an administrator's link and cookie stop working when their sessions end (password changed) or they are deactivated", async () => {
    const admin = await newAdmin();
    const oldLink = await linkOf(admin.token);
    const oldCookie = await follow(await linkOf(admin.token));
    expect((await http().get('/admin/queues/api/queues').set('cookie', oldCookie)).status).toBe(200);

    // A new password ends every session: the link and the cookie made before are refused, a new link works.
    const changed = await api.gql(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
      { i: { currentPassword: admin.password, newPassword: `${admin.password}-2` } },
      admin.token,
    );
    const token = changed.data!.changePassword.accessToken as string;
    expectRefused(await http().get(oldLink), 403);
    const refused = await http().get('/admin/queues/api/queues').set('cookie', oldCookie);
    expectRefused(refused, 403);
    // …and the refused cookie is cleared.
    expect(String(refused.headers['set-cookie'])).toContain('puente_queues=; Max-Age=0');
    const link = await linkOf(token);
    const cookie = await follow(await linkOf(token));
    expect((await http().get('/admin/queues/api/queues').set('cookie', cookie)).status).toBe(200);

    // Deactivated by another administrator: the link not yet followed and the cookie are refused at once.
    const deactivated = await api.gql(
      `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { active } }`,
      { i: { userId: admin.id, reason: 'Left the ministry; access to be closed.' } },
      await adminToken(api),
    );
    expect(deactivated.errors).toEqual([]);
    expectRefused(await http().get(link), 403);
    expectRefused(await http().get('/admin/queues/api/queues').set('cookie', cookie), 403);
  });

  it('lets an administrator act on jobs, but not add jobs, rewrite their data, empty or obliterate a queue, nor take a change from another origin', async () => {
    const cookie = await follow(await linkOf(await adminToken(api)));
    const counts = async () => (await http().get('/admin/queues/api/queues').set('cookie', cookie)).body.queues.find((q: { name: string }) => q.name === QueueName.Maintenance).counts;
    const before = await counts();

    const add = await http().post('/admin/queues/api/queues/maintenance/add').set('cookie', cookie).send({ name: 'maintenance.purge-expired-refresh-tokens', data: {} });
    expect(add.status).toBe(403);
    expect(add.body.message).toMatch(/does not add jobs/);
    for (const [method, path] of [
      ['patch', '/admin/queues/api/queues/maintenance/some-job/update-data'],
      ['put', '/admin/queues/api/queues/maintenance/empty'],
      ['put', '/admin/queues/api/queues/maintenance/obliterate'],
      ['put', '/admin/queues/api/queues/maintenance/job-schedulers/any/remove'],
    ] as const) {
      expect((await http()[method](path).set('cookie', cookie).send({})).status).toBe(403);
    }
    expect(await counts()).toEqual(before);

    // Retrying a job passes the gate (bull-board itself answers: there is no such job), unless it comes from elsewhere.
    const retry = await http().put('/admin/queues/api/queues/maintenance/no-such-job/retry').set('cookie', cookie);
    expect(retry.status).toBe(404);
    expect(retry.body.code).toBeUndefined();
    const crossSite = await http().put('/admin/queues/api/queues/maintenance/no-such-job/retry').set('cookie', cookie).set('origin', 'https://elsewhere.example');
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.message).toMatch(/its own page only/);
  });

  it("keeps its own CSP in production, where the api's own allows nothing", async () => {
    const prod = await startApi({ NODE_ENV: 'production' });
    try {
      const r = await prod.gql(LINK, {}, await adminToken(prod));
      const res = await request(prod.app.getHttpServer()).get(r.data!.queueDashboardLink.url);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      const page = await request(prod.app.getHttpServer()).get('/admin/queues/').set('cookie', cookie);
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toBe(DASHBOARD_CSP);
      expect((await request(prod.app.getHttpServer()).get('/health')).headers['content-security-policy']).toMatch(/^default-src 'none'/);
    } finally {
      await prod.close();
    }
  });

  it('is not mounted, and hands out no link, without QUEUE_DASHBOARD_SECRET', async () => {
    const off = await startApi({ QUEUE_DASHBOARD_SECRET: '' });
    try {
      const r = await off.gql(LINK, {}, await adminToken(off));
      expect(codesOf(r)).toEqual(['NOT_FOUND']);
      expect(r.errors[0]!.message).toMatch(/QUEUE_DASHBOARD_SECRET/);
      const res = await request(off.app.getHttpServer()).get('/admin/queues/api/queues').set('accept', 'text/html');
      expect(res.status).toBe(404);
      for (const name of Object.values(QueueName)) expect(res.text).not.toContain(`"${name}"`);
    } finally {
      await off.close();
    }
  });
});
