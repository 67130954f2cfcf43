import { DataSource } from 'typeorm';
import { FieldCipher } from '@puente/config';
import { databaseOptions } from './database-options';
import { reencryptColumns } from './encrypted-columns';
import { scratchDatabase } from '../testing/scratch-database';

/**
 * `npm run rotate-keys` on a scratch database of its own (a rotation rewrites every row, so never on the database
 * other suites share): applicants under two old keys end up under the current one, readable with it alone, their
 * blind indexes untouched, and a second run has nothing to do. Its rows are written in SQL on purpose: each is
 * sealed under a chosen old key, which no service does (they seal under the current one).
 */
describe('reencryptColumns (npm run rotate-keys)', () => {
  const scratch = scratchDatabase('puente_rotation');
  const key = (b: number) => Buffer.alloc(32, b);
  const blindIndexKey = key(9);
  const cipher = (keys: Record<string, Buffer>, currentKeyId: string) => new FieldCipher({ keys: new Map(Object.entries(keys)), currentKeyId, blindIndexKey });
  const first = cipher({ a: key(1) }, 'a');
  const second = cipher({ a: key(1), b: key(2) }, 'b');
  const rotating = cipher({ a: key(1), b: key(2), c: key(3) }, 'c');
  const after = cipher({ c: key(3) }, 'c');
  let ds: DataSource;

  beforeAll(async () => {
    await scratch.create();
    ds = await new DataSource(databaseOptions(scratch.url, 1)).initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch.drop();
  });

  it('re-encrypts every value under an old key with the current one, in batches, and nothing twice', async () => {
    const people = Array.from({ length: 7 }, (_, i) => ({
      dui: `1000000${i}-0`,
      passport: i % 3 === 0 ? null : `P${1_000_000 + i}`,
      by: i < 3 ? first : i < 6 ? second : rotating,
    }));
    for (const p of people) {
      await ds.query(
        `INSERT INTO applicant (national_id_enc, national_id_hash, passport_number_enc, passport_number_hash, passport_expiry,
           first_names, last_names, birth_date, gender, municipality_code, phone, education)
         VALUES ($1, $2, $3, $4, $5, 'Test', 'Worker', '1990-01-01', 'MALE', 'SV-SA-NORTE', '+50370000000', 'PRIMARY')`,
        [
          p.by.encrypt('dui', p.dui),
          p.by.blindIndex('dui', p.dui),
          p.passport && p.by.encrypt('passport', p.passport),
          p.passport && p.by.blindIndex('passport', p.passport),
          p.passport && '2032-01-01',
        ],
      );
    }
    // A staff user's two-factor secret (app_user.totp_secret) under key a rotates with them.
    await ds.query(`INSERT INTO app_user (identifier, email, role, totp_secret) VALUES ('totp@puente.test', 'totp@puente.test', 'COORDINATOR', $1)`, [
      first.encrypt('totp', 'JBSWY3DPEHPK3PXP'),
    ]);
    // A recorded document's number (applicant_document.number_enc) under key a rotates too.
    await ds.query(`INSERT INTO applicant_document (applicant_id, kind, number_enc, expiry_date) SELECT id, 'VISA', $1, '2031-01-01' FROM applicant ORDER BY id LIMIT 1`, [
      first.encrypt('document', 'V7654321'),
    ]);
    const stored = () =>
      ds.query(`SELECT national_id_enc, national_id_hash, passport_number_enc, passport_number_hash FROM applicant ORDER BY national_id_hash`);
    const hashesBefore = (await stored()).map((r: Record<string, string>) => [r.national_id_hash, r.passport_number_hash]);
    const untouched = (await stored()).filter((r: Record<string, string>) => rotating.isCurrent(r.national_id_enc!));

    // The values under key c are current already; the others are rewritten, two per batch (six DUIs; of the four
    // passports under a and b, persons 1, 2, 4, 5).
    const counts = (results: { column: string; reencrypted: number; remaining: number }[]) => results.map(({ column, reencrypted, remaining }) => ({ column, reencrypted, remaining }));
    expect(counts(await reencryptColumns(ds, rotating, undefined, 2))).toEqual([
      { column: 'national_id_enc', reencrypted: 6, remaining: 0 },
      { column: 'passport_number_enc', reencrypted: 4, remaining: 0 },
      { column: 'totp_secret', reencrypted: 1, remaining: 0 },
      { column: 'number_enc', reencrypted: 1, remaining: 0 },
    ]);
    const [document] = await ds.query(`SELECT number_enc FROM applicant_document`);
    expect(after.decrypt('document', document.number_enc)).toBe('V7654321');
    const [user] = await ds.query(`SELECT totp_secret FROM app_user WHERE identifier = 'totp@puente.test'`);
    expect(after.decrypt('totp', user.totp_secret)).toBe('JBSWY3DPEHPK3PXP');
    const rows = await stored();
    expect(rows.map((r: Record<string, string>) => [r.national_id_hash, r.passport_number_hash])).toEqual(hashesBefore);
    for (const r of rows) {
      expect(after.keyIdOf(r.national_id_enc)).toBe('c');
      if (r.passport_number_enc) expect(after.keyIdOf(r.passport_number_enc)).toBe('c');
    }
    expect(rows.filter((r: Record<string, string>) => untouched.some((u: Record<string, string>) => u.national_id_enc === r.national_id_enc))).toHaveLength(1);
    // Readable with the new key alone: the old keys can be retired.
    const read = rows.map((r: Record<string, string | null>) => [after.decrypt('dui', r.national_id_enc!), r.passport_number_enc && after.decrypt('passport', r.passport_number_enc)]);
    expect(read.sort()).toEqual(people.map((p) => [p.dui, p.passport]).sort());
    expect(counts(await reencryptColumns(ds, rotating))).toEqual([
      { column: 'national_id_enc', reencrypted: 0, remaining: 0 },
      { column: 'passport_number_enc', reencrypted: 0, remaining: 0 },
      { column: 'totp_secret', reencrypted: 0, remaining: 0 },
      { column: 'number_enc', reencrypted: 0, remaining: 0 },
    ]);
  });
});
