import {
  dashboardCookieHeader,
  dashboardCookieOf,
  dashboardExpiresAt,
  dashboardLinkPath,
  dashboardUserRefusal,
  isRefusedDashboardAction,
  signDashboardPass,
  verifyDashboardPass,
} from './queue-dashboard.rules';

describe('queue dashboard passes', () => {
  const secret = 's'.repeat(48);
  const userId = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';
  const now = new Date('2026-12-02T12:00:00Z');
  const expiresAt = dashboardExpiresAt(now);
  const claims = { userId, sessionVersion: 3, expiresAt };
  const link = signDashboardPass('link', claims, secret);

  it('lives 15 minutes', () => {
    expect(expiresAt.getTime() - now.getTime()).toBe(15 * 60_000);
  });

  it('opens for its user and session version until it expires, and not at its expiry', () => {
    expect(verifyDashboardPass('link', link, secret, now)).toEqual({ claims, refusal: null });
    expect(verifyDashboardPass('link', link, secret, new Date(expiresAt.getTime() - 1)).refusal).toBeNull();
    expect(verifyDashboardPass('link', link, secret, expiresAt).refusal).toBe('EXPIRED');
  });

  it('a link is no cookie and a cookie no link', () => {
    const cookie = signDashboardPass('cookie', claims, secret);
    expect(verifyDashboardPass('cookie', cookie, secret, now).refusal).toBeNull();
    expect(verifyDashboardPass('cookie', link, secret, now).refusal).toBe('BAD_SIGNATURE');
    expect(verifyDashboardPass('link', cookie, secret, now).refusal).toBe('BAD_SIGNATURE');
  });

  it('refuses another secret, a changed payload (user, version, expiry) and what is no pass at all', () => {
    expect(verifyDashboardPass('link', signDashboardPass('link', claims, 't'.repeat(48)), secret, now).refusal).toBe('BAD_SIGNATURE');
    const [, sig] = link.split('.');
    for (const forged of [`${userId}.4.${expiresAt.getTime()}`, `${userId}.3.${expiresAt.getTime() + 86_400_000}`, `11111111-2222-4333-8444-555555555555.3.${expiresAt.getTime()}`]) {
      expect(verifyDashboardPass('link', `${Buffer.from(forged).toString('base64url')}.${sig}`, secret, now).refusal).toBe('BAD_SIGNATURE');
    }
    for (const bad of [undefined, null, '', 'abc', `${link}.x`, `.${sig}`, 'x'.repeat(600)]) {
      expect(verifyDashboardPass('link', bad, secret, now).refusal).toBe('MALFORMED');
    }
  });

  it('refuses a well-signed payload that is not a pass', () => {
    const odd = signDashboardPass('link', { userId: 'not-a-uuid', sessionVersion: 1, expiresAt }, secret);
    expect(verifyDashboardPass('link', odd, secret, now).refusal).toBe('MALFORMED');
  });

  it('the link path carries the token URL-encoded', () => {
    expect(dashboardLinkPath('a+b/c')).toBe('/admin/queues?token=a%2Bb%2Fc');
  });
});

describe('who a good pass still admits', () => {
  const admin = { role: 'ADMIN', active: true, sessionVersion: 2 };

  it('an active administrator at the same session version', () => {
    expect(dashboardUserRefusal(admin, { sessionVersion: 2 })).toBeNull();
  });

  it('nobody gone, deactivated, no longer an administrator, or signed out since', () => {
    expect(dashboardUserRefusal(null, { sessionVersion: 2 })).toBe('NO_USER');
    expect(dashboardUserRefusal({ ...admin, active: false }, { sessionVersion: 2 })).toBe('INACTIVE');
    expect(dashboardUserRefusal({ ...admin, role: 'COORDINATOR' }, { sessionVersion: 2 })).toBe('NOT_ADMIN');
    expect(dashboardUserRefusal({ ...admin, sessionVersion: 3 }, { sessionVersion: 2 })).toBe('SESSION_ENDED');
  });
});

describe('the dashboard cookie', () => {
  it('is HttpOnly, SameSite=Strict, on /admin/queues only, Secure except on localhost', () => {
    expect(dashboardCookieHeader('abc', 900, 'localhost')).toBe('puente_queues=abc; Max-Age=900; Path=/admin/queues; HttpOnly; SameSite=Strict');
    expect(dashboardCookieHeader('abc', 900, 'puente.example.gov')).toBe('puente_queues=abc; Max-Age=900; Path=/admin/queues; HttpOnly; SameSite=Strict; Secure');
    expect(dashboardCookieHeader('', 0, 'localhost')).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('is read from a Cookie header among others', () => {
    expect(dashboardCookieOf('a=1; puente_queues=x.y; b=2')).toBe('x.y');
    expect(dashboardCookieOf('a=1')).toBeUndefined();
    expect(dashboardCookieOf(undefined)).toBeUndefined();
  });
});

describe('actions refused through the dashboard', () => {
  it('adding jobs, rewriting job data, emptying or obliterating a queue, changing schedulers', () => {
    expect(isRefusedDashboardAction('POST', '/api/queues/:queueName/add')).toBe(true);
    expect(isRefusedDashboardAction('PATCH', '/api/queues/:queueName/:jobId/update-data')).toBe(true);
    expect(isRefusedDashboardAction('PUT', '/api/queues/:queueName/empty')).toBe(true);
    expect(isRefusedDashboardAction('put', '/api/queues/:queueName/obliterate')).toBe(true);
    expect(isRefusedDashboardAction('PUT', '/api/queues/:queueName/job-schedulers/:schedulerId/remove')).toBe(true);
    expect(isRefusedDashboardAction('PATCH', '/api/queues/:queueName/job-schedulers/:schedulerId')).toBe(true);
  });

  it('but not reading, retrying, cleaning, promoting, pausing or resuming', () => {
    for (const [method, route] of [
      ['GET', '/api/queues'],
      ['PUT', '/api/queues/:queueName/retry/:queueStatus'],
      ['PUT', '/api/queues/:queueName/clean/:queueStatus'],
      ['PUT', '/api/queues/:queueName/:jobId/retry'],
      ['PUT', '/api/queues/:queueName/:jobId/promote'],
      ['PUT', '/api/queues/:queueName/pause'],
      ['PUT', '/api/queues/:queueName/resume'],
    ] as const) {
      expect(isRefusedDashboardAction(method, route)).toBe(false);
    }
  });
});
