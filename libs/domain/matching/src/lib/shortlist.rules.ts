import type { Proposal } from './assignment';
import { shortlistSize, type MatchingPolicy } from './matching.policy';

export interface RankedProposal extends Proposal {
  rank: number;
  status: 'SUGGESTED' | 'RESERVE';
}

/**
 * One order's proposals in shortlist order: best score first, ties to the lower applicant id. The first three
 * per open position are shown to the employer; the rest are reserves for backfill.
 */
export function rankShortlist(proposals: readonly Proposal[], openPositions: number, policy: MatchingPolicy): RankedProposal[] {
  const shown = openPositions * policy.shortlistPerPosition;
  return [...proposals]
    .sort((a, b) => b.score - a.score || (a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0))
    .map((p, i) => ({ ...p, rank: i + 1, status: i < shown ? 'SUGGESTED' : 'RESERVE' }));
}

/** What an order's named requests came to in a run. */
export interface NamedCounts {
  /** Named workers placed first on the shortlist. */
  placed: readonly unknown[];
  /** Positions held for named workers who cannot be placed now and for whom the employer accepts no substitute. */
  held: number;
  /** Named workers placed who may be replaced by a substitute if they cannot travel. */
  substitutable: number;
}

/**
 * The positions left to shortlist after the named workers, and the slots to fill (three per open position plus
 * reserves, and a reserve share for each named worker who may be substituted), so naming workers never wipes the
 * rest of the shortlist.
 */
export function slotsAfterNamed(positions: number, named: NamedCounts | undefined, policy: MatchingPolicy): { open: number; slots: number } {
  const placed = named?.placed.length ?? 0;
  const shortlisted = positions - (named?.held ?? 0);
  const substituteReserves = Math.ceil((named?.substitutable ?? 0) * policy.reserveShare);
  return { open: Math.max(0, shortlisted - placed), slots: shortlistSize(shortlisted, placed, policy) + substituteReserves };
}

/**
 * What one named request does, taken in the order they were asked for: nothing once the order's named workers
 * fill its positions, or when the worker was rejected for the order (by the employer, or taken off a contingent:
 * the request no longer stands); a place first on the shortlist when the worker can be placed (free, not taken by
 * an earlier order, meeting every requirement); otherwise a held position, only when the employer accepts no
 * substitute.
 */
export function namedRequestOutcome(
  counts: Pick<NamedCounts, 'placed' | 'held'>,
  positions: number,
  request: { substituteAcceptable: boolean; rejected: boolean; placeable: boolean },
): 'NONE' | 'PLACE' | 'HOLD' {
  if (counts.placed.length + counts.held >= positions || request.rejected) return 'NONE';
  if (request.placeable) return 'PLACE';
  return request.substituteAcceptable ? 'NONE' : 'HOLD';
}
