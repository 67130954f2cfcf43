import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workers rate employers and employers have a standing (issue 14). `employer_rating`: one per placement, each
 * question 1–5, comments for staff only. `employer_standing`: stored, versioned decisions never rewritten (a
 * different answer supersedes the current one; a partial unique index keeps one current per employer). And the
 * approval hold on `employer`: placed when a critical case is substantiated against it, cleared by a coordinator
 * with a reason; while it lasts no order of the employer is approved.
 */
export class Standing1732400000026 implements MigrationInterface {
  name = 'Standing1732400000026';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employer_rating (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES placement (id),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        employer_id uuid NOT NULL REFERENCES employer (id),
        wages_as_agreed smallint NOT NULL CHECK (wages_as_agreed BETWEEN 1 AND 5),
        hours_as_agreed smallint NOT NULL CHECK (hours_as_agreed BETWEEN 1 AND 5),
        housing smallint NOT NULL CHECK (housing BETWEEN 1 AND 5),
        treatment smallint NOT NULL CHECK (treatment BETWEEN 1 AND 5),
        safety smallint NOT NULL CHECK (safety BETWEEN 1 AND 5),
        would_go_back smallint NOT NULL CHECK (would_go_back BETWEEN 1 AND 5),
        comments text CHECK (length(comments) <= 4000),
        submitted_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employer_rating_placement_id_key UNIQUE (placement_id)
      )`);
    await q.query(`CREATE INDEX employer_rating_employer_idx ON employer_rating (employer_id, created_at)`);
    await q.query(`
      CREATE TABLE employer_standing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employer (id),
        policy_version text NOT NULL,
        level text NOT NULL CHECK (level IN ('GOOD', 'WATCH', 'AT_RISK', 'BLOCKED')),
        reasons jsonb NOT NULL,
        inputs jsonb NOT NULL,
        current boolean NOT NULL DEFAULT true,
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employer_standing_current_check CHECK (current = (superseded_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX employer_standing_current_key ON employer_standing (employer_id) WHERE current`);
    await q.query(`CREATE INDEX employer_standing_employer_idx ON employer_standing (employer_id, created_at)`);
    await q.query(`
      ALTER TABLE employer
        ADD COLUMN approval_hold_case_id uuid REFERENCES protection_case (id),
        ADD COLUMN approval_hold_since timestamptz,
        ADD COLUMN approval_hold_reason text,
        ADD CONSTRAINT employer_approval_hold_check CHECK ((approval_hold_since IS NULL) = (approval_hold_reason IS NULL)
                                                           AND (approval_hold_case_id IS NULL OR approval_hold_since IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE employer DROP CONSTRAINT employer_approval_hold_check,
        DROP COLUMN approval_hold_case_id, DROP COLUMN approval_hold_since, DROP COLUMN approval_hold_reason`);
    await q.query(`DROP TABLE employer_standing`);
    await q.query(`DROP TABLE employer_rating`);
  }
}
