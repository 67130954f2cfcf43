import { openToken, Role, signToken } from '@puente/common';

/** Where the dashboard lives on the api's origin; its cookie is sent to this path and below only. */
export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'puente_queues';
/** How long a link opens the dashboard, and how long the cookie it sets lasts: 15 minutes, as the exports' links. */
export const DASHBOARD_TTL_MS = 15 * 60_000;

/**
 * A link (in the URL, for the one GET that trades it for the cookie) and a cookie (every request after) carry the
 * same claims but are signed under different purposes, so neither passes for the other.
 */
export type DashboardPassKind = 'link' | 'cookie';

/** What a pass binds: one administrator, at one session version, until one instant. Ids only, no personal data. */
export interface DashboardClaims {
  userId: string;
  sessionVersion: number;
  expiresAt: Date;
}

/** Why a pass opens nothing: not a pass, not signed with the secret (or for the other kind), or too late. */
export type DashboardPassRefusal = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED';

/** Why a well-signed pass is refused all the same: its user is gone, no longer an active administrator, or signed out since. */
export type DashboardUserRefusal = 'NO_USER' | 'INACTIVE' | 'NOT_ADMIN' | 'SESSION_ENDED';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Domain separation: the purpose names the kind, so a link's signature is no cookie's and vice versa. */
const purposeOf = (kind: DashboardPassKind) => `puente-queue-dashboard-${kind}-v1`;

/** When a pass handed out at `now` stops working. */
export function dashboardExpiresAt(now: Date): Date {
  return new Date(now.getTime() + DASHBOARD_TTL_MS);
}

/** `<payload>.<signature>` in base64url: the user id, the session version and the expiry (ms), HMAC-SHA-256 signed. */
export function signDashboardPass(kind: DashboardPassKind, claims: DashboardClaims, secret: string): string {
  return signToken(purposeOf(kind), [claims.userId, String(claims.sessionVersion), String(claims.expiresAt.getTime())], secret);
}

/**
 * Whether a presented pass of `kind` is good at `now`: the signature checked first (`openToken`), then its
 * shape and expiry (an expiry at `now` is expired). The claims when it is, the reason otherwise (for the log only).
 */
export function verifyDashboardPass(
  kind: DashboardPassKind,
  token: string | null | undefined,
  secret: string,
  now: Date,
): { claims: DashboardClaims; refusal: null } | { claims: null; refusal: DashboardPassRefusal } {
  const refuse = (refusal: DashboardPassRefusal) => ({ claims: null, refusal }) as const;
  const opened = openToken(purposeOf(kind), token, secret);
  if (opened.refusal) return refuse(opened.refusal);
  const [userId, version, ms, ...more] = opened.fields;
  if (!userId || !version || !ms || more.length || !UUID.test(userId) || !/^\d{1,9}$/.test(version) || !/^\d{1,15}$/.test(ms)) return refuse('MALFORMED');
  const expiresAt = new Date(Number(ms));
  if (expiresAt.getTime() <= now.getTime()) return refuse('EXPIRED');
  return { claims: { userId, sessionVersion: Number(version), expiresAt }, refusal: null };
}

/**
 * Whether the user a good pass names may still see the dashboard: an active administrator whose sessions have not
 * ended since the pass was made (a password change, a deactivation or a sign-out everywhere bumps the version).
 */
export function dashboardUserRefusal(
  user: { role: string; active: boolean; sessionVersion: number } | null,
  claims: Pick<DashboardClaims, 'sessionVersion'>,
): DashboardUserRefusal | null {
  if (!user) return 'NO_USER';
  if (!user.active) return 'INACTIVE';
  if (user.role !== Role.ADMIN) return 'NOT_ADMIN';
  if (user.sessionVersion !== claims.sessionVersion) return 'SESSION_ENDED';
  return null;
}

/** The link a mutation hands out, relative to the api's origin: `/admin/queues?token=…`. */
export function dashboardLinkPath(token: string): string {
  return `${DASHBOARD_PATH}?token=${encodeURIComponent(token)}`;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The Set-Cookie value: HttpOnly, SameSite=Strict (no other site makes the browser send it, so the dashboard's
 * PUT/POST calls cannot be forged from elsewhere), Path=/admin/queues, Secure except on the developer's own machine.
 * An empty token with maxAge 0 clears it.
 */
export function dashboardCookieHeader(token: string, maxAgeSeconds: number, hostName: string): string {
  const attributes = [`${DASHBOARD_COOKIE}=${token}`, `Max-Age=${maxAgeSeconds}`];
  if (maxAgeSeconds === 0) attributes.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  attributes.push(`Path=${DASHBOARD_PATH}`, 'HttpOnly', 'SameSite=Strict');
  if (!LOCAL_HOSTS.has(hostName)) attributes.push('Secure');
  return attributes.join('; ');
}

/** The dashboard's pass in a Cookie header, if there is one. */
export function dashboardCookieOf(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = pair.split('=');
    if (name?.trim() === DASHBOARD_COOKIE) return value.join('=').trim();
  }
  return undefined;
}

/**
 * What an administrator may NOT do through the dashboard, although bull-board offers it: add a job or rewrite a
 * job's data (that would bypass the job outbox and the typed payloads of queue-contracts), empty or obliterate a
 * queue, or remove or change a job scheduler (the worker's nightly sweeps and reminders would be lost without a
 * trace). Retrying, cleaning, promoting, pausing and resuming stay: the dashboard is there to unstick jobs.
 * `route` is the matched route pattern below /admin/queues, e.g. `/api/queues/:queueName/add`.
 */
export function isRefusedDashboardAction(method: string, route: string): boolean {
  const m = method.toUpperCase();
  if (m === 'POST' && route === '/api/queues/:queueName/add') return true;
  if (m === 'PATCH' && route === '/api/queues/:queueName/:jobId/update-data') return true;
  if (m === 'PUT' && (route === '/api/queues/:queueName/empty' || route === '/api/queues/:queueName/obliterate')) return true;
  if (route.startsWith('/api/queues/:queueName/job-schedulers/') && m !== 'GET') return true;
  return false;
}
