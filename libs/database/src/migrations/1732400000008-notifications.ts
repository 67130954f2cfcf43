import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox: notifications written in the same transaction as the change they tell of, delivered by a job.
 * `dedupe_key` makes recording idempotent (a retried job records the same event once); `sent_at` makes
 * delivery once-only.
 */
export class Notifications1732400000008 implements MigrationInterface {
  name = 'Notifications1732400000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        audience text NOT NULL CHECK (audience IN ('APPLICANT', 'COORDINATORS')),
        applicant_id uuid REFERENCES applicant (id),
        kind text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        channel text,
        attempts integer NOT NULL DEFAULT 0,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((audience = 'APPLICANT') = (applicant_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX notification_unsent_idx ON notification (created_at) WHERE sent_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
