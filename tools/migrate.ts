import 'reflect-metadata';
import { runMigrations } from '@puente/database';

/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required but not set');
  const ran = await runMigrations(url);
  process.stdout.write(ran.length ? `migrate: applied ${ran.join(', ')}\n` : 'migrate: the database is up to date\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
