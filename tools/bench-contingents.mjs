// `npm run bench:contingents`: 1,000 open orders of 70 positions, each with 70 selected applicants and its own
// destination region and start date (so each order becomes one contingent of 70), on a database and queue prefix
// of its own. Times, through the real api and worker, the seating of all 70,000 workers and the planning of all
// their steps (from the first scheduleContingents call until every traveller is seated and every delayed reminder
// and overdue check group job is in the queue), counts those delayed jobs, measures the Redis memory of the run's
// queue keys once the plan is done (`redisMb`: MEMORY USAGE, all samples, summed over every key under the run's queue
// prefix found by SCAN), and times the rescheduling of one contingent (median of 5). Targets on a 2-core machine: at
// most 60 s for the plan, at most 100 MB of Redis for the queue keys. The last line is one JSON object.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { benchEnv, ensureInstalled, root, runTs, spawnTs, stopChild } from './lib/run.mjs';
import { benchCoordinator, clearQueuePrefix, cpuSeconds, peakRssMb, fmt, graphqlClient, logTopStatements, pct, redisInfo, seconds, sleep, untilUp } from './lib/bench.mjs';

const log = (msg) => console.error(`[bench:contingents] ${msg}`);
ensureInstalled(log);
const { freePort, provision } = await import('./lib/provision.mjs');
const { default: pg } = await import('pg');
const { Queue } = await import('bullmq');
const { default: IORedis } = await import('ioredis');

const ORDERS = 1000;
const PER_ORDER = 70; // DEFAULT_CONTINGENT_CAPACITY: each order fills exactly one contingent
const SEND_CONCURRENCY = 8;
const PLAN_TIMEOUT_MS = 15 * 60_000;
// From libs/queue-contracts (JobName, JOB_QUEUE, jobId): the steps' jobs go to the contingents queue, one per
// (contingent, kind, date) (StepJobsService, stepJobGroups), the id made of those parts.
const REMIND_STEPS = 'contingents.remind-steps';
const CHECK_OVERDUE = 'contingents.check-steps-overdue';
const groupJobId = (job, contingentId, kind, date) => `${job}__${contingentId}__${kind}__${date}`;
const REDIS_TARGET_MB = 100;
/** reminderTime (step-jobs.service.ts): 09:00 in El Salvador (15:00 UTC) on the date. */
const at0900 = (date) => Date.parse(`${date}T15:00:00Z`);

