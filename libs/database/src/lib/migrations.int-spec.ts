import { DataSource } from 'typeorm';
import { databaseOptions } from './database-options';
import { MIGRATIONS } from '../migrations';
import { scratchDatabase } from '../testing/scratch-database';

/** Every table of the schema, kept in one place as migrations add them. */
const TABLES = [
  'app_user',
  'applicant',
  'applicant_document',
  'applicant_occupation',
  'audit_event',
  'candidate',
  'case_event',
  'contingent',
  'data_export',
  'department',
  'document_expiry_warning',
  'employer',
  'employer_rating',
  'employer_standing',
  'evaluation',
  'export_file',
  'job_order',
  'job_outbox',
  'matching_run',
  'municipality',
  'named_request',
  'notification',
  'occupation',
  'password_reset',
  'placement',
  'protection_case',
  'refresh_token',
  'region',
  'rehire_decision',
  'returnee_record',
  'skill',
  'stat_applicant_status',
  'stat_case',
  'stat_deployment',
  'stat_job_order',
  'stat_refresh',
  'stat_registrant_day',
  'stat_registrant_month',
  'stat_returnee',
  'stat_supply',
  'travel_step',
  'traveller',
];

/**
 * Runs every migration up, all the way down and up again on a scratch database of its own. Its rows are written in
 * SQL on purpose: they check what the schema enforces by itself (constraints, the matching index's triggers) when no
 * service is in the way.
 */
describe('migrations', () => {
  const scratch = scratchDatabase('puente_migrations');
  let ds: DataSource;

  beforeAll(async () => {
    await scratch.create();
    ds = await new DataSource(databaseOptions(scratch.url, 1)).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch.drop();
  });

  const tables = async () =>
    (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`)).map(
      (r: { table_name: string }) => r.table_name,
    );

  it('creates the schema and the reference data', async () => {
    expect((await ds.runMigrations()).map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await tables()).toEqual(TABLES);
    const [counts] = await ds.query(
      `SELECT (SELECT count(*) FROM department)::int AS departments, (SELECT count(*) FROM municipality)::int AS municipalities,
              (SELECT count(*) FROM region WHERE country = 'US')::int AS states, (SELECT count(*) FROM region WHERE country = 'CA')::int AS provinces`,
    );
    expect(counts).toEqual({ departments: 14, municipalities: 44, states: 51, provinces: 13 });
    expect(await ds.showMigrations()).toBe(false);
  });

  it('reverts every migration and applies them again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    expect(await tables()).toEqual([]);
    expect(await ds.runMigrations()).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toHaveLength(TABLES.length);
  });

  it('refuses what the domain forbids even when a service is bypassed', async () => {
    const [employer] = await ds.query(
      `INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone)
       VALUES ('Farm', 'CA', 'CA-QC', 'Laval', 'AGRICULTURE', 'CA_TFWP_AGRICULTURAL', '9000001', 'A', 'a@b.example', '+15145550100') RETURNING id`,
    );
    const order = (positions: number, pays: boolean) =>
      ds.query(
        `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
           work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
           employer_pays_recruitment, employer_pays_travel)
         VALUES ($1, $2, 't', '9211', 'NOC_2021', '85101', $3, 'CA-QC', 'Laval', '2030-01-01', 4, '2030-01-28', 16, 'CAD', 40, false, $4, true)`,
        [`JO-${positions}-${pays}`, employer.id, positions, pays],
      );
    await expect(order(0, true)).rejects.toThrow(/check constraint/);
    await expect(order(501, true)).rejects.toThrow(/check constraint/);
    await expect(order(10, false)).rejects.toThrow(/check constraint/);
    await expect(order(10, true)).resolves.toBeDefined();
  });

  it('keeps the matching index in step with applicants, in bulk and one by one', async () => {
    const insert = (n: number) =>
      ds.query(
        `INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations, skills,
           languages, language_levels, years_experience, education, status)
         SELECT 'not-read', 'S' || g, 'Sync', 'Test', '1990-01-01', 'MALE', 'SV-SA-NORTE', '+50370000000', ARRAY['9211', '6111'], ARRAY['FIRST_AID'],
                '[]', ARRAY['en:A1'], 3, 'PRIMARY', 'AVAILABLE'
         FROM generate_series(1, $1) g RETURNING id`,
        [n],
      );
    const index = () =>
      ds.query(
        `SELECT ao.isco_code, ao.years_experience, ao.available, ao.skills FROM applicant_occupation ao JOIN applicant a ON a.id = ao.applicant_id
         WHERE a.national_id_hash = 'S1' ORDER BY ao.isco_code`,
      );
    await insert(3);
    expect(await ds.query(`SELECT count(*)::int AS n FROM applicant_occupation ao JOIN applicant a ON a.id = ao.applicant_id WHERE a.national_id_hash LIKE 'S%'`))
      .toEqual([{ n: 6 }]);
    expect(await index()).toEqual([
      { isco_code: '6111', years_experience: 3, available: true, skills: ['FIRST_AID'] },
      { isco_code: '9211', years_experience: 3, available: true, skills: ['FIRST_AID'] },
    ]);

    await ds.query(`UPDATE applicant SET occupations = ARRAY['9211', '9313'], skills = ARRAY['OHS_BASICS'], years_experience = 5 WHERE national_id_hash = 'S1'`);
    await ds.query(`UPDATE applicant SET status = 'SELECTED' WHERE national_id_hash = 'S1'`);
    expect(await index()).toEqual([
      { isco_code: '9211', years_experience: 5, available: false, skills: ['OHS_BASICS'] },
      { isco_code: '9313', years_experience: 5, available: false, skills: ['OHS_BASICS'] },
    ]);

    // The earliest expiry of the documents matching holds against orders follows too (migration 1732400000027).
    await ds.query(`UPDATE applicant SET document_expiry = '2031-05-01', document_expiry_kind = 'POLICE_RECORD' WHERE national_id_hash = 'S1'`);
    expect(await ds.query(`SELECT to_char(ao.document_expiry, 'YYYY-MM-DD') AS d FROM applicant_occupation ao JOIN applicant a ON a.id = ao.applicant_id
                           WHERE a.national_id_hash = 'S1'`)).toEqual([{ d: '2031-05-01' }, { d: '2031-05-01' }]);
    await expect(ds.query(`UPDATE applicant SET document_expiry_kind = NULL WHERE national_id_hash = 'S1'`)).rejects.toThrow(/check constraint/);

    await ds.query(`DELETE FROM applicant WHERE national_id_hash LIKE 'S%'`);
    expect(await ds.query(`SELECT count(*)::int AS n FROM applicant_occupation`)).toEqual([{ n: 0 }]);
  });
});
