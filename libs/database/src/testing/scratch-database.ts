import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, MigrationInterface } from 'typeorm';

/**
 * A database of a test's own on the server of DATABASE_URL, for what must not touch the database other suites
 * share (migrations up and down, a rotation that rewrites every row): `create()` in beforeAll, `drop()` in afterAll.
 */
export function scratchDatabase(prefix: string): { url: string; create(): Promise<void>; drop(): Promise<void> } {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const adminUrl = process.env.DATABASE_URL!;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    url: Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString(),
    create: () => admin(`CREATE DATABASE ${name}`),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Runs one migration's up or down in a transaction of its own, as the migration runner would. */
export async function runOneMigration(ds: DataSource, migration: MigrationInterface, direction: 'up' | 'down'): Promise<void> {
  const runner = ds.createQueryRunner();
  try {
    await runner.startTransaction();
    try {
      await migration[direction](runner);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}
