import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { fieldCipherFromEnv } from '@puente/config';
import { databaseOptions } from '@puente/database';
import { reencryptApplicants } from '@puente/domain/applicants';

/**
 * `npm run rotate-keys`: re-encrypts with the current key (PUENTE_DATA_KEY_ID) every national ID and passport
 * number stored under an older key of PUENTE_DATA_KEYS. Run it after making a new key current; when it reports
 * nothing left, remove the old key from PUENTE_DATA_KEYS.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required but not set');
  const cipher = fieldCipherFromEnv(process.env);
  const ds = await new DataSource(databaseOptions(url, 1)).initialize();
  try {
    const { reencrypted } = await reencryptApplicants(ds, cipher);
    const [{ left }] = await ds.query(
      `SELECT count(*)::int AS left FROM applicant WHERE split_part(national_id_enc, ':', 2) <> $1 OR split_part(passport_number_enc, ':', 2) <> $1`,
      [cipher.currentKeyId],
    );
    process.stdout.write(`rotate-keys: ${reencrypted} applicants re-encrypted with key "${cipher.currentKeyId}"; ${left} still under another key\n`);
    if (left > 0) process.exitCode = 2;
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rotate-keys: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
