import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of every request that changes something or reads an applicant's personal data. `audit_event`
 * (migration 12) gains what a request record needs: the GraphQL operation, its outcome (SUCCESS or the error
 * code), the client address and the ids of the records it targeted; `entity` and `entity_id` become optional,
 * since a request record may target several records (or none). The table becomes append-only: a trigger
 * refuses UPDATE, DELETE and TRUNCATE, whoever asks, so a record once written stays as written.
 */
export class AuditTrail1732400000019 implements MigrationInterface {
  name = 'AuditTrail1732400000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_event
        ALTER COLUMN entity DROP NOT NULL,
        ALTER COLUMN entity_id DROP NOT NULL,
        ADD COLUMN operation text,
        ADD COLUMN outcome text NOT NULL DEFAULT 'SUCCESS',
        ADD COLUMN ip text,
        ADD COLUMN target_ids uuid[] NOT NULL DEFAULT '{}',
        ALTER COLUMN created_at SET DEFAULT date_trunc('milliseconds', now())`);
    // Keyset cursors carry milliseconds (a JavaScript Date): times kept at that precision page without gaps.
    await q.query(`UPDATE audit_event SET created_at = date_trunc('milliseconds', created_at)`);
    await q.query(`CREATE INDEX audit_event_created_idx ON audit_event (created_at, id)`);
    await q.query(`CREATE INDEX audit_event_operation_idx ON audit_event (operation, created_at)`);
    await q.query(`CREATE INDEX audit_event_target_ids_idx ON audit_event USING gin (target_ids)`);
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await q.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    // Request records have no single entity; the older table cannot hold them.
    await q.query(`DELETE FROM audit_event WHERE entity IS NULL OR entity_id IS NULL`);
    await q.query(`DROP INDEX audit_event_target_ids_idx`);
    await q.query(`DROP INDEX audit_event_operation_idx`);
    await q.query(`DROP INDEX audit_event_created_idx`);
    await q.query(`
      ALTER TABLE audit_event
        DROP COLUMN target_ids,
        DROP COLUMN ip,
        DROP COLUMN outcome,
        DROP COLUMN operation,
        ALTER COLUMN entity SET NOT NULL,
        ALTER COLUMN entity_id SET NOT NULL,
        ALTER COLUMN created_at SET DEFAULT now()`);
  }
}