// Start dates 50–113 days ahead: the departure (2 days before the start) is then at least 48 days ahead, so even the
// first step (42 days before it, a weekend moving it to the Friday before) is due 4+ days ahead and every reminder
// (3 days before its due date) fires on a later day: all of them are delayed jobs, none runs during the benchmark.
// One (region, start date) pair per order: region j mod R, start date 50 + 4·⌊j / R⌋ + (j mod 4) days ahead.
const SEED_SQL = `
SELECT setseed(0.4107);
CREATE TEMP TABLE bench_region AS SELECT code, country, row_number() OVER (ORDER BY code) - 1 AS n FROM region;
CREATE TEMP TABLE bench_municipality AS SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM municipality;
CREATE TEMP TABLE bench_occupation AS
  SELECT isco_code, noc_codes[1] AS noc, soc_codes[1] AS soc, row_number() OVER (ORDER BY isco_code) - 1 AS n FROM occupation;

INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone, status, verified_at)
SELECT 'Bench Contingent Employer ' || c.country || e, c.country, (SELECT min(code) FROM region r WHERE r.country = c.country), 'Bench City',
       'AGRICULTURE', CASE c.country WHEN 'US' THEN 'US_H2A' ELSE 'CA_TFWP_AGRICULTURAL' END, (700000000 + e)::text,
       'Bench', 'bench-' || lower(c.country) || e || '@bench.example', '+15145550100', 'VERIFIED', now()
FROM (VALUES ('US'), ('CA')) c(country) CROSS JOIN generate_series(1, 10) e;

INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
                       min_experience_years, work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency,
                       hours_per_week, housing_provided, employer_pays_recruitment, employer_pays_travel, status, submitted_at, approved_at)
SELECT 'JO-BENCH-CT-' || lpad(j::text, 4, '0'),
       (SELECT id FROM employer WHERE legal_name = 'Bench Contingent Employer ' || r.country || (1 + j % 10)),
       'Bench contingent order ' || j, o.isco_code,
       CASE r.country WHEN 'US' THEN 'ONET_SOC' ELSE 'NOC_2021' END,
       CASE r.country WHEN 'US' THEN coalesce(o.soc, '45-2092') ELSE coalesce(o.noc, '85100') END,
       ${PER_ORDER}, 0, r.code, 'Bench City', s.start_date, 26, s.start_date + 181,
       CASE r.country WHEN 'US' THEN 17.96 ELSE 16.10 END, CASE r.country WHEN 'US' THEN 'USD' ELSE 'CAD' END,
       40, true, true, true, 'OPEN', now(), now()
FROM generate_series(0, ${ORDERS - 1}) j
JOIN bench_region r ON r.n = j % (SELECT count(*) FROM bench_region)
JOIN bench_occupation o ON o.n = j % (SELECT count(*) FROM bench_occupation)
CROSS JOIN LATERAL (SELECT current_date + 50 + 4 * (j / (SELECT count(*) FROM bench_region))::int + j % 4 AS start_date) s;

CREATE TEMP TABLE bench_order AS SELECT id, isco_code, row_number() OVER (ORDER BY reference) - 1 AS n FROM job_order WHERE reference LIKE 'JO-BENCH-CT-%';

-- Applicant g is the (g mod 70 + 1)-th selection of order ⌊g / 70⌋, SELECTED as the matching would have left them.
-- Synthetic identifiers: a bench tag in the blind-index columns, a placeholder nothing decrypts in the encrypted ones.
INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations,
                       skills, languages, language_levels, years_experience, education, passport_number_enc, passport_number_hash, passport_expiry,
                       status, verified_at)
SELECT 'bench', 'BC' || lpad(g::text, 8, '0'), 'Bench', 'Traveller', current_date - (19 * 365 + floor(random() * 30 * 365))::int,
       CASE WHEN random() < 0.18 THEN 'FEMALE' ELSE 'MALE' END, m.code, '+50370000000', ARRAY[o.isco_code::text], '{}',
       '[{"code":"es","level":"NATIVE"}]'::jsonb, ARRAY['es:A1','es:A2','es:B1','es:B2','es:C1','es:C2','es:NATIVE'],
       floor(random() * 12)::int, 'PRIMARY', 'bench', 'PC' || lpad(g::text, 8, '0'), current_date + 700 + floor(random() * 2000)::int, 'SELECTED', now()
FROM generate_series(0, ${ORDERS * PER_ORDER - 1}) g
JOIN bench_order o ON o.n = g / ${PER_ORDER}
JOIN bench_municipality m ON m.n = g % (SELECT count(*) FROM bench_municipality);

INSERT INTO matching_run (status, job_order_ids, policy_version, policy, candidates_count, started_at, finished_at)
SELECT 'SUCCEEDED', array_agg(id ORDER BY n), 'bench', '{}'::jsonb, ${ORDERS * PER_ORDER}, now(), now() FROM bench_order;

INSERT INTO candidate (job_order_id, applicant_id, run_id, score, breakdown, rank, status)
SELECT o.id, a.id, (SELECT id FROM matching_run WHERE policy_version = 'bench'), round((60 + random() * 40)::numeric, 1), '{}'::jsonb,
       substr(a.national_id_hash, 3)::int % ${PER_ORDER} + 1, 'SELECTED'
FROM applicant a JOIN bench_order o ON o.n = substr(a.national_id_hash, 3)::int / ${PER_ORDER}
WHERE a.national_id_hash LIKE 'BC%';
`;

