// `npm run bench:statistics`: 1,000,000 applicants and 100,000 placements over five seasons (tools/bench/statistics-data.mjs,
// set-based SQL) on a database and queue prefix of its own, with the real api and worker. Measures:
// - statisticsP95Ms: the p95 latency, over HTTP as a signed-in coordinator, of ten typical programStatistics queries
//   (a year by sex, a season by destination region, a quarter by department, the stock abroad on a date, supply
//   against demand, fairness, cases per 1,000, program measures over five years, two dimensions at once, a province
//   by duration band and first time with its returnees), 30 rounds of the ten after 3 rounds of warm-up, each round
//   asking other periods, groups or restrictions (no two requests alike);
// - refreshSeconds: one statistics.refresh job (through the worker, from its addition to its end) after "a season's
//   returns": the latest season's 20,000 workers come home today, as TravelService.recordReturn records a return;
// - export100kSeconds: an applicants export of about 100,000 rows as XLSX, from requestExport to READY (the
//   exports.build job in a freshly started worker, whose peak resident memory is printed too).
// Targets on a 2-core machine: statisticsP95Ms ≤ 50, refreshSeconds ≤ 60, export100kSeconds ≤ 20. The time to
// generate the data is printed, not a target. BENCH_PROFILE=1 also prints the statements the queries and the
// refreshes spent their time on (pg_stat_statements) and the plans of the three slowest statements of one more
// round (auto_explain). BENCH_APPLICANTS (fewer than 1,000,000) makes a smaller trial run. The last line is one
// JSON object.
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchEnv, ensureInstalled, root, runTs, spawnTs, stopChild } from './lib/run.mjs';
import { benchCoordinator, clearQueuePrefix, fmt, graphqlClient, logTopStatements, pct, peakRssMb, seconds, sleep, untilUp } from './lib/bench.mjs';

const log = (msg) => console.error(`[bench:statistics] ${msg}`);
ensureInstalled(log);
const { freePort, provision } = await import('./lib/provision.mjs');
const { default: pg } = await import('pg');
const { Queue } = await import('bullmq');
const { default: IORedis } = await import('ioredis');
const { DEFAULT_APPLICANTS, PER_SEASON, SEASONS, seasonReturnsSql, seedStatements } = await import('./bench/statistics-data.mjs');

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? DEFAULT_APPLICANTS);
const WARM_UP_ROUNDS = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const EXPORT_ROWS = 100_000;
const REFRESH_TIMEOUT_MS = 10 * 60_000;
const EXPORT_TIMEOUT_MS = 10 * 60_000;
const TARGETS = { statisticsP95Ms: 50, refreshSeconds: 60, export100kSeconds: 20 };
// From libs/queue-contracts (QueueName.Statistics, JobName.RefreshStatistics, QueueName.Exports, JobName.BuildExport).
const STATISTICS_QUEUE = 'statistics';
const REFRESH_JOB = 'statistics.refresh';
const EXPORTS_QUEUE = 'exports';
const BUILD_EXPORT_JOB = 'exports.build';

