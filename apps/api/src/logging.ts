import type { Params } from 'nestjs-pino';
import { processLogger } from '@puente/config';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The caller's x-request-id when well-formed, else a new UUID; Fastify and the logger share it. */
export function requestIdOf(req: { headers: IncomingHttpHeaders }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

let building: Logger | undefined;

/** The logger of the api createApiApp is building, for its LoggerModule (undefined: a module booted otherwise). */
export function setBuildingLogger(logger: Logger | undefined): void {
  building = logger;
}

/**
 * Nest's logger over the api's pino logger, with no per-request middleware: nestjs-pino's binds each request's
 * logger with AsyncLocalStorage, whose hook on every promise cost 15 to 20% of the api's CPU under load. Request
 * lines come from a Fastify hook instead (`logRequests`), and errors of an operation are logged with its request id
 * by the GraphQL layer (error-formatter.ts).
 */
export function loggerParams(level: string): Params {
  return { pinoHttp: { logger: building ?? processLogger('api', level) }, forRoutes: [] };
}

interface Hooked {
  addHook(
    name: 'onResponse',
    hook: (request: { id: string; method: string; url: string }, reply: { statusCode: number; elapsedTime: number }, done: () => void) => void,
  ): unknown;
}

/**
 * One line per HTTP request, when its answer is sent (as pino-http wrote it): the request id, method and path (not
 * the query string, which can carry GraphQL variables), the status and the time taken; /health is left out.
 * The line is made of those fields alone, none of which a redaction path names, so it skips the redaction pass:
 * pino's re-parses every path on every line, and request lines made a tenth of the api's allocations under load.
 */
export function logRequests(fastify: Hooked, logger: Logger): void {
  const lines = logger.child({}, { redact: [] });
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0];
    if (path !== '/health') {
      const line = { req: { id: request.id, method: request.method, path }, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime) };
      if (reply.statusCode >= 500) lines.error(line, 'request errored');
      else lines.info(line, 'request completed');
    }
    done();
  });
}
