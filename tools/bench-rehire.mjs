// `npm run bench:rehire`: 200,000 returned workers, each with one completed placement and the employer's evaluation
// and no rehire decision yet (the sweep's worst case: every one of them is an "ended placement with no decision"),
// on a database and queue prefix of its own. Times, through the real worker, the rehire.sweep job over all of them
// (total time, placements per second, batches), checks in SQL that each got exactly one current decision, the one
// the policy calls for, and times a second sweep (which must decide nothing). Then, with the api and worker running,
// an employer submits 300 evaluations over GraphQL and the time from sending each submitEvaluation until its
// decision is stored is measured (median, p95, max). Targets on a 2-core machine: the sweep at most 60 s; from
// evaluation to decision, p95 at most 2 s. The last line is one JSON object.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { benchEnv, ensureInstalled, root, runTs, spawnTs, stopChild } from './lib/run.mjs';
import { benchCoordinator, clearQueuePrefix, cpuSeconds, fmt, graphqlClient, logTopStatements, pct, redisInfo, seconds, sleep, untilUp } from './lib/bench.mjs';

const log = (msg) => console.error(`[bench:rehire] ${msg}`);
ensureInstalled(log);
const { freePort, provision } = await import('./lib/provision.mjs');
const { default: pg } = await import('pg');
const { Queue } = await import('bullmq');
const { default: IORedis } = await import('ioredis');

const ORDERS = 2000;
const PER_ORDER = 100; // one contingent per order
const EMPLOYERS_PER_COUNTRY = 50;
const WORKERS = ORDERS * PER_ORDER;
const EVALUATIONS = 300;
const LANES = 4; // evaluations in flight at once
const POLL_MS = 10;
const SWEEP_TIMEOUT_MS = 15 * 60_000;
const DECISION_TIMEOUT_MS = 60_000;
// From libs/queue-contracts (QueueName.Rehire, JobName.RehireSweep) and REHIRE_POLICY_V1.
const REHIRE_QUEUE = 'rehire';
const SWEEP_JOB = 'rehire.sweep';
const EVALUATE_JOB = 'rehire.evaluate-applicant';
const POLICY = { minimumOverall: 3, returnWithinDays: 15, evaluationWindowDays: 30, passportHorizonDays: 365 };

