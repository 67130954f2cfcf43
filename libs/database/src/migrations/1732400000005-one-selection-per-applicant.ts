import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last line of defence under the row lock: an applicant is selected for at most one order at a time. A
 * coordinator may also select someone no run proposed, so a candidate need not come from a run.
 */
export class OneSelectionPerApplicant1732400000005 implements MigrationInterface {
  name = 'OneSelectionPerApplicant1732400000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX candidate_one_selection_key ON candidate (applicant_id) WHERE status = 'SELECTED'`);
    await q.query(`ALTER TABLE candidate ALTER COLUMN run_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM candidate WHERE run_id IS NULL`);
    await q.query(`ALTER TABLE candidate ALTER COLUMN run_id SET NOT NULL`);
    await q.query(`DROP INDEX candidate_one_selection_key`);
  }
}
