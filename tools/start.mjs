// `npm start`: Puente with demo data on this machine. Uses DATABASE_URL / REDIS_URL when set, otherwise an
// embedded PostgreSQL and a local redis-server (data kept in .data/ between runs). Ctrl-C stops everything.
// With NODE_ENV=production it loads no demo data and prints no password: the first administrator comes only
// from PUENTE_ADMIN_EMAIL / PUENTE_ADMIN_PASSWORD, set by the operator.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensurePortalBuilt } from './lib/portal.mjs';
import { ensureInstalled, localSecret, root, runTs, spawnTs, stopChild, tail } from './lib/run.mjs';

const log = (msg) => console.log(`[puente] ${msg}`);
const started = Date.now();
// Production secrets come from the operator's secret store, never from a file generated beside the data.
const PRODUCTION_SECRETS = ['JWT_ACCESS_SECRET', 'EXPORT_LINK_SECRET', 'PUENTE_DATA_KEYS', 'PUENTE_DATA_KEY_ID', 'PUENTE_BLIND_INDEX_KEY'];
const missingSecrets = process.env.NODE_ENV === 'production' ? PRODUCTION_SECRETS.filter((name) => !process.env[name]) : [];
if (missingSecrets.length) {
  console.error(`[puente] NODE_ENV=production needs ${missingSecrets.join(', ')} set (see the README's Configuration); nothing was started.`);
  process.exit(1);
}
ensureInstalled(log);
// Before anything starts, so a failed build leaves nothing running; the api serves apps/portal/dist at `/`.
ensurePortalBuilt(log);
const { freePort, provision, waitForHttp } = await import('./lib/provision.mjs');

const services = await provision({ mode: 'start', root, log: (m) => log(m) }).catch((err) => {
  // A server that cannot be had (a DATABASE_URL or REDIS_URL pointing at nothing, a failed embedded start): one
  // line that says what to do, nothing started and nothing left running.
  console.error(`[puente] Could not start: ${err.message}`);
  process.exit(1);
});
const children = [];
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log('Stopping...');
  await Promise.all(children.map((c) => stopChild(c)));
  await services.stop().catch((e) => log(`could not stop cleanly: ${e.message}`));
  log('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const port = Number(process.env.PORT ?? 3000);
  const production = process.env.NODE_ENV === 'production';
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    PORT: String(port),
    // Links Puente hands out (e-mailed password resets, the public feed's items) point at this server.
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    WORKER_HEALTH_PORT: process.env.WORKER_HEALTH_PORT ?? String(await freePort()),
    JWT_ACCESS_SECRET: process.env.JWT_ACCESS_SECRET ?? localSecret('JWT_ACCESS_SECRET'),
    EXPORT_LINK_SECRET: process.env.EXPORT_LINK_SECRET ?? localSecret('EXPORT_LINK_SECRET'),
    // The administrators' queue dashboard (/admin/queues): on with a local key outside production; in production
    // only when the operator sets QUEUE_DASHBOARD_SECRET (unset, the api mounts no dashboard).
    ...(production
      ? {}
      : { QUEUE_DASHBOARD_SECRET: process.env.QUEUE_DASHBOARD_SECRET ?? localSecret('QUEUE_DASHBOARD_SECRET') }),
    // Encryption at rest of national IDs and passport numbers: a local data key and blind-index key, made once
    // (losing .data/secrets.json loses the demo data's DUIs and passports along with the database beside it).
    ...dataKeys(),
    // A demo administrator only outside production; in production only the operator's variables (or none).
    ...(production
      ? {}
      : {
          PUENTE_ADMIN_EMAIL: process.env.PUENTE_ADMIN_EMAIL ?? 'admin@puente.demo',
          PUENTE_ADMIN_PASSWORD: process.env.PUENTE_ADMIN_PASSWORD ?? 'puente-admin-2026',
        }),
  };
  log('Migrating the database...');
  process.stdout.write(runTs('tools/migrate.ts', env));
  let seeded = null;
  if (production) {
    log('NODE_ENV=production: no demo data, no demo accounts.');
  } else {
    log('Loading demo data (first run only)...');
    seeded = JSON.parse(runTs('tools/seed/cli.ts', env));
    log(seeded.seeded ? 'Demo data loaded.' : 'Demo data already present.');
  }

  const logs = path.join(root, '.data', 'logs');
  for (const app of ['api', 'worker']) {
    const child = spawnTs(`apps/${app}/src/main.ts`, env, path.join(logs, `${app}.log`));
    child.once('exit', (code) => {
      if (stopping) return;
      log(`The ${app} stopped unexpectedly (exit ${code}). Last lines of .data/logs/${app}.log:\n${tail(path.join(logs, `${app}.log`))}`);
      void stop(1);
    });
    children.push(child);
  }
  await waitForHttp(`http://127.0.0.1:${port}/health`, 90_000);
  await waitForHttp(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health`, 90_000);
  if (seeded?.seeded) await matchDemoOrders(port, seeded);

  const ready = `Puente is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).`;
  if (production) {
    console.log(`
