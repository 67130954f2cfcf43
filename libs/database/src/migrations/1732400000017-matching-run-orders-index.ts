import { MigrationInterface, QueryRunner } from 'typeorm';

/** `jobOrder.latestMatchingRun` finds the runs of a page of orders by overlap with the run's order list. */
export class MatchingRunOrdersIndex1732400000017 implements MigrationInterface {
  name = 'MatchingRunOrdersIndex1732400000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX matching_run_job_orders_idx ON matching_run USING gin (job_order_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX matching_run_job_orders_idx`);
  }
}
