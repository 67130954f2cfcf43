import pino, { Logger } from 'pino';
import { LOG_REDACTIONS, LOG_SERIALIZERS, type PuenteConfig } from '@puente/config';

/** The worker's root logger: JSON lines with the same redaction rules and error serializer as the api. */
export const WORKER_LOGGER = Symbol('WORKER_LOGGER');

export function workerLogger(config: PuenteConfig): Logger {
  return pino({ level: config.logLevel, base: { service: 'worker' }, redact: { paths: LOG_REDACTIONS, censor: '[redacted]' }, serializers: LOG_SERIALIZERS });
}
