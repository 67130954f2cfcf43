import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rehire: how a placement ended (who ended it, why, and whose fault an early end was), the employer's evaluation
 * (one per placement), and rehire decisions. Decisions are never rewritten: a new one supersedes the current one,
 * and a partial unique index keeps exactly one current decision per applicant.
 */
export class Rehire1732400000010 implements MigrationInterface {
  name = 'Rehire1732400000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE placement
        ADD COLUMN ended_by uuid,
        ADD COLUMN end_reason text,
        ADD COLUMN end_fault text CHECK (end_fault IN ('WORKER', 'EMPLOYER', 'NONE')),
        ADD COLUMN evaluation_open_until date,
        ADD CONSTRAINT placement_early_end_check CHECK (status <> 'TERMINATED_EARLY' OR (end_fault IS NOT NULL AND end_reason IS NOT NULL))`);
    await q.query(`
      CREATE TABLE evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL UNIQUE REFERENCES placement (id),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        employer_id uuid NOT NULL REFERENCES employer (id),
        punctuality smallint NOT NULL CHECK (punctuality BETWEEN 1 AND 5),
        quality smallint NOT NULL CHECK (quality BETWEEN 1 AND 5),
        safety smallint NOT NULL CHECK (safety BETWEEN 1 AND 5),
        teamwork smallint NOT NULL CHECK (teamwork BETWEEN 1 AND 5),
        overall smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
        would_rehire boolean NOT NULL,
        comments text CHECK (length(comments) <= 4000),
        submitted_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evaluation_applicant_idx ON evaluation (applicant_id, created_at)`);
    await q.query(`
      CREATE TABLE rehire_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        placement_id uuid NOT NULL REFERENCES placement (id),
        policy_version text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ELIGIBLE', 'INELIGIBLE', 'PENDING')),
        needs_passport_renewal boolean NOT NULL,
        reasons jsonb NOT NULL,
        inputs jsonb NOT NULL,
        recheck_on date,
        current boolean NOT NULL DEFAULT true,
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rehire_decision_current_check CHECK (current = (superseded_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX rehire_decision_current_key ON rehire_decision (applicant_id) WHERE current`);
    await q.query(`CREATE INDEX rehire_decision_recheck_idx ON rehire_decision (recheck_on, applicant_id) WHERE current AND recheck_on IS NOT NULL`);
    await q.query(`CREATE INDEX rehire_decision_applicant_idx ON rehire_decision (applicant_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rehire_decision`);
    await q.query(`DROP TABLE evaluation`);
    await q.query(`
      ALTER TABLE placement DROP CONSTRAINT placement_early_end_check,
        DROP COLUMN ended_by, DROP COLUMN end_reason, DROP COLUMN end_fault, DROP COLUMN evaluation_open_until`);
  }
}
