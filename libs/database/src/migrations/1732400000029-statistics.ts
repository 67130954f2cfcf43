import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The aggregates statistics answers from (issue 15): rebuilt as a whole by the `statistics.refresh` job in one
 * transaction (readers see the previous set until it commits), never written by anyone else. No foreign keys: they
 * are derived copies, and the refresh deletes and inserts every row.
 *
 * - `stat_deployment`: one row per placement with every dimension of the ILO tables worked out (sex, age group at
 *   departure, occupation, ISIC section, destination, duration band, first-time, department and municipality),
 *   the days behind the medians, and the flags of the program measures (the return due, and whether it was on
 *   time, as of the refresh's day). `abroad` is [departed, returned): the stock abroad on a date is a GiST
 *   containment scan.
 * - `stat_job_order`: one row per submitted order (requested, approved, filled positions).
 * - `stat_registrant_day` and `stat_registrant_month`: registrations, verifications and first deployments by day,
 *   and their running totals at each month's end, by municipality, sex and age group at registration: registrants
 *   on any date are one month row plus at most a month of day rows.
 * - `stat_applicant_status`: the applicants by current status (the available pool), same groups.
 * - `stat_supply`: available applicants by occupation they list, municipality and sex.
 * - `stat_case`: one row per protection case and category, with its outcome.
 * - `stat_returnee`: one row per returnee record (rehire's `returnee_record`), amounts in the order's currency.
 * - `stat_refresh`: when the aggregates were last rebuilt (the answer's `asOf`).
 */
export class Statistics1732400000029 implements MigrationInterface {
  name = 'Statistics1732400000029';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stat_deployment (
        placement_id uuid PRIMARY KEY,
        applicant_id uuid NOT NULL,
        employer_id uuid NOT NULL,
        job_order_id uuid NOT NULL,
        departed_on date NOT NULL,
        returned_on date,
        return_due_on date NOT NULL,
        abroad daterange NOT NULL,
        sex text NOT NULL,
        age_group text NOT NULL,
        isco_code char(4) NOT NULL,
        isic_section char(1) NOT NULL,
        country char(2) NOT NULL,
        region_code text NOT NULL,
        duration_band text NOT NULL,
        first_time boolean NOT NULL,
        department_code text NOT NULL,
        municipality_code text NOT NULL,
        days_to_selection integer,
        days_to_departure integer,
        return_settled boolean NOT NULL,
        returned_on_time boolean NOT NULL,
        rehired boolean NOT NULL,
        named boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX stat_deployment_departed_idx ON stat_deployment (departed_on)`);
    await q.query(`CREATE INDEX stat_deployment_returned_idx ON stat_deployment (returned_on)`);
    await q.query(`CREATE INDEX stat_deployment_return_due_idx ON stat_deployment (return_due_on)`);
    await q.query(`CREATE INDEX stat_deployment_abroad_idx ON stat_deployment USING gist (abroad)`);
    await q.query(`
      CREATE TABLE stat_job_order (
        job_order_id uuid PRIMARY KEY,
        submitted_on date NOT NULL,
        approved_on date,
        positions integer NOT NULL,
        positions_filled integer NOT NULL,
        isco_code char(4) NOT NULL,
        country char(2) NOT NULL,
        region_code text NOT NULL
      )`);
    await q.query(`CREATE INDEX stat_job_order_submitted_idx ON stat_job_order (submitted_on)`);
    await q.query(`CREATE INDEX stat_job_order_approved_idx ON stat_job_order (approved_on)`);
    await q.query(`
      CREATE TABLE stat_registrant_day (
        day date NOT NULL,
        municipality_code text NOT NULL,
        department_code text NOT NULL,
        sex text NOT NULL,
        age_group text NOT NULL,
        registered integer NOT NULL,
        verified integer NOT NULL,
        deployed integer NOT NULL,
        PRIMARY KEY (day, municipality_code, sex, age_group)
      )`);
    await q.query(`
      CREATE TABLE stat_registrant_month (
        month date NOT NULL,
        municipality_code text NOT NULL,
        department_code text NOT NULL,
        sex text NOT NULL,
        age_group text NOT NULL,
        registered integer NOT NULL,
        verified integer NOT NULL,
        deployed integer NOT NULL,
        PRIMARY KEY (month, municipality_code, sex, age_group)
      )`);
    await q.query(`
      CREATE TABLE stat_applicant_status (
        status text NOT NULL,
        municipality_code text NOT NULL,
        department_code text NOT NULL,
        sex text NOT NULL,
        age_group text NOT NULL,
        applicants integer NOT NULL,
        PRIMARY KEY (status, municipality_code, sex, age_group)
      )`);
    await q.query(`
      CREATE TABLE stat_supply (
        isco_code char(4) NOT NULL,
        municipality_code text NOT NULL,
        department_code text NOT NULL,
        sex text NOT NULL,
        available integer NOT NULL,
        PRIMARY KEY (isco_code, municipality_code, sex)
      )`);
    await q.query(`
      CREATE TABLE stat_case (
        case_id uuid NOT NULL,
        category text NOT NULL,
        placement_id uuid NOT NULL,
        reported_on date NOT NULL,
        outcome text NOT NULL,
        PRIMARY KEY (case_id, category)
      )`);
    await q.query(`CREATE INDEX stat_case_reported_idx ON stat_case (reported_on)`);
    await q.query(`
      CREATE TABLE stat_returnee (
        placement_id uuid PRIMARY KEY,
        returned_on date,
        currency char(3) NOT NULL,
        earnings numeric(12,2),
        remittances numeric(12,2),
        domestic_job_interest boolean NOT NULL,
        training_interest boolean NOT NULL,
        skills_to_certify integer NOT NULL,
        referred boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX stat_returnee_returned_idx ON stat_returnee (returned_on)`);
    await q.query(`
      CREATE TABLE stat_refresh (
        id smallint PRIMARY KEY CHECK (id = 1),
        refreshed_at timestamptz NOT NULL,
        took_ms integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'stat_refresh',
      'stat_returnee',
      'stat_case',
      'stat_supply',
      'stat_applicant_status',
      'stat_registrant_month',
      'stat_registrant_day',
      'stat_job_order',
      'stat_deployment',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
