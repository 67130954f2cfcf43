import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports as CSV and Excel (issue 15). `data_export`: what a coordinator or an administrator asked for (kind,
 * format, language, the filter and the names of its fields) and how far it got: PENDING until the worker built it,
 * then READY (row count, size, parts, when it was built and when its file expires, 24 hours later) or FAILED (an
 * error a person can act on, never personal data); EXPIRED once the nightly purge deleted its file. A DUI in an
 * applicants filter is kept encrypted (kind `dui`) and dropped with the file. `export_file`: the file's bytes, in
 * parts of about a megabyte written as the file is built and read back in order as it is downloaded.
 * `created_at` (when it was requested) is kept to the millisecond, so the requester's keyset cursors page without gaps.
 */
export class Exports1732400000030 implements MigrationInterface {
  name = 'Exports1732400000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requester_role text NOT NULL CHECK (requester_role IN ('COORDINATOR', 'ADMIN')),
        kind text NOT NULL CHECK (kind IN ('APPLICANTS', 'EMPLOYERS', 'JOB_ORDERS', 'CONTINGENTS', 'STATISTICS')),
        format text NOT NULL CHECK (format IN ('CSV', 'XLSX')),
        language text NOT NULL CHECK (language IN ('ES', 'EN')),
        filter jsonb NOT NULL DEFAULT '{}',
        filter_fields text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'READY', 'FAILED', 'EXPIRED')),
        row_count integer CHECK (row_count >= 0),
        byte_size bigint CHECK (byte_size >= 0),
        parts integer CHECK (parts >= 0),
        error text CHECK (length(error) <= 500),
        completed_at timestamptz,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT data_export_ready_check CHECK (status <> 'READY' OR (row_count IS NOT NULL AND byte_size IS NOT NULL AND parts IS NOT NULL AND expires_at IS NOT NULL)),
        CONSTRAINT data_export_failed_check CHECK ((status = 'FAILED') = (error IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX data_export_requester_created_idx ON data_export (requested_by, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX data_export_expiry_idx ON data_export (expires_at) WHERE status = 'READY'`);
    await q.query(`
      CREATE TABLE export_file (
        export_id uuid NOT NULL REFERENCES data_export (id) ON DELETE CASCADE,
        part integer NOT NULL CHECK (part >= 0),
        bytes bytea NOT NULL,
        PRIMARY KEY (export_id, part)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE export_file`);
    await q.query(`DROP TABLE data_export`);
  }
}
