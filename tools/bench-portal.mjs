// `npm run bench:portal`: what a person waits for in the portal. A production build of the portal; the JavaScript
// the sign-in page downloads (gzip); in Chromium against a local api and worker (production mode, demo data in a
// database of its own): time to the dashboard's largest contentful paint, and to an interactive shortlist of 50
// candidates. Each page time is the median of RUNS fresh loads. The last line is one JSON object with the figures.
/* global document -- the functions given to page.evaluate and waitForFunction run in the browser */
import path from 'node:path';
import pg from 'pg';
import { gzipSync } from 'node:zlib';
import { graphqlClient, sleep, untilUp } from './lib/bench.mjs';
import { benchEnv, ensureInstalled, root, spawnTs, runTs, stopChild } from './lib/run.mjs';

const log = (msg) => console.error(`[bench:portal] ${msg}`);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SHORTLIST = 50;

ensureInstalled(log);
const { freePort, provision } = await import('./lib/provision.mjs');
const { ensureChromium, ensurePortalBuilt } = await import('./lib/portal.mjs');
const { chromium } = await import('playwright-core');

// The same production build npm start serves (rebuilt when its sources changed).
ensurePortalBuilt(log);
const executablePath = ensureChromium(log);
const services = await provision({ mode: 'test', root, log });
const children = [];
let browser;
try {
  const port = await freePort();
  const healthPort = await freePort();
  const env = benchEnv(services, port, { WORKER_HEALTH_PORT: String(healthPort) });
  runTs('tools/migrate.ts', env);
  const demo = JSON.parse(runTs('tools/seed/cli.ts', { ...env, NODE_ENV: 'development' }));
  const logs = path.join(root, '.data', 'logs');
  const api = spawnTs('apps/api/src/main.ts', env, path.join(logs, 'bench-portal-api.log'));
  const worker = spawnTs('apps/worker/src/main.ts', env, path.join(logs, 'bench-portal-worker.log'));
  children.push(api, worker);
  const url = `http://127.0.0.1:${port}`;
  await Promise.all([
    untilUp(`${url}/health`, api, 'api', path.join(logs, 'bench-portal-api.log')),
    untilUp(`http://127.0.0.1:${healthPort}/health`, worker, 'worker', path.join(logs, 'bench-portal-worker.log')),
  ]);

  // A shortlist of at least 50: the demo's largest open order, matched by the coordinator; its employer signs in
  // with the demo password (the seed gives a password to the demo employer's login only).
  const { gql, login } = graphqlClient(url);
  const coordinator = await login(demo.coordinator, demo.password);
  const orders = (
    await gql(`{ jobOrders(first: 100, filter: { status: OPEN }) { edges { node { id positions employer { id contactEmail } } } } }`, {}, coordinator)
  ).jobOrders.edges.map((e) => e.node);
  if (!orders.length) throw new Error('the demo data has no open order to match');
  const order = orders.sort((a, b) => b.positions - a.positions)[0];
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  await db.query(`UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE email = $1) WHERE employer_id = $2`, [demo.employer, order.employer.id]);
  // The 2,000 demo applicants hold too few for any one order; copies of the available applicants of its occupation
  // (new ids and blind indexes, the same profile) give its shortlist well over 50.
  await db.query(
    `CREATE TEMP TABLE twin AS SELECT a.* FROM applicant a JOIN job_order o ON o.id = $1
      WHERE a.status = 'AVAILABLE' AND o.isco_code = ANY (a.occupations)`,
    [order.id],
  );
  for (let copy = 1; copy <= 6; copy++) {
    await db.query(`UPDATE twin SET id = gen_random_uuid(), national_id_hash = national_id_hash || '-twin', passport_number_hash = passport_number_hash || '-twin'`);
    await db.query(`INSERT INTO applicant SELECT * FROM twin`);
  }
  await db.end();
  const employerEmail = order.employer.contactEmail;
  const employer = await login(employerEmail, demo.password);
  const run = (await gql(`mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`, { ids: [order.id] }, coordinator)).runMatching;
  for (let status = 'QUEUED'; status !== 'SUCCEEDED'; await sleep(250)) {
    status = (await gql(`query($id: ID!) { matchingRun(id: $id) { status failureReason } }`, { id: run.id }, coordinator)).matchingRun.status;
    if (status === 'FAILED') throw new Error('the matching run failed');
  }
  const shortlisted = (await gql(`query($id: ID!) { jobOrder(id: $id) { candidates(first: ${SHORTLIST}) { edges { cursor } } } }`, { id: order.id }, employer)).jobOrder.candidates
    .edges.length;
  log(`order of ${order.positions} positions matched: ${shortlisted} candidates on the first page`);

  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

  // The sign-in page as a first visit: every script it loads, gzipped as a server would send it.
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') scripts.set(res.url(), await res.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(`${url}/sign-in`, { waitUntil: 'networkidle' });
  await sleep(200);
  const signInJsGzipKb = Math.round([...scripts.values()].reduce((sum, body) => sum + gzipSync(body).length, 0) / 102.4) / 10;
  log(`sign-in page: ${scripts.size} scripts, ${signInJsGzipKb} KB gzip`);

  // Signing in sets the refresh cookie; each later load starts like a returning employer's, from the cookie.
  await page.getByRole('textbox', { name: 'E-mail' }).fill(employerEmail);
  await page.getByLabel(/^Password/).first().fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/`);
  await page.close();

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const lcp = [];
  const ready = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await context.newPage();
    await p.goto(`${url}/`, { waitUntil: 'networkidle' });
    lcp.push(
      await p.evaluate(
        () =>
          new Promise((resolve) => {
            new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
          }),
      ),
    );
    await p.goto(`${url}/orders/${order.id}/shortlist`);
    // Interactive: the list is rendered with its candidates and nothing is loading any more.
    const handle = await p.waitForFunction(
      (n) => {
        const list = document.querySelector('[aria-busy]');
        const items = document.querySelectorAll('article, [role="article"]').length;
        return list && list.getAttribute('aria-busy') === 'false' && items >= n ? performance.now() : false;
      },
      Math.min(SHORTLIST, shortlisted),
      { polling: 'raf', timeout: 30_000 },
    );
    ready.push(await handle.jsonValue());
    await p.close();
  }
  const figures = { signInJsGzipKb, dashboardLcpMs: Math.round(median(lcp)), shortlistReadyMs: Math.round(median(ready)), runs: RUNS, shortlistCandidates: Math.min(SHORTLIST, shortlisted) };
  log(`dashboard LCP ${lcp.map(Math.round).join(', ')} ms; shortlist ready ${ready.map(Math.round).join(', ')} ms`);
  console.log(JSON.stringify(figures));
} finally {
  await browser?.close().catch(() => undefined);
  await Promise.all(children.map((c) => stopChild(c)));
  await services.stop();
}
