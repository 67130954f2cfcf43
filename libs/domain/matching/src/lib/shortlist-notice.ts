import type { EntityManager } from 'typeorm';
import { recordNotifications } from '@puente/notifications';
import type { JobOrderEntity } from '@puente/domain/job-orders';

/**
 * Tells each order's employer its shortlist is ready, in the run's final transaction: one notice per run and
 * order (a retried run records nothing more), with counts and the order's reference, never a candidate's data.
 */
export async function recordShortlistReady(
  em: EntityManager,
  runId: string,
  orders: readonly JobOrderEntity[],
  rows: readonly { jobOrderId: string; status: string }[],
): Promise<(string | null)[]> {
  const counts = new Map<string, { shortlisted: number; reserves: number }>();
  for (const r of rows) {
    const c = counts.get(r.jobOrderId) ?? { shortlisted: 0, reserves: 0 };
    if (r.status === 'RESERVE') c.reserves++;
    else c.shortlisted++;
    counts.set(r.jobOrderId, c);
  }
  return recordNotifications(
    em,
    orders
      .filter((o) => counts.has(o.id))
      .map((o) => {
        const c = counts.get(o.id)!;
        return {
          dedupeKey: `shortlist-ready:${runId}:${o.id}`,
          audience: 'EMPLOYER' as const,
          employerId: o.employerId,
          kind: 'SHORTLIST_READY',
          subject: `Shortlist ready: ${o.reference}`,
          body: `${o.reference} (${o.title}) has a shortlist of ${c.shortlisted} candidate(s) and ${c.reserves} reserve(s) for ${o.positions} position(s). Review it in Puente (jobOrder.candidates) and select your workers.`,
        };
      }),
  );
}
