import type { Params } from 'nestjs-pino';
import { LOG_REDACTIONS } from '@puente/config';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';


const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The caller's x-request-id when well-formed, else a new UUID; Fastify and the logger share it. */
export function requestIdOf(req: { headers: IncomingHttpHeaders }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Structured JSON logs with a request id (the caller's x-request-id when well-formed) on every line. */
export function loggerParams(level: string, service: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: LOG_REDACTIONS, censor: '[redacted]' },
      genReqId: requestIdOf,
      serializers: {
        // The path only: a GET query string can carry GraphQL variables.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
    },
  };
}