/** todayIso() of @puente/common: the date in El Salvador, the day the service decides on. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/El_Salvador', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const T = `'${today}'::date`;

// Order j (one contingent of 100) ended 20–40 days ago, or 8–14 days ago for one order in 20 (those workers may not be
// home yet: still in time, so PENDING). Worker g belongs to order ⌊g / 100⌋. Of the workers home, 4% of those whose
// deadline has passed came home late (16+ days after the end); the others within 1–10 days. Passports: 12% expire
// within the year (ELIGIBLE ones then "need renewal"), 1% have none on file, the rest last 1–10 more years. Overall
// scores 1–5 as 4% / 8% / 18% / 40% / 30%; the other scores within one point of it.
const SEED_SQL = `
SELECT setseed(0.5107);
CREATE TEMP TABLE bench_region AS SELECT code, country, row_number() OVER (ORDER BY code) - 1 AS n FROM region;
CREATE TEMP TABLE bench_municipality AS SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM municipality;
CREATE TEMP TABLE bench_occupation AS
  SELECT isco_code, noc_codes[1] AS noc, soc_codes[1] AS soc, row_number() OVER (ORDER BY isco_code) - 1 AS n FROM occupation;

INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone, status, verified_at)
SELECT 'Bench Rehire Employer ' || c.country || e, c.country, (SELECT min(code) FROM region r WHERE r.country = c.country), 'Bench City',
       'AGRICULTURE', CASE c.country WHEN 'US' THEN 'US_H2A' ELSE 'CA_TFWP_AGRICULTURAL' END, (800000000 + e)::text,
       'Bench', 'bench-rh-' || lower(c.country) || e || '@bench.example', '+15145550100', 'VERIFIED', now()
FROM (VALUES ('US'), ('CA')) c(country) CROSS JOIN generate_series(1, ${EMPLOYERS_PER_COUNTRY}) e;
CREATE TEMP TABLE bench_employer AS
  SELECT id, country, row_number() OVER (PARTITION BY country ORDER BY legal_name) - 1 AS n FROM employer WHERE legal_name LIKE 'Bench Rehire Employer %';

CREATE TEMP TABLE bench_order AS
SELECT j AS n, r.code AS region_code, r.country, o.isco_code, o.noc, o.soc, s.ended_ago, ${T} - s.ended_ago AS end_date, ${T} - s.ended_ago - 181 AS start_date,
       'JO-BENCH-RH-' || lpad(j::text, 4, '0') AS reference, 'CT-BENCH-RH-' || lpad(j::text, 4, '0') AS contingent_reference
FROM generate_series(0, ${ORDERS - 1}) j
JOIN bench_region r ON r.n = j % (SELECT count(*) FROM bench_region)
JOIN bench_occupation o ON o.n = j % (SELECT count(*) FROM bench_occupation)
CROSS JOIN LATERAL (SELECT CASE WHEN j % 20 = 19 THEN 8 + (j / 20) % 7 ELSE 20 + (j / 20) % 21 END AS ended_ago) s;

INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
                       min_experience_years, work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency,
                       hours_per_week, housing_provided, employer_pays_recruitment, employer_pays_travel, status, submitted_at, approved_at)
SELECT o.reference, e.id, 'Bench rehire order ' || o.n, o.isco_code,
       CASE o.country WHEN 'US' THEN 'ONET_SOC' ELSE 'NOC_2021' END,
       CASE o.country WHEN 'US' THEN coalesce(o.soc, '45-2092') ELSE coalesce(o.noc, '85100') END,
       ${PER_ORDER}, 0, o.region_code, 'Bench City', o.start_date, 26, o.end_date,
       CASE o.country WHEN 'US' THEN 17.96 ELSE 16.10 END, CASE o.country WHEN 'US' THEN 'USD' ELSE 'CAD' END,
       40, true, true, true, 'COMPLETED', o.start_date - 120, o.start_date - 110
FROM bench_order o JOIN bench_employer e ON e.country = o.country AND e.n = o.n % ${EMPLOYERS_PER_COUNTRY};

INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version, confirmed_at, departed_on, arrived_on, returned_on)
SELECT contingent_reference, region_code, start_date, row_number() OVER (PARTITION BY region_code, start_date ORDER BY n), start_date - 2, ${PER_ORDER},
       'RETURNED', 'bench', start_date - 20, start_date - 2, start_date - 1, end_date + 2
FROM bench_order;

CREATE TEMP TABLE bench_draw AS
  SELECT g, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5 FROM generate_series(0, ${WORKERS - 1}) g;
CREATE TEMP TABLE bench_worker AS
SELECT d.g, o.n, o.end_date, o.ended_ago,
       CASE WHEN d.u1 < 0.04 THEN 1 WHEN d.u1 < 0.12 THEN 2 WHEN d.u1 < 0.30 THEN 3 WHEN d.u1 < 0.70 THEN 4 ELSE 5 END AS overall,
       CASE WHEN o.ended_ago <= ${POLICY.returnWithinDays} AND d.u2 < 0.4 THEN NULL
            WHEN o.ended_ago > ${POLICY.returnWithinDays} AND d.u2 < 0.04 THEN o.end_date + ${POLICY.returnWithinDays + 1} + floor(d.u3 * (o.ended_ago - ${POLICY.returnWithinDays}))::int
            ELSE o.end_date + 1 + floor(d.u3 * least(o.ended_ago - 1, 10))::int END AS returned_on,
       CASE WHEN d.u4 < 0.01 THEN NULL
            WHEN d.u4 < 0.13 THEN ${T} + 30 + floor(d.u5 * 330)::int
            ELSE ${T} + 366 + floor(d.u5 * 3300)::int END AS passport_expiry
FROM bench_draw d JOIN bench_order o ON o.n = d.g / ${PER_ORDER};

-- Synthetic identifiers: a bench tag in the blind-index columns, a placeholder nothing decrypts in the encrypted ones.
INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations,
                       skills, languages, language_levels, years_experience, education, passport_number_enc, passport_number_hash, passport_expiry,
                       status, verified_at)
SELECT 'bench', 'BR' || lpad(w.g::text, 8, '0'), 'Bench', 'Returned', ${T} - (19 * 365 + (w.g * 7919) % (30 * 365)),
       CASE WHEN w.g % 6 = 0 THEN 'FEMALE' ELSE 'MALE' END, m.code, '+50370000000', ARRAY[o.isco_code::text], '{}',
       '[{"code":"es","level":"NATIVE"}]'::jsonb, ARRAY['es:A1','es:A2','es:B1','es:B2','es:C1','es:C2','es:NATIVE'],
       1 + w.g % 12, 'PRIMARY', CASE WHEN w.passport_expiry IS NOT NULL THEN 'bench' END,
       CASE WHEN w.passport_expiry IS NOT NULL THEN 'PR' || lpad(w.g::text, 8, '0') END, w.passport_expiry,
       CASE WHEN w.returned_on IS NULL THEN 'DEPLOYED' ELSE 'RETURNED' END, now() - interval '1 year'
FROM bench_worker w
JOIN bench_order o ON o.n = w.n
JOIN bench_municipality m ON m.n = w.g % (SELECT count(*) FROM bench_municipality);

CREATE TEMP TABLE bench_applicant AS
  SELECT a.id, w.* FROM applicant a JOIN bench_worker w ON a.national_id_hash = 'BR' || lpad(w.g::text, 8, '0');

INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status)
SELECT c.id, ba.id, j.id, CASE WHEN ba.returned_on IS NULL THEN 'ARRIVED' ELSE 'RETURNED' END
FROM bench_applicant ba JOIN bench_order o ON o.n = ba.n
JOIN contingent c ON c.reference = o.contingent_reference JOIN job_order j ON j.reference = o.reference;

INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on,
                       created_at, updated_at)
SELECT t.id, ba.id, j.id, j.employer_id, 'COMPLETED', j.start_date, j.end_date, j.start_date - 2, j.start_date - 1, ba.returned_on, j.end_date,
       j.start_date - 2, j.end_date
FROM bench_applicant ba JOIN traveller t ON t.applicant_id = ba.id JOIN job_order j ON j.id = t.job_order_id;

INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, comments, submitted_by, created_at, updated_at)
SELECT p.id, ba.id, p.employer_id,
       greatest(1, least(5, ba.overall + floor(random() * 3)::int - 1)), greatest(1, least(5, ba.overall + floor(random() * 3)::int - 1)),
       greatest(1, least(5, ba.overall + floor(random() * 3)::int - 1)), greatest(1, least(5, ba.overall + floor(random() * 3)::int - 1)),
       ba.overall, ba.overall >= 4 OR (ba.overall = 3 AND random() < 0.6), CASE WHEN ba.g % 5 = 0 THEN 'Bench comment.' END, gen_random_uuid(),
       p.ended_on + 3, p.ended_on + 3
FROM bench_applicant ba JOIN placement p ON p.applicant_id = ba.id;
`;

/** What REHIRE_POLICY_V1 calls for on the seeded facts, to hold the stored decisions against. */
const EXPECTED_SQL = `
CREATE TEMP TABLE bench_expected AS
SELECT id, CASE WHEN overall < ${POLICY.minimumOverall} OR returned_on > end_date + ${POLICY.returnWithinDays} THEN 'INELIGIBLE'
                WHEN returned_on IS NULL THEN 'PENDING' ELSE 'ELIGIBLE' END AS outcome,
       coalesce(overall >= ${POLICY.minimumOverall} AND returned_on <= end_date + ${POLICY.returnWithinDays}
                AND (passport_expiry IS NULL OR passport_expiry < ${T} + ${POLICY.passportHorizonDays}), false) AS renewal
FROM bench_applicant`;

