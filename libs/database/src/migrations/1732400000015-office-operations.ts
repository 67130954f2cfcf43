import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office's corrections on travel (issue 10): a traveller CANCELLED (taken off because their order or their
 * contingent was cancelled, not because they withdrew: their selection may outlive the seat), a step WAIVED by a
 * coordinator (it no longer blocks confirmation), and the index the `contingents` list pages on.
 */
export class OfficeOperations1732400000015 implements MigrationInterface {
  name = 'OfficeOperations1732400000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE traveller DROP CONSTRAINT traveller_status_check`);
    await q.query(
      `ALTER TABLE traveller ADD CONSTRAINT traveller_status_check CHECK (status IN ('SEATED', 'WITHDRAWN', 'REPLACED', 'DEPARTED', 'ARRIVED', 'RETURNED', 'CANCELLED'))`,
    );
    await q.query(`ALTER TABLE travel_step DROP CONSTRAINT travel_step_status_check`);
    await q.query(
      `ALTER TABLE travel_step ADD CONSTRAINT travel_step_status_check CHECK (status IN ('PENDING', 'OVERDUE', 'DONE', 'INFEASIBLE', 'CANCELLED', 'WAIVED'))`,
    );
    await q.query(`CREATE INDEX contingent_created_idx ON contingent (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX contingent_created_idx`);
    // The old schema knows no waiver: a waived step read as done is what let its contingent be confirmed.
    await q.query(`UPDATE travel_step SET status = 'DONE' WHERE status = 'WAIVED'`);
    await q.query(`ALTER TABLE travel_step DROP CONSTRAINT travel_step_status_check`);
    await q.query(`ALTER TABLE travel_step ADD CONSTRAINT travel_step_status_check CHECK (status IN ('PENDING', 'OVERDUE', 'DONE', 'INFEASIBLE', 'CANCELLED'))`);
    // A seat cancelled by the office reads as one given up for someone else, as close as the old states come.
    await q.query(`UPDATE traveller SET status = 'REPLACED' WHERE status = 'CANCELLED'`);
    await q.query(`ALTER TABLE traveller DROP CONSTRAINT traveller_status_check`);
    await q.query(
      `ALTER TABLE traveller ADD CONSTRAINT traveller_status_check CHECK (status IN ('SEATED', 'WITHDRAWN', 'REPLACED', 'DEPARTED', 'ARRIVED', 'RETURNED'))`,
    );
  }
}
