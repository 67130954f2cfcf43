// `npm run bench:api`: throughput and p99 latency of an authenticated `jobOrders(first: 20)` with employers,
// of a trivial `{ __typename }` on the same server in the same run, and of a realistic mix (realisticMix, tools/lib/mix.mjs). Provides its own database and starts its
// own api as deployed (NODE_ENV=production, LOG_LEVEL=info: a log line per request). The last line is one JSON object with the figures.
import fs from 'node:fs';
import path from 'node:path';
import { realisticMix } from './lib/mix.mjs';
import { benchEnv, ensureInstalled, root, runTs, spawnTs, stopChild } from './lib/run.mjs';

const log = (msg) => console.error(`[bench:api] ${msg}`);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP = 3;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

ensureInstalled(log);
const { freePort, provision, waitForHttp } = await import('./lib/provision.mjs');
const { default: autocannon } = await import('autocannon');

const services = await provision({ mode: 'test', root, log });
let api;
try {
  const port = await freePort();
  const env = benchEnv(services, port, { LOG_LEVEL: 'info' });
  runTs('tools/migrate.ts', env);
  // The demo data is what the benchmark reads; the seed refuses production, so it runs as in development.
  const demo = JSON.parse(runTs('tools/seed/cli.ts', { ...env, NODE_ENV: 'development' }));
  // At info the api writes about 30 MB of request lines a run: the log keeps this run's only.
  const apiLog = path.join(root, '.data', 'logs', 'bench-api.log');
  fs.rmSync(apiLog, { force: true });
  api = spawnTs('apps/api/src/main.ts', env, apiLog);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, 90_000);

  const post = (body, token) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then((r) => r.json());
  const signIn = await post({ query: `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, variables: { i: { identifier: demo.coordinator, password: demo.password } } });
  const token = signIn.data.login.accessToken;
  const listQuery = {
    query: `{ jobOrders(first: 20) { edges { cursor node { id reference title positions status startDate hourlyWage currency
      workRegion { code name } employer { id legalName country region { name } status } } } pageInfo { hasNextPage endCursor } } }`,
  };
  const check = await post(listQuery, token);
  if (check.errors || check.data.jobOrders.edges.length !== 20) throw new Error(`the benchmark query does not work: ${JSON.stringify(check).slice(0, 300)}`);
  // The shortlist's matching run needs a worker: one runs for it and stops, so the measured api has the machine to itself.
  const withWorker = async (fn) => {
    const worker = spawnTs('apps/worker/src/main.ts', env, path.join(root, '.data', 'logs', 'bench-api-worker.log'));
    try {
      return await fn();
    } finally {
      await stopChild(worker);
    }
  };
  const mix = await realisticMix(post, demo, token, { withWorker, log });

  const measure = (body, title, duration = DURATION, requests = undefined) =>
    new Promise((resolve, reject) => {
      autocannon(
        {
          url: `${url}/graphql`,
          method: 'POST',
          connections: CONNECTIONS,
          duration,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          ...(requests ? { requests } : { body: JSON.stringify(body) }),
          title,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  const figures = (r) => ({ reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors });

  log(`warming up (3 s each), then ${DURATION} s per query with ${CONNECTIONS} connections`);
  await measure(listQuery, 'warm-up', WARM_UP);
  await measure({ query: '{ __typename }' }, 'warm-up', WARM_UP);
  const list = figures(await measure(listQuery, 'jobOrders(first: 20) with employers'));
  const baseline = figures(await measure({ query: '{ __typename }' }, '{ __typename }'));
  await measure(null, 'warm-up', WARM_UP, mix.requests);
  const mixed = figures(await measure(null, 'the mix', DURATION, mix.requests));
  console.log(`jobOrders(first: 20) with employers: ${list.reqPerSec} req/s, p50 ${list.p50Ms} ms, p99 ${list.p99Ms} ms, non-2xx ${list.non2xx}, errors ${list.errors}`);
  console.log(`{ __typename } baseline:             ${baseline.reqPerSec} req/s, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms, non-2xx ${baseline.non2xx}, errors ${baseline.errors}`);
  console.log(`the mix (${mix.what}): ${mixed.reqPerSec} req/s, p50 ${mixed.p50Ms} ms, p99 ${mixed.p99Ms} ms, non-2xx ${mixed.non2xx}, errors ${mixed.errors}`);
  const refused = await mix.errorsSeen();
  if (refused) throw new Error(`the mix's requests answered with errors: ${refused}`);
  console.log(
    JSON.stringify({ reqPerSec: list.reqPerSec, p99Ms: list.p99Ms, baselineReqPerSec: baseline.reqPerSec, baselineP99Ms: baseline.p99Ms, mixReqPerSec: mixed.reqPerSec, mixP99Ms: mixed.p99Ms }),
  );
} finally {
  await stopChild(api);
  await services.stop();
}