/** The group jobs the pending steps call for (stepJobGroups): distinct (contingent, kind, date). */
const EXPECTED_JOBS_SQL = `
  SELECT count(DISTINCT concat_ws('|', t.contingent_id, s.kind, s.remind_on)) FILTER (WHERE s.remind_on IS NOT NULL)::int AS reminders,
         count(DISTINCT concat_ws('|', t.contingent_id, s.kind, s.due_date)) FILTER (WHERE s.kind NOT IN ('DEPARTURE', 'ARRIVAL'))::int AS checks,
         count(*) FILTER (WHERE s.remind_on IS NOT NULL)::int AS "remindedSteps",
         count(*) FILTER (WHERE s.kind NOT IN ('DEPARTURE', 'ARRIVAL'))::int AS "checkedSteps"
  FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
  WHERE t.status = 'SEATED' AND s.status = 'PENDING'`;

/** StepJobsService.syncStepJobs: the pending steps of one contingent. */
const STEP_QUERY = `
  SELECT s.id, t.contingent_id AS "contingentId", s.kind, s.status, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate"
  FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
  WHERE t.contingent_id = $1 AND t.status = 'SEATED' AND s.status IN ('PENDING', 'OVERDUE', 'INFEASIBLE')`;

/** StepJobsService.remindSteps: the steps a reminder group job sends to. */
const REMIND_QUERY = `
  SELECT s.id, to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate", s.note, t.applicant_id AS "applicantId"
  FROM travel_step s JOIN traveller t ON t.id = s.traveller_id
  WHERE t.contingent_id = $1 AND t.status = 'SEATED' AND s.kind = $2 AND s.remind_on = $3 AND s.status = 'PENDING' ORDER BY s.id`;

/** StepJobsService.checkStepsOverdue: the steps an overdue check group job marks (explained in a rolled-back transaction). */
const OVERDUE_UPDATE = `
  UPDATE travel_step s SET status = $4, updated_at = now() FROM traveller t
  WHERE t.id = s.traveller_id AND t.contingent_id = $1 AND t.status = 'SEATED' AND s.kind = $2 AND s.due_date = $3 AND s.status = 'PENDING'
  RETURNING s.id, s.blocking, t.id AS "travellerId", t.applicant_id AS "applicantId"`;

/**
 * The memory Redis spends on the run's queue keys: MEMORY USAGE (SAMPLES 0: every element of a sorted set or hash
 * counted, not estimated from 5) summed over every key under the prefix, found by SCAN. The Redis is the bench's own,
 * but INFO used_memory would also count Redis's own baseline and buffers; the sum over the keys is what the jobs cost.
 */
const queueKeysMemory = async (redis, prefix) => {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (batch.length) {
      const pipeline = redis.pipeline();
      for (const key of batch) pipeline.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
      for (const [err, used] of await pipeline.exec()) {
        if (err) throw err;
        bytes += Number(used ?? 0);
      }
      keys += batch.length;
    }
  } while (cursor !== '0');
  return { bytes, keys };
};

/**
 * Redis's own cpu (INFO cpu), and its BullMQ Lua scripts (EVALSHA): calls and the time spent inside them, which on a
 * busy machine also counts the time Redis waited for a core. Commands called from scripts are counted twice by
 * INFO commandstats (as themselves and inside EVALSHA), so only the scripts are summed.
 */
const redisCounters = async (redis) => {
  const stats = await redisInfo(redis, 'commandstats');
  let scriptCalls = 0;
  let scriptUsec = 0;
  for (const name of ['cmdstat_evalsha', 'cmdstat_eval']) {
    const f = Object.fromEntries((stats[name] ?? '').split(',').map((kv) => kv.split('=')));
    scriptCalls += Number(f.calls ?? 0);
    scriptUsec += Number(f.usec ?? 0);
  }
  const cpu = await redisInfo(redis, 'cpu');
  return { scriptCalls, scriptUsec, cpu: Number(cpu.used_cpu_user) + Number(cpu.used_cpu_sys) };
};

