import type { EntityManager } from 'typeorm';
import type { CandidateStatus } from './candidate.entity';

export interface ReleasedCandidate {
  jobOrderId: string;
  applicantId: string;
  /** What the row was before: a SELECTED one was a commitment, and its applicant may need to move too. */
  previous: CandidateStatus;
}

/**
 * Ends candidate rows of finished business, in the caller's transaction: a selection whose placement ended, or
 * the shortlist of an order completed or cancelled. Released rows stay as history (the order's shortlist still
 * shows them) but no longer hold the applicant: the one-selection index and retrieval ignore them, so the same
 * worker can be matched and selected next season. The applicants' own statuses are the caller's to move.
 */
export async function releaseCandidates(
  em: EntityManager,
  where: { jobOrderIds: readonly string[]; applicantIds?: readonly string[]; statuses?: readonly CandidateStatus[] },
  reason: string,
): Promise<ReleasedCandidate[]> {
  if (!where.jobOrderIds.length || where.applicantIds?.length === 0) return [];
  const [rows]: [{ job_order_id: string; applicant_id: string; previous: CandidateStatus }[], number] = await em.query(
    `UPDATE candidate c SET status = 'RELEASED', status_reason = $4, updated_at = now()
     FROM (SELECT id, status AS previous FROM candidate
           WHERE job_order_id = ANY($1) AND ($2::uuid[] IS NULL OR applicant_id = ANY($2)) AND status = ANY($3)
           ORDER BY id FOR UPDATE) old
     WHERE c.id = old.id
     RETURNING c.job_order_id, c.applicant_id, old.previous`,
    [[...where.jobOrderIds], where.applicantIds ? [...where.applicantIds] : null, [...(where.statuses ?? ['SUGGESTED', 'RESERVE', 'SELECTED'])], reason],
  );
  return rows.map((r) => ({ jobOrderId: r.job_order_id, applicantId: r.applicant_id, previous: r.previous }));
}

/**
 * Takes a selected worker off the order for good (withdrawn, or a blocking step missed), in the caller's
 * transaction: REJECTED, so no later run proposes them for it again.
 */
export async function rejectSelection(em: EntityManager, jobOrderId: string, applicantId: string, reason: string): Promise<void> {
  await em.query(`UPDATE candidate SET status = 'REJECTED', status_reason = $3, updated_at = now() WHERE job_order_id = $1 AND applicant_id = $2 AND status = 'SELECTED'`, [
    jobOrderId,
    applicantId,
    reason,
  ]);
}
