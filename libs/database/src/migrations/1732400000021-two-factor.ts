import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in (TOTP) for staff, and employers who opt in. The secret is kept encrypted (FieldCipher, kind
 * `totp`); it is set when enrolment starts and counts only once `totp_enabled_at` is set (a code confirmed it).
 * `totp_last_step` is the time step of the last code accepted, so a code cannot be replayed within its window;
 * recovery codes are kept only as SHA-256 hashes, each removed from the array when used.
 */
export class TwoFactor1732400000021 implements MigrationInterface {
  name = 'TwoFactor1732400000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN totp_recovery_hashes text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT app_user_totp_enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_totp_enabled_has_secret,
        DROP COLUMN totp_recovery_hashes,
        DROP COLUMN totp_last_step,
        DROP COLUMN totp_enabled_at,
        DROP COLUMN totp_secret`);
  }
}