${ready}

  Portal             http://localhost:${port}/
  GraphQL endpoint   http://localhost:${port}/graphql   (production: no Sandbox, no introspection)
  Health             http://localhost:${port}/health
  Logs               .data/logs/api.log, .data/logs/worker.log

  ${env.PUENTE_ADMIN_EMAIL ? `First administrator: ${env.PUENTE_ADMIN_EMAIL} (PUENTE_ADMIN_PASSWORD)` : 'PUENTE_ADMIN_EMAIL is not set: no administrator is created (one already in the database is kept).'}

Press Ctrl-C to stop.
`);
  } else {
    printDemoLogins(ready, port, env, seeded);
  }
} catch (error) {
  log(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}

/**
 * First start only: the demo coordinator matches the open demo orders, as approving them would have, so the demo
 * employer's shortlists are there in the portal (the worker computes them in a few seconds).
 */
async function matchDemoOrders(port, seeded) {
  const gql = async (query, variables, token) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json());
    if (res.errors) throw new Error(res.errors.map((e) => e.message).join('; '));
    return res.data;
  };
  try {
    const { login } = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { identifier: seeded.coordinator, password: seeded.password } });
    const open = await gql('{ jobOrders(first: 100, filter: { status: OPEN }) { edges { node { id } } } }', {}, login.accessToken);
    const ids = open.jobOrders.edges.map((e) => e.node.id);
    if (ids.length) await gql('mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }', { ids }, login.accessToken);
    log(`Matching the ${ids.length} open demo orders (shortlists ready in a few seconds).`);
  } catch (error) {
    log(`Could not match the demo orders (${error.message}); a coordinator can run matching from the API.`);
  }
}

/** Development only: the demo logins, one per role. */
function printDemoLogins(ready, port, env, seeded) {
  const d = seeded.password;
  console.log(`
${ready}

  Portal             http://localhost:${port}/
  GraphQL endpoint   http://localhost:${port}/graphql   (open it in a browser for Apollo Sandbox)
  Health             http://localhost:${port}/health
  Logs               .data/logs/api.log, .data/logs/worker.log

  Demo logins (the portal serves employers; every role signs in to the API with mutation login):
    ADMIN        ${env.PUENTE_ADMIN_EMAIL.padEnd(26)} ${process.env.PUENTE_ADMIN_PASSWORD ? '(your PUENTE_ADMIN_PASSWORD)' : env.PUENTE_ADMIN_PASSWORD}
    COORDINATOR  ${seeded.coordinator.padEnd(26)} ${d}
    EMPLOYER     ${seeded.employer.padEnd(26)} ${d}
    APPLICANT    ${`${seeded.applicant} (national ID)`.padEnd(26)} ${d}
                 (every seeded applicant signs in with their own DUI and this password)
    CONSUL       ${seeded.consul.padEnd(26)} ${d}
                 (reads the contingents going to Quebec, Ontario, British Columbia and New Brunswick)

Press Ctrl-C to stop.
`);
}

/**
 * The keys of encryption at rest: from the environment when set (all three together), otherwise a local data key
 * ("local") and blind-index key generated once into .data/secrets.json.
 */
function dataKeys() {
  if (process.env.PUENTE_DATA_KEYS) return {};
  return {
    PUENTE_DATA_KEYS: `local:${localSecret('PUENTE_DATA_KEY_LOCAL', () => randomBytes(32).toString('base64'))}`,
    PUENTE_DATA_KEY_ID: 'local',
    PUENTE_BLIND_INDEX_KEY: localSecret('PUENTE_BLIND_INDEX_KEY', () => randomBytes(32).toString('base64')),
  };
}
