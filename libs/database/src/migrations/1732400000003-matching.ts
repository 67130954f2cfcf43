import { MigrationInterface, QueryRunner } from 'typeorm';

/** Matching runs and the candidates they propose per job order, with the score explained. */
export class Matching1732400000003 implements MigrationInterface {
  name = 'Matching1732400000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matching_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        job_order_ids uuid[] NOT NULL,
        policy_version text NOT NULL,
        policy jsonb NOT NULL,
        failure_reason text,
        candidates_count integer,
        requested_by uuid,
        started_at timestamptz,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_order_id uuid NOT NULL REFERENCES job_order (id),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        run_id uuid NOT NULL REFERENCES matching_run (id),
        score numeric(4, 1) NOT NULL CHECK (score BETWEEN 0 AND 100),
        breakdown jsonb NOT NULL,
        rank integer NOT NULL CHECK (rank >= 1),
        status text NOT NULL CHECK (status IN ('SUGGESTED', 'RESERVE', 'SELECTED', 'REJECTED')),
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT candidate_order_applicant_key UNIQUE (job_order_id, applicant_id)
      )`);
    await q.query(`CREATE INDEX candidate_order_rank_idx ON candidate (job_order_id, rank)`);
    await q.query(`CREATE INDEX candidate_applicant_idx ON candidate (applicant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE candidate`);
    await q.query(`DROP TABLE matching_run`);
  }
}
