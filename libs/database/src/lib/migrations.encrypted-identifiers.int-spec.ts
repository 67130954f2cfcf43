import { DataSource } from 'typeorm';
import { fieldCipherFromEnv } from '@puente/config';
import { databaseOptions } from './database-options';
import { MIGRATIONS } from '../migrations';
import { EncryptedIdentifiers1732400000018 } from '../migrations/1732400000018-encrypted-identifiers';
import { runOneMigration, scratchDatabase } from '../testing/scratch-database';

/**
 * Migration 1732400000018 on a database that already has applicants and their logins: the schema before it, rows
 * with DUIs and passports in clear, then its up (nothing readable left, lookups by blind index), its down (the
 * plaintext back) and a down without the keys (refused, nothing changed). Keys come from the environment, as for
 * `npm run migrate` (npm test sets throwaway ones). Its rows are written in SQL on purpose: they have the shape of
 * the schema before the migration, which today's services cannot write.
 */
describe('migration 1732400000018 (encrypted identifiers) on existing rows', () => {
  const scratch = scratchDatabase('puente_migration_18');
  const before = MIGRATIONS.findIndex((m) => m === EncryptedIdentifiers1732400000018);
  const cipher = fieldCipherFromEnv(process.env);
  const people = [
    { dui: '04567890-3', passport: 'A12345678', email: 'one@puente.test' },
    { dui: '12345678-3', passport: null, email: 'two@puente.test' },
  ];
  let ds: DataSource;

  beforeAll(async () => {
    await scratch.create();
    ds = await new DataSource({ ...databaseOptions(scratch.url, 1), migrations: MIGRATIONS.slice(0, before) }).initialize();
    expect((await ds.runMigrations()).at(-1)?.name).toBe(MIGRATIONS[before - 1]!.name);
    for (const p of people) {
      const [a] = await ds.query(
        `INSERT INTO applicant (national_id, first_names, last_names, birth_date, gender, municipality_code, phone, education, passport_number, passport_expiry)
         VALUES ($1, 'Test', 'Worker', '1990-01-01', 'MALE', 'SV-SA-NORTE', '+50370000000', 'PRIMARY', $2::text, CASE WHEN $2::text IS NULL THEN NULL ELSE DATE '2031-01-01' END)
         RETURNING id`,
        [p.dui, p.passport],
      );
      await ds.query(`INSERT INTO app_user (identifier, email, role, applicant_id) VALUES ($1, $2, 'APPLICANT', $3)`, [p.dui, p.email, a.id]);
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch.drop();
  });

  const migrate = (direction: 'up' | 'down') => runOneMigration(ds, new EncryptedIdentifiers1732400000018(), direction);
  const everything = async () =>
    JSON.stringify([
      ...(await ds.query(`SELECT row_to_json(a)::text AS row FROM applicant a`)),
      ...(await ds.query(`SELECT row_to_json(u)::text AS row FROM app_user u`)),
    ]);
  const columns = async () =>
    (await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'applicant' AND column_name ~ '^(national|passport_number)' ORDER BY 1`)).map(
      (r: { column_name: string }) => r.column_name,
    );

  it('encrypts the DUIs and passports already stored, and logins keep only the blind index', async () => {
    await migrate('up');
    expect(await columns()).toEqual(['national_id_enc', 'national_id_hash', 'passport_number_enc', 'passport_number_hash']);
    const stored = await everything();
    for (const p of people) {
      expect(stored).not.toContain(p.dui);
      expect(stored).not.toContain(p.dui.replace('-', ''));
      if (p.passport) expect(stored).not.toContain(p.passport);
    }
    const rows = await ds.query(
      `SELECT a.national_id_enc, a.national_id_hash, a.passport_number_enc, a.passport_number_hash, u.identifier
       FROM applicant a JOIN app_user u ON u.applicant_id = a.id ORDER BY u.email`,
    );
    expect(rows.map((r: Record<string, string>) => cipher.decrypt('dui', r.national_id_enc!))).toEqual(people.map((p) => p.dui));
    expect(rows.map((r: Record<string, string | null>) => r.passport_number_enc && cipher.decrypt('passport', r.passport_number_enc))).toEqual(
      people.map((p) => p.passport),
    );
    expect(rows.map((r: Record<string, string>) => r.identifier)).toEqual(people.map((p) => cipher.blindIndex('dui', p.dui)));
    expect(rows.map((r: Record<string, string>) => r.national_id_hash)).toEqual(people.map((p) => cipher.blindIndex('dui', p.dui)));
    expect(rows[0].passport_number_hash).toBe(cipher.blindIndex('passport', 'A12345678'));
    // Uniqueness holds on the blind indexes, under the constraint names the services translate into CONFLICT.
    await expect(
      ds.query(
        `INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, education)
         VALUES ($1, $2, 'Copy', 'Worker', '1990-01-01', 'MALE', 'SV-SA-NORTE', '+50370000000', 'PRIMARY')`,
        [cipher.encrypt('dui', people[0]!.dui), cipher.blindIndex('dui', people[0]!.dui)],
      ),
    ).rejects.toThrow(/applicant_national_id_key/);
  });

  it('refuses to go down without the keys, changing nothing', async () => {
    const saved = process.env.PUENTE_DATA_KEYS;
    delete process.env.PUENTE_DATA_KEYS;
    try {
      await expect(migrate('down')).rejects.toThrow(/needs PUENTE_DATA_KEYS, PUENTE_DATA_KEY_ID and PUENTE_BLIND_INDEX_KEY.*\n.*PUENTE_DATA_KEYS is required but not set/);
    } finally {
      process.env.PUENTE_DATA_KEYS = saved;
    }
    expect(await columns()).toEqual(['national_id_enc', 'national_id_hash', 'passport_number_enc', 'passport_number_hash']);
  });

  it('goes down by decrypting: the DUIs, passports and logins in clear again', async () => {
    await migrate('down');
    expect(await columns()).toEqual(['national_id', 'passport_number']);
    expect(
      await ds.query(`SELECT a.national_id, a.passport_number, u.identifier FROM applicant a JOIN app_user u ON u.applicant_id = a.id ORDER BY u.email`),
    ).toEqual(people.map((p) => ({ national_id: p.dui, passport_number: p.passport, identifier: p.dui })));
    await expect(
      ds.query(
        `INSERT INTO applicant (national_id, first_names, last_names, birth_date, gender, municipality_code, phone, education)
         VALUES ($1, 'Copy', 'Worker', '1990-01-01', 'MALE', 'SV-SA-NORTE', '+50370000000', 'PRIMARY')`,
        [people[0]!.dui],
      ),
    ).rejects.toThrow(/applicant_national_id_key/);
  });
});
