import 'reflect-metadata';
import { seedDemo } from './seed';

/** `npm run seed`: loads the demo data into DATABASE_URL once; prints the demo logins as JSON. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required but not set');
  // Demo accounts with a published password have no place in a real deployment.
  if (process.env.NODE_ENV === 'production') {
    throw new Error('NODE_ENV=production: the demo data (and its demo accounts) is never loaded into production');
  }
  process.stdout.write(`${JSON.stringify(await seedDemo(url, Number(process.env.SEED_APPLICANTS ?? 2000)))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
