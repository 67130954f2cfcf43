import pino, { type DestinationStream, type Logger } from 'pino';
import { LOG_SERIALIZERS } from './error-serializer';
import { LOG_REDACTIONS } from './puente-config';

/**
 * A process's structured JSON logger (`service` names the app): LOG_REDACTIONS, and errors through LOG_SERIALIZERS
 * (no query, parameters or driver details). Lines go to stdout asynchronously: a synchronous write per line cost the
 * api a fifth of its throughput at `info`, one request line each. Pino flushes what is buffered when the process
 * exits, on an error too; a SIGKILL loses the last lines, never a transaction. `destination` is for tests that
 * capture the lines.
 */
export function processLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service }, redact: { paths: LOG_REDACTIONS, censor: '[redacted]' }, serializers: LOG_SERIALIZERS };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
