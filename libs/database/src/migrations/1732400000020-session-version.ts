import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session version per login. Every access token carries the version it was signed with; whatever must end a
 * user's sessions at once (a password change or reset, a deactivation, the employer's suspension) bumps it in the
 * same transaction, and the api refuses tokens (and closes sockets) of an older version.
 */
export class SessionVersion1732400000020 implements MigrationInterface {
  name = 'SessionVersion1732400000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN session_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN session_version`);
  }
}
