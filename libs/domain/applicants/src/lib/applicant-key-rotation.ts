import { DataSource } from 'typeorm';
import { FieldCipher } from '@puente/config';

export interface KeyRotationResult {
  /** Applicants whose national ID or passport number was re-encrypted with the current key. */
  reencrypted: number;
}

/**
 * Re-encrypts, with the current data key, every applicant's national ID and passport number still under another
 * key, in batches of short transactions (rows another transaction holds are skipped and taken in a later pass).
 * The blind indexes do not change: they are under a key of their own. Safe to run again or while the apps run;
 * once it reports nothing left, the old key can leave PUENTE_DATA_KEYS. `npm run rotate-keys` runs it.
 */
export async function reencryptApplicants(dataSource: DataSource, cipher: FieldCipher, batchSize = 500): Promise<KeyRotationResult> {
  let reencrypted = 0;
  for (;;) {
    const done = await dataSource.transaction(async (em) => {
      const rows: { id: string; national_id_enc: string; passport_number_enc: string | null }[] = await em.query(
        `SELECT id, national_id_enc, passport_number_enc FROM applicant
         WHERE split_part(national_id_enc, ':', 2) <> $1 OR split_part(passport_number_enc, ':', 2) <> $1
         ORDER BY id LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
        [cipher.currentKeyId, batchSize],
      );
      if (rows.length === 0) return true;
      await em.query(
        `UPDATE applicant a SET national_id_enc = v.n, passport_number_enc = v.p
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, n, p) WHERE a.id = v.id`,
        [
          rows.map((r) => r.id),
          rows.map((r) => cipher.reencrypt('dui', r.national_id_enc)),
          rows.map((r) => (r.passport_number_enc === null ? null : cipher.reencrypt('passport', r.passport_number_enc))),
        ],
      );
      reencrypted += rows.length;
      return rows.length < batchSize;
    });
    if (done) return { reencrypted };
  }
}
