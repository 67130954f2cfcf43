import type { Proposal } from './assignment';
import type { MatchingPolicy } from './matching.policy';

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
