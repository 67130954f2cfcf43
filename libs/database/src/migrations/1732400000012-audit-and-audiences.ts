import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of office operations: who did what to which record, when, and why (the reason they gave).
 * It holds identifiers and the reason only, never the values changed, so it carries no personal data beyond
 * what a reason says. And two more audiences for the outbox: one employer's users, and one user.
 */
export class AuditAndAudiences1732400000012 implements MigrationInterface {
  name = 'AuditAndAudiences1732400000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_user_id uuid,
        actor_role text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id uuid NOT NULL,
        reason text CHECK (length(reason) <= 2000),
        fields text[] NOT NULL DEFAULT '{}',
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_id, created_at)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, created_at)`);
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN employer_id uuid REFERENCES employer (id),
        ADD COLUMN user_id uuid REFERENCES app_user (id),
        DROP CONSTRAINT notification_audience_check,
        DROP CONSTRAINT notification_check,
        ADD CONSTRAINT notification_audience_check CHECK (audience IN ('APPLICANT', 'COORDINATORS', 'EMPLOYER', 'USER')),
        ADD CONSTRAINT notification_recipient_check CHECK (
          (audience = 'APPLICANT') = (applicant_id IS NOT NULL)
          AND (audience = 'EMPLOYER') = (employer_id IS NOT NULL)
          AND (audience = 'USER') = (user_id IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE audience IN ('EMPLOYER', 'USER')`);
    await q.query(`
      ALTER TABLE notification
        DROP CONSTRAINT notification_recipient_check,
        DROP CONSTRAINT notification_audience_check,
        DROP COLUMN employer_id,
        DROP COLUMN user_id,
        ADD CONSTRAINT notification_audience_check CHECK (audience IN ('APPLICANT', 'COORDINATORS')),
        ADD CONSTRAINT notification_check CHECK ((audience = 'APPLICANT') = (applicant_id IS NOT NULL))`);
    await q.query(`DROP TABLE audit_event`);
  }
}
