import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contingents (workers of one destination region and start date travelling together), their travellers, and
 * each traveller's pre-departure steps. Unique keys make scheduling idempotent: one contingent per (region,
 * start date, sequence), one active seat per applicant, one step of each kind per traveller.
 */
export class Contingents1732400000007 implements MigrationInterface {
  name = 'Contingents1732400000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contingent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        region_code text NOT NULL REFERENCES region (code),
        start_date date NOT NULL,
        sequence integer NOT NULL CHECK (sequence >= 1),
        departure_date date NOT NULL CHECK (departure_date <= start_date),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'CONFIRMED', 'DEPARTED', 'ARRIVED', 'RETURNED', 'CANCELLED')),
        policy_version text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contingent_group_sequence_key UNIQUE (region_code, start_date, sequence)
      )`);
    await q.query(`
      CREATE TABLE traveller (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contingent_id uuid NOT NULL REFERENCES contingent (id),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        job_order_id uuid NOT NULL REFERENCES job_order (id),
        status text NOT NULL DEFAULT 'SEATED' CHECK (status IN ('SEATED', 'WITHDRAWN', 'REPLACED', 'DEPARTED', 'ARRIVED', 'RETURNED')),
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT traveller_contingent_applicant_key UNIQUE (contingent_id, applicant_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX traveller_one_seat_key ON traveller (applicant_id) WHERE status = 'SEATED'`);
    await q.query(`CREATE INDEX traveller_job_order_idx ON traveller (job_order_id)`);
    await q.query(`
      CREATE TABLE travel_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        traveller_id uuid NOT NULL REFERENCES traveller (id),
        kind text NOT NULL CHECK (kind IN ('DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED', 'DEPARTURE', 'ARRIVAL')),
        due_date date NOT NULL,
        remind_on date,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'OVERDUE', 'DONE', 'INFEASIBLE', 'CANCELLED')),
        blocking boolean NOT NULL,
        note text,
        completed_at timestamptz,
        completed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT travel_step_traveller_kind_key UNIQUE (traveller_id, kind)
      )`);
    await q.query(`CREATE INDEX travel_step_open_due_idx ON travel_step (due_date) WHERE status IN ('PENDING', 'OVERDUE')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE travel_step`);
    await q.query(`DROP TABLE traveller`);
    await q.query(`DROP TABLE contingent`);
  }
}
