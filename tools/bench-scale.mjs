// `npm run bench:scale`: several processes at once. Two api and two worker processes on one PostgreSQL and one
// Redis (a database and queue prefix of the bench's own), the load balancer of docker/compose.yaml in front
// (tools/balancer.mjs), under the realistic mix of bench:api plus protection cases reported and triaged (mutations
// whose jobs and notifications are checked afterwards) for BENCH_SECONDS (120), while one api and one worker are
// killed with SIGKILL and restarted. Notifications are e-mailed through the real SMTP channel to a mail sink in this
// process, so a message sent twice is seen. After the load the queues drain, then:
// - failedRequests: load requests that did not get a good answer (HTTP error, socket error, timeout or GraphQL
//   error), plus failed probes; set against `inFlightOnKilledApi`, the requests the balancer had sent to the api
//   and not yet seen answered at the instant it was killed.
// - lostJobs: what a committed change promised and did not happen: outbox rows left, notifications never sent,
//   notifications marked sent whose message never reached the sink, cases without the overdue check of their
//   current deadline in Redis, and jobs that failed for good.
// - duplicateEffects: messages beyond one per notification, and a case reported or triaged twice (one request
//   carried out twice).
// - subscriptions: a graphql-ws subscriber on each api (and one through the balancer) must hear each change made
//   through the other api (a probe reports and triages a case of its own worker every couple of seconds).
// The last line is one JSON object; the run fails (exit 1) when a check does not hold.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { asRequest, realisticMix, signIn } from './lib/mix.mjs';
import { benchEnv, ensureInstalled, root, runTs, spawnTs, stopChild, tail } from './lib/run.mjs';
import { clearQueuePrefix, fmt, seconds, sleep, untilUp } from './lib/bench.mjs';

const log = (msg) => console.error(`[bench:scale] ${new Date().toISOString().slice(11, 19)} ${msg}`);
ensureInstalled(log);
const { freePort, provision } = await import('./lib/provision.mjs');
const { default: pg } = await import('pg');
const { default: autocannon } = await import('autocannon');
const { default: IORedis } = await import('ioredis');
const { Queue } = await import('bullmq');
const { createClient } = await import('graphql-ws');
const { default: WebSocket } = await import('ws');
const { SMTPServer } = await import('smtp-server');

const DURATION = Number(process.env.BENCH_SECONDS ?? 120);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const KILL_API_AT = DURATION * 0.25;
const KILL_WORKER_AT = DURATION * 0.55;
const DRAIN_TIMEOUT_MS = 180_000;
const PROBE_HEAR_MS = 10_000;
const QUEUES = ['maintenance', 'matching', 'contingents', 'notifications', 'rehire', 'cases', 'standing', 'statistics', 'exports', 'outbox'];
/** caseOverdueJobId (libs/domain/cases): the check of one case's deadline, in the cases queue. */
const overdueJobId = (caseId, dueAt) => `cases.check-overdue__${caseId}__${dueAt.getTime()}`;
const REPORT = `mutation($i: ReportCaseInput!) { reportCase(input: $i) { id } }`;
const TRIAGE = `mutation($id: ID!) { updateCase(id: $id, input: { transition: TRIAGE }) { id status } }`;
const reportInput = (placementId) => ({ i: { placementId, categories: ['UNPAID_WAGES'], description: 'Wages for the last two weeks were not paid (bench).' } });

const services = await provision({ mode: 'test', root, log });
const logs = path.join(root, '.data', 'logs');
/** name → { child, logFile, env, kind, health } */
const procs = new Map();
let balancer;
let smtp;
let db;
let redis;
let prefix;
const subscribers = [];
let cleaning;
let result;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const s of subscribers) await s.client.dispose().catch(() => undefined);
    await Promise.all([...procs.values()].map((p) => stopChild(p.child)));
    await stopChild(balancer);
    await new Promise((r) => (smtp ? smtp.close(r) : r()));
    if (redis && prefix) await clearQueuePrefix(redis, prefix, log);
    await redis?.quit().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await services.stop();
  })());
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

