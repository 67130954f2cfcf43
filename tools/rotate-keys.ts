import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { fieldCipherFromEnv } from '@puente/config';
import { databaseOptions, reencryptColumns } from '@puente/database';

/**
 * `npm run rotate-keys`: re-encrypts with the current key (PUENTE_DATA_KEY_ID) every value of the encrypted columns
 * (ENCRYPTED_COLUMNS: national IDs, passport numbers, two-factor secrets) stored under an older key of PUENTE_DATA_KEYS. Run it after
 * making a new key current; when it reports nothing left, remove the old key from PUENTE_DATA_KEYS. Exit 2 while
 * values remain under another key (rows locked meanwhile: run it again).
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required but not set');
  const cipher = fieldCipherFromEnv(process.env);
  const ds = await new DataSource(databaseOptions(url, 1)).initialize();
  try {
    const results = await reencryptColumns(ds, cipher);
    for (const r of results) {
      process.stdout.write(
        `rotate-keys: ${r.table}.${r.column}: ${r.reencrypted} values re-encrypted with key "${cipher.currentKeyId}", ${r.remaining} still under another key\n`,
      );
    }
    if (results.some((r) => r.remaining > 0)) process.exitCode = 2;
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rotate-keys: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
