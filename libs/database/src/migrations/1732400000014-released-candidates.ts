import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A selection belongs to one order and ends with it: RELEASED is a candidate whose selection (or suggestion)
 * is over because the placement ended, the order completed or was cancelled. Released rows no longer count
 * against the one-selection-per-applicant index, so the same worker can be selected next season. Existing rows
 * are released where that has already happened.
 */
export class ReleasedCandidates1732400000014 implements MigrationInterface {
  name = 'ReleasedCandidates1732400000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidate DROP CONSTRAINT candidate_status_check`);
    await q.query(`ALTER TABLE candidate ADD CONSTRAINT candidate_status_check CHECK (status IN ('SUGGESTED', 'RESERVE', 'SELECTED', 'REJECTED', 'RELEASED'))`);
    await q.query(`
      UPDATE candidate c SET status = 'RELEASED', status_reason = 'The placement ended.', updated_at = now()
      FROM placement p
      WHERE c.status = 'SELECTED' AND p.applicant_id = c.applicant_id AND p.job_order_id = c.job_order_id AND p.status <> 'ACTIVE'`);
    await q.query(`
      UPDATE candidate c SET status = 'RELEASED', status_reason = 'The order is ' || lower(o.status) || '.', updated_at = now()
      FROM job_order o
      WHERE o.id = c.job_order_id AND o.status IN ('COMPLETED', 'CANCELLED') AND c.status IN ('SUGGESTED', 'RESERVE', 'SELECTED')`);
    // Retrieval leaves an applicant to another order only while that order is OPEN: it asks by applicant.
    await q.query(`CREATE INDEX candidate_applicant_pending_idx ON candidate (applicant_id, job_order_id) WHERE status IN ('SUGGESTED', 'RESERVE', 'SELECTED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX candidate_applicant_pending_idx`);
    // A released selection cannot become SELECTED again without breaking the one-selection index: it reads as
    // rejected, which keeps the applicant off that order as the old schema would have.
    await q.query(`UPDATE candidate SET status = 'REJECTED' WHERE status = 'RELEASED'`);
    await q.query(`ALTER TABLE candidate DROP CONSTRAINT candidate_status_check`);
    await q.query(`ALTER TABLE candidate ADD CONSTRAINT candidate_status_check CHECK (status IN ('SUGGESTED', 'RESERVE', 'SELECTED', 'REJECTED'))`);
  }
}