// BENCH_PROFILE=1: also prints the statements the database spent the plan on (pg_stat_statements, loaded into the
// embedded server; on a DATABASE_URL server only when it preloads the module itself).
const PROFILE = Boolean(process.env.BENCH_PROFILE);
// BENCH_ANALYZE_MS=5000, a diagnosis and not the benchmark's figure: ANALYZE traveller and travel_step that often
// during the plan, as a prompt autovacuum would; without it they keep the statistics of the empty tables until
// autovacuum first visits the new database (about two minutes in).
const ANALYZE_MS = Number(process.env.BENCH_ANALYZE_MS ?? 0);
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
let db;
let redis;
let prefix;
let cleaning;
let result;
/** Stops the apps, removes every key under the bench's queue prefix, ends the connections, drops the database. */
const cleanup = () =>
  (cleaning ??= (async () => {
    await Promise.all(children.map((c) => stopChild(c)));
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

  log(`generating ${fmt(ORDERS)} open orders of ${PER_ORDER} positions and ${fmt(ORDERS * PER_ORDER)} selected applicants (set-based SQL)`);
  db = new pg.Client({ connectionString: services.databaseUrl });
  await db.connect();
  let started = Date.now();
  await db.query(SEED_SQL);
  await db.query('VACUUM ANALYZE');
  const [seeded] = (
    await db.query(`SELECT (SELECT count(*) FROM job_order WHERE status = 'OPEN' AND positions = ${PER_ORDER})::int AS orders,
                           (SELECT count(DISTINCT (work_region_code, start_date)) FROM job_order)::int AS groups,
                           (SELECT min(start_date - current_date) FROM job_order)::int AS "firstDay", (SELECT max(start_date - current_date) FROM job_order)::int AS "lastDay",
                           (SELECT count(*) FROM applicant WHERE status = 'SELECTED')::int AS selected,
                           (SELECT count(*) FROM candidate WHERE status = 'SELECTED')::int AS candidates`)
  ).rows;
  if (seeded.orders !== ORDERS || seeded.groups !== ORDERS || seeded.selected !== ORDERS * PER_ORDER || seeded.candidates !== ORDERS * PER_ORDER) {
    throw new Error(`the seed is not what the benchmark needs: ${JSON.stringify(seeded)}`);
  }
  const seedSeconds = seconds(Date.now() - started);
  log(
    `seed: ${fmt(seeded.orders)} open orders in ${fmt(seeded.groups)} (region, start date) groups, start dates ${seeded.firstDay}–${seeded.lastDay} days ahead, ` +
      `${fmt(seeded.selected)} selected applicants with their candidate rows, in ${seedSeconds} s (with VACUUM ANALYZE)`,
  );

  const logs = path.join(root, '.data', 'logs');
  const workerLog = path.join(logs, 'bench-contingents-worker.log');
  const workerLogOffset = fs.existsSync(workerLog) ? fs.statSync(workerLog).size : 0;
  const apiLog = path.join(logs, 'bench-contingents-api.log');
  const api = spawnTs('apps/api/src/main.ts', env, apiLog);
  // The worker logs at info: one "Job completed" line with its duration per job.
  const worker = spawnTs('apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'info' }, workerLog);
  children.push(api, worker);
  const url = `http://127.0.0.1:${port}`;
  await Promise.all([untilUp(`${url}/health`, api, 'api', apiLog), untilUp(`http://127.0.0.1:${healthPort}/health`, worker, 'worker', workerLog)]);
  const concurrency = Number(env.WORKER_CONCURRENCY ?? 5);

  const client = graphqlClient(url);
  const { gql } = client;
  const { token } = await benchCoordinator(client, admin);

  const contingents = new Queue('contingents', { connection: redis, prefix });
  const ids = (await db.query(`SELECT id FROM job_order WHERE reference LIKE 'JO-BENCH-CT-%' ORDER BY reference`)).rows.map((r) => r.id);

  // CPU of each party during the plan: the worker and api processes, the database sessions of the apps, Redis.
  const appBackends = async () => (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'puente'`)).rows.map((r) => r.pid);
  const backendCpu = new Map((await appBackends()).map((pid) => [pid, cpuSeconds(pid) ?? 0]));
  const cpuBefore = { worker: cpuSeconds(worker.pid), api: cpuSeconds(api.pid), redis: await redisCounters(redis) };
  const dbBefore = (await db.query(`SELECT xact_commit::bigint AS commits, tup_inserted::bigint AS inserted, tup_updated::bigint AS updated FROM pg_stat_database WHERE datname = current_database()`)).rows[0];

  let profiling = false;
  if (PROFILE) {
    try {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await db.query('SELECT pg_stat_statements_reset()');
      profiling = true;
    } catch (e) {
      log(`BENCH_PROFILE: pg_stat_statements is not available (${e.message})`);
    }
  }

  log(`planning: scheduleContingents for ${fmt(ids.length)} orders, ${SEND_CONCURRENCY} calls at a time; worker concurrency ${concurrency}`);
  started = Date.now();
  let next = 0;
  let waitingTotal = 0;
  await Promise.all(
    Array.from({ length: SEND_CONCURRENCY }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const { scheduleContingents } = await gql(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { jobOrderId waiting } }`, { id }, token);
        waitingTotal += scheduleContingents.waiting;
      }
    }),
  );
  const sentMs = Date.now() - started;
  if (waitingTotal !== ORDERS * PER_ORDER) throw new Error(`scheduleContingents reported ${waitingTotal} waiting applicants, expected ${ORDERS * PER_ORDER}`);
  log(`all ${fmt(ids.length)} scheduleContingents calls answered in ${seconds(sentMs)} s (${fmt(waitingTotal)} applicants waiting)`);

  // Until every applicant is seated and every delayed job exists: travellers and steps are written in one
  // transaction per group, so once all travellers are there the expected job count can be read from the steps.
  let expected = null;
  let travellers = 0;
  let counts = {};
  let lastReport = Date.now();
  let explained = false;
  let lastAnalyze = Date.now();
  if (ANALYZE_MS > 0) log(`BENCH_ANALYZE_MS: analyzing traveller and travel_step every ${ANALYZE_MS} ms during the plan (a diagnosis, not the reference figure)`);
  let seatedAt = null;
  for (;;) {
    [{ travellers }] = (await db.query(`SELECT count(*)::int AS travellers FROM traveller WHERE status = 'SEATED'`)).rows;
    counts = await contingents.getJobCounts('delayed', 'waiting', 'active', 'prioritized', 'failed');
    if (counts.failed > 0) {
      const [failed] = await contingents.getFailed(0, 0);
      throw new Error(`a job failed: ${failed?.name} ${failed?.id}: ${failed?.failedReason}`);
    }
    if (profiling && !explained && travellers >= (ORDERS * PER_ORDER) / 2) {
      // The plan of the per-contingent step query (StepJobsService.syncStepJobs) halfway through, as the worker gets it.
      explained = true;
      const [{ id }] = (await db.query(`SELECT id FROM contingent ORDER BY created_at DESC LIMIT 1`)).rows;
      const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${STEP_QUERY}`, [id])).rows.map((r) => r['QUERY PLAN']);
      log(`profile: the step query of one contingent at ${fmt(travellers)} travellers:\n    ${plan.join('\n    ')}`);
      // And of the group jobs' fan-out for that contingent's medical exams (run when the jobs fire, not in the plan).
      const [g] = (
        await db.query(
          `SELECT s.kind, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate"
           FROM travel_step s JOIN traveller t ON t.id = s.traveller_id WHERE t.contingent_id = $1 AND s.kind = 'MEDICAL_EXAM' LIMIT 1`,
          [id],
        )
      ).rows;
      const remindPlan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${REMIND_QUERY}`, [id, g.kind, g.remindOn])).rows.map((r) => r['QUERY PLAN']);
      log(`profile: a reminder group job's step query:\n    ${remindPlan.join('\n    ')}`);
      await db.query('BEGIN');
      try {
        const overduePlan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${OVERDUE_UPDATE}`, [id, g.kind, g.dueDate, 'OVERDUE'])).rows.map((r) => r['QUERY PLAN']);
        log(`profile: an overdue check group job's update (rolled back):\n    ${overduePlan.join('\n    ')}`);
      } finally {
        await db.query('ROLLBACK');
      }
    }
    if (travellers === ORDERS * PER_ORDER && expected === null) {
      seatedAt = Date.now();
      const [e] = (await db.query(EXPECTED_JOBS_SQL)).rows;
      expected = e.reminders + e.checks;
      log(
        `all ${fmt(travellers)} travellers seated after ${seconds(seatedAt - started)} s; expecting ${fmt(e.reminders)} reminder group jobs (for ${fmt(e.remindedSteps)} steps) ` +
          `+ ${fmt(e.checks)} overdue check group jobs (for ${fmt(e.checkedSteps)} steps) = ${fmt(expected)} delayed jobs`,
      );
    }
    if (expected !== null && counts.delayed === expected && counts.waiting + counts.active + counts.prioritized === 0) break;
    if (Date.now() - started > PLAN_TIMEOUT_MS) throw new Error(`not done after ${PLAN_TIMEOUT_MS / 60_000} minutes: ${fmt(travellers)} travellers, ${JSON.stringify(counts)}`);
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      log(`  ${seconds(lastReport - started)} s: ${fmt(travellers)} travellers seated, ${fmt(counts.delayed)} delayed jobs, ${counts.waiting + counts.prioritized} schedule jobs waiting, ${counts.active} active`);
    }
    if (ANALYZE_MS > 0 && Date.now() - lastAnalyze >= ANALYZE_MS) {
      lastAnalyze = Date.now();
      await db.query('ANALYZE traveller, travel_step');
    }
    await sleep(200);
  }
  const planMs = Date.now() - started;
  const planSeconds = Math.round(planMs / 100) / 10;
  const cpuAfter = { worker: cpuSeconds(worker.pid), api: cpuSeconds(api.pid), redis: await redisCounters(redis) };
  let pgCpu = 0;
  for (const pid of new Set([...backendCpu.keys(), ...(await appBackends())])) pgCpu += (cpuSeconds(pid) ?? backendCpu.get(pid) ?? 0) - (backendCpu.get(pid) ?? 0);
  const dbAfter = (await db.query(`SELECT xact_commit::bigint AS commits, tup_inserted::bigint AS inserted, tup_updated::bigint AS updated FROM pg_stat_database WHERE datname = current_database()`)).rows[0];
  await sleep(1000);
  const settled = await contingents.getJobCounts('delayed');
  if (settled.delayed !== expected) throw new Error(`the delayed job count moved from ${expected} to ${settled.delayed} after the plan`);
  const delayedJobs = settled.delayed;

  const [check] = (
    await db.query(`SELECT (SELECT count(*) FROM contingent)::int AS contingents,
                           (SELECT count(*) FROM (SELECT contingent_id FROM traveller GROUP BY contingent_id HAVING count(*) = ${PER_ORDER}) f)::int AS full,
                           (SELECT count(*) FROM travel_step)::int AS steps,
                           (SELECT count(*) FROM travel_step WHERE status <> 'PENDING')::int AS "notPending",
                           (SELECT count(*) FROM applicant WHERE status = 'PRE_DEPARTURE')::int AS "preDeparture"`)
  ).rows;
  if (check.contingents !== ORDERS || check.full !== ORDERS || check.preDeparture !== ORDERS * PER_ORDER) throw new Error(`the plan is incomplete: ${JSON.stringify(check)}`);
  const workerPeakRssMb = peakRssMb(worker.pid);
  const memory = await redisInfo(redis, 'memory');
  const queueMemory = await queueKeysMemory(redis, prefix);
  const redisMb = Math.round((queueMemory.bytes / 1024 / 1024) * 10) / 10;

  log(
    `plan: ${planSeconds} s for ${fmt(check.contingents)} contingents of ${PER_ORDER} (${fmt(ORDERS * PER_ORDER)} travellers, ${fmt(check.steps)} steps, ${check.notPending} not pending) ` +
      `and ${fmt(delayedJobs)} delayed jobs; ${fmt(Math.round((ORDERS * PER_ORDER) / (planMs / 1000)))} travellers/s; target ≤ 60 s: ${planSeconds <= 60 ? 'met' : 'NOT met'}`,
  );
  log(`  seating done at ${seconds(seatedAt - started)} s, the last delayed jobs ${seconds(planMs - (seatedAt - started))} s later`);
  log(`jobs: ${fmt(delayedJobs)} delayed in the contingents queue (= expected), Redis memory ${memory.used_memory_human}; worker peak RSS ${workerPeakRssMb} MB`);
  log(
    `redis: the run's queue keys (${fmt(queueMemory.keys)} keys under ${prefix}:) use ${redisMb} MB (MEMORY USAGE summed; INFO used_memory ${memory.used_memory_human} in all); ` +
      `target ≤ ${REDIS_TARGET_MB} MB: ${redisMb <= REDIS_TARGET_MB ? 'met' : 'NOT met'}`,
  );

  const jobMs = fs
    .readFileSync(workerLog, 'utf8')
    .slice(workerLogOffset)
    .split('\n')
    .filter((l) => l.includes('"Job completed"') && l.includes('contingents.schedule'))
    .map((l) => JSON.parse(l).ms)
    .sort((a, b) => a - b);
  if (jobMs.length) {
    const busy = jobMs.reduce((a, b) => a + b, 0);
    log(
      `worker: ${jobMs.length} schedule jobs, p50 ${pct(jobMs, 50)} ms, p95 ${pct(jobMs, 95)} ms, max ${jobMs.at(-1)} ms; ${seconds(busy)} job-seconds ` +
        `(${(busy / planMs).toFixed(1)} jobs running on average, concurrency ${concurrency})`,
    );
  }
  const r = { cpu: cpuAfter.redis.cpu - cpuBefore.redis.cpu, scriptCalls: cpuAfter.redis.scriptCalls - cpuBefore.redis.scriptCalls, scriptUsec: cpuAfter.redis.scriptUsec - cpuBefore.redis.scriptUsec };
  log(
    `cpu during the plan (${seconds(planMs)} s wall, 2 cores = ${seconds(2 * planMs)} cpu-s): worker ${(cpuAfter.worker - cpuBefore.worker).toFixed(1)} s, ` +
      `PostgreSQL sessions of the apps ${pgCpu.toFixed(1)} s, Redis ${r.cpu.toFixed(1)} s (${fmt(r.scriptCalls)} BullMQ scripts, ${seconds(r.scriptUsec / 1000)} s inside them), ` +
      `api ${(cpuAfter.api - cpuBefore.api).toFixed(1)} s`,
  );
  log(
    `PostgreSQL during the plan: ${fmt(dbAfter.commits - dbBefore.commits)} commits, ${fmt(dbAfter.inserted - dbBefore.inserted)} rows inserted, ${fmt(dbAfter.updated - dbBefore.updated)} rows updated`,
  );

  if (profiling) {
    await logTopStatements(db, log, 'the plan', 15);
    const analyzed = (
      await db.query(`SELECT relname, n_live_tup::int AS rows, autoanalyze_count::int AS autoanalyzes, round(extract(epoch FROM now() - last_autoanalyze))::int AS ago
                      FROM pg_stat_user_tables WHERE relname IN ('traveller', 'travel_step', 'contingent') ORDER BY relname`)
    ).rows;
    log(`profile: auto-analyze during the plan: ${analyzed.map((t) => `${t.relname} ${t.autoanalyzes}× (last ${t.ago ?? '-'} s ago)`).join(', ')}`);
  }

  // Reschedule: the contingent starting last, moved to 5 departures between today and its start date, each far
  // enough ahead that every step stays pending and every reminder stays in the future.
  const [target] = (
    await db.query(`SELECT id, reference, to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(departure_date, 'YYYY-MM-DD') AS "departureDate"
                    FROM contingent ORDER BY start_date DESC, reference LIMIT 1`)
  ).rows;
  const dates = [9, 16, 23, 30, 5].map((days) => new Date(Date.parse(`${target.startDate}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10));
  const times = [];
  for (const departureDate of dates) {
    const t0 = performance.now();
    const { rescheduleContingent } = await gql(
      `mutation($id: ID!, $d: LocalDate!) { rescheduleContingent(id: $id, departureDate: $d) { id departureDate status seated } }`,
      { id: target.id, d: departureDate },
      token,
    );
    times.push(performance.now() - t0);
    if (rescheduleContingent.departureDate !== departureDate || rescheduleContingent.seated !== PER_ORDER) {
      throw new Error(`rescheduleContingent answered ${JSON.stringify(rescheduleContingent)} for ${departureDate}`);
    }
  }
  if (profiling) await logTopStatements(db, log, `the ${dates.length} reschedules`, 6);
  const sortedTimes = [...times].sort((a, b) => a - b);
  const rescheduleMs = Math.round(sortedTimes[Math.floor(sortedTimes.length / 2)]);
  log(
    `reschedule of ${target.reference} (start ${target.startDate}, departure ${target.departureDate}) to ${dates.join(', ')}: ` +
      `median ${rescheduleMs} ms, min ${Math.round(sortedTimes[0])} ms, max ${Math.round(sortedTimes.at(-1))} ms (${times.map((t) => Math.round(t)).join(', ')} ms in order)`,
  );

  // Every pending step of that contingent covered by exactly one reminder group job, for the date now planned, and
  // each pending office step by one overdue check group job; and the queue as a whole still holds exactly the group
  // jobs the steps call for (the old dates' removed, no leftovers).
  const steps = (
    await db.query(
      `SELECT s.id, s.kind, s.status, to_char(s.remind_on, 'YYYY-MM-DD') AS "remindOn", to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate"
       FROM travel_step s JOIN traveller t ON t.id = s.traveller_id WHERE t.contingent_id = $1 AND t.status = 'SEATED'`,
      [target.id],
    )
  ).rows;
  const pending = steps.filter((s) => s.status === 'PENDING');
  const problems = [];
  if (pending.length !== steps.length) problems.push(`${steps.length - pending.length} of ${steps.length} steps are no longer pending`);
  let reminders = 0;
  let overdueChecks = 0;
  const jobOf = new Map();
  const groupJob = async (id) => {
    if (!jobOf.has(id)) {
      const job = await contingents.getJob(id);
      jobOf.set(id, { job, state: job ? await job.getState() : 'missing' });
    }
    return jobOf.get(id);
  };
  for (const s of pending) {
    if (s.remindOn) {
      const { job, state } = await groupJob(groupJobId(REMIND_STEPS, target.id, s.kind, s.remindOn));
      if (!job || state !== 'delayed' || job.data.remindOn !== s.remindOn || Math.abs(job.timestamp + job.delay - at0900(s.remindOn)) > 60_000) {
        problems.push(`step ${s.id} (${s.kind}, remind on ${s.remindOn}): reminder group job ${state}`);
      } else reminders += 1;
    }
    if (s.kind !== 'DEPARTURE' && s.kind !== 'ARRIVAL') {
      const { job, state } = await groupJob(groupJobId(CHECK_OVERDUE, target.id, s.kind, s.dueDate));
      if (!job || state !== 'delayed' || job.data.dueDate !== s.dueDate) problems.push(`step ${s.id} (${s.kind}, due ${s.dueDate}): overdue check group job ${state}`);
      else overdueChecks += 1;
    }
  }
  const [after] = (await db.query(EXPECTED_JOBS_SQL)).rows;
  const delayedAfter = (await contingents.getJobCounts('delayed')).delayed;
  if (delayedAfter !== after.reminders + after.checks) problems.push(`the queue holds ${delayedAfter} delayed jobs, the steps call for ${after.reminders + after.checks}`);
  if (problems.length) throw new Error(`after the reschedules, ${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}`);
  log(
    `reschedule check: all ${pending.length} steps of ${target.reference} pending, each covered by its reminder group job (${reminders}, for the new dates; ${[...jobOf.keys()].filter((id) => id.startsWith(REMIND_STEPS)).length} jobs) ` +
      `and each office step by its overdue check group job (${overdueChecks}); the queue still holds exactly ${fmt(delayedAfter)} delayed jobs, the group jobs the steps call for`,
  );
  await contingents.close();

  result = { planSeconds, delayedJobs, redisMb, rescheduleMs };
} finally {
  await cleanup();
}
// Last, after the cleanup's own line: the figures.
console.log(JSON.stringify(result));