/** todayIso() of @puente/common: the date in El Salvador, the day the service counts on. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/El_Salvador', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const year = Number(today.slice(0, 4));
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// The ten queries a coordinator asks, over the seasons the seed lays out (departures 20–80 days before today, a
// year apart: the latest season left this autumn). Round r asks each with other values (another year, quarter,
// date, region or occupation group, and a period ending ⌊r / k⌋ days earlier), so no two rounds ask the same:
// what is measured is the aggregates answering, not a cache of answers. Round 0's answers are checked against
// the raw tables.
const FLOW = `groups { dimension key label } outflows returns stockAbroad`;
const pick = (list, r) => list[r % list.length];
/** A period of `from`–`to` moved `days` earlier. */
const earlier = (from, to, days) => ({ from: addDays(from, -days), to: addDays(to, -days) });
const QUERIES = [
  {
    name: 'a year by sex',
    filter: (r) => ({ ...earlier(`${year - 1 - (r % 4)}-01-01`, `${year - 1 - (r % 4)}-12-31`, Math.floor(r / 4)), groupBy: ['SEX'] }),
    fields: `flows { ${FLOW} } total { ${FLOW} }`,
  },
  {
    name: "a season's departures by destination region",
    filter: (r) => ({ ...earlier(`${year - (r % 5)}-09-01`, `${year - (r % 5)}-11-30`, Math.floor(r / 5)), groupBy: ['DESTINATION_REGION'] }),
    fields: `flows { ${FLOW} } total { ${FLOW} }`,
  },
  {
    name: 'a quarter by department',
    filter: (r) => {
      const [y, q] = [year - 1 - (Math.floor(r / 4) % 3), r % 4];
      const quarter = earlier(`${y}-${String(3 * q + 1).padStart(2, '0')}-01`, `${y}-${String(3 * q + 3).padStart(2, '0')}-${q === 0 || q === 3 ? 31 : 30}`, Math.floor(r / 12));
      return { ...quarter, groupBy: ['DEPARTMENT'] };
    },
    fields: `flows { ${FLOW} } total { ${FLOW} }`,
  },
  {
    name: 'the stock abroad on a date by destination country',
    filter: (r) => ({ from: addDays(today, -30 * r), to: addDays(today, -30 * r), groupBy: ['DESTINATION_COUNTRY'] }),
    fields: `flows { ${FLOW} } total { ${FLOW} }`,
  },
  {
    name: 'supply against demand over six months',
    filter: (r) => ({ from: addDays(today, -182 - r), to: addDays(today, -r), groupBy: [], iscoMajorGroup: pick([null, '9', '6'], r) }),
    fields: `supplyDemand { iscoCode occupation departmentCode department positionsRequested qualifiedAvailable balance }`,
  },
  {
    name: 'fairness of a year',
    filter: (r) => ({ ...earlier(`${year - 1 - (r % 4)}-01-01`, `${year - 1 - (r % 4)}-12-31`, Math.floor(r / 4)), groupBy: [] }),
    fields: `fairness { deployments registrants
      departments { code name deployments deploymentShare registrants registrantShare disparityRatio }
      municipalities { code name departmentCode deployments deploymentShare registrants registrantShare disparityRatio }
      women { deploymentShare registrantShare disparityRatio } youth { deploymentShare registrantShare disparityRatio }
      firstTimers { deploymentShare registrantShare disparityRatio } }`,
  },
  {
    name: 'cases per 1,000 over three to five years',
    filter: (r) => ({ ...earlier(`${year - SEASONS + 1 + (r % 3)}-01-01`, today, Math.floor(r / 9)), groupBy: [], destinationCountry: pick([null, 'CA', 'US'], Math.floor(r / 3)) }),
    fields: `cases { placements cases perThousand categories { category cases perThousand outcomes { outcome cases perThousand } } outcomes { outcome cases perThousand } }`,
  },
  {
    name: 'program measures over one to five years',
    filter: (r) => ({ ...earlier(`${year - SEASONS + 1 + (r % 5)}-01-01`, today, Math.floor(r / 5)), groupBy: [] }),
    fields: `program { registeredApplicants registeredInPeriod verifiedApplicants verifiedInPeriod availableApplicants ordersRequested positionsRequested
      ordersApproved positionsApproved ordersFilled positionsFilled deployments medianDaysRegistrationToSelection medianDaysSelectionToDeparture
      returnsDue returnsOnTime onTimeReturnRate rehires rehireRate namedRequests namedRequestShare }`,
  },
  {
    name: 'an ISCO major group in a year by age group and sex',
    filter: (r) => ({
      ...earlier(`${year - 1 - (r % 4)}-01-01`, `${year - 1 - (r % 4)}-12-31`, Math.floor(r / 20)),
      groupBy: ['AGE_GROUP', 'SEX'],
      iscoMajorGroup: pick(['9', '6', '7', '5', '8'], r),
    }),
    fields: `flows { ${FLOW} } total { ${FLOW} }`,
  },
  {
    name: 'a province over five years by duration band and first time, returnees',
    filter: (r) => ({
      ...earlier(`${year - SEASONS + 1}-01-01`, today, Math.floor(r / 6)),
      groupBy: ['DURATION_BAND', 'FIRST_TIME_OR_RETURNING'],
      regionCode: pick(['CA-ON', 'CA-QC', 'US-FL', 'CA-BC', 'US-WA', 'US-GA'], r),
    }),
    fields: `flows { ${FLOW} } total { ${FLOW} } returnees { records withSkillsToCertify referredForCertification interestedInDomesticJobs
      interestedInTraining byCurrency { currency records medianEarnings medianRemittances } }`,
  },
];
const statisticsQuery = (q) => `query($f: StatisticsFilter!) { programStatistics(filter: $f) { asOf ${q.fields} } }`;

