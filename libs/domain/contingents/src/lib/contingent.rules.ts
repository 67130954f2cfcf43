import { DomainException, ErrorCode } from '@puente/common';

/** A selected worker waiting for a seat: workers of one destination region and start date travel together. */
export interface Traveller {
  applicantId: string;
  jobOrderId: string;
  regionCode: string;
  startDate: string;
}

/** A contingent that already exists, with the seats it has taken. */
export interface ExistingContingent {
  id: string;
  regionCode: string;
  startDate: string;
  sequence: number;
  size: number;
}

export interface SeatPlan {
  /** Travellers joining contingents that exist and have free seats. */
  joins: { contingentId: string; travellers: Traveller[] }[];
  /** New contingents: `sequence` continues after the existing ones of the same region and start date. */
  created: { regionCode: string; startDate: string; sequence: number; travellers: Traveller[] }[];
}

const groupKey = (t: { regionCode: string; startDate: string }) => `${t.regionCode}|${t.startDate}`;
const byOrderThenApplicant = (a: Traveller, b: Traveller) =>
  a.jobOrderId < b.jobOrderId ? -1 : a.jobOrderId > b.jobOrderId ? 1 : a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0;

/**
 * Seats travellers in contingents of at most `capacity`: one group per destination region and start date,
 * the free seats of existing contingents first (lowest sequence first), then as few new contingents as
 * possible, of balanced sizes (150 at capacity 70 make 50, 50, 50, not 70, 70, 10), with each order's
 * workers kept together as far as the sizes allow. Deterministic: the same inputs give the same plan, so a
 * retried job plans exactly what the first attempt did. Travellers already seated are the caller's to leave out.
 */
export function planSeats(travellers: readonly Traveller[], existing: readonly ExistingContingent[], capacity: number): SeatPlan {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
  const groups = new Map<string, Traveller[]>();
  for (const t of [...travellers].sort(byOrderThenApplicant)) {
    const list = groups.get(groupKey(t));
    if (list) list.push(t);
    else groups.set(groupKey(t), [t]);
  }
  const plan: SeatPlan = { joins: [], created: [] };
  for (const key of [...groups.keys()].sort()) {
    const waiting = groups.get(key)!;
    const same = existing.filter((c) => groupKey(c) === key).sort((a, b) => a.sequence - b.sequence);
    for (const c of same) {
      const free = capacity - c.size;
      if (free <= 0 || !waiting.length) continue;
      plan.joins.push({ contingentId: c.id, travellers: waiting.splice(0, free) });
    }
    if (!waiting.length) continue;
    const count = Math.ceil(waiting.length / capacity);
    const [regionCode, startDate] = key.split('|') as [string, string];
    let sequence = Math.max(0, ...same.map((c) => c.sequence));
    for (let i = 0; i < count; i++) {
      // Sizes differ by at most one: the first contingents take the extra seat.
      const size = Math.floor(waiting.length / (count - i)) + (waiting.length % (count - i) ? 1 : 0);
      plan.created.push({ regionCode, startDate, sequence: ++sequence, travellers: waiting.splice(0, size) });
    }
  }
  return plan;
}

/** A seated worker with blocking steps not done yet (not waived), named for the coordinator who must act on it. */
export interface UnreadyTraveller {
  name: string;
  kinds: string[];
}

/**
 * The confirm precondition: a flight is confirmed once every seated worker's blocking steps are done or waived
 * (the first five still missing named, with their steps), and someone is seated.
 */
export function assertConfirmable(contingent: { reference: string }, unready: readonly UnreadyTraveller[], seated: number): void {
  if (unready.length) {
    const first = unready.slice(0, 5).map((m) => `${m.name} (${m.kinds.join(', ').toLowerCase().replace(/_/g, ' ')})`);
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      `${unready.length} traveller(s) of ${contingent.reference} have blocking steps not done: ${first.join('; ')}${unready.length > 5 ? '; …' : ''}. ` +
        'Complete the steps, or withdraw the travellers so reserves take their seats, then confirm.',
    );
  }
  if (!seated) throw new DomainException(ErrorCode.INVALID_TRANSITION, `${contingent.reference} has nobody seated; there is nothing to confirm.`);
}
