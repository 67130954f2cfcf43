// Manual self-check of tools/lib/provision.mjs (not a jest test).
//
//   node tools/lib/provision.check.mjs               'test' mode, DATABASE_URL/REDIS_URL ignored
//   node tools/lib/provision.check.mjs --keep-env    'test' mode, DATABASE_URL/REDIS_URL used when set
//   node tools/lib/provision.check.mjs --mode start  'start' mode (persistent .data/postgres, .data/redis)
//   node tools/lib/provision-root.check.mjs          both modes as root from a copy in a 0700 folder
//
// Provisions, runs SELECT version() and PING, stops, then verifies that the
// servers' ports are closed, the temporary folder is gone and (with
// DATABASE_URL in 'test' mode) that the test database was dropped.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, provision } from './provision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const mode = /** @type {'start' | 'test'} */ (args.includes('--mode') ? args[args.indexOf('--mode') + 1] : 'test');
if (mode !== 'start' && mode !== 'test') throw new Error('--mode must be start or test');
if (!args.includes('--keep-env')) {
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
}
const externalDb = process.env.DATABASE_URL;
const externalRedis = process.env.REDIS_URL;

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
};

function portClosed(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2_000);
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
}

const tmpRoot = path.join(root, '.data', 'tmp');
const listTmp = () => (fs.existsSync(tmpRoot) ? fs.readdirSync(tmpRoot) : []);
const tmpBefore = new Set(listTmp());
const pgReused = fs.existsSync(path.join(root, '.data', 'postgres', 'PG_VERSION')); // in-project clusters only

const t0 = Date.now();
const env = await provision({ mode, root, log: (m) => console.log(`  [provision] ${m}`) });
const provisionMs = Date.now() - t0;
const onSignal = () => {
  env.stop().finally(() => process.exit(130));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

console.log(`mode ${mode}: provisioned in ${(provisionMs / 1000).toFixed(1)} s${mode === 'start' ? (pgReused ? ' (reused data folder)' : ' (fresh data folder)') : ''}`);
const newTmp = listTmp().filter((n) => !tmpBefore.has(n));
const dbName = new URL(env.databaseUrl).pathname.slice(1);
let ok = false;
try {
  const client = new pg.Client({ connectionString: env.databaseUrl });
  await client.connect();
  const { rows } = await client.query('SELECT version() AS version, current_database() AS db');
  await client.end();
  console.log(`  ${rows[0].version}`);
  check(rows[0].db === dbName, `connected to database ${rows[0].db}`);
  if (externalDb && mode === 'test') check(/^puente_test_[0-9a-f]{8}$/.test(dbName), 'fresh puente_test_<hex> database on DATABASE_URL');

  const redis = new Redis(env.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const pong = await redis.ping();
  const policy = externalRedis ? null : (await redis.config('GET', 'maxmemory-policy'))[1];
  await redis.quit();
  check(pong === 'PONG', `redis PING -> ${pong}`);
  if (policy !== null) check(policy === 'noeviction', `redis maxmemory-policy ${policy}`);

  if (mode === 'test' && (!externalDb || !externalRedis)) check(newTmp.length === 1, `temporary folder .data/tmp/${newTmp[0]} created`);
  const pgDir = env.postgresDataDir;
  const pgShown = pgDir ? (path.relative(root, pgDir).startsWith('..') ? pgDir : path.relative(root, pgDir)) : '';
  if (mode === 'start' && !externalDb) check(Boolean(pgDir) && fs.existsSync(path.join(/** @type {string} */ (pgDir), 'PG_VERSION')), `${pgShown} holds a cluster`);
  ok = true;
} finally {
  const t1 = Date.now();
  await env.stop();
  await env.stop(); // idempotent
  console.log(`stopped in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
}

if (ok) {
  if (!externalDb) {
    const port = Number(new URL(env.databaseUrl).port);
    check(await portClosed(port), `PostgreSQL port ${port} closed`);
  } else if (mode === 'test') {
    const admin = new URL(externalDb);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    await client.end();
    check(rowCount === 0, `database ${dbName} dropped`);
  }
  if (!externalRedis) {
    const port = Number(new URL(env.redisUrl).port);
    check(await portClosed(port), `Redis port ${port} closed`);
  }
  if (mode === 'test') {
    check(newTmp.every((n) => !fs.existsSync(path.join(tmpRoot, n))), 'temporary folder removed');
    if (!externalDb) check(Boolean(env.postgresDataDir) && !fs.existsSync(/** @type {string} */ (env.postgresDataDir)), 'PostgreSQL data folder removed');
  } else if (!externalDb || !externalRedis) {
    check(!fs.existsSync(path.join(root, '.data', 'provision.lock')), 'lock file removed');
  }
}

// A variable pointing at nothing: a one-line refusal that says to start that server or unset the variable, and
// nothing left running (the embedded PostgreSQL started before a Redis that cannot be reached is stopped again).
if (ok && !externalDb && !externalRedis) {
  const closed = await freePort();
  for (const [name, value] of [['DATABASE_URL', `postgres://postgres@127.0.0.1:${closed}/nothing`], ['REDIS_URL', `redis://127.0.0.1:${closed}`]]) {
    process.env[name] = value;
    const refusal = await provision({ mode, root, log: () => undefined }).then(
      async (services) => {
        await services.stop();
        return null;
      },
      (err) => err.message,
    );
    delete process.env[name];
    check(typeof refusal === 'string' && refusal.includes(`unset ${name}`), `${name} pointing at nothing is refused, saying to unset it (${refusal})`);
  }
  if (mode === 'start') check(!fs.existsSync(path.join(root, '.data', 'provision.lock')), 'lock file removed after the refusals');
}

process.removeListener('SIGINT', onSignal);
process.removeListener('SIGTERM', onSignal);
console.log(failures === 0 && ok ? 'provision check passed' : `provision check FAILED (${failures})`);
process.exitCode = failures === 0 && ok ? 0 : 1;