let failed = false;
try {
  const [apiPorts, workerPorts] = [[await freePort(), await freePort()], [await freePort(), await freePort()]];
  const [balancerPort, smtpPort] = [await freePort(), await freePort()];

  // The mail sink: every message the workers send, by subject (a case's reference and what happened to it).
  const mails = new Map();
  smtp = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, done) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const headers = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
        const subject = headers.match(/^Subject: (.*)$/im)?.[1] ?? '';
        mails.set(subject, (mails.get(subject) ?? 0) + 1);
        done();
      });
    },
  });
  // A worker killed mid-message resets its connection: that message was not accepted, and its job retries.
  let smtpResets = 0;
  smtp.on('error', () => smtpResets++);
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

  const env = benchEnv(services, apiPorts[0], { TRUST_PROXY: 'true', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  prefix = env.QUEUE_PREFIX;
  runTs('tools/migrate.ts', env);
  // The demo data is what the mix reads; the seed refuses production, so it runs as in development.
  const demo = JSON.parse(runTs('tools/seed/cli.ts', { ...env, NODE_ENV: 'development' }));
  db = new pg.Client({ connectionString: services.databaseUrl });
  await db.connect();
  redis = new IORedis(services.redisUrl, { maxRetriesPerRequest: null });

  const start = (name) => {
    const p = procs.get(name);
    p.child = spawnTs(p.entry, p.env, p.logFile);
    p.upAt = null;
    p.up = untilUp(p.health, p.child, name, p.logFile).then(() => (p.upAt = Date.now()));
    return p.up;
  };
  for (const [i, port] of apiPorts.entries()) {
    procs.set(`api-${i + 1}`, {
      entry: 'apps/api/src/main.ts',
      env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
      url: `http://127.0.0.1:${port}`,
      health: `http://127.0.0.1:${port}/health`,
      logFile: path.join(logs, `bench-scale-api-${i + 1}.log`),
    });
  }
  for (const [i, port] of workerPorts.entries()) {
    procs.set(`worker-${i + 1}`, {
      entry: 'apps/worker/src/main.ts',
      env: { ...env, WORKER_HEALTH_PORT: String(port) },
      health: `http://127.0.0.1:${port}/health`,
      logFile: path.join(logs, `bench-scale-worker-${i + 1}.log`),
    });
  }
  for (const p of procs.values()) fs.rmSync(p.logFile, { force: true });
  log('starting 2 api and 2 worker processes');
  await Promise.all([...procs.keys()].map(start));

  // The balancer, as its own process: it proxies while this process loads it.
  const balancerLog = path.join(logs, 'bench-scale-balancer.log');
  const out = fs.openSync(balancerLog, 'w');
  balancer = fork(path.join(root, 'tools', 'balancer.mjs'), [], {
    env: { ...process.env, PORT: String(balancerPort), HOST: '127.0.0.1', BALANCER_BACKENDS: apiPorts.map((p) => `http://127.0.0.1:${p}`).join(',') },
    stdio: ['ignore', out, out, 'ipc'],
  });
  fs.closeSync(out);
  let asked = 0;
  const ask = (message) =>
    new Promise((resolve) => {
      const id = ++asked;
      const onMessage = (m) => {
        if (m.id !== id) return;
        balancer.off('message', onMessage);
        resolve(m);
      };
      balancer.on('message', onMessage);
      balancer.send({ ...message, id });
    });
  await new Promise((resolve, reject) => {
    balancer.once('message', (m) => (m.type === 'ready' ? resolve() : reject(new Error(`the balancer said ${JSON.stringify(m)}`))));
    balancer.once('exit', (code) => reject(new Error(`the balancer exited (${code}): ${tail(balancerLog)}`)));
  });
  const url = `http://127.0.0.1:${balancerPort}`;
  const postTo = (base) => (body, token) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }).then((r) =>
      r.json(),
    );
  const post = postTo(url);
  const coordinator = await signIn(post, demo.coordinator, demo.password);
  const mix = await realisticMix(post, demo, coordinator, { withWorker: (fn) => fn(), log });

  // Two workers placed at an employer (written by hand, as the cases' tests do): cases are reported about their
  // placements. The first one's cases are the load's; the second one's are the probes', so what its subscribers
  // hear comes from the probes alone. Each has an e-mail address, so every notification is one message.
  const picked = (
    await post({ query: `{ applicants(first: 10, filter: { status: AVAILABLE }) { edges { node { id nationalId } } } }` }, coordinator)
  ).data.applicants.edges
    .map((e) => e.node)
    .filter((a) => a.nationalId.replace('-', '') !== String(demo.applicant).replace('-', ''))
    .slice(0, 2);
  const placements = (
    await db.query(
      `WITH o AS (INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
                    work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
                    employer_pays_recruitment, employer_pays_travel, status)
                  SELECT 'JO-BENCH-SCALE', e.id, 'Orchard (bench)', '9211', 'NOC_2021', '85101', 2, 'CA-QC', 'Town', current_date - 30, 26, current_date + 151,
                         16.10, 'CAD', 40, true, true, true, 'IN_PROGRESS'
                  FROM employer e WHERE e.status = 'VERIFIED' ORDER BY e.legal_name LIMIT 1
                  RETURNING id, employer_id, start_date, end_date),
            k AS (INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version)
                  SELECT 'CT-BENCH-SCALE', 'CA-QC', o.start_date, 990001, o.start_date - 2, 2, 'ARRIVED', 'bench' FROM o RETURNING id),
            t AS (INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status)
                  SELECT k.id, a.id, o.id, 'ARRIVED' FROM k, o, unnest($1::uuid[]) WITH ORDINALITY a(id, n) ORDER BY a.n RETURNING id, applicant_id),
            u AS (UPDATE applicant SET status = 'DEPLOYED', email = 'bench-worker-' || id || '@puente.test' WHERE id = ANY($1::uuid[]))
       INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on)
       SELECT t.id, t.applicant_id, o.id, o.employer_id, 'ACTIVE', o.start_date, o.end_date, o.start_date - 2, o.start_date - 1 FROM t, o
       RETURNING id, applicant_id`,
      [picked.map((a) => a.id)],
    )
  ).rows;
  const placementOf = (applicantId) => placements.find((p) => p.applicant_id === applicantId).id;
  const [loadPlacement, probePlacement] = picked.map((a) => placementOf(a.id));
  const prober = picked[1];

  // Subscribers of the probes' worker: one on each api directly, one through the balancer (its WebSocket proxying).
  const proberToken = await signIn(post, prober.nationalId, demo.password);
  const subscribe = (name, wsUrl) => {
    const s = { name, heard: 0, readySince: null, reconnects: 0 };
    s.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${proberToken}` },
      lazy: false,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: () => sleep(500),
      on: {
        connected: () => {
          s.readySince = Date.now();
          s.reconnects++;
        },
        closed: () => (s.readySince = null),
      },
    });
    s.client.subscribe({ query: 'subscription { myStatusChanged { stage } }' }, { next: () => s.heard++, error: (e) => log(`subscriber ${name}: ${JSON.stringify(e).slice(0, 200)}`), complete: () => undefined });
    subscribers.push(s);
    return s;
  };
  subscribe('api-1', `ws://127.0.0.1:${apiPorts[0]}/graphql`);
  subscribe('api-2', `ws://127.0.0.1:${apiPorts[1]}/graphql`);
  subscribe('balancer', `ws://127.0.0.1:${balancerPort}/graphql`);
  // Subscribed: the SUBSCRIBE reaches Redis shortly after the socket is acknowledged.
  const ready = (s) => s.readySince !== null && Date.now() - s.readySince > 1500;
  const deadline = Date.now() + 30_000;
  while (!subscribers.every(ready) && Date.now() < deadline) await sleep(200);

  /** One probe: a case of the prober's reported and triaged through one api; who hears the triage? */
  const probes = { made: 0, failed: 0, requests: 0, expected: 0, heard: 0, acrossExpected: 0, acrossHeard: 0 };
  const probeVia = async (apiName) => {
    const listening = subscribers.filter(ready).map((s) => ({ s, before: s.heard }));
    const direct = postTo(procs.get(apiName).url);
    probes.requests += 2;
    const reported = await direct({ query: REPORT, variables: reportInput(probePlacement) }, coordinator).catch((e) => ({ errors: [e] }));
    const triaged = reported.errors ? null : await direct({ query: TRIAGE, variables: { id: reported.data.reportCase.id } }, coordinator).catch((e) => ({ errors: [e] }));
    if (!triaged || triaged.errors) {
      probes.failed += triaged ? 1 : 2;
      log(`probe through ${apiName} failed: ${JSON.stringify((triaged ?? reported).errors).slice(0, 200)}`);
      return;
    }
    probes.made++;
    const until = Date.now() + PROBE_HEAR_MS;
    while (listening.some((l) => l.s.heard <= l.before) && Date.now() < until) await sleep(50);
    for (const l of listening) {
      const heard = l.s.heard > l.before ? 1 : 0;
      probes.expected++;
      probes.heard += heard;
      // Across: a subscriber not on the api the change went through (the balancer's is on either).
      if (l.s.name !== apiName) {
        probes.acrossExpected++;
        probes.acrossHeard += heard;
      }
      if (!heard) log(`subscriber ${l.s.name} did not hear a change made through ${apiName} within ${PROBE_HEAR_MS / 1000} s`);
    }
  };
  await probeVia('api-1');
  await probeVia('api-2');
  if (probes.made !== 2 || probes.expected !== 6 || probes.heard !== 6) throw new Error(`before the load, the subscribers did not hear the probes: ${JSON.stringify(probes)}`);

  // The load: the mix, then a case reported and triaged, per connection in turn.
  const accepted = { reports: new Set(), triages: new Set() };
  const kinds = new Map();
  const tally = (kind, status, body) => {
    const k = kinds.get(kind) ?? kinds.set(kind, { ok: 0, failed: 0 }).get(kind);
    const ok = status === 200 && !body.includes('"errors"');
    k[ok ? 'ok' : 'failed']++;
    return ok;
  };
  const requests = [
    ...mix.requests.map((r, i) => ({ ...r, onResponse: (status, body) => tally(`mix ${i + 1}`, status, body) })),
    {
      ...asRequest(coordinator, REPORT, reportInput(loadPlacement)),
      onResponse: (status, body, context) => {
        context.caseId = tally('reportCase', status, body) ? JSON.parse(body).data.reportCase.id : null;
        if (context.caseId) accepted.reports.add(context.caseId);
      },
    },
    {
      ...asRequest(coordinator, TRIAGE, {}),
      setupRequest: (req, context) => (context.caseId ? { ...req, body: JSON.stringify({ query: TRIAGE, variables: { id: context.caseId } }) } : null),
      onResponse: (status, body, context) => {
        if (tally('updateCase TRIAGE', status, body)) accepted.triages.add(context.caseId);
      },
    },
  ];
  const [{ count: casesBefore }] = (await db.query(`SELECT count(*)::int FROM protection_case`)).rows;
  const loadStartedAt = new Date();
  log(`load: ${CONNECTIONS} connections through the balancer for ${DURATION} s (${mix.what}, reportCase, updateCase TRIAGE); api-1 killed at ${KILL_API_AT} s, worker-1 at ${KILL_WORKER_AT} s`);
  const load = new Promise((resolve, reject) =>
    autocannon({ url: `${url}/graphql`, connections: CONNECTIONS, duration: DURATION, requests, timeout: 30 }, (error, r) => (error ? reject(error) : resolve(r))),
  );

  // Meanwhile: probes every 2 s through an api that is up, and the kills (between probes, so no probe is in flight).
  const kills = { inFlightAtSigkill: null, apiKilledAt: null, apiUpAt: null, apiDownSeconds: null, workerDownSeconds: null, workerActiveJobsAtKill: null };
  const t0 = Date.now();
  const elapsed = () => (Date.now() - t0) / 1000;
  let turn = 0;
  let apiKilled = false;
  let workerKilled = false;
  while (elapsed() < DURATION - 2) {
    if (!apiKilled && elapsed() >= KILL_API_AT) {
      apiKilled = true;
      const p = procs.get('api-1');
      const exited = new Promise((r) => p.child.once('exit', r));
      const killed = await ask({ type: 'kill', backend: 'api-1', pid: p.child.pid });
      kills.inFlightAtSigkill = killed.inFlight;
      kills.apiKilledAt = killed.at;
      await exited;
      log(`api-1 killed (SIGKILL) with ${killed.inFlight} requests in flight on it at the signal; restarting`);
      void start('api-1').then(() => {
        kills.apiUpAt = Date.now();
        kills.apiDownSeconds = seconds(kills.apiUpAt - killed.at);
        log(`api-1 up again after ${kills.apiDownSeconds} s`);
      }, () => undefined); // a failed restart throws where every process's start is awaited, after the load
    } else if (!workerKilled && elapsed() >= KILL_WORKER_AT) {
      workerKilled = true;
      const p = procs.get('worker-1');
      // Mid-work when possible: the kill waits (up to 10 s) for a job to be running on either worker.
      const activeJobs = async () => (await Promise.all(QUEUES.map((q) => redis.llen(`${prefix}:${q}:active`)))).reduce((a, b) => a + b, 0);
      const waitUntil = Date.now() + 10_000;
      while ((kills.workerActiveJobsAtKill = await activeJobs()) === 0 && Date.now() < waitUntil) await sleep(20);
      const exited = new Promise((r) => p.child.once('exit', r));
      const killedAt = Date.now();
      p.child.kill('SIGKILL');
      await exited;
      log(`worker-1 killed (SIGKILL), ${kills.workerActiveJobsAtKill} jobs active across both workers; restarting`);
      void start('worker-1').then(() => {
        kills.workerDownSeconds = seconds(Date.now() - killedAt);
        log(`worker-1 up again after ${kills.workerDownSeconds} s`);
      }, () => undefined);
    } else {
      const via = `api-${(turn++ % 2) + 1}`;
      if (procs.get(via).upAt) await probeVia(via);
    }
    await sleep(2000);
  }
  const loaded = await load;
  const loadSeconds = (Date.now() - t0) / 1000;
  for (const p of procs.values()) await p.up;
  // Once more both ways, with every process back.
  while (!subscribers.every(ready)) await sleep(200);
  await probeVia('api-1');
  await probeVia('api-2');
  const { stats: balancerStats, failures } = await ask({ type: 'stats' });
  // The requests the killed api held when it died: those the balancer saw fail on it between the signal and its
  // return (the process takes a moment to die after SIGKILL, and requests sent to it meanwhile die with it).
  const diedWithApi = failures.filter((f) => f.api === 'api-1' && f.at >= kills.apiKilledAt && f.at <= kills.apiUpAt);
  const otherFailures = failures.filter((f) => !diedWithApi.includes(f));

  // The queues drain: the outbox swept, every notification sent, nothing waiting, running or retrying.
  log('load over; waiting for the queues to drain');
  const queues = QUEUES.map((name) => new Queue(name, { connection: redis, prefix }));
  const pending = async () => {
    const [{ outbox, unsent }] = (
      await db.query(
        `SELECT (SELECT count(*) FROM job_outbox WHERE queue_prefix = $1)::int AS outbox, (SELECT count(*) FROM notification WHERE sent_at IS NULL AND created_at >= $2)::int AS unsent`,
        [prefix, loadStartedAt],
      )
    ).rows;
    const counts = await Promise.all(queues.filter((q) => q.name !== 'outbox').map((q) => q.getJobCounts('waiting', 'active', 'prioritized', 'paused')));
    const queued = counts.reduce((sum, c) => sum + c.waiting + c.active + c.prioritized + c.paused, 0);
    return { outbox, unsent, queued };
  };
  const drainStarted = Date.now();
  let left = await pending();
  while ((left.outbox || left.unsent || left.queued) && Date.now() - drainStarted < DRAIN_TIMEOUT_MS) {
    await sleep(1000);
    left = await pending();
  }
  log(`drained in ${seconds(Date.now() - drainStarted)} s: ${JSON.stringify(left)}`);

  // What was promised, against what happened.
  const cases = (await db.query(`SELECT id, status, next_step_due_at FROM protection_case WHERE created_at >= $1`, [loadStartedAt])).rows;
  const caseIds = new Set(cases.map((c) => c.id));
  const notifications = (await db.query(`SELECT kind, subject, sent_at, channel FROM notification WHERE created_at >= $1`, [loadStartedAt])).rows;
  const caseMails = notifications.filter((n) => n.kind === 'CASE_REPORTED' || n.kind === 'CASE_UPDATED');
  const overdueIds = cases.filter((c) => c.next_step_due_at).map((c) => overdueJobId(c.id, c.next_step_due_at));
  const present = await Promise.all(overdueIds.map((id) => redis.exists(`${prefix}:cases:${id}`)));
  const failedJobs = (await Promise.all(queues.map((q) => q.getJobCounts('failed')))).reduce((sum, c) => sum + c.failed, 0);
  const [{ repeated }] = (
    await db.query(
      `SELECT (count(*) - count(DISTINCT (case_id, kind, to_status)))::int AS repeated FROM case_event
       WHERE kind IN ('REPORTED', 'TRANSITION') AND case_id = ANY($1::uuid[])`,
      [[...caseIds]],
    )
  ).rows;
  for (const q of queues) await q.close();
  const lost = {
    outboxRows: left.outbox,
    unsentNotifications: left.unsent,
    queuedJobs: left.queued,
    sentButNotReceived: caseMails.filter((n) => n.sent_at && !mails.has(n.subject)).length,
    missingOverdueChecks: present.filter((x) => !x).length,
    failedJobs,
  };
  const duplicates = {
    extraMessages: caseMails.reduce((sum, n) => sum + Math.max(0, (mails.get(n.subject) ?? 0) - 1), 0),
    casesChangedTwice: repeated,
  };
  const lostWrites = [...accepted.reports].filter((id) => !caseIds.has(id)).length + [...accepted.triages].filter((id) => cases.find((c) => c.id === id)?.status !== 'TRIAGED').length;

  // Every answer was tallied by kind (an HTTP error or a GraphQL error is a failure); errors and timeouts got no answer.
  const failedLoad = [...kinds.values()].reduce((sum, k) => sum + k.failed, 0) + loaded.errors + loaded.timeouts;
  const figures = {
    requests: loaded.requests.total + probes.requests,
    failedRequests: failedLoad + probes.failed,
    lostJobs: Object.values(lost).reduce((a, b) => a + b, 0),
    duplicateEffects: Object.values(duplicates).reduce((a, b) => a + b, 0),
    inFlightOnKilledApi: diedWithApi.length,
    inFlightAtSigkill: kills.inFlightAtSigkill,
    lostWrites,
    subscriptionsHeardAcross: `${probes.acrossHeard}/${probes.acrossExpected}`,
    reqPerSec: Math.round(loaded.requests.total / loadSeconds),
    p99Ms: loaded.latency.p99,
    cases: cases.length,
    notifications: caseMails.length,
  };
  log(`load: ${fmt(loaded.requests.total)} requests in ${loadSeconds.toFixed(0)} s (${figures.reqPerSec} req/s, p50 ${loaded.latency.p50} ms, p99 ${loaded.latency.p99} ms); non-2xx ${loaded.non2xx}, socket errors ${loaded.errors}, timeouts ${loaded.timeouts}`);
  for (const [kind, k] of kinds) log(`  ${kind.padEnd(18)} ${fmt(k.ok)} answered, ${k.failed} failed`);
  log(`balancer: ${JSON.stringify(balancerStats)}`);
  const byCause = (list) => JSON.stringify(Object.fromEntries([...new Set(list.map((f) => f.code))].map((c) => [c, list.filter((f) => f.code === c).length])));
  log(`failed after they were sent: ${diedWithApi.length} on the killed api-1 while it was down ${byCause(diedWithApi)}, ${otherFailures.length} elsewhere ${byCause(otherFailures)}`);
  log(`kills: ${JSON.stringify(kills)}`);
  log(`probes: ${JSON.stringify(probes)}; subscribers reconnected ${subscribers.map((s) => `${s.name} ${s.reconnects - 1}×`).join(', ')}`);
  log(`cases reported during the load ${cases.length} (${casesBefore} before), ${accepted.reports.size} answered; triaged ${accepted.triages.size} answered`);
  log(`notifications ${caseMails.length}, connections reset at the mail sink ${smtpResets}, messages received ${[...mails.values()].reduce((a, b) => a + b, 0)}; lost ${JSON.stringify(lost)}; duplicates ${JSON.stringify(duplicates)}`);
  const problems = [];
  if (figures.lostJobs) problems.push(`${figures.lostJobs} jobs lost`);
  if (figures.duplicateEffects) problems.push(`${figures.duplicateEffects} duplicate effects`);
  if (lostWrites) problems.push(`${lostWrites} answered changes missing`);
  if (figures.failedRequests > diedWithApi.length) problems.push(`${figures.failedRequests} failed requests, more than the ${diedWithApi.length} in flight on the killed api`);
  if (otherFailures.length) problems.push(`${otherFailures.length} requests failed on a process that was not being killed`);
  if (probes.acrossHeard !== probes.acrossExpected || probes.heard !== probes.expected) problems.push(`subscribers missed changes: ${JSON.stringify(probes)}`);
  if (problems.length) {
    failed = true;
    log(`FAILED: ${problems.join('; ')}`);
  }
  result = figures;
} finally {
  await cleanup();
}
if (result) console.log(JSON.stringify(result));
if (failed) process.exitCode = 1;
