import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employers asking for their good workers back by name: one request per order and applicant. The matching run
 * places a named worker first on that order's shortlist (`candidate.named`), before any other assignment. And
 * the index the rehire pool pages through.
 */
export class NamedRequests1732400000011 implements MigrationInterface {
  name = 'NamedRequests1732400000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE named_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_order_id uuid NOT NULL REFERENCES job_order (id),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        requested_by uuid NOT NULL,
        substitute_acceptable boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT named_request_order_applicant_key UNIQUE (job_order_id, applicant_id)
      )`);
    await q.query(`CREATE INDEX named_request_applicant_idx ON named_request (applicant_id)`);
    await q.query(`ALTER TABLE candidate ADD COLUMN named boolean NOT NULL DEFAULT false`);
    // The rehire pool pages through current eligible decisions, newest first.
    await q.query(`CREATE INDEX rehire_decision_pool_idx ON rehire_decision (created_at DESC, id DESC) WHERE current AND outcome = 'ELIGIBLE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rehire_decision_pool_idx`);
    await q.query(`ALTER TABLE candidate DROP COLUMN named`);
    await q.query(`DROP TABLE named_request`);
  }
}