const median = (sorted) => (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);
/** Redis's own cpu (INFO cpu), and the PUBLISH calls (the status events that follow each batch). */
const redisCounters = async (redis) => {
  const stats = await redisInfo(redis, 'commandstats');
  const publish = Object.fromEntries((stats.cmdstat_publish ?? '').split(',').map((kv) => kv.split('=')));
  const cpu = await redisInfo(redis, 'cpu');
  return { publishes: Number(publish.calls ?? 0), cpu: Number(cpu.used_cpu_user) + Number(cpu.used_cpu_sys) };
};

// BENCH_PROFILE=1: also prints the plan of the sweep's due query and the statements the database spent the sweep and
// the evaluations on (pg_stat_statements, loaded into the embedded server; on a DATABASE_URL server only when it
// preloads the module itself).
const PROFILE = Boolean(process.env.BENCH_PROFILE);
const services = await provision({
  mode: 'test',
  root,
  log,
  postgresSettings: {
    shared_buffers: '1GB',
    work_mem: '32MB',
    random_page_cost: '1.1',
    effective_cache_size: '8GB',
    ...(PROFILE ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } : {}),
  },
});
const children = [];
const closers = [];
let db;
let redis;
let prefix;
let cleaning;
let result;
/** Stops the apps, removes every key under the bench's queue prefix, ends the connections, drops the database. */
const cleanup = () =>
  (cleaning ??= (async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await Promise.all(closers.map((close) => close().catch(() => undefined)));
    if (redis && prefix) await clearQueuePrefix(redis, prefix, log);
    await redis?.quit().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await services.stop();
  })());
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

