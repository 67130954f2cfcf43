import { DataSource } from 'typeorm';
import { databaseOptions } from './database-options';
import { MIGRATIONS } from '../migrations';
import { ReleasedCandidates1732400000014 } from '../migrations/1732400000014-released-candidates';
import { runOneMigration, scratchDatabase } from '../testing/scratch-database';

/**
 * Migration 1732400000014 on a database that already has candidates: the schema up to 1732400000013, rows in every
 * state the migration must tell apart, then its up and its down (the second test reverts what the first applied, in
 * that order, as in migrations.int-spec.ts). Candidates are named `<order>/<applicant>`. Rows are written in SQL on
 * purpose: they have the shape of the schema before the migration, which today's services cannot write.
 */
describe('migration 1732400000014 (released candidates) on existing rows', () => {
  const scratch = scratchDatabase('puente_migration_14');
  const before = MIGRATIONS.findIndex((m) => m === ReleasedCandidates1732400000014);
  let ds: DataSource;

  beforeAll(async () => {
    await scratch.create();
    ds = await new DataSource({ ...databaseOptions(scratch.url, 1), migrations: MIGRATIONS.slice(0, before) }).initialize();
    expect((await ds.runMigrations()).at(-1)?.name).toBe('PasswordReset1732400000013');
    await seed(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch.drop();
  });

  const migrate = (direction: 'up' | 'down') => runOneMigration(ds, new ReleasedCandidates1732400000014(), direction);

  const candidates = async (): Promise<Record<string, string>> =>
    Object.fromEntries(
      (
        await ds.query(
          `SELECT o.reference || '/' || a.national_id AS name, c.status, c.status_reason AS reason
           FROM candidate c JOIN job_order o ON o.id = c.job_order_id JOIN applicant a ON a.id = c.applicant_id`,
        )
      ).map((r: { name: string; status: string; reason: string | null }) => [r.name, r.reason ? `${r.status}: ${r.reason}` : r.status]),
    );

  /** What the seed leaves, before the migration. */
  const SEEDED = {
    'IN_PROGRESS/completed': 'SELECTED',
    'IN_PROGRESS/early': 'SELECTED',
    'IN_PROGRESS/abandoned': 'SELECTED',
    'IN_PROGRESS/active': 'SELECTED',
    'IN_PROGRESS/no-placement': 'SELECTED',
    'IN_PROGRESS/rejected': 'REJECTED: Not chosen.',
    'COMPLETED/suggested': 'SUGGESTED',
    'COMPLETED/reserve': 'RESERVE',
    'COMPLETED/selected': 'SELECTED',
    'COMPLETED/rejected': 'REJECTED: Not chosen.',
    'CANCELLED/suggested': 'SUGGESTED',
    'CANCELLED/reserve': 'RESERVE',
    'CANCELLED/chosen': 'SELECTED',
    'OPEN/suggested': 'SUGGESTED',
    'OPEN/reserve': 'RESERVE',
    'OPEN/former': 'SELECTED',
  };

  it('releases selections whose placement ended and candidates of completed or cancelled orders, and nothing else', async () => {
    expect(await candidates()).toEqual(SEEDED);

    await migrate('up');

    expect(await candidates()).toEqual({
      'IN_PROGRESS/completed': 'RELEASED: The placement ended.',
      'IN_PROGRESS/early': 'RELEASED: The placement ended.',
      'IN_PROGRESS/abandoned': 'RELEASED: The placement ended.',
      'IN_PROGRESS/active': 'SELECTED',
      'IN_PROGRESS/no-placement': 'SELECTED',
      'IN_PROGRESS/rejected': 'REJECTED: Not chosen.',
      'COMPLETED/suggested': 'RELEASED: The order is completed.',
      'COMPLETED/reserve': 'RELEASED: The order is completed.',
      'COMPLETED/selected': 'RELEASED: The placement ended.',
      'COMPLETED/rejected': 'REJECTED: Not chosen.',
      'CANCELLED/suggested': 'RELEASED: The order is cancelled.',
      'CANCELLED/reserve': 'RELEASED: The order is cancelled.',
      'CANCELLED/chosen': 'RELEASED: The order is cancelled.',
      'OPEN/suggested': 'SUGGESTED',
      'OPEN/reserve': 'RESERVE',
      // Its placement (the same applicant, another order: last season's) ended; this order's selection stands.
      'OPEN/former': 'SELECTED',
    });
    // A released row no longer holds the applicant: the same worker can be selected again.
    await expect(candidate(ds, 'OPEN', 'completed', 'SELECTED')).resolves.toBeDefined();
    await ds.query(`DELETE FROM candidate WHERE job_order_id = (SELECT id FROM job_order WHERE reference = 'OPEN') AND applicant_id = (SELECT id FROM applicant WHERE national_id = 'completed')`);
  });

  it('turns released candidates into rejected ones on the way down and forbids RELEASED again', async () => {
    await migrate('down');

    const rejected = (reason: string) => `REJECTED: ${reason}`;
    expect(await candidates()).toEqual({
      ...SEEDED,
      'IN_PROGRESS/completed': rejected('The placement ended.'),
      'IN_PROGRESS/early': rejected('The placement ended.'),
      'IN_PROGRESS/abandoned': rejected('The placement ended.'),
      'COMPLETED/suggested': rejected('The order is completed.'),
      'COMPLETED/reserve': rejected('The order is completed.'),
      'COMPLETED/selected': rejected('The placement ended.'),
      'CANCELLED/suggested': rejected('The order is cancelled.'),
      'CANCELLED/reserve': rejected('The order is cancelled.'),
      'CANCELLED/chosen': rejected('The order is cancelled.'),
    });
    await expect(candidate(ds, 'OPEN', 'completed', 'RELEASED')).rejects.toThrow(/candidate_status_check/);
  });
});

/** A candidate of order `reference` for applicant `nationalId`. */
function candidate(ds: DataSource, reference: string, nationalId: string, status: string, reason: string | null = null): Promise<unknown> {
  return ds.query(
    `INSERT INTO candidate (job_order_id, applicant_id, run_id, score, breakdown, rank, status, status_reason)
     SELECT o.id, a.id, (SELECT id FROM matching_run LIMIT 1), 50, '[]'::jsonb, 1, $3::text, $4::text
     FROM job_order o, applicant a WHERE o.reference = $1 AND a.national_id = $2`,
    [reference, nationalId, status, reason],
  );
}

/**
 * One employer; an order in progress whose selected workers' placements ended in each way, are still active or
 * have not begun; a completed, a cancelled and an open order, each with candidates in every pending state. Orders
 * are named after their status, applicants after their case.
 */
async function seed(ds: DataSource): Promise<void> {
  const [employer] = await ds.query(
    `INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone, status)
     VALUES ('Farm', 'CA', 'CA-QC', 'Laval', 'AGRICULTURE', 'CA_TFWP_AGRICULTURAL', '9000001', 'A', 'a@b.example', '+15145550100', 'VERIFIED') RETURNING id`,
  );
  const orders: [string, string][] = [
    ['IN_PROGRESS', '2025-04-01'],
    ['COMPLETED', '2024-04-01'],
    ['CANCELLED', '2025-05-01'],
    ['OPEN', '2026-04-01'],
  ];
  for (const [status, start] of orders) {
    await ds.query(
      `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
         work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
         employer_pays_recruitment, employer_pays_travel, status)
       VALUES ($1, $2, 'Picker', '9211', 'NOC_2021', '85101', 10, 'CA-QC', 'Laval', $3::date, 26, $3::date + 181, 16.10, 'CAD', 40, true, true, true, $1)`,
      [status, employer.id, start],
    );
  }
  const applicants = ['completed', 'early', 'abandoned', 'active', 'no-placement', 'rejected', 'suggested', 'reserve', 'selected', 'chosen', 'former'];
  await ds.query(
    `INSERT INTO applicant (national_id, first_names, last_names, birth_date, gender, municipality_code, phone, occupations, education, status)
     SELECT n, 'Test', 'Worker', '1990-01-01', 'MALE', 'SV-SA-NORTE', '+50370000000', ARRAY['9211'], 'PRIMARY', 'SELECTED' FROM unnest($1::text[]) n`,
    [applicants],
  );
  await ds.query(`INSERT INTO matching_run (status, job_order_ids, policy_version, policy) SELECT 'SUCCEEDED', array_agg(id), 'v1', '{}'::jsonb FROM job_order`);

  // Only one SELECTED row per applicant (candidate_one_selection_key): each selection is a different worker.
  const rows: [string, string, string, string?][] = [
    ['IN_PROGRESS', 'completed', 'SELECTED'],
    ['IN_PROGRESS', 'early', 'SELECTED'],
    ['IN_PROGRESS', 'abandoned', 'SELECTED'],
    ['IN_PROGRESS', 'active', 'SELECTED'],
    ['IN_PROGRESS', 'no-placement', 'SELECTED'],
    ['IN_PROGRESS', 'rejected', 'REJECTED', 'Not chosen.'],
    ['COMPLETED', 'suggested', 'SUGGESTED'],
    ['COMPLETED', 'reserve', 'RESERVE'],
    ['COMPLETED', 'selected', 'SELECTED'],
    ['COMPLETED', 'rejected', 'REJECTED', 'Not chosen.'],
    ['CANCELLED', 'suggested', 'SUGGESTED'],
    ['CANCELLED', 'reserve', 'RESERVE'],
    ['CANCELLED', 'chosen', 'SELECTED'],
    ['OPEN', 'suggested', 'SUGGESTED'],
    ['OPEN', 'reserve', 'RESERVE'],
    ['OPEN', 'former', 'SELECTED'],
  ];
  for (const [reference, nationalId, status, reason] of rows) await candidate(ds, reference, nationalId, status, reason ?? null);

  await ds.query(
    `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version)
     SELECT 'CT-' || o.reference, 'CA-QC', o.start_date, 1, o.start_date - 2, 70, 'DEPARTED', 'v1' FROM job_order o WHERE o.reference IN ('IN_PROGRESS', 'COMPLETED')`,
  );
  // Placements, one traveller each: [order, applicant, placement status].
  const placements: [string, string, string][] = [
    ['IN_PROGRESS', 'completed', 'COMPLETED'],
    ['IN_PROGRESS', 'early', 'TERMINATED_EARLY'],
    ['IN_PROGRESS', 'abandoned', 'ABANDONED'],
    ['IN_PROGRESS', 'active', 'ACTIVE'],
    ['COMPLETED', 'selected', 'COMPLETED'],
    // Last season's placement of a worker now selected on the open order.
    ['COMPLETED', 'former', 'COMPLETED'],
  ];
  for (const [reference, nationalId, status] of placements) {
    await ds.query(
      `WITH t AS (
         INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status)
         SELECT c.id, a.id, o.id, 'DEPARTED' FROM job_order o JOIN contingent c ON c.reference = 'CT-' || o.reference, applicant a
         WHERE o.reference = $1 AND a.national_id = $2 RETURNING id, applicant_id, job_order_id)
       INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, ended_on, end_fault, end_reason)
       SELECT t.id, t.applicant_id, t.job_order_id, o.employer_id, $3::text, o.start_date, o.end_date, o.start_date - 2,
              CASE WHEN $3::text <> 'ACTIVE' THEN o.start_date + 30 END,
              CASE WHEN $3::text = 'TERMINATED_EARLY' THEN 'EMPLOYER' END, CASE WHEN $3::text = 'TERMINATED_EARLY' THEN 'The farm closed.' END
       FROM t JOIN job_order o ON o.id = t.job_order_id`,
      [reference, nationalId, status],
    );
  }
}
