import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hostNameOf } from '@puente/auth';
import { ErrorCode } from '@puente/common';
import { JobProducer } from '@puente/queue';
import { QueueName } from '@puente/queue-contracts';
import { DASHBOARD_PATH, dashboardCookieHeader, dashboardCookieOf, isRefusedDashboardAction } from './queue-dashboard.rules';
import { QueueDashboardAccess } from './queue-dashboard.service';

/**
 * The dashboard's Content-Security-Policy, in every environment (it replaces the api's own, security-headers.ts,
 * under /admin/queues only). bull-board's page loads its scripts and styles from its own origin, sets style
 * attributes and a <style> (hence 'unsafe-inline' for styles, never for scripts), carries its settings in a JSON
 * <script type="application/json"> (data, not run), and resolves its files against <base href> (hence base-uri
 * 'self'). Its Google Fonts stylesheet is left blocked on purpose: an administrator's browser calls no third party
 * from here, and the page falls back to the system's fonts.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What each refusal says: enough to know what to do, nothing about the queues. */
const REFUSALS = {
  UNAUTHENTICATED: { status: 401, message: 'Open the queue dashboard from the link Puente gives administrators (queueDashboardLink); it lasts 15 minutes.' },
  FORBIDDEN: { status: 403, message: 'This link or session does not open the queue dashboard (administrators only, until their sessions end): ask Puente for a new link.' },
  ACTION: {
    status: 403,
    message:
      'The queue dashboard does not add jobs, rewrite job data, empty or obliterate queues, or change job schedulers: these go through Puente itself. Retry, clean, promote, pause and resume are allowed.',
  },
  CROSS_ORIGIN: { status: 403, message: 'The queue dashboard takes changes from its own page only.' },
} as const;

function refuse(reply: FastifyReply, request: FastifyRequest, why: keyof typeof REFUSALS): FastifyReply {
  const { status, message } = REFUSALS[why];
  // A pass that no longer admits anyone is dropped, so the browser stops sending it.
  if (why === 'UNAUTHENTICATED' || why === 'FORBIDDEN') reply.header('set-cookie', dashboardCookieHeader('', 0, hostNameOf(request.host)));
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ code: status === 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN, message });
}

/** A change must come from a page of this origin: an Origin header naming another host is refused (SameSite=Strict aside). */
function isCrossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host.toLowerCase() !== String(request.host ?? '').toLowerCase();
  } catch {
    return true;
  }
}

/**
 * Mounts bull-board at /admin/queues on the api's Fastify, over the queue instances the api already holds (one per
 * QueueName, JobProducer.queue), when QUEUE_DASHBOARD_SECRET is set; otherwise mounts nothing and says so once.
 *
 * Every request under /admin/queues passes one gate first (an onRequest hook of the dashboard's own Fastify
 * scope, so it covers bull-board's page, its files and its JSON API, and nothing else of the api):
 * - `GET /admin/queues?token=<link>`: a link from queueDashboardLink; a good one for an active administrator at
 *   their current session version sets the dashboard cookie and redirects to the page without the token; a bad one is 403.
 * - anything else needs the cookie: none, forged or expired is 401; one whose user is no longer an active
 *   administrator, or whose sessions ended since, is 403. Both are checked against the database on every request.
 * - a change (PUT/PATCH/POST) from another origin, or one bull-board offers but Puente does not allow
 *   (isRefusedDashboardAction), is 403; every change let through is logged with the administrator's id.
 * Unknown paths under /admin/queues are a 404, after the gate, so nothing answers a caller without the cookie but 401.
 */
export async function serveQueueDashboard(app: NestFastifyApplication, log: (message: string) => void): Promise<boolean> {
  const access = app.get(QueueDashboardAccess);
  if (!access.enabled) {
    log('The queue dashboard is off (QUEUE_DASHBOARD_SECRET is not set)');
    return false;
  }
  const producer = app.get(JobProducer);
  const logger = new Logger('queue-dashboard');
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(producer.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Puente queues' } },
  });

  // @nestjs/platform-fastify carries its own copy of fastify's types; bull-board's plugin is typed against the
  // repository's fastify. At run time it is one instance.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const pathname = request.url.split('?')[0] ?? '';
        const token = (request.query as Record<string, unknown> | undefined)?.['token'];
        if (request.method === 'GET' && (pathname === DASHBOARD_PATH || pathname === `${DASHBOARD_PATH}/`) && typeof token === 'string') {
          const admission = await access.admit('link', token);
          if (admission.refused) return refuse(reply, request, admission.refused);
          const cookie = access.cookiePass(admission.claims);
          reply.header('set-cookie', dashboardCookieHeader(cookie.token, cookie.maxAgeSeconds, hostNameOf(request.host)));
          // The token leaves the address bar at once (and helmet's Referrer-Policy: no-referrer keeps it from any Referer).
          return reply.header('cache-control', 'no-store').redirect(`${DASHBOARD_PATH}/`, 303);
        }
        const admission = await access.admit('cookie', dashboardCookieOf(request.headers.cookie));
        if (admission.refused) return refuse(reply, request, admission.refused);
        if (SAFE_METHODS.has(request.method)) return undefined;
        if (isCrossOrigin(request)) return refuse(reply, request, 'CROSS_ORIGIN');
        const route = (request.routeOptions.url ?? '').slice(DASHBOARD_PATH.length);
        if (isRefusedDashboardAction(request.method, route)) return refuse(reply, request, 'ACTION');
        const queue = (request.params as Record<string, unknown> | undefined)?.['queueName'];
        // Ids and names only: which administrator did what to which queue.
        logger.log({ userId: admission.claims.userId, action: `${request.method} ${route}`, queue }, 'Queue dashboard action');
        return undefined;
      });
      scope.addHook('onSend', async (request, reply, payload) => {
        reply.header('content-security-policy', DASHBOARD_CSP);
        // bull-board's hashed files may be cached; its page and its JSON (queue and job data) never.
        if (!request.url.startsWith(`${DASHBOARD_PATH}/static/`)) reply.header('cache-control', 'no-store');
        return payload;
      });
      await scope.register(board.registerPlugin());
      scope.all('/*', async (_request, reply) => reply.code(404).header('cache-control', 'no-store').send({ code: ErrorCode.NOT_FOUND, message: 'Nothing here.' }));
    },
    { prefix: DASHBOARD_PATH },
  );
  return true;
}
