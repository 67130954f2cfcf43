import type { Logger } from '@nestjs/common';

/** How long one queue's or worker's connection errors stay quiet after the first of an outage is logged. */
const QUIET_MS = 60_000;

/**
 * Gives a BullMQ queue or worker an 'error' listener that logs the first connection error of an outage as one
 * warning (the error's code, which server is not personal data) and the following ones at most once a minute.
 * Without a listener BullMQ prints each reconnection attempt's error and stack to stderr, outside the JSON log.
 */
export function logConnectionErrors(emitter: { on(event: 'error', listener: (error: Error) => void): unknown }, logger: Logger, what: string): void {
  let quietUntil = 0;
  emitter.on('error', (error: Error & { code?: string }) => {
    const now = Date.now();
    if (now < quietUntil) return;
    quietUntil = now + QUIET_MS;
    logger.warn({ what, code: error.code ?? error.name }, 'Redis connection error; retrying (further errors of this connection are quiet for a minute)');
  });
}
