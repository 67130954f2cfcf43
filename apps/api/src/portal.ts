import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The portal's Content-Security-Policy, sent with every file of the portal in every environment (the api's own
 * responses keep theirs, security-headers.ts). The Vite build has no inline script; Mantine injects <style> tags
 * and style attributes, hence 'unsafe-inline' for styles only. The page talks to its own origin only.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Vite names every file under assets/ by its content hash: a changed file is a new URL, so cache it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the few unhashed files) are revalidated every time, so a release is seen at once. */
const REVALIDATE = 'no-cache';

/** Paths of the api itself: never a portal file, never the portal's page. */
const API_PATH = /^\/(graphql|health|feeds|admin\/queues)(\/|$)/;

interface PortalReply {
  header(name: string, value: string): PortalReply;
  sendFile(filename: string): PortalReply;
  callNotFound(): void;
}

interface PortalRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** True when Accept names text/html itself with a q above 0: a browser opening a page, not a script or fetch. */
export function acceptsHtml(accept: string | string[] | undefined): boolean {
  const value = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return value.split(',').some((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return range === 'text/html' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * The portal file a URL names, as a path relative to the portal folder with each segment URL-encoded (how
 * sendFile takes it), or null when it cannot be one (malformed, a dotfile or `..`). `/` is index.html.
 */
export function portalFileOf(url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.split('?')[0] ?? '');
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.'))) return null;
  return segments.length ? segments.map(encodeURIComponent).join('/') : 'index.html';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the portal's build at `/` when `portalDir` holds one (index.html): its files as they are, and index.html
 * for any other GET whose Accept names text/html (the portal's own routes, e.g. /orders/42). Everything else (the
 * api's paths, files that do not exist, requests that do not ask for a page) goes to the not-found handler as
 * before. Without a build the api runs as it always has and says so once. Returns whether the portal is served.
 */
export async function servePortal(app: NestFastifyApplication, portalDir: string, log: (message: string) => void): Promise<boolean> {
  let built = false;
  try {
    built = statSync(path.join(portalDir, 'index.html')).isFile();
  } catch {
    built = false;
  }
  if (!built) {
    log(`The portal is not built (no index.html in ${portalDir}); serving the API only`);
    return false;
  }
  const assets = path.join(portalDir, 'assets') + path.sep;
  // serve: false: only reply.sendFile; the one route below decides what a path is (the plugin's own wildcard
  // route would send a missing file straight to the 404 handler, with no room for the page fallback).
  await app.register(fastifyStatic as unknown as Parameters<NestFastifyApplication['register']>[0], {
    root: portalDir,
    serve: false,
    cacheControl: false,
    setHeaders: (reply: PortalReply, filePath: string) => {
      reply.header('cache-control', filePath.startsWith(assets) ? IMMUTABLE : REVALIDATE);
      reply.header('content-security-policy', PORTAL_CSP);
    },
  });
  // Typed by hand: sendFile is declared on the Fastify types @fastify/static sees, not on Nest's copy of them.
  const fastify = app.getHttpAdapter().getInstance() as unknown as {
    route(route: { method: 'GET'; url: string; handler: (request: PortalRequest, reply: PortalReply) => unknown }): unknown;
  };
  fastify.route({
    method: 'GET',
    url: '/*',
    handler: async (request: PortalRequest, reply: PortalReply) => {
      const pathname = request.url.split('?')[0] ?? '';
      const file = API_PATH.test(pathname) ? null : portalFileOf(request.url);
      if (file === null) return reply.callNotFound();
      if (await isFile(path.join(portalDir, decodeURIComponent(file)))) return reply.sendFile(file);
      if (!acceptsHtml(request.headers['accept'])) return reply.callNotFound();
      // The same URL is a page for a browser and a 404 for a script: caches must keep them apart.
      reply.header('vary', 'Accept');
      return reply.sendFile('index.html');
    },
  });
  return true;
}
