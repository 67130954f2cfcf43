import { DomainException, ErrorCode } from '@puente/common';

/** How many orders one run may match together. */
export const MAX_ORDERS_PER_RUN = 1000;

/** The orders of a run, each once, in the order given: 1 to `MAX_ORDERS_PER_RUN`. */
export function runOrderIds(jobOrderIds: readonly string[]): string[] {
  const ids = [...new Set(jobOrderIds)];
  if (!ids.length || ids.length > MAX_ORDERS_PER_RUN) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `Give 1 to ${MAX_ORDERS_PER_RUN} job orders to match.`, [
      { field: 'jobOrderIds', message: `must list 1 to ${MAX_ORDERS_PER_RUN} job orders` },
    ]);
  }
  return ids;
}

/** Every order asked for exists (the first missing one is named) and is approved (OPEN); the others are listed. */
export function assertMatchable(ids: readonly string[], orders: readonly { id: string; reference: string; status: string }[]): void {
  const missing = ids.filter((id) => !orders.some((o) => o.id === id));
  if (missing.length) throw DomainException.notFound(`Job order ${missing[0]}`);
  const notOpen = orders.filter((o) => o.status !== 'OPEN');
  if (notOpen.length) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `Only approved (OPEN) orders are matched: ${notOpen.map((o) => `${o.reference} is ${o.status}`).join(', ')}.`, [
      { field: 'jobOrderIds', message: 'lists an order that is not OPEN' },
    ]);
  }
}

/** A failed attempt puts the run back in the queue while the job has attempts left; the last one fails it. */
export function runStatusAfterFailure(attempt: number, attempts: number): 'FAILED' | 'QUEUED' {
  return attempt >= attempts ? 'FAILED' : 'QUEUED';
}