/**
 * FieldCipher (libs/config/src/lib/field-cipher.ts) with the api's keys from the bench environment: `v1:<keyId>:<iv>:
 * <ciphertext+tag>`, AES-256-GCM with the version, key id and kind as additional data; the blind index HMAC-SHA-256
 * over `<kind>:<value>`. The seed's placeholders cannot be read; an applicants export reads every DUI it writes.
 */
function fieldCipher(env) {
  const [keyId, material] = env.PUENTE_DATA_KEYS.split(':');
  const key = Buffer.from(material, 'base64');
  const blindKey = Buffer.from(env.PUENTE_BLIND_INDEX_KEY, 'base64');
  return {
    encrypt(kind, plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from(`v1:${keyId}:${kind}`, 'utf8'));
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v1:${keyId}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
    },
    blindIndex: (kind, value) => createHmac('sha256', blindKey).update(`${kind}:${value}`, 'utf8').digest('base64url'),
  };
}

/** A DUI of the seed's applicant g: eight digits, a dash and a check digit (the DUI's own weights 9…2, mod 10). */
function duiOf(g) {
  const digits = String(g).padStart(8, '0');
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
  return `${digits}-${(10 - (sum % 10)) % 10}`;
}

// BENCH_PROFILE=1: pg_stat_statements and auto_explain, loaded into the embedded server (on a DATABASE_URL server
// only when it preloads the modules itself; the plans are read from the embedded server's log).
const PROFILE = Boolean(process.env.BENCH_PROFILE);
const services = await provision({
  mode: 'test',
  root,
  log,
  postgresSettings: {
    shared_buffers: '1GB',
    work_mem: '32MB',
    maintenance_work_mem: '256MB',
    random_page_cost: '1.1',
    effective_cache_size: '8GB',
    ...(PROFILE
      ? { shared_preload_libraries: 'pg_stat_statements,auto_explain', 'pg_stat_statements.track': 'all', 'auto_explain.log_analyze': 'on', 'auto_explain.log_buffers': 'on' }
      : {}),
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

/** The machine's load (1-minute average) and cores: the figures are only as steady as the machine was. */
const load = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
try {
  log(`starting: ${load()}`);
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

  // ---- The data ----
  db = new pg.Client({ connectionString: services.databaseUrl });
  await db.connect();
  const tables = new Set((await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).rows.map((r) => r.table_name));
  if (!tables.has('stat_deployment')) throw new Error('the statistics aggregates (migration 1732400000029) are missing: nothing to measure');
  const exportsPresent = tables.has('data_export');
  log(
    `generating ${fmt(APPLICANTS)} applicants and ${fmt(SEASONS * PER_SEASON)} placements over ${SEASONS} seasons (set-based SQL)` +
      `${tables.has('applicant_document') ? ', with documents' : ''}${tables.has('returnee_record') ? ', with returnee records' : ''}`,
  );
  const generationStarted = Date.now();
  for (const { label, sql } of seedStatements(today, { applicants: APPLICANTS, tables })) {
    const t0 = Date.now();
    await db.query(sql);
    log(`  ${label}: ${seconds(Date.now() - t0)} s`);
  }
  const vacuumStarted = Date.now();
  await db.query('VACUUM ANALYZE');
  const generationSeconds = Number(seconds(Date.now() - generationStarted));
  log(`  VACUUM ANALYZE: ${seconds(Date.now() - vacuumStarted)} s`);
  const [seeded] = (
    await db.query(`SELECT (SELECT count(*) FROM applicant)::int AS applicants, (SELECT count(*) FROM applicant WHERE status = 'AVAILABLE')::int AS available,
                           (SELECT count(*) FILTER (WHERE gender = 'FEMALE') * 100.0 / count(*) FROM applicant)::numeric(4,1)::float AS "womenPct",
                           (SELECT count(*) FROM employer)::int AS employers, (SELECT count(*) FROM job_order)::int AS orders,
                           (SELECT count(*) FROM job_order WHERE status = 'OPEN')::int AS "openOrders", (SELECT count(*) FROM contingent)::int AS contingents,
                           (SELECT count(*) FROM placement)::int AS placements, (SELECT count(DISTINCT applicant_id) FROM placement)::int AS workers,
                           (SELECT count(*) FROM placement WHERE status = 'ACTIVE')::int AS abroad,
                           (SELECT count(*) FROM named_request)::int AS named, (SELECT count(*) FROM candidate)::int AS candidates,
                           (SELECT count(*) FROM evaluation)::int AS evaluations, (SELECT count(*) FROM rehire_decision)::int AS decisions,
                           (SELECT count(*) FROM protection_case)::int AS cases`)
  ).rows;
  const extra = [
    tables.has('applicant_document') ? `${fmt(Number((await db.query(`SELECT count(*) FROM applicant_document`)).rows[0].count))} documents` : null,
    tables.has('returnee_record') ? `${fmt(Number((await db.query(`SELECT count(*) FROM returnee_record`)).rows[0].count))} returnee records` : null,
  ].filter(Boolean);
  log(
    `seed: ${fmt(seeded.applicants)} applicants (${fmt(seeded.available)} available, ${seeded.womenPct}% women), ${fmt(seeded.employers)} employers, ` +
      `${fmt(seeded.orders)} job orders (${fmt(seeded.openOrders)} open), ${fmt(seeded.contingents)} contingents, ${fmt(seeded.placements)} placements of ` +
      `${fmt(seeded.workers)} workers (${fmt(seeded.abroad)} abroad today), ${fmt(seeded.candidates)} candidates, ${fmt(seeded.named)} named requests, ` +
      `${fmt(seeded.evaluations)} evaluations, ${fmt(seeded.decisions)} rehire decisions, ${fmt(seeded.cases)} protection cases` +
      `${extra.length ? `, ${extra.join(', ')}` : ''}; in ${generationSeconds} s (with VACUUM ANALYZE; not a target)`,
  );
  if (seeded.applicants !== APPLICANTS || seeded.placements !== SEASONS * PER_SEASON || seeded.abroad !== PER_SEASON) {
    throw new Error(`the seed is not what the benchmark needs: ${JSON.stringify(seeded)}`);
  }

  // ---- The apps ----
  const logs = path.join(root, '.data', 'logs');
  const apiLog = path.join(logs, 'bench-statistics-api.log');
  const workerLog = path.join(logs, 'bench-statistics-worker.log');
  const api = spawnTs('apps/api/src/main.ts', env, apiLog);
  let worker = spawnTs('apps/worker/src/main.ts', env, workerLog);
  children.push(api, worker);
  const url = `http://127.0.0.1:${port}`;
  await Promise.all([untilUp(`${url}/health`, api, 'api', apiLog), untilUp(`http://127.0.0.1:${healthPort}/health`, worker, 'worker', workerLog)]);

  const statisticsQueue = new Queue(STATISTICS_QUEUE, { connection: redis, prefix });
  closers.push(() => statisticsQueue.close());
  /**
   * Adds a statistics.refresh job as the nightly schedule does (same queue and name; one attempt, so a failure shows
   * at once) and waits for the worker to finish it. Times come from the job: added → finished, and its run alone.
   */
  const runRefresh = async (label) => {
    const id = `bench-refresh-${label}-${randomBytes(4).toString('hex')}`;
    await statisticsQueue.add(REFRESH_JOB, { cause: 'bench' }, { jobId: id, attempts: 1, removeOnComplete: false, removeOnFail: false });
    const t0 = Date.now();
    for (;;) {
      const job = await statisticsQueue.getJob(id);
      if (job?.finishedOn) {
        if (job.failedReason) throw new Error(`the ${label} refresh failed: ${job.failedReason}`);
        return { ms: job.finishedOn - job.timestamp, runMs: job.finishedOn - job.processedOn, ...job.returnvalue };
      }
      if (Date.now() - t0 > REFRESH_TIMEOUT_MS) throw new Error(`the ${label} refresh is not done after ${REFRESH_TIMEOUT_MS / 60_000} minutes`);
      await sleep(50);
    }
  };
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

  // The aggregates as the nightly refresh would have left them before anyone asks.
  const first = await runRefresh('initial');
  log(`initial refresh: ${seconds(first.ms)} s (${fmt(first.deployments ?? 0)} deployments)`);
  if (profiling) await logTopStatements(db, log, 'the initial refresh', 12);

  // ---- The ten queries ----
  const client = graphqlClient(url);
  const { token } = await benchCoordinator(client, admin);
  const ask = async (q, round) => {
    const filter = Object.fromEntries(Object.entries(q.filter(round)).filter(([, v]) => v !== null));
    const t0 = performance.now();
    const data = await client.gql(statisticsQuery(q), { f: filter }, token);
    return { ms: performance.now() - t0, answer: data.programStatistics };
  };
  // What round 0's answers must hold, against the raw tables (a wrong answer fails the benchmark, however fast).
  const byName = (name) => QUERIES.find((q) => q.name === name).filter(0);
  const sexYear = byName('a year by sex');
  const [yearFacts] = (
    await db.query(`SELECT count(*)::int AS outflows, count(*) FILTER (WHERE a.gender = 'FEMALE')::int AS women FROM placement p JOIN applicant a ON a.id = p.applicant_id
                    WHERE p.departed_on BETWEEN $1 AND $2`, [sexYear.from, sexYear.to])
  ).rows;
  const stockDay = byName('the stock abroad on a date by destination country').to;
  const [stockFacts] = (
    await db.query(`SELECT count(*)::int AS stock, count(*) FILTER (WHERE r.country = 'CA')::int AS canada FROM placement p JOIN job_order o ON o.id = p.job_order_id
                    JOIN region r ON r.code = o.work_region_code WHERE p.departed_on <= $1 AND (p.returned_on IS NULL OR p.returned_on > $1)`, [stockDay])
  ).rows;
  const [caseFacts] = (await db.query(`SELECT count(*)::int AS cases FROM protection_case WHERE created_at >= $1::date`, [byName('cases per 1,000 over three to five years').from])).rows;
  const checks = {
    'a year by sex': (a) => a.total.outflows === yearFacts.outflows && a.flows.find((f) => f.groups[0].key === 'FEMALE')?.outflows === yearFacts.women,
    'the stock abroad on a date by destination country': (a) => a.total.stockAbroad === stockFacts.stock && a.flows.find((f) => f.groups[0].key === 'CA')?.stockAbroad === stockFacts.canada,
    'program measures over one to five years': (a) => a.program.deployments === SEASONS * PER_SEASON && a.program.namedRequests > 0 && a.program.rehires > 0,
    'cases per 1,000 over three to five years': (a) => Math.abs(a.cases.cases - caseFacts.cases) <= 2 && a.cases.placements === SEASONS * PER_SEASON,
  };
  for (const q of QUERIES) {
    const { answer } = await ask(q, 0);
    if (checks[q.name] && !checks[q.name](answer)) throw new Error(`"${q.name}" answers wrong: ${JSON.stringify(answer).slice(0, 600)}`);
  }
  log(
    `round 0 answers as the raw tables say (${sexYear.from.slice(0, 4)}: ${fmt(yearFacts.outflows)} deployments, ${fmt(yearFacts.women)} of women; ` +
      `${fmt(stockFacts.stock)} abroad on ${stockDay}, ${fmt(stockFacts.canada)} in Canada; ${fmt(caseFacts.cases)} cases)`,
  );
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const q of QUERIES) await ask(q, ROUNDS + round);
  if (profiling) await db.query('SELECT pg_stat_statements_reset()');
  const samples = new Map(QUERIES.map((q) => [q.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) samples.get(q.name).push((await ask(q, round)).ms);
  }
  const all = [...samples.values()].flat().sort((a, b) => a - b);
  const statisticsP95Ms = Math.round(pct(all, 95));
  log(`programStatistics: ${ROUNDS} rounds of the ten queries (${fmt(all.length)} requests, one at a time) after ${WARM_UP_ROUNDS} rounds of warm-up; ${load()}`);
  for (const q of QUERIES) {
    const s = samples.get(q.name).sort((a, b) => a - b);
    log(`  ${q.name.padEnd(72)} p50 ${pct(s, 50).toFixed(1).padStart(6)} ms, p95 ${pct(s, 95).toFixed(1).padStart(6)} ms, max ${s.at(-1).toFixed(1).padStart(6)} ms`);
  }
  // Beside the target, for what it is worth: rounds 0–4 asked again, the same filters (an api that keeps answers
  // until the next refresh answers these from memory).
  const again = [];
  for (let round = 0; round < Math.min(5, ROUNDS); round++) for (const q of QUERIES) again.push((await ask(q, round)).ms);
  again.sort((a, b) => a - b);
  log(`  the same questions asked again (rounds 0–4, ${again.length} requests): p50 ${pct(again, 50).toFixed(1)} ms, p95 ${pct(again, 95).toFixed(1)} ms (not the target's figure)`);
  // The api's own share: a query that reads nothing, as the same coordinator.
  const baseline = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await client.gql(`{ __typename }`, {}, token);
    baseline.push(performance.now() - t0);
  }
  baseline.sort((a, b) => a - b);
  log(`  { __typename } as the same coordinator (the api's own time, no statistics): p50 ${pct(baseline, 50).toFixed(1)} ms, p95 ${pct(baseline, 95).toFixed(1)} ms`);
  log(
    `  all: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${statisticsP95Ms} ms, max ${all.at(-1).toFixed(1)} ms; ` +
      `target p95 ≤ ${TARGETS.statisticsP95Ms} ms: ${statisticsP95Ms <= TARGETS.statisticsP95Ms ? 'met' : 'NOT met'}`,
  );
  if (profiling) {
    await logTopStatements(db, log, 'the ten queries', 12);
    // One more round, not timed, with auto_explain logging the plan (with actual times) of every statement over
    // 20 ms into the embedded server's log; the three slowest are printed.
    const serverLog = services.postgresDataDir && path.join(path.dirname(services.postgresDataDir), 'postgres.log');
    if (!serverLog || !fs.existsSync(serverLog)) {
      log("profile: no embedded server's log to read plans from (DATABASE_URL?)");
    } else {
      const offset = fs.statSync(serverLog).size;
      await db.query(`ALTER SYSTEM SET auto_explain.log_min_duration = '20ms'`);
      await db.query('SELECT pg_reload_conf()');
      await sleep(500);
      for (const q of QUERIES) await ask(q, ROUNDS + WARM_UP_ROUNDS);
      await db.query(`ALTER SYSTEM RESET auto_explain.log_min_duration`);
      await db.query('SELECT pg_reload_conf()');
      await sleep(500);
      const plans = fs
        .readFileSync(serverLog)
        .subarray(offset)
        .toString('utf8')
        .split(/\n(?=\S)/)
        .filter((entry) => entry.includes('duration:') && entry.includes('plan:') && entry.includes('stat_'))
        .map((entry) => ({ ms: Number(entry.match(/duration: ([\d.]+) ms/)?.[1] ?? 0), entry }))
        .sort((x, y) => y.ms - x.ms)
        .slice(0, 3);
      log(`profile: the plans of the three slowest statements of one more round of the ten (auto_explain, actual times)`);
      for (const p of plans) log(`  ${p.entry.trim().split('\n').map((l) => l.replace(/^\t/, '    ')).join('\n')}`);
    }
  }

  // ---- A season's returns, then the refresh ----
  const returnsStarted = Date.now();
  await db.query(seasonReturnsSql(today));
  await db.query('ANALYZE placement, traveller, applicant, contingent, candidate, job_order');
  log(`a season's returns: the ${fmt(PER_SEASON)} workers of the latest season home today (${seconds(Date.now() - returnsStarted)} s, as recordReturn records them)`);
  if (profiling) await db.query('SELECT pg_stat_statements_reset()');
  const refresh = await runRefresh('after-returns');
  const refreshSeconds = Number(seconds(refresh.ms));
  const [{ took_ms: tookMs }] = (await db.query(`SELECT took_ms FROM stat_refresh WHERE id = 1`)).rows;
  log(
    `refresh after the returns: ${refreshSeconds} s from the job's addition to its end (its run ${seconds(refresh.runMs)} s, the service's own count ${seconds(tookMs)} s); ` +
      `target ≤ ${TARGETS.refreshSeconds} s: ${refreshSeconds <= TARGETS.refreshSeconds ? 'met' : 'NOT met'}`,
  );
  if (profiling) await logTopStatements(db, log, 'the refresh', 12);
  const returnsToday = (await ask({ name: 'today', filter: () => ({ from: today, to: today, groupBy: [] }), fields: `total { ${FLOW} }` }, 0)).answer.total;
  log(`  programStatistics for today: ${fmt(returnsToday.returns)} returns, ${fmt(returnsToday.stockAbroad)} still abroad (the abandoned jobs of past seasons)`);
  if (returnsToday.returns !== PER_SEASON) throw new Error(`after the refresh, today's returns read ${returnsToday.returns}, not ${PER_SEASON}`);

  // ---- An applicants export of about 100,000 rows ----
  let export100kSeconds = null;
  if (!exportsPresent) {
    log('export: the exports library (migration 1732400000030) is not in this tree; not measured');
  } else {
    // The applicants filter closest to 100,000 rows among departments, occupations, and those by sex or status.
    const [choice] = (
      await db.query(`WITH a AS (SELECT a.gender, a.status, a.occupations, m.department_code FROM applicant a JOIN municipality m ON m.code = a.municipality_code)
                      SELECT * FROM (
                        SELECT jsonb_build_object('departmentCode', department_code) AS filter, count(*)::int AS n FROM a GROUP BY 1
                        UNION ALL SELECT jsonb_build_object('departmentCode', department_code, 'gender', gender), count(*)::int FROM a GROUP BY 1
                        UNION ALL SELECT jsonb_build_object('departmentCode', department_code, 'status', status), count(*)::int FROM a GROUP BY 1
                        UNION ALL SELECT jsonb_build_object('occupation', o), count(*)::int FROM a, unnest(a.occupations) o GROUP BY 1
                        UNION ALL SELECT jsonb_build_object('occupation', o, 'gender', gender), count(*)::int FROM a, unnest(a.occupations) o GROUP BY 1
                      ) x ORDER BY abs(n - ${EXPORT_ROWS}), filter::text LIMIT 1`)
    ).rows;
    // Their DUIs sealed with the api's keys (the seed's placeholders cannot be read), as registration stores them.
    const condition = { departmentCode: 'm.department_code = $KEY', gender: 'a.gender = $KEY', status: 'a.status = $KEY', occupation: 'a.occupations @> ARRAY[$KEY]' };
    const keys = Object.keys(choice.filter);
    const sealStarted = Date.now();
    const rows = (
      await db.query(
        `SELECT a.id, substr(a.national_id_hash, 3)::int AS g FROM applicant a JOIN municipality m ON m.code = a.municipality_code
         WHERE a.national_id_hash LIKE 'BS%' AND ${keys.map((k, i) => condition[k].replace('$KEY', `$${i + 1}::text`)).join(' AND ')}`,
        keys.map((k) => choice.filter[k]),
      )
    ).rows;
    if (rows.length !== choice.n) throw new Error(`the export's filter selects ${rows.length} applicants here, ${choice.n} there`);
    const cipher = fieldCipher(env);
    const ids = rows.map((r) => r.id);
    const duis = rows.map((r) => duiOf(r.g));
    await db.query(
      `UPDATE applicant a SET national_id_enc = v.enc, national_id_hash = v.hash FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, enc, hash) WHERE a.id = v.id`,
      [ids, duis.map((d) => cipher.encrypt('dui', d)), duis.map((d) => cipher.blindIndex('dui', d))],
    );
    // The rewrite is the benchmark's own: the table is left as autovacuum would leave it, not with 100,000 dead rows
    // the export's index scans would step over.
    await db.query('VACUUM ANALYZE applicant');
    log(`export: applicants with ${JSON.stringify(choice.filter)} (${fmt(choice.n)} rows); their DUIs sealed with the api's key, and the table vacuumed, in ${seconds(Date.now() - sealStarted)} s`);

    // A worker of its own for the export, so its peak memory is the export's.
    await stopChild(worker);
    const exportWorkerLog = path.join(logs, 'bench-statistics-export-worker.log');
    worker = spawnTs('apps/worker/src/main.ts', env, exportWorkerLog);
    children.push(worker);
    await untilUp(`http://127.0.0.1:${healthPort}/health`, worker, 'worker', exportWorkerLog);
    const exportsQueue = new Queue(EXPORTS_QUEUE, { connection: redis, prefix });
    closers.push(() => exportsQueue.close());
    const rssBefore = peakRssMb(worker.pid);
    const t0 = performance.now();
    const { requestExport } = await client.gql(
      `mutation($i: RequestExportInput!) { requestExport(input: $i) { id status } }`,
      { i: { kind: 'APPLICANTS', format: 'XLSX', language: 'ES', applicants: choice.filter } },
      token,
    );
    let view;
    for (;;) {
      view = (await client.gql(`query($id: ID!) { export(id: $id) { id status rowCount byteSize error downloadUrl } }`, { id: requestExport.id }, token)).export;
      if (view.status !== 'PENDING') break;
      if (performance.now() - t0 > EXPORT_TIMEOUT_MS) throw new Error(`the export is not built after ${EXPORT_TIMEOUT_MS / 60_000} minutes`);
      await sleep(50);
    }
    const exportMs = performance.now() - t0;
    if (view.status !== 'READY') throw new Error(`the export ended ${view.status}: ${view.error}`);
    if (view.rowCount !== choice.n) throw new Error(`the export wrote ${view.rowCount} rows, ${choice.n} match its filter`);
    const job = (await exportsQueue.getJobs(['completed', 'failed'])).find((j) => j.name === BUILD_EXPORT_JOB);
    const rss = peakRssMb(worker.pid);
    // Reported as measured (about 100,000 rows); the line below also says what it comes to per 100,000.
    export100kSeconds = Number(seconds(exportMs));
    log(
      `export: ${fmt(view.rowCount)} rows as XLSX, ${(view.byteSize / 1_048_576).toFixed(1)} MB, READY ${export100kSeconds} s after requestExport` +
        `${job?.finishedOn ? ` (the ${BUILD_EXPORT_JOB} job ran ${seconds(job.finishedOn - job.processedOn)} s)` : ''}, ${seconds((exportMs * EXPORT_ROWS) / view.rowCount)} s per ${fmt(EXPORT_ROWS)} rows; ` +
        `the worker's peak resident memory ${rss} MB (${rssBefore} MB at boot); target ≤ ${TARGETS.export100kSeconds} s: ${export100kSeconds <= TARGETS.export100kSeconds ? 'met' : 'NOT met'}`,
    );
    // The link downloads it (its size as stored).
    const download = await fetch(new URL(view.downloadUrl, url));
    const bytes = (await download.arrayBuffer()).byteLength;
    log(`  the download link answers ${download.status} with ${fmt(bytes)} bytes (${download.headers.get('content-type')})`);
    if (download.status !== 200 || bytes !== view.byteSize) throw new Error(`the download answered ${download.status} with ${bytes} bytes, not ${view.byteSize}`);
  }

  result = { statisticsP95Ms, refreshSeconds, export100kSeconds };
  const missed = Object.entries(TARGETS).filter(([k, target]) => result[k] !== null && result[k] > target);
  log(`done: ${load()}`);
  log(`targets: ${missed.length ? `NOT met: ${missed.map(([k, t]) => `${k} ${result[k]} > ${t}`).join(', ')}` : 'all met'}${export100kSeconds === null ? ' (the export not measured)' : ''}`);
} finally {
  await cleanup();
}
// Last, after the cleanup's own line: the figures.
console.log(JSON.stringify(result));
