import { DataSource } from 'typeorm';
import type { FieldCipher, FieldKind } from '@puente/config';

/** A column holding FieldCipher values (`v1:<keyId>:…`), in a table with a uuid `id`. */
export interface EncryptedColumn {
  table: string;
  column: string;
  kind: FieldKind;
}

/**
 * Every column encrypted with the data keys. `npm run rotate-keys` re-encrypts each with the current key, so a
 * migration that adds one must add it here too: a value left under a key that is then retired is lost.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'applicant', column: 'national_id_enc', kind: 'dui' },
  { table: 'applicant', column: 'passport_number_enc', kind: 'passport' },
  { table: 'app_user', column: 'totp_secret', kind: 'totp' },
  { table: 'applicant_document', column: 'number_enc', kind: 'document' },
];

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checked(c: EncryptedColumn): EncryptedColumn {
  if (!IDENTIFIER.test(c.table) || !IDENTIFIER.test(c.column)) throw new Error(`Not a column name: ${c.table}.${c.column}`);
  return c;
}

export interface RotationResult extends EncryptedColumn {
  /** Values re-encrypted with the current key by this run. */
  reencrypted: number;
  /** Values still under another key afterwards (rows locked by someone else meanwhile; run again). */
  remaining: number;
}

/**
 * Re-encrypts, with the current data key, every value of these columns still under another key, in batches of
 * short transactions (rows another transaction holds are skipped, and left for the next run). Blind indexes do not
 * change: they are under a key of their own. Safe to run again, and while the apps run.
 */
export async function reencryptColumns(
  dataSource: DataSource,
  cipher: FieldCipher,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
  batchSize = 500,
): Promise<RotationResult[]> {
  const results: RotationResult[] = [];
  for (const c of columns.map(checked)) {
    const stale = `split_part(${c.column}, ':', 2) <> $1`;
    let reencrypted = 0;
    for (;;) {
      const count = await dataSource.transaction(async (em) => {
        const rows: { id: string; value: string }[] = await em.query(
          `SELECT id, ${c.column} AS value FROM ${c.table} WHERE ${stale} ORDER BY id LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
          [cipher.currentKeyId, batchSize],
        );
        if (rows.length === 0) return 0;
        await em.query(`UPDATE ${c.table} t SET ${c.column} = v.value FROM unnest($1::uuid[], $2::text[]) AS v(id, value) WHERE t.id = v.id`, [
          rows.map((r) => r.id),
          rows.map((r) => cipher.reencrypt(c.kind, r.value)),
        ]);
        return rows.length;
      });
      reencrypted += count;
      if (count < batchSize) break;
    }
    const [{ remaining }] = await dataSource.query(`SELECT count(*)::int AS remaining FROM ${c.table} WHERE ${stale}`, [cipher.currentKeyId]);
    results.push({ ...c, reencrypted, remaining });
  }
  return results;
}
