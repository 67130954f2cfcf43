import { DataSource } from 'typeorm';
import { databaseOptions } from './database-options';

/** Applies pending migrations; returns the names of those it ran. Used by `npm run migrate` and the tools. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(databaseOptions(url, 1));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
