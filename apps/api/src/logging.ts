import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** What never reaches a log line: credentials, tokens and personal identifiers. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.nationalId',
  '*.passportNumber',
  '*.phone',
  '*.email',
];

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
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
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
