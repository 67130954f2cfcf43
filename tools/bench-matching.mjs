// `npm run bench:matching`: 1,000,000 synthetic applicants and 1,000 open orders (about 20,000 positions) on a
// database of its own. Prints the latency of one order's shortlist (p50/p95 over 200 orders), the time of a full
// run over all 1,000 orders including the optimal assignment (run by the real worker process, on its assignment
// thread), the worker's peak memory, candidates per second, and the API's p99 for jobOrders(first: 20) idle and during
// the run's first 8 s, with their ratio (at most 3 wanted).
// The last line is one JSON object.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { benchEnv, ensureInstalled, root, runTs, spawnTs, stopChild } from './lib/run.mjs';
import { benchCoordinator, graphqlClient, peakRssMb } from './lib/bench.mjs';

const log = (msg) => console.error(`[bench:matching] ${msg}`);
ensureInstalled(log);
const { freePort, provision, waitForHttp } = await import('./lib/provision.mjs');
const { default: autocannon } = await import('autocannon');
const { default: pg } = await import('pg');

// Memory settings sized for a 2-core, 24 GiB machine like the one the figures were measured on; a production server has its own.
const services = await provision({
  mode: 'test',
  root,
  log,
  postgresSettings: { shared_buffers: '1GB', work_mem: '32MB', random_page_cost: '1.1', effective_cache_size: '8GB' },
});
const children = [];
try {
  const [port, healthPort] = [await freePort(), await freePort()];
  const admin = { email: 'bench-admin@puente.test', password: randomBytes(12).toString('base64url') };
  const env = benchEnv(services, port, {
    WORKER_HEALTH_PORT: String(healthPort),
    PUENTE_ADMIN_EMAIL: admin.email,
    PUENTE_ADMIN_PASSWORD: admin.password,
  });
  runTs('tools/migrate.ts', env);

  log('generating 1,000,000 applicants and 1,000 orders (set-based SQL)');
  const db = new pg.Client({ connectionString: services.databaseUrl });
  await db.connect();
  let started = Date.now();
  await db.query(fs.readFileSync(path.join(root, 'tools', 'bench', 'matching-data.sql'), 'utf8'));
  // What any bulk load ends with (autovacuum would get there later): statistics, and the visibility map that
  // lets shortlist queries read the matching index without visiting its table.
  await db.query('VACUUM ANALYZE applicant, applicant_occupation, job_order');
  const [{ applicants, available, orders, positions }] = (
    await db.query(`SELECT (SELECT count(*) FROM applicant)::int AS applicants, (SELECT count(*) FROM applicant WHERE status = 'AVAILABLE')::int AS available,
                           (SELECT count(*) FROM job_order WHERE status = 'OPEN')::int AS orders, (SELECT sum(positions) FROM job_order WHERE status = 'OPEN')::int AS positions`)
  ).rows;
  log(`${applicants} applicants (${available} available), ${orders} open orders, ${positions} positions, in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  log('timing single-order shortlists (200 orders, warm cache)');
  const shortlist = JSON.parse(runTs('tools/bench/shortlist-latency.ts', env));
  log(`shortlist: p50 ${shortlist.p50Ms} ms, p95 ${shortlist.p95Ms} ms, max ${shortlist.maxMs} ms, ${shortlist.meanRows} rows per order`);

  const logs = path.join(root, '.data', 'logs');
  const api = spawnTs('apps/api/src/main.ts', env, path.join(logs, 'bench-matching-api.log'));
  // The worker logs at info: its run log line splits retrieval and assignment time.
  const worker = spawnTs('apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'info' }, path.join(logs, 'bench-matching-worker.log'));
  children.push(api, worker);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, 90_000);
  await waitForHttp(`http://127.0.0.1:${healthPort}/health`, 90_000);

  const client = graphqlClient(url);
  const { gql } = client;
  const { token } = await benchCoordinator(client, admin);

  const listBody = JSON.stringify({ query: '{ jobOrders(first: 20) { edges { node { id reference positions status employer { legalName } } } } }' });
  const load = (seconds, started) =>
    autocannon(
      { url: `${url}/graphql`, method: 'POST', connections: 4, duration: seconds, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: listBody },
      (e, r) => (e ? started.reject(e) : started.resolve({ p99: r.latency.p99, p50: r.latency.p50, rps: Math.round(r.requests.average) })),
    );
  const measure = (seconds) => new Promise((resolve, reject) => load(seconds, { resolve, reject }));
  await measure(2);
  const idle = await measure(5);
  log(`api idle: jobOrders(first: 20) p50 ${idle.p50} ms, p99 ${idle.p99} ms, ${idle.rps} req/s`);

  const ids = (await db.query(`SELECT id FROM job_order WHERE status = 'OPEN' ORDER BY reference`)).rows.map((r) => r.id);
  started = Date.now();
  const run = (await gql(`mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`, { ids }, token)).runMatching;
  log(`full run queued for ${ids.length} orders`);
  // The first 8 s of the run (retrieval): closed-loop load takes a core from the run for as long as it lasts.
  const during = measure(8);
  let status;
  for (;;) {
    status = (await gql(`query($id: ID!) { matchingRun(id: $id) { status candidatesCount failureReason } }`, { id: run.id }, token)).matchingRun;
    if (status.status === 'SUCCEEDED' || status.status === 'FAILED') break;
    if (Date.now() - started > 15 * 60_000) throw new Error('the full run took more than 15 minutes; stopping');
    await new Promise((r) => setTimeout(r, 250));
  }
  const fullRunSeconds = Math.round((Date.now() - started) / 100) / 10;
  const busy = await during;
  const workerPeakRssMb = peakRssMb(worker.pid);
  if (status.status !== 'SUCCEEDED') throw new Error(`the run failed: ${status.failureReason}`);
  log(`full run: ${fullRunSeconds} s, ${status.candidatesCount} candidates (${Math.round(status.candidatesCount / fullRunSeconds)} per second), worker peak RSS ${workerPeakRssMb} MB`);
  const apiP99Ratio = Math.round((busy.p99 / idle.p99) * 100) / 100;
  log(`api during the run: jobOrders(first: 20) p50 ${busy.p50} ms, p99 ${busy.p99} ms (idle p99 ${idle.p99} ms: ${apiP99Ratio}×, at most 3× wanted)`);
  // This run's line (the log file is appended to across runs); the worker writes it just after the run commits.
  let split;
  for (let waited = 0; !split && waited < 5000; waited += 100) {
    split = fs
      .readFileSync(path.join(logs, 'bench-matching-worker.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('Candidates retrieved, assigned and written'))
      .map((l) => JSON.parse(l))
      .find((l) => l.runId === run.id);
    if (!split) await new Promise((r) => setTimeout(r, 100));
  }
  if (split) {
    log(
      `of which retrieval ${(split.retrievalMs / 1000).toFixed(1)} s (${split.edges} scored pairs), assignment ${(split.assignmentMs / 1000).toFixed(1)} s on its thread (${split.proposals} proposals), writing ${(split.writingMs / 1000).toFixed(1)} s`,
    );
    log(`${split.rounds} retrieval rounds; ${split.unfilledOrders} orders still short of a full shortlist`);
    if (split.explainMs !== undefined) {
      log(`writing: explanations ${(split.explainMs / 1000).toFixed(1)} s, INSERT ${(split.insertMs / 1000).toFixed(1)} s, the rest of the transaction (notices, commit) ${((split.writingMs - split.explainMs - split.insertMs) / 1000).toFixed(1)} s`);
    }
    if (split.retrievalQueries !== undefined) {
      log(`retrieval: ${split.retrievalQueries} ranked queries ${(split.retrievalQueryMs / 1000).toFixed(1)} s, histories ${(split.historyMs / 1000).toFixed(1)} s, the rest (former workers, sharing, scoring) ${((split.retrievalMs - split.retrievalQueryMs - split.historyMs) / 1000).toFixed(1)} s`);
    }
  }
  await db.end();
  console.log(
    JSON.stringify({
      shortlistP50Ms: shortlist.p50Ms,
      shortlistP95Ms: shortlist.p95Ms,
      fullRunSeconds,
      workerPeakRssMb,
      candidatesPerSecond: Math.round(status.candidatesCount / fullRunSeconds),
      apiIdleP99Ms: idle.p99,
      apiDuringRunP99Ms: busy.p99,
      apiP99Ratio,
      ...(split ? { retrievalSeconds: split.retrievalMs / 1000, assignmentSeconds: split.assignmentMs / 1000, writingSeconds: split.writingMs / 1000 } : {}),
    }),
  );
} finally {
  await Promise.all(children.map((c) => stopChild(c)));
  await services.stop();
}
