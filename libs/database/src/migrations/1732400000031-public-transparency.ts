import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public lists of issue 15: the open job orders, the most recently approved first, and the verified employers,
 * the most recently verified first, each a keyset page over a partial index of just those rows.
 */
export class PublicTransparency1732400000031 implements MigrationInterface {
  name = 'PublicTransparency1732400000031';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX job_order_open_approved_idx ON job_order (approved_at DESC, id DESC) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX employer_verified_idx ON employer (verified_at DESC, id DESC) WHERE status = 'VERIFIED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX employer_verified_idx`);
    await q.query(`DROP INDEX job_order_open_approved_idx`);
  }
}
