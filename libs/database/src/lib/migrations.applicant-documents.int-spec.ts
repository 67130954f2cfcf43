import { DataSource } from 'typeorm';
import { fieldCipherFromEnv } from '@puente/config';
import { databaseOptions } from './database-options';
import { MIGRATIONS } from '../migrations';
import { ApplicantDocuments1732400000027 } from '../migrations/1732400000027-applicant-documents';
import { runOneMigration, scratchDatabase } from '../testing/scratch-database';

/**
 * Migration 1732400000027 on a database that already has applicants: the schema up to 1732400000026, applicants with
 * and without a passport, then its up (each passport becomes the applicant's current PASSPORT document, its number
 * sealed again as a document's) and its down. Rows are written in SQL on purpose: they have the shape of the schema
 * before the migration, which today's services cannot write.
 */
describe('migration 1732400000027 (applicant documents) on existing applicants', () => {
  const scratch = scratchDatabase('puente_migration_27');
  const before = MIGRATIONS.findIndex((m) => m === ApplicantDocuments1732400000027);
  const cipher = fieldCipherFromEnv(process.env);
  let ds: DataSource;

  beforeAll(async () => {
    await scratch.create();
    ds = await new DataSource({ ...databaseOptions(scratch.url, 1), migrations: MIGRATIONS.slice(0, before) }).initialize();
    expect((await ds.runMigrations()).at(-1)?.name).toBe('Standing1732400000026');
    for (const [tag, passport] of [['with', 'A1234567'], ['renewed', 'B7654321'], ['without', null]] as const) {
      await ds.query(
        `INSERT INTO applicant (national_id_enc, national_id_hash, passport_number_enc, passport_number_hash, passport_expiry, first_names, last_names,
           birth_date, gender, municipality_code, phone, occupations, education, status)
         VALUES ($1, $2, $3, $4, $5, 'Test', 'Worker', '1990-01-01', 'MALE', 'SV-SA-NORTE', '+50370000000', ARRAY['9211'], 'PRIMARY', 'AVAILABLE')`,
        [
          cipher.encrypt('dui', '00000000-0'),
          tag,
          passport && cipher.encrypt('passport', passport),
          passport && cipher.blindIndex('passport', passport),
          passport && (tag === 'with' ? '2031-03-01' : '2033-07-15'),
        ],
      );
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch.drop();
  });

  const migrate = (direction: 'up' | 'down') => runOneMigration(ds, new ApplicantDocuments1732400000027(), direction);
  const documents = async () =>
    (
      await ds.query(
        `SELECT a.national_id_hash AS tag, d.kind, d.number_enc, to_char(d.expiry_date, 'YYYY-MM-DD') AS expiry, d.issue_date, d.issuing_authority,
                d.recorded_by, d.superseded_at
         FROM applicant_document d JOIN applicant a ON a.id = d.applicant_id ORDER BY 1`,
      )
    ).map((r: { number_enc: string }) => ({ ...r, number_enc: cipher.decrypt('document', r.number_enc) }));

  it('makes each passport the current PASSPORT document, its number readable as a document\'s, and nothing for the others', async () => {
    await migrate('up');
    const carried = { kind: 'PASSPORT', issue_date: null, issuing_authority: null, recorded_by: null, superseded_at: null };
    expect(await documents()).toEqual([
      { tag: 'renewed', number_enc: 'B7654321', expiry: '2033-07-15', ...carried },
      { tag: 'with', number_enc: 'A1234567', expiry: '2031-03-01', ...carried },
    ]);
    // The matching index carries the new column, empty until a medical certificate or police record is recorded.
    expect(await ds.query(`SELECT count(*)::int AS n FROM applicant_occupation WHERE document_expiry IS NULL`)).toEqual([{ n: 3 }]);
  });

  it('keeps one current document per kind and refuses a number where the kind has none', async () => {
    const [{ id }] = await ds.query(`SELECT id FROM applicant WHERE national_id_hash = 'without'`);
    const insert = (kind: string, number: string | null) =>
      ds.query(`INSERT INTO applicant_document (applicant_id, kind, number_enc, expiry_date) VALUES ($1, $2, $3, '2030-01-01')`, [id, kind, number]);
    await expect(insert('MEDICAL_CERTIFICATE', 'x')).rejects.toThrow(/check constraint/);
    await expect(insert('VISA', null)).rejects.toThrow(/check constraint/);
    await expect(insert('BIRTH_CERTIFICATE', null)).rejects.toThrow(/check constraint/);
    await insert('POLICE_RECORD', null);
    await expect(insert('POLICE_RECORD', null)).rejects.toThrow(/applicant_document_current_key/);
  });

  it('reverts: the tables and columns go, the applicants keep their passports', async () => {
    await migrate('down');
    const [{ documents, warnings }] = await ds.query(
      `SELECT to_regclass('applicant_document') AS documents, to_regclass('document_expiry_warning') AS warnings`,
    );
    expect({ documents, warnings }).toEqual({ documents: null, warnings: null });
    expect(await ds.query(`SELECT count(*)::int AS n FROM applicant WHERE passport_number_enc IS NOT NULL`)).toEqual([{ n: 2 }]);
    expect(await ds.query(`SELECT column_name FROM information_schema.columns WHERE column_name LIKE 'document_expiry%'`)).toEqual([]);
  });
});
