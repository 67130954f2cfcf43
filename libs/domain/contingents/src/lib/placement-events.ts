import type { EntityManager } from 'typeorm';

/**
 * Emitted (with `emitAsync`) inside the transaction that completed placements on a contingent's return, so a
 * library this one may not import (rehire, which owns the evaluation window) can record what follows in the same
 * transaction: each listener returns the ids of the notifications it recorded, queued once the return commits.
 */
export const PLACEMENTS_COMPLETED = 'placements.completed';
export interface PlacementsCompletedEvent {
  em: EntityManager;
  placementIds: readonly string[];
}

/** The notification ids the listeners of an `emitAsync` returned. */
export function notificationIdsOf(results: readonly unknown[]): (string | null)[] {
  return results.flatMap((r) => (Array.isArray(r) ? (r as (string | null)[]) : []));
}
