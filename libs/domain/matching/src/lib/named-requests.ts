import type { EntityManager } from 'typeorm';

/**
 * Named requests: workers an employer asked for by name on an order, placed first by the next matching run.
 * Matching owns the table (it is what a run reads); rehire records requests once it has checked eligibility, and a
 * withdrawal spends one. All run in the caller's transaction.
 */

/** Positions of the order already taken: selections, and named workers other than these not yet decided on. */
export async function positionsTaken(em: EntityManager, jobOrderId: string, exceptApplicantIds: readonly string[]): Promise<number> {
  const [{ taken }]: { taken: number }[] = await em.query(
    `SELECT (SELECT count(*) FROM candidate WHERE job_order_id = $1 AND status = 'SELECTED')::int
          + (SELECT count(*) FROM named_request n WHERE n.job_order_id = $1 AND n.applicant_id <> ALL($2)
               -- a named worker already selected is counted once, as a selection; one rejected or released holds nothing
               AND NOT EXISTS (SELECT 1 FROM candidate c WHERE c.job_order_id = n.job_order_id AND c.applicant_id = n.applicant_id
                               AND c.status IN ('SELECTED', 'REJECTED', 'RELEASED')))::int AS taken`,
    [jobOrderId, [...exceptApplicantIds]],
  );
  return taken;
}

/** Records the requests; naming a worker again only updates whether a substitute is acceptable. */
export async function recordNamedRequests(
  em: EntityManager,
  request: { jobOrderId: string; applicantIds: readonly string[]; requestedBy: string; substituteAcceptable: boolean },
): Promise<void> {
  await em.query(
    `INSERT INTO named_request (job_order_id, applicant_id, requested_by, substitute_acceptable)
     SELECT $1, a, $2, $3 FROM unnest($4::uuid[]) a
     ON CONFLICT (job_order_id, applicant_id) DO UPDATE SET substitute_acceptable = EXCLUDED.substitute_acceptable, updated_at = now()`,
    [request.jobOrderId, request.requestedBy, request.substituteAcceptable, [...request.applicantIds]],
  );
}

/**
 * Spends the request naming this worker on this order, if there is one (the worker does not go this season, and
 * the employer decides afresh), and says whether the employer accepted a substitute; null when not named.
 */
export async function spendNamedRequest(em: EntityManager, jobOrderId: string, applicantId: string): Promise<{ substituteAcceptable: boolean } | null> {
  // For a DELETE, the query answers [rows, count].
  const [[spent]]: [{ substituteAcceptable: boolean }[], number] = await em.query(
    `DELETE FROM named_request WHERE job_order_id = $1 AND applicant_id = $2 RETURNING substitute_acceptable AS "substituteAcceptable"`,
    [jobOrderId, applicantId],
  );
  return spent ?? null;
}
