import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time password-reset links for staff and employers. Only the SHA-256 of the token is stored (the token
 * itself is mailed and never written anywhere), a token is used once (`used_at`), expires (`expires_at`), and a
 * user has at most one live token: a new request deletes the older ones, which the partial unique index holds.
 */
export class PasswordReset1732400000013 implements MigrationInterface {
  name = 'PasswordReset1732400000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT password_reset_token_hash_key UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX password_reset_one_live_per_user ON password_reset (user_id) WHERE used_at IS NULL`);
    await q.query(`CREATE INDEX password_reset_expires_idx ON password_reset (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset`);
  }
}
