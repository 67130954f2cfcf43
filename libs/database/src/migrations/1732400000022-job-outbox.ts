import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job outbox: what a unit of work must do after it commits (jobs to add or remove, status events to publish),
 * written in the same transaction as the change, carried out right after commit and deleted; a sweep carries out
 * what a crash left. A row holds a batch of consecutive operations of one kind and target (up to 1,000 adds of one
 * job name, 1,000 removals from one queue, or one publish), so a unit of 140,000 jobs is about 140 rows. Rows of one
 * unit (`unit`) are carried out together, in `id` order, by whoever holds the lock on the unit's first row (`head`),
 * so two drainers never run the same unit nor one unit's rows out of order.
 * `queue_prefix` is the Redis namespace the writer uses: a sweep carries out only its own (test runs share a database).
 */
export class JobOutbox1732400000022 implements MigrationInterface {
  name = 'JobOutbox1732400000022';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_outbox (
        id bigserial PRIMARY KEY,
        unit uuid NOT NULL,
        head boolean NOT NULL DEFAULT false,
        queue_prefix text NOT NULL,
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('add', 'remove', 'publish')),
        queue text,
        name text,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((kind = 'publish') = (queue IS NULL)),
        CHECK ((kind = 'add') = (name IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX job_outbox_unit_idx ON job_outbox (unit, id)`);
    await q.query(`CREATE INDEX job_outbox_head_idx ON job_outbox (queue_prefix, id) WHERE head`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_outbox`);
  }
}
