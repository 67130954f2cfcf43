// `npm test`: type check, lint (module boundaries included), then the unit, integration and end-to-end suites
// on a PostgreSQL database and a Redis queue prefix of this run's own, removed at the end. Uses DATABASE_URL /
// REDIS_URL when set (a fresh database is created on that server), otherwise provides both like `npm start`.
// Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled, root, runBin, runTs } from './lib/run.mjs';

const log = (msg) => console.log(`[test] ${msg}`);
const jestArgs = process.argv.slice(2);
ensureInstalled(log);

// SKIP_CHECKS=1 leaves out the type check and lint while iterating on one suite; a full run never does.
if (process.env.SKIP_CHECKS !== '1') {
  log('Type check');
  if (runBin('tsc', ['-p', 'tsconfig.json', '--noEmit']) !== 0) process.exit(1);
  log('Lint');
  // The module-boundary rule reads Nx's project graph; compute it first (no daemon in CI).
  if (runBin('nx', ['show', 'projects'], { ...process.env, NX_DAEMON: 'false' }) !== 0) process.exit(1);
  if (runBin('eslint', ['--max-warnings', '0', '--no-warn-ignored', 'apps', 'libs', 'test', 'tools', 'jest.config.js', 'eslint.config.mjs']) !== 0) {
    process.exit(1);
  }
}

const { provision } = await import('./lib/provision.mjs');
const services = await provision({ mode: 'test', root, log });
const queuePrefix = `puente-test-${randomBytes(4).toString('hex')}`;
let code = 1;
try {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: queuePrefix,
    JWT_ACCESS_SECRET: randomBytes(48).toString('base64url'),
    PUENTE_ADMIN_EMAIL: 'admin@puente.test',
    PUENTE_ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
    LOGIN_THROTTLE_LIMIT: '1000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  };
  log('Migrating the test database');
  process.stdout.write(runTs('tools/migrate.ts', env));
  const report = path.join(root, '.data', 'tmp', `jest-${queuePrefix}.json`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  code = runBin('jest', ['--ci', '--json', `--outputFile=${report}`, ...jestArgs], env);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    fs.rmSync(report);
    // A closing line any CI can read.
    console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
    if (r.numTotalTests === 0) code = code || 1;
  }
} finally {
  await removeQueueKeys(services.redisUrl, queuePrefix).catch((e) => log(`could not clean Redis keys: ${e.message}`));
  await services.stop();
}
process.exit(code);

async function removeQueueKeys(url, prefix) {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      // The run's prefix and the ones tests derive from it (e.g. `${prefix}-crash`).
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
