import { MigrationInterface, QueryRunner } from 'typeorm';
import { ConfigError, FieldCipher, fieldCipherFromEnv } from '@puente/config';

const BATCH = 1000;

/**
 * Encryption at rest of national IDs (DUI) and passport numbers. Each becomes a ciphertext (`*_enc`, AES-256-GCM
 * under PUENTE_DATA_KEYS) and a blind index (`*_hash`, HMAC-SHA-256 under PUENTE_BLIND_INDEX_KEY) that carries the
 * uniqueness (the constraints keep their names) and every lookup; an applicant's login identifier in app_user
 * becomes the blind index of their DUI. Existing rows are converted here, in batches, with the keys of the
 * environment `npm run migrate` runs with (the apps' own); then the plaintext columns are dropped.
 *
 * `down` restores the plaintext columns by decrypting, so it needs the same keys when there are rows; without them
 * it stops, saying so, and changes nothing.
 */
export class EncryptedIdentifiers1732400000018 implements MigrationInterface {
  name = 'EncryptedIdentifiers1732400000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applicant ADD COLUMN national_id_enc text, ADD COLUMN national_id_hash text,
                     ADD COLUMN passport_number_enc text, ADD COLUMN passport_number_hash text`);
    const cipher = await cipherIfRows(q, 'encrypt the national IDs and passport numbers already stored');
    for (;;) {
      const rows: { id: string; national_id: string; passport_number: string | null }[] = await q.query(
        `SELECT id, national_id, passport_number FROM applicant WHERE national_id_enc IS NULL ORDER BY id LIMIT ${BATCH}`,
      );
      if (rows.length === 0 || !cipher) break;
      const converted = rows.map((r) => ({
        id: r.id,
        nationalIdEnc: cipher.encrypt('dui', r.national_id),
        nationalIdHash: cipher.blindIndex('dui', r.national_id),
        passportNumberEnc: r.passport_number === null ? null : cipher.encrypt('passport', r.passport_number),
        passportNumberHash: r.passport_number === null ? null : cipher.blindIndex('passport', r.passport_number),
      }));
      await q.query(
        `UPDATE applicant a SET national_id_enc = v.ne, national_id_hash = v.nh, passport_number_enc = v.pe, passport_number_hash = v.ph
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, ne, nh, pe, ph) WHERE a.id = v.id`,
        [
          converted.map((c) => c.id),
          converted.map((c) => c.nationalIdEnc),
          converted.map((c) => c.nationalIdHash),
          converted.map((c) => c.passportNumberEnc),
          converted.map((c) => c.passportNumberHash),
        ],
      );
      // An applicant signs in with their DUI: the login keeps its blind index, not the DUI.
      await q.query(
        `UPDATE app_user u SET identifier = a.national_id_hash FROM applicant a WHERE u.applicant_id = a.id AND a.id = ANY($1::uuid[])`,
        [converted.map((c) => c.id)],
      );
    }
    await q.query(`ALTER TABLE applicant DROP COLUMN national_id, DROP COLUMN passport_number`);
    await q.query(`ALTER TABLE applicant ALTER COLUMN national_id_enc SET NOT NULL, ALTER COLUMN national_id_hash SET NOT NULL`);
    await q.query(`ALTER TABLE applicant ADD CONSTRAINT applicant_national_id_key UNIQUE (national_id_hash)`);
    await q.query(`CREATE UNIQUE INDEX applicant_passport_number_key ON applicant (passport_number_hash) WHERE passport_number_hash IS NOT NULL`);
    await q.query(`ALTER TABLE applicant ADD CONSTRAINT applicant_passport_check
                     CHECK ((passport_number_enc IS NULL) = (passport_expiry IS NULL) AND (passport_number_hash IS NULL) = (passport_number_enc IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const cipher = await cipherIfRows(q, 'restore the national IDs and passport numbers in clear');
    await q.query(`ALTER TABLE applicant ADD COLUMN national_id text, ADD COLUMN passport_number text`);
    for (;;) {
      const rows: { id: string; national_id_enc: string; passport_number_enc: string | null }[] = await q.query(
        `SELECT id, national_id_enc, passport_number_enc FROM applicant WHERE national_id IS NULL ORDER BY id LIMIT ${BATCH}`,
      );
      if (rows.length === 0 || !cipher) break;
      const ids = rows.map((r) => r.id);
      const duis = rows.map((r) => cipher.decrypt('dui', r.national_id_enc));
      const passports = rows.map((r) => (r.passport_number_enc === null ? null : cipher.decrypt('passport', r.passport_number_enc)));
      await q.query(
        `UPDATE applicant a SET national_id = v.n, passport_number = v.p FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, n, p) WHERE a.id = v.id`,
        [ids, duis, passports],
      );
      await q.query(`UPDATE app_user u SET identifier = a.national_id FROM applicant a WHERE u.applicant_id = a.id AND a.id = ANY($1::uuid[])`, [ids]);
    }
    await q.query(`ALTER TABLE applicant DROP COLUMN national_id_enc, DROP COLUMN national_id_hash,
                     DROP COLUMN passport_number_enc, DROP COLUMN passport_number_hash`);
    await q.query(`ALTER TABLE applicant ALTER COLUMN national_id SET NOT NULL`);
    await q.query(`ALTER TABLE applicant ADD CONSTRAINT applicant_national_id_key UNIQUE (national_id)`);
    await q.query(`CREATE UNIQUE INDEX applicant_passport_number_key ON applicant (passport_number) WHERE passport_number IS NOT NULL`);
    await q.query(`ALTER TABLE applicant ADD CONSTRAINT applicant_check CHECK ((passport_number IS NULL) = (passport_expiry IS NULL))`);
  }
}

/** The keys of the environment, required only when there are applicants to convert; null when there are none. */
async function cipherIfRows(q: QueryRunner, purpose: string): Promise<FieldCipher | null> {
  const [{ any }] = await q.query(`SELECT EXISTS (SELECT 1 FROM applicant) AS any`);
  if (!any) return null;
  try {
    return fieldCipherFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new Error(
      `Migration 1732400000018 needs PUENTE_DATA_KEYS, PUENTE_DATA_KEY_ID and PUENTE_BLIND_INDEX_KEY (the apps' keys) to ${purpose}:\n` +
        error.problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
