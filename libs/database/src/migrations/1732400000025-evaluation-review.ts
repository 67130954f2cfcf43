import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contestable evaluations and the retaliation check (issue 14). A worker contests an evaluation once, with a
 * statement (contest_status CONTESTED), and a coordinator upholds or overturns it with a reason (UPHELD,
 * OVERTURNED). An evaluation submitted after the worker reported a case against that employer names the case
 * (retaliation_case_id) until a coordinator reviews it (retaliation_reviewed_*, with the reason). `counts` is
 * generated from them, the same condition as `evaluationCounts` in rehire's evaluation-contest.rules.ts: not
 * overturned, and not flagged and unreviewed. Matching's history and the rehire decision read only evaluations
 * that count. The coordinators' review list pages through a partial index of what awaits them, oldest first.
 */
export class EvaluationReview1732400000025 implements MigrationInterface {
  name = 'EvaluationReview1732400000025';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE evaluation
        ADD COLUMN contest_status text CONSTRAINT evaluation_contest_status_check CHECK (contest_status IN ('CONTESTED', 'UPHELD', 'OVERTURNED')),
        ADD COLUMN contest_statement text CONSTRAINT evaluation_contest_statement_length_check CHECK (length(contest_statement) BETWEEN 10 AND 4000),
        ADD COLUMN contested_at timestamptz,
        ADD COLUMN contest_resolved_at timestamptz,
        ADD COLUMN contest_resolved_by uuid REFERENCES app_user (id),
        ADD COLUMN contest_resolution_reason text CONSTRAINT evaluation_contest_resolution_reason_check CHECK (length(contest_resolution_reason) BETWEEN 10 AND 2000),
        ADD COLUMN retaliation_case_id uuid REFERENCES protection_case (id),
        ADD COLUMN retaliation_reviewed_at timestamptz,
        ADD COLUMN retaliation_reviewed_by uuid REFERENCES app_user (id),
        ADD COLUMN retaliation_review_reason text CONSTRAINT evaluation_retaliation_review_reason_check CHECK (length(retaliation_review_reason) BETWEEN 10 AND 2000),
        ADD COLUMN counts boolean NOT NULL GENERATED ALWAYS AS (
          contest_status IS DISTINCT FROM 'OVERTURNED' AND (retaliation_case_id IS NULL OR retaliation_reviewed_at IS NOT NULL)
        ) STORED,
        -- A contest is the worker's, with their statement and its time.
        ADD CONSTRAINT evaluation_contested_check CHECK ((contested_at IS NULL) = (contest_statement IS NULL)),
        ADD CONSTRAINT evaluation_contest_pending_check CHECK (contest_status <> 'CONTESTED' OR (contested_at IS NOT NULL AND contest_resolved_at IS NULL)),
        ADD CONSTRAINT evaluation_upheld_check CHECK (contest_status <> 'UPHELD' OR (contested_at IS NOT NULL AND contest_resolved_at IS NOT NULL)),
        -- Overturned: a contest decided, or the retaliation flag reviewed.
        ADD CONSTRAINT evaluation_overturned_check CHECK (contest_status <> 'OVERTURNED' OR contest_resolved_at IS NOT NULL OR retaliation_reviewed_at IS NOT NULL),
        ADD CONSTRAINT evaluation_contest_resolved_check CHECK (
          (contest_resolved_at IS NULL) = (contest_resolved_by IS NULL) AND (contest_resolved_at IS NULL) = (contest_resolution_reason IS NULL)
          AND (contest_resolved_at IS NULL OR contested_at IS NOT NULL)
        ),
        ADD CONSTRAINT evaluation_retaliation_reviewed_check CHECK (
          (retaliation_reviewed_at IS NULL) = (retaliation_reviewed_by IS NULL) AND (retaliation_reviewed_at IS NULL) = (retaliation_review_reason IS NULL)
          AND (retaliation_reviewed_at IS NULL OR retaliation_case_id IS NOT NULL)
        )`);
    await q.query(`
      CREATE INDEX evaluation_to_review_idx ON evaluation (created_at, id)
      WHERE contest_status = 'CONTESTED' OR (retaliation_case_id IS NOT NULL AND retaliation_reviewed_at IS NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX evaluation_to_review_idx`);
    await q.query(`
      ALTER TABLE evaluation
        DROP COLUMN counts,
        DROP COLUMN retaliation_review_reason,
        DROP COLUMN retaliation_reviewed_by,
        DROP COLUMN retaliation_reviewed_at,
        DROP COLUMN retaliation_case_id,
        DROP COLUMN contest_resolution_reason,
        DROP COLUMN contest_resolved_by,
        DROP COLUMN contest_resolved_at,
        DROP COLUMN contested_at,
        DROP COLUMN contest_statement,
        DROP COLUMN contest_status`);
  }
}
