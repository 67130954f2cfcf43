import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Travel: when a contingent was confirmed, left, arrived and came home; and placements, one per worker who
 * departs (one worker at one employer for one order). An applicant holds at most one ACTIVE placement, and a
 * seat gives at most one placement, so recording a departure twice places nobody twice.
 */
export class Placements1732400000009 implements MigrationInterface {
  name = 'Placements1732400000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contingent
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN departed_on date,
        ADD COLUMN arrived_on date,
        ADD COLUMN returned_on date,
        ADD CONSTRAINT contingent_travel_order_check CHECK (arrived_on >= departed_on AND returned_on >= arrived_on)`);
    await q.query(`
      CREATE TABLE placement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        traveller_id uuid NOT NULL UNIQUE REFERENCES traveller (id),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        job_order_id uuid NOT NULL REFERENCES job_order (id),
        employer_id uuid NOT NULL REFERENCES employer (id),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED', 'TERMINATED_EARLY', 'ABANDONED')),
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        departed_on date NOT NULL,
        arrived_on date CHECK (arrived_on >= departed_on),
        returned_on date CHECK (returned_on >= departed_on),
        ended_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT placement_ended_check CHECK ((status = 'ACTIVE') = (ended_on IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX placement_one_active_key ON placement (applicant_id) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE INDEX placement_applicant_idx ON placement (applicant_id, start_date)`);
    await q.query(`CREATE INDEX placement_job_order_idx ON placement (job_order_id)`);
    await q.query(`CREATE INDEX placement_employer_idx ON placement (employer_id, end_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE placement`);
    await q.query(`
      ALTER TABLE contingent DROP CONSTRAINT contingent_travel_order_check,
        DROP COLUMN confirmed_at, DROP COLUMN departed_on, DROP COLUMN arrived_on, DROP COLUMN returned_on`);
  }
}
