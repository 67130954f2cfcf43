/**
 * Browser sessions: a web client's refresh token lives in an httpOnly cookie, out of reach of the page's
 * JavaScript, instead of in the AuthPayload.
 *
 * CSRF: the cookie is read only when the request carries `X-Puente-Session: cookie`. A custom header cannot be
 * sent cross-site without a CORS preflight (which only CORS_ORIGINS pass), and the cookie is SameSite=Strict, so
 * a page on another site can neither make the browser send it nor get the api to read it. Without the header
 * the cookie is ignored, whatever it holds.
 */
export const WEB_SESSION_HEADER = 'x-puente-session';
export const REFRESH_COOKIE = 'puente_refresh';
/** The only path the cookie is sent to: the GraphQL endpoint, where refreshToken and signOut read it. */
export const REFRESH_COOKIE_PATH = '/graphql';

/**
 * The request and reply of an HTTP operation as auth needs them (Fastify's), typed here so auth imports no HTTP
 * framework. The one cookie is read and written here rather than through @fastify/cookie, whose dynamic import of
 * `cookie` cannot load under the test runner (Jest on Node 20 without VM modules).
 */
export interface HttpExchange {
  request: { headers: Record<string, string | string[] | undefined>; host?: string };
  reply: { header(name: string, value: string): unknown };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** What newRefreshToken makes (32 bytes in base64url); anything else in the cookie is ignored. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

function headerOf(http: HttpExchange, name: string): string | undefined {
  const value = http.request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A web client says so with `X-Puente-Session: cookie`; nothing else makes the api read or write the cookie. */
export function isWebClient(http: HttpExchange | undefined): http is HttpExchange {
  return http !== undefined && headerOf(http, WEB_SESSION_HEADER)?.trim().toLowerCase() === 'cookie';
}

/** The host name the browser addressed, without its port (`[::1]:3000` → `[::1]`). */
export function hostNameOf(host: string | undefined): string {
  const value = (host ?? '').trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  return value.split(':')[0] ?? '';
}

/**
 * The Set-Cookie value: httpOnly (no script reads it), SameSite=Strict, sent to /graphql only, Secure everywhere
 * but on the developer's own machine (plain http on localhost). maxAge 0 clears it.
 */
export function refreshCookieHeader(token: string, maxAgeSeconds: number, host: string | undefined): string {
  const attributes = [`${REFRESH_COOKIE}=${token}`, `Max-Age=${maxAgeSeconds}`];
  if (maxAgeSeconds === 0) attributes.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  attributes.push(`Path=${REFRESH_COOKIE_PATH}`, 'HttpOnly', 'SameSite=Strict');
  if (!LOCAL_HOSTS.has(hostNameOf(host))) attributes.push('Secure');
  return attributes.join('; ');
}

/** The refresh token in a Cookie header, if it has the shape of one. */
export function refreshTokenInCookies(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = pair.split('=');
    const token = value.join('=').trim();
    if (name?.trim() === REFRESH_COOKIE && TOKEN_SHAPE.test(token)) return token;
  }
  return undefined;
}

function hostOf(http: HttpExchange): string | undefined {
  // Fastify's request.host honours TRUST_PROXY (X-Forwarded-Host behind a load balancer).
  return http.request.host ?? headerOf(http, 'host');
}

/** The refresh token in the cookie, read only from a web client (see the CSRF note above). */
export function refreshCookieOf(http: HttpExchange | undefined): string | undefined {
  return isWebClient(http) ? refreshTokenInCookies(headerOf(http, 'cookie')) : undefined;
}

export function setRefreshCookie(http: HttpExchange, token: string, maxAgeSeconds: number): void {
  http.reply.header('set-cookie', refreshCookieHeader(token, maxAgeSeconds, hostOf(http)));
}

export function clearRefreshCookie(http: HttpExchange): void {
  http.reply.header('set-cookie', refreshCookieHeader('', 0, hostOf(http)));
}
