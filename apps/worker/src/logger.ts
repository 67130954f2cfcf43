import type { Logger } from 'pino';
import { processLogger, type PuenteConfig } from '@puente/config';

/** The worker's root logger: JSON lines with the same redaction rules and error serializer as the api. */
export const WORKER_LOGGER = Symbol('WORKER_LOGGER');

export function workerLogger(config: PuenteConfig): Logger {
  return processLogger('worker', config.logLevel);
}
