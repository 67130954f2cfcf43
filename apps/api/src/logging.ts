import type { Params } from 'nestjs-pino';
import { LOG_REDACTIONS, LOG_SERIALIZERS } from '@puente/config';
import type { DestinationStream } from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';


const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The caller's x-request-id when well-formed, else a new UUID; Fastify and the logger share it. */
export function requestIdOf(req: { headers: IncomingHttpHeaders }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

let logDestination: DestinationStream | undefined;

/** Where the next api built by createApiApp writes its log lines (a test's buffer); undefined for stdout. */
export function setLogDestination(destination: DestinationStream | undefined): void {
  logDestination = destination;
}

/**
 * Structured JSON logs with a request id (the caller's x-request-id when well-formed) on every line. Errors go
 * through LOG_SERIALIZERS (no query, parameters or driver details); `destination` is stdout unless a test
 * captures the lines.
 */
export function loggerParams(level: string, service: string, destination: DestinationStream | undefined = logDestination): Params {
  const options = {
    level,
    base: { service },
    redact: { paths: LOG_REDACTIONS, censor: '[redacted]' },
    genReqId: requestIdOf,
    serializers: {
      // The path only: a GET query string can carry GraphQL variables.
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      ...LOG_SERIALIZERS,
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