try {
  const [port, healthPort] = [await freePort(), await freePort()];
  const admin = { email: 'bench-admin@puente.test', password: randomBytes(12).toString('base64url') };
  const env = benchEnv(services, port, {
    WORKER_HEALTH_PORT: String(healthPort),
    PUENTE_ADMIN_EMAIL: admin.email,
    PUENTE_ADMIN_PASSWORD: admin.password,
  });
  prefix = env.QUEUE_PREFIX;
  redis = new IORedis(services.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  runTs('tools/migrate.ts', env);

  log(`generating ${fmt(WORKERS)} returned workers with a completed placement and an evaluation, in ${fmt(ORDERS)} orders and contingents of ${PER_ORDER} (set-based SQL)`);
  db = new pg.Client({ connectionString: services.databaseUrl });
  await db.connect();
  const started = Date.now();
  await db.query(SEED_SQL);
  await db.query('VACUUM ANALYZE');
  await db.query(EXPECTED_SQL);
  const [seeded] = (
    await db.query(`SELECT (SELECT count(*) FROM bench_applicant)::int AS workers,
                           (SELECT count(*) FROM placement WHERE status = 'COMPLETED')::int AS placements,
                           (SELECT count(*) FROM evaluation)::int AS evaluations,
                           (SELECT count(*) FROM rehire_decision)::int AS decisions,
                           (SELECT count(*) FROM contingent)::int AS contingents,
                           (SELECT min(${T} - ended_on) FROM placement)::int AS "firstDay", (SELECT max(${T} - ended_on) FROM placement)::int AS "lastDay",
                           (SELECT count(*) FROM bench_worker WHERE returned_on IS NULL)::int AS "notHome",
                           (SELECT count(*) FROM bench_worker WHERE returned_on > end_date + ${POLICY.returnWithinDays})::int AS late,
                           (SELECT count(*) FROM bench_worker WHERE passport_expiry IS NULL OR passport_expiry < ${T} + ${POLICY.passportHorizonDays})::int AS "shortPassport",
                           (SELECT round(avg(overall), 2) FROM evaluation)::float AS "meanOverall",
                           (SELECT count(*) FROM evaluation WHERE overall < ${POLICY.minimumOverall})::int AS "lowOverall"`)
  ).rows;
  if (seeded.workers !== WORKERS || seeded.placements !== WORKERS || seeded.evaluations !== WORKERS || seeded.decisions !== 0 || seeded.contingents !== ORDERS) {
    throw new Error(`the seed is not what the benchmark needs: ${JSON.stringify(seeded)}`);
  }
  const expected = Object.fromEntries(
    (await db.query(`SELECT outcome, count(*)::int AS n FROM bench_expected GROUP BY outcome`)).rows.map((r) => [r.outcome, r.n]),
  );
  const [{ renewal: expectedRenewal }] = (await db.query(`SELECT count(*) FILTER (WHERE renewal)::int AS renewal FROM bench_expected`)).rows;
  log(
    `seed: ${fmt(seeded.workers)} workers, ${fmt(seeded.placements)} completed placements (ended ${seeded.firstDay}–${seeded.lastDay} days ago) in ${fmt(seeded.contingents)} contingents, ` +
      `${fmt(seeded.evaluations)} evaluations (mean overall ${seeded.meanOverall}, ${fmt(seeded.lowOverall)} below ${POLICY.minimumOverall}), ${fmt(seeded.late)} home late, ` +
      `${fmt(seeded.notHome)} not home yet (still in time), ${fmt(seeded.shortPassport)} passports short of ${POLICY.passportHorizonDays} days, no decisions; ` +
      `in ${seconds(Date.now() - started)} s (with VACUUM ANALYZE)`,
  );
  log(`  the policy calls for ${['ELIGIBLE', 'INELIGIBLE', 'PENDING'].map((o) => `${fmt(expected[o] ?? 0)} ${o}`).join(', ')}; ${fmt(expectedRenewal)} eligible needing passport renewal`);

  const logs = path.join(root, '.data', 'logs');
  const workerLog = path.join(logs, 'bench-rehire-worker.log');
  const workerLogOffset = fs.existsSync(workerLog) ? fs.statSync(workerLog).size : 0;
  const apiLog = path.join(logs, 'bench-rehire-api.log');
  const api = spawnTs('apps/api/src/main.ts', env, apiLog);
  // The worker logs at info: one "Job completed" line with its duration per job.
  const worker = spawnTs('apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'info' }, workerLog);
  children.push(api, worker);
  const url = `http://127.0.0.1:${port}`;
  await Promise.all([untilUp(`${url}/health`, api, 'api', apiLog), untilUp(`http://127.0.0.1:${healthPort}/health`, worker, 'worker', workerLog)]);
  const concurrency = Number(env.WORKER_CONCURRENCY ?? 5);
  const jobMsOf = (name) =>
    fs
      .readFileSync(workerLog)
      .subarray(workerLogOffset)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.includes('"Job completed"'))
      .map((l) => {
        try {
          return JSON.parse(l);
        } catch {
          return {};
        }
      })
      .filter((l) => l.job === name)
      .map((l) => l.ms);

  const rehire = new Queue(REHIRE_QUEUE, { connection: redis, prefix });
  closers.push(() => rehire.close());
  /**
   * Adds a rehire.sweep job as the nightly scheduler would (same queue, name and data; one attempt, so a failure
   * shows at once) and waits for the worker to finish it. Times come from the job: added → finished.
   */
  const runSweep = async (label) => {
    const id = `bench-sweep-${label}-${randomBytes(4).toString('hex')}`;
    await rehire.add(SWEEP_JOB, {}, { jobId: id, attempts: 1, removeOnComplete: false, removeOnFail: false });
    const t0 = Date.now();
    let lastReport = t0;
    for (;;) {
      const job = await rehire.getJob(id);
      if (job?.finishedOn) {
        if (job.failedReason) throw new Error(`the ${label} sweep failed: ${job.failedReason}`);
        return { ms: job.finishedOn - job.timestamp, processedOn: job.processedOn, finishedOn: job.finishedOn, queuedMs: job.processedOn - job.timestamp, ...job.returnvalue };
      }
      if (Date.now() - t0 > SWEEP_TIMEOUT_MS) throw new Error(`the ${label} sweep is not done after ${SWEEP_TIMEOUT_MS / 60_000} minutes`);
      if (Date.now() - lastReport >= 10_000) {
        lastReport = Date.now();
        const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM rehire_decision`)).rows;
        log(`  ${seconds(lastReport - t0)} s: ${fmt(n)} decisions stored`);
      }
      await sleep(25);
    }
  };

  const appBackends = async () => (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'puente'`)).rows.map((r) => r.pid);
  let profiling = false;
  if (PROFILE) {
    try {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      profiling = true;
      // RehireService.sweep's due query, as the worker sends it (run once here, outside the timing).
      const plan = (
        await db.query(
          `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
           SELECT applicant_id FROM rehire_decision WHERE current AND recheck_on <= $1
           UNION
           SELECT p.applicant_id FROM placement p
           WHERE p.status <> 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM rehire_decision d WHERE d.applicant_id = p.applicant_id AND d.placement_id = p.id)
           ORDER BY 1`,
          [today],
        )
      ).rows.map((r) => r['QUERY PLAN']);
      log(`profile: the sweep's due query before the sweep:\n    ${plan.join('\n    ')}`);
      await db.query('SELECT pg_stat_statements_reset()');
    } catch (e) {
      log(`BENCH_PROFILE: pg_stat_statements is not available (${e.message})`);
    }
  }

  // ---- The sweep over 200,000 ended placements with no decision ----
  const backendCpu = new Map((await appBackends()).map((pid) => [pid, cpuSeconds(pid) ?? 0]));
  const cpuBefore = { worker: cpuSeconds(worker.pid), redis: await redisCounters(redis) };
  log(`sweep: adding a ${SWEEP_JOB} job to the ${REHIRE_QUEUE} queue (worker concurrency ${concurrency}), waiting for it`);
  const sweep = await runSweep('first');
  const sweepSeconds = Math.round(sweep.ms / 100) / 10;
  const cpuAfter = { worker: cpuSeconds(worker.pid), redis: await redisCounters(redis) };
  let pgCpu = 0;
  for (const pid of new Set([...backendCpu.keys(), ...(await appBackends())])) pgCpu += (cpuSeconds(pid) ?? backendCpu.get(pid) ?? 0) - (backendCpu.get(pid) ?? 0);
  log(
    `sweep: ${sweepSeconds} s (${fmt(sweep.ms)} ms from the job's addition to its end, ${sweep.queuedMs} ms of it before the worker took it) for ${fmt(sweep.due)} due, ` +
      `${fmt(sweep.decided)} decided in ${sweep.batches} batches; ${fmt(Math.round(sweep.decided / (sweep.ms / 1000)))} placements/s; target ≤ 60 s: ${sweepSeconds <= 60 ? 'met' : 'NOT met'}`,
  );
  // Each batch is one transaction and its decisions carry its start (now()): the batches' own timeline.
  const starts = (
    await db.query(`SELECT (extract(epoch FROM created_at) * 1000)::float AS at, count(*)::int AS n FROM rehire_decision GROUP BY created_at ORDER BY created_at`)
  ).rows;
  if (starts.length) {
    const gaps = starts
      .slice(1)
      .map((s, i) => s.at - starts[i].at)
      .sort((a, b) => a - b);
    log(
      `  timeline: ${fmt(Math.round(starts[0].at - sweep.processedOn))} ms from the job's start to the first batch (the due query), ${starts.length} batch transactions ` +
        `${gaps.length ? `${Math.round(median(gaps))} ms apart at the median (p95 ${Math.round(pct(gaps, 95))} ms, max ${Math.round(gaps.at(-1))} ms), ` : ''}` +
        `${fmt(Math.round(sweep.finishedOn - starts.at(-1).at))} ms from the last batch's start to the job's end`,
    );
  }
  const r = { cpu: cpuAfter.redis.cpu - cpuBefore.redis.cpu, publishes: cpuAfter.redis.publishes - cpuBefore.redis.publishes };
  log(
    `  cpu during the sweep (${seconds(sweep.ms)} s wall, 2 cores = ${seconds(2 * sweep.ms)} cpu-s): worker ${(cpuAfter.worker - cpuBefore.worker).toFixed(1)} s, ` +
      `PostgreSQL sessions of the apps ${pgCpu.toFixed(1)} s, Redis ${r.cpu.toFixed(1)} s (${fmt(r.publishes)} status events published)`,
  );
  if (profiling) await logTopStatements(db, log, 'the sweep', 12);

  // Exactly one current decision per seeded worker, and the one the policy calls for.
  const [check] = (
    await db.query(`SELECT count(*) FILTER (WHERE c.n = 1)::int AS one, count(*) FILTER (WHERE c.n <> 1)::int AS "notOne",
                           (SELECT count(*) FROM rehire_decision)::int AS rows,
                           count(*) FILTER (WHERE d.outcome IS DISTINCT FROM x.outcome OR d.needs_passport_renewal IS DISTINCT FROM x.renewal)::int AS wrong,
                           count(*) FILTER (WHERE a.status <> CASE d.outcome WHEN 'ELIGIBLE' THEN 'AVAILABLE' WHEN 'INELIGIBLE' THEN
                                                                CASE WHEN b.returned_on IS NULL THEN 'DEPLOYED' ELSE 'INELIGIBLE' END
                                                              ELSE CASE WHEN b.returned_on IS NULL THEN 'DEPLOYED' ELSE 'RETURNED' END END)::int AS "wrongStatus",
                           count(*) FILTER (WHERE d.recheck_on <= ${T})::int AS "dueAgain"
                    FROM bench_applicant b JOIN bench_expected x ON x.id = b.id JOIN applicant a ON a.id = b.id
                    CROSS JOIN LATERAL (SELECT count(*) AS n FROM rehire_decision WHERE applicant_id = b.id AND current) c
                    LEFT JOIN rehire_decision d ON d.applicant_id = b.id AND d.current`)
  ).rows;
  const outcomes = (
    await db.query(`SELECT outcome, count(*)::int AS n, count(*) FILTER (WHERE needs_passport_renewal)::int AS renewal FROM rehire_decision WHERE current GROUP BY outcome ORDER BY outcome`)
  ).rows;
  const renewal = outcomes.reduce((s, o) => s + o.renewal, 0);
  log(
    `decisions: ${fmt(check.one)} of ${fmt(WORKERS)} workers with exactly one current decision (${check.notOne} without), ${fmt(check.rows)} decision rows; ` +
      `${outcomes.map((o) => `${o.outcome} ${fmt(o.n)}`).join(', ')}; ${fmt(renewal)} eligible needing passport renewal; ` +
      `${check.wrong} differ from the policy, ${check.wrongStatus} applicants in the wrong status, ${check.dueAgain} due again today`,
  );
  if (check.one !== WORKERS || check.rows !== WORKERS || check.wrong || check.wrongStatus || check.dueAgain || sweep.decided !== WORKERS) {
    throw new Error(`the sweep's decisions are not what the policy calls for: ${JSON.stringify({ ...check, decided: sweep.decided })}`);
  }

  const again = await runSweep('second');
  const [{ rows: rowsAfter }] = (await db.query(`SELECT count(*)::int AS rows FROM rehire_decision`)).rows;
  log(
    `sweep again: ${fmt(again.due)} due, ${fmt(again.decided)} decided in ${again.batches} batches, ${fmt(again.ms)} ms; ${fmt(rowsAfter)} decision rows (idempotent: ${again.decided === 0 && rowsAfter === WORKERS ? 'yes' : 'NO'})`,
  );
  if (again.decided !== 0 || rowsAfter !== WORKERS) throw new Error(`the second sweep decided ${again.decided}, ${rowsAfter - WORKERS} new rows`);

  // ---- From submitEvaluation to the stored decision ----
  const client = graphqlClient(url);
  const { gql, login } = client;
  const { token: coordinatorToken } = await benchCoordinator(client, admin);
  // The employer signs up as any employer does (its login: role EMPLOYER, its employer_id), and is verified.
  const employerLogin = { email: 'bench-evaluator@farm.example', password: randomBytes(12).toString('base64url') };
  const { registerEmployer } = await gql(
    `mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`,
    {
      i: {
        legalName: 'Ferme Bench Évaluation inc.',
        country: 'CA',
        regionCode: 'CA-QC',
        city: 'Saint-Hyacinthe',
        sector: 'AGRICULTURE',
        program: 'CA_TFWP_AGRICULTURAL',
        programReference: '899999999',
        contactName: 'Julie Tremblay',
        contactEmail: employerLogin.email,
        contactPhone: '+14505550123',
        password: employerLogin.password,
      },
    },
  );
  await gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id: registerEmployer.id }, coordinatorToken);
  const employerToken = await login(employerLogin.email, employerLogin.password);

  // 300 workers of that employer home from a placement that ended 6 days ago, not evaluated yet.
  const evalEnd = `${T} - 6`;
  await db.query(
    `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions, min_experience_years,
                            work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
                            employer_pays_recruitment, employer_pays_travel, status, submitted_at, approved_at)
     VALUES ('JO-BENCH-RH-EVAL', $1, 'Bench evaluated order', '9211', 'NOC_2021', '85100', ${EVALUATIONS}, 0, 'CA-QC', 'Saint-Hyacinthe',
             ${evalEnd} - 181, 26, ${evalEnd}, 16.10, 'CAD', 40, true, true, true, 'COMPLETED', now(), now())`,
    [registerEmployer.id],
  );
  await db.query(`INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version, confirmed_at, departed_on, arrived_on, returned_on)
                  VALUES ('CT-BENCH-RH-EVAL', 'CA-QC', ${evalEnd} - 181, 900, ${evalEnd} - 183, ${EVALUATIONS}, 'RETURNED', 'bench', now(), ${evalEnd} - 183, ${evalEnd} - 182, ${evalEnd} + 2)`);
  await db.query(`INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations,
                                         skills, languages, language_levels, years_experience, education, passport_number_enc, passport_number_hash,
                                         passport_expiry, status, verified_at)
                  SELECT 'bench', 'BE' || lpad(i::text, 8, '0'), 'Bench', 'Evaluated', '1990-01-01', 'MALE', (SELECT min(code) FROM municipality), '+50370000000',
                         ARRAY['9211'], '{}', '[]', '{}', 3, 'PRIMARY', 'bench', 'PE' || lpad(i::text, 8, '0'), ${T} + 2000, 'RETURNED', now()
                  FROM generate_series(1, ${EVALUATIONS}) i`);
  await db.query(`INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status)
                  SELECT (SELECT id FROM contingent WHERE reference = 'CT-BENCH-RH-EVAL'), a.id, (SELECT id FROM job_order WHERE reference = 'JO-BENCH-RH-EVAL'), 'RETURNED'
                  FROM applicant a WHERE a.national_id_hash LIKE 'BE%'`);
  const evalPlacements = (
    await db.query(`INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on)
                    SELECT t.id, t.applicant_id, j.id, j.employer_id, 'COMPLETED', j.start_date, j.end_date, j.start_date - 2, j.start_date - 1, j.end_date + 2, j.end_date
                    FROM traveller t JOIN job_order j ON j.id = t.job_order_id WHERE j.reference = 'JO-BENCH-RH-EVAL'
                    RETURNING id, applicant_id AS "applicantId"`)
  ).rows.sort((a, b) => a.applicantId.localeCompare(b.applicantId));
  await db.query('ANALYZE applicant, traveller, placement');
  // What a placement's end does (the nightly sweep, or the end's own job): a PENDING decision, waiting for the evaluation.
  const third = await runSweep('third');
  const [{ pending }] = (
    await db.query(`SELECT count(*)::int AS pending FROM rehire_decision WHERE current AND outcome = 'PENDING' AND applicant_id = ANY($1) AND inputs->'evaluation' = 'null'::jsonb`, [
      evalPlacements.map((p) => p.applicantId),
    ])
  ).rows;
  log(`${fmt(EVALUATIONS)} more workers home from a placement of a newly signed-up employer that ended 6 days ago; a sweep gave them ${fmt(pending)} PENDING decisions (${fmt(third.decided)} decided, ${fmt(third.ms)} ms)`);
  if (pending !== EVALUATIONS || third.decided !== EVALUATIONS) throw new Error(`expected ${EVALUATIONS} PENDING decisions before the evaluations, found ${pending}`);

  // Overall scores in the same proportions as the seed, 1 to 5, in a fixed order.
  const overallOf = (i) => [5, 4, 4, 3, 5, 4, 2, 4, 5, 3, 4, 5, 1, 4, 3, 5, 4, 3, 2, 4][i % 20];
  log(`evaluations: ${fmt(EVALUATIONS)} submitEvaluation calls as the employer, ${LANES} at a time; each timed until its decision is stored (polled every ${POLL_MS} ms)`);
  if (profiling) await db.query('SELECT pg_stat_statements_reset()');
  const lanes = await Promise.all(
    Array.from({ length: LANES }, async () => {
      const c = new pg.Client({ connectionString: services.databaseUrl });
      await c.connect();
      closers.push(() => c.end());
      return c;
    }),
  );
  const latencies = [];
  const answers = [];
  let next = 0;
  const evalStarted = Date.now();
  await Promise.all(
    lanes.map(async (poller) => {
      while (next < evalPlacements.length) {
        const i = next++;
        const { id: placementId, applicantId } = evalPlacements[i];
        const overall = overallOf(i);
        const t0 = performance.now();
        await gql(
          `mutation($p: ID!, $i: EvaluationInputModel!) { submitEvaluation(placementId: $p, input: $i) { evaluationId } }`,
          { p: placementId, i: { punctuality: overall, quality: overall, safety: Math.max(1, overall - 1), teamwork: overall, overall, wouldRehire: overall >= 3, comments: null } },
          employerToken,
        );
        answers.push(performance.now() - t0);
        for (;;) {
          const { rows } = await poller.query(
            `SELECT outcome FROM rehire_decision WHERE applicant_id = $1 AND current AND jsonb_typeof(inputs->'evaluation') = 'object'`,
            [applicantId],
          );
          if (rows.length) {
            latencies.push(performance.now() - t0);
            if (rows[0].outcome !== (overall >= POLICY.minimumOverall ? 'ELIGIBLE' : 'INELIGIBLE')) {
              throw new Error(`applicant ${applicantId}, overall ${overall}: decided ${rows[0].outcome}`);
            }
            break;
          }
          if (performance.now() - t0 > DECISION_TIMEOUT_MS) throw new Error(`no decision for applicant ${applicantId} ${DECISION_TIMEOUT_MS / 1000} s after its evaluation`);
          await sleep(POLL_MS);
        }
      }
    }),
  );
  const evalMs = Date.now() - evalStarted;
  const sorted = [...latencies].sort((a, b) => a - b);
  const sortedAnswers = [...answers].sort((a, b) => a - b);
  const decisionP95Ms = Math.round(pct(sorted, 95));
  log(
    `evaluation → decision: median ${Math.round(median(sorted))} ms, p95 ${decisionP95Ms} ms, max ${Math.round(sorted.at(-1))} ms over ${fmt(sorted.length)} evaluations ` +
      `in ${seconds(evalMs)} s; target p95 ≤ 2000 ms: ${decisionP95Ms <= 2000 ? 'met' : 'NOT met'}`,
  );
  log(`  submitEvaluation answered in median ${Math.round(median(sortedAnswers))} ms, p95 ${Math.round(pct(sortedAnswers, 95))} ms, max ${Math.round(sortedAnswers.at(-1))} ms`);
  const evaluateJobs = jobMsOf(EVALUATE_JOB).sort((a, b) => a - b);
  if (evaluateJobs.length) {
    log(`  worker: ${fmt(evaluateJobs.length)} ${EVALUATE_JOB} jobs, p50 ${pct(evaluateJobs, 50)} ms, p95 ${pct(evaluateJobs, 95)} ms, max ${evaluateJobs.at(-1)} ms`);
  }
  const [evalCheck] = (
    await db.query(
      `SELECT count(*) FILTER (WHERE current)::int AS current, count(*) FILTER (WHERE NOT current AND outcome = 'PENDING')::int AS superseded,
              count(DISTINCT applicant_id) FILTER (WHERE current)::int AS applicants, (SELECT count(*) FROM evaluation WHERE applicant_id = ANY($1))::int AS evaluations
       FROM rehire_decision WHERE applicant_id = ANY($1)`,
      [evalPlacements.map((p) => p.applicantId)],
    )
  ).rows;
  if (evalCheck.current !== EVALUATIONS || evalCheck.applicants !== EVALUATIONS || evalCheck.superseded !== EVALUATIONS || evalCheck.evaluations !== EVALUATIONS) {
    throw new Error(`after the evaluations: ${JSON.stringify(evalCheck)}`);
  }
  const sample = evalPlacements[0].applicantId;
  const { rehireEligibility } = await gql(`query($a: ID!) { rehireEligibility(applicantId: $a) { outcome createdAt } }`, { a: sample }, coordinatorToken);
  log(
    `  ${fmt(evalCheck.evaluations)} evaluations stored, each worker with one current decision (${fmt(evalCheck.superseded)} PENDING ones superseded); ` +
      `rehireEligibility of the first, as a coordinator: ${rehireEligibility.outcome} (overall ${overallOf(0)})`,
  );
  if (profiling) await logTopStatements(db, log, 'the evaluations', 8);
  const sweepJobs = jobMsOf(SWEEP_JOB);
  log(`worker: ${SWEEP_JOB} jobs took ${sweepJobs.map((ms) => `${fmt(ms)} ms`).join(', ')} inside the worker`);

  result = { sweepSeconds, decisionP95Ms };
} finally {
  await cleanup();
}
// Last, after the cleanup's own line: the figures.
console.log(JSON.stringify(result));
