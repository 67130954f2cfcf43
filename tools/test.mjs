// `npm test`: type check, lint (module boundaries included), then the unit, integration and end-to-end suites
// on a PostgreSQL database and a Redis queue prefix of this run's own, removed at the end. Uses DATABASE_URL /
// REDIS_URL when set (a fresh database is created on that server), otherwise provides both like `npm start`.
// Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
// After a full run (no extra arguments) the midnight check runs the date-sensitive suites again with the clock
// just before and just after midnight in El Salvador (06:00 UTC) and in UTC, in time zones far from both, so a
// test or a rule that counts "today" in UTC or in the machine's zone fails whatever the hour CI runs at.
// PUENTE_MIDNIGHT_CHECK=0 leaves it out; PUENTE_MIDNIGHT_CHECK=only runs the check alone.
// When the run includes the portal's browser tests (project `portal`), the portal is built first and Chromium
// provided (PUENTE_CHROMIUM).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium, ensurePortalBuilt } from './lib/portal.mjs';
import { ensureInstalled, root, runBin, runTs } from './lib/run.mjs';

const log = (msg) => console.log(`[test] ${msg}`);
const jestArgs = process.argv.slice(2);
ensureInstalled(log);

// SKIP_CHECKS=1 leaves out the type check and lint while iterating on one suite; a full run never does.
if (process.env.SKIP_CHECKS !== '1') {
  log('Type check');
  // The portal is browser code with a configuration of its own (DOM, JSX, bundler resolution); its journeys run in
  // Node but hand functions to the browser, so they see both Node's and the DOM's types.
  for (const project of ['tsconfig.json', 'apps/portal/tsconfig.json', 'apps/portal/e2e/tsconfig.json']) {
    if (runBin('tsc', ['-p', project, '--noEmit']) !== 0) process.exit(1);
  }
  log('Lint');
  // The module-boundary rule reads Nx's project graph; compute it first (no daemon in CI).
  if (runBin('nx', ['show', 'projects'], { ...process.env, NX_DAEMON: 'false' }) !== 0) process.exit(1);
  if (runBin('eslint', ['--max-warnings', '0', '--no-warn-ignored', 'apps', 'libs', 'test', 'tools', 'jest.config.js', 'eslint.config.mjs']) !== 0) {
    process.exit(1);
  }
  // As root: PostgreSQL provisioned from a copy in a 0700 folder (as in root's home), about 5 s.
  if (process.getuid?.() === 0) {
    log('Provisioning as root from a folder other users cannot enter');
    if (spawnSync(process.execPath, ['tools/lib/provision-root.check.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  }
}

// Before the services start, so a missing Chromium or a failed build stops the run with nothing to clean up.
const portalEnv = {};
if (process.env.PUENTE_MIDNIGHT_CHECK !== 'only' && runsPortalSpecs(jestArgs)) {
  portalEnv.PUENTE_CHROMIUM = ensureChromium(log);
  ensurePortalBuilt(log);
}

const { provision, withFreshDatabase } = await import('./lib/provision.mjs');
const services = await provision({ mode: 'test', root, log }).catch((err) => {
  // A server that cannot be had (a DATABASE_URL or REDIS_URL pointing at nothing, a failed embedded start): one
  // line that says what to do, nothing started and nothing left running.
  console.error(`[test] Could not start: ${err.message}`);
  process.exit(1);
});
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
    EXPORT_LINK_SECRET: randomBytes(48).toString('base64url'),
    QUEUE_DASHBOARD_SECRET: randomBytes(48).toString('base64url'),
    // Throwaway keys of encryption at rest, a new pair every run.
    PUENTE_DATA_KEYS: `test:${randomBytes(32).toString('base64')}`,
    PUENTE_DATA_KEY_ID: 'test',
    PUENTE_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    PUENTE_ADMIN_EMAIL: 'admin@puente.test',
    PUENTE_ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
    LOGIN_THROTTLE_LIMIT: '1000',
    PUBLIC_ADDRESS_THROTTLE_LIMIT: '100000',
    PUBLIC_READ_THROTTLE_LIMIT: '100000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...portalEnv,
  };
  log('Migrating the test database');
  process.stdout.write(runTs('tools/migrate.ts', env));
  const report = path.join(root, '.data', 'tmp', `jest-${queuePrefix}.json`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  const check = process.env.PUENTE_MIDNIGHT_CHECK;
  if (check !== 'only') {
    code = runBin('jest', ['--ci', '--json', `--outputFile=${report}`, ...jestArgs], env);
    if (fs.existsSync(report)) {
      const r = JSON.parse(fs.readFileSync(report, 'utf8'));
      fs.rmSync(report);
      // A closing line any CI can read.
      console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
      if (r.numTotalTests === 0) code = code || 1;
    }
  }
  if (check === 'only' || (code === 0 && jestArgs.length === 0 && check !== '0')) code = await midnightCheck(env);
} finally {
  await removeQueueKeys(services.redisUrl, queuePrefix).catch((e) => log(`could not clean Redis keys: ${e.message}`));
  await services.stop();
}
process.exit(code);

/**
 * The date-sensitive suites at four instants: a minute before and a second after midnight in El Salvador (UTC-6
 * all year, so 06:00 UTC) and in UTC, each in a time zone far from both (UTC+14, UTC-11). The instants fall on
 * the coming days, ahead of the real clock, so the tests' data stays in the future and nothing the database dates
 * with its own clock is later than the shifted "today". test/support/clock.ts shifts each test file's clock.
 */
async function midnightCheck(env) {
  // The suites whose outcome depends on what day it is: travel dates, timelines, rehire windows, the calendars.
  const dateSensitive = [
    '(travel|contingents|seasons)\\.e2e-spec',
    '(seating|rehire)[\\w.-]*\\.int-spec',
    '(holidays|timeline\\.rules|travel-dates\\.rules|rehire\\.rules|validators)\\.spec',
    // The ten working days to contest an evaluation.
    'evaluation-contest(\\.rules)?\\.(spec|int-spec|e2e-spec)',
    // A case's reporting window and deadlines, and the standing's "ended at least N days ago".
    '(case|cases|standing)[\\w.-]*\\.(spec|int-spec)',
    // A returnee record once the worker is home (their return on or before today), season after season.
    'returnee-records?[\\w.-]*\\.(spec|int-spec|e2e-spec)',
    // Documents' dates (issued by today, a passport valid after today) and their expiry warnings' days.
    'document[\\w.-]*\\.(spec|int-spec|e2e-spec)',
    // Statistics: periods counted back from today, registrations on today's date, returns judged against today.
    'statistics[\\w.-]*\\.(spec|int-spec|e2e-spec)',
    // What the public sees as open: an order whose work starts after today.
    '(public-transparency\\.e2e-spec|public-job-orders\\.rules\\.spec)',
    // Exports: a file named for El Salvador's day it was built, links and files that expire (15 minutes, 24 hours).
    'exports?[\\w.-]*\\.(spec|int-spec|e2e-spec)',
  ].join('|');
  const day = (offset) => {
    const d = new Date();
    d.setUTCHours(0, 0, 0, 0);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.getTime();
  };
  const at = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const HOUR = 3_600_000;
  const runs = [
    { instant: at(day(1) + 6 * HOUR - 60_000), tz: 'Pacific/Kiritimati', what: 'a minute before midnight in El Salvador' },
    { instant: at(day(1) + 6 * HOUR + 1_000), tz: 'Pacific/Pago_Pago', what: 'just after midnight in El Salvador' },
    { instant: at(day(2) - 60_000), tz: 'Pacific/Pago_Pago', what: 'a minute before midnight UTC' },
    { instant: at(day(2) + 1_000), tz: 'Pacific/Kiritimati', what: 'just after midnight UTC' },
  ];
  const started = Date.now();
  const failed = [];
  for (const [i, run] of runs.entries()) {
    log(`Midnight check: clock at ${run.instant} (${run.what}), TZ=${run.tz}`);
    // Each instant on a database and a queue prefix of its own, as any test run: what an earlier run left
    // (deployments counted per municipality, orders in the public list) must not change what this one sees.
    const runEnv = { ...env, PUENTE_TEST_CLOCK: run.instant, TZ: run.tz, QUEUE_PREFIX: `${env.QUEUE_PREFIX}-m${i}` };
    const code = await withFreshDatabase(env.DATABASE_URL, `m${i}`, async (databaseUrl) => {
      runTs('tools/migrate.ts', { ...runEnv, DATABASE_URL: databaseUrl }, { quiet: true });
      // Never the portal's browser tests: they hold no date rule of their own.
      return runBin('jest', ['--ci', '--silent', '--selectProjects', 'unit', 'int', 'e2e', '--testPathPatterns', dateSensitive], { ...runEnv, DATABASE_URL: databaseUrl });
    });
    if (code !== 0) failed.push(`${run.instant} (${run.what}, TZ=${run.tz})`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failed.length) {
    log(`Midnight check FAILED in ${seconds} s at: ${failed.join('; ')}`);
    return 1;
  }
  log(`Midnight check passed at ${runs.length} instants in ${seconds} s`);
  return 0;
}

/** Whether these Jest arguments run a browser test of the portal: a full run, or Jest's own listing says so. */
function runsPortalSpecs(args) {
  if (args.length === 0) return true;
  const listed = spawnSync(path.join(root, 'node_modules', '.bin', 'jest'), ['--listTests', ...args], { cwd: root, encoding: 'utf8' });
  // When Jest cannot list (a bad argument), the real run fails too and says why.
  if (listed.status !== 0) return false;
  return listed.stdout.split('\n').some((file) => file.endsWith('.portal-spec.ts'));
}

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
