// What the benchmarks share: formatting and percentiles, process and Redis counters, waiting for the apps to come
// up, a GraphQL client with a coordinator's login, the database's top statements, and clearing a queue prefix.
import fs from 'node:fs';
import { waitForHttp } from './provision.mjs';
import { tail } from './run.mjs';

export const seconds = (ms) => (ms / 1000).toFixed(1);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const fmt = (n) => n.toLocaleString('en-US');
/** The p-th percentile of an ascending array. */
export const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** utime + stime of a process in seconds (Linux /proc, 100 ticks per second); null when it cannot be read. */
export function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** A process's peak resident memory in MB (VmHWM), or null. */
export function peakRssMb(pid) {
  const hwm = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return hwm ? Math.round(Number(hwm[1]) / 1024) : null;
}

/** One section of Redis's INFO as an object. */
export async function redisInfo(redis, section) {
  return Object.fromEntries(
    (await redis.info(section))
      .split('\r\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
  );
}

/** Up, or the reason it is not: a process that exits at boot fails the benchmark at once with its log's tail. */
export function untilUp(healthUrl, child, name, logFile) {
  return Promise.race([
    waitForHttp(healthUrl, 90_000),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`the ${name} exited at boot (${code}); the end of its log:\n${tail(logFile)}`)))),
  ]);
}

/** A GraphQL client of the api at `url`: `gql` throws on any error; `login` returns an access token. */
export function graphqlClient(url) {
  const gql = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }).then((x) => x.json());
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const login = async (identifier, password) => (await gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier, password } })).login.accessToken;
  return { gql, login };
}

/** The bench's coordinator, created by the bootstrap admin as any staff user is, with its password changed. */
export async function benchCoordinator({ gql, login }, admin) {
  const adminToken = await login(admin.email, admin.password);
  const staff = (await gql(`mutation { createStaffUser(input: { email: "bench-coordinator@puente.test", role: COORDINATOR }) { temporaryPassword } }`, {}, adminToken)).createStaffUser;
  const temp = await login('bench-coordinator@puente.test', staff.temporaryPassword);
  const changed = await gql(
    `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
    { i: { currentPassword: staff.temporaryPassword, newPassword: 'bench-coordinator-pass' } },
    temp,
  );
  return { adminToken, token: changed.changePassword.accessToken };
}

/** Logs the statements PostgreSQL spent the most time on since the last reset (pg_stat_statements), then resets. */
export async function logTopStatements(db, log, what, limit) {
  const top = (
    await db.query(`SELECT calls::int, round(total_exec_time)::int AS ms, round(mean_exec_time::numeric, 2) AS mean, toplevel,
                           regexp_replace(query, '\\s+', ' ', 'g') AS query
                    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                    ORDER BY total_exec_time DESC LIMIT ${limit}`)
  ).rows;
  log(`profile: the statements PostgreSQL spent ${what} on (nested ones, from triggers and functions, marked "in")`);
  for (const q of top) log(`  ${String(q.ms).padStart(7)} ms ${String(q.calls).padStart(7)} calls ${String(q.mean).padStart(8)} ms/call ${q.toplevel ? '  ' : 'in'} ${q.query.slice(0, 170)}`);
  await db.query('SELECT pg_stat_statements_reset()');
}

/** Removes every Redis key under a queue prefix, and says how many. */
export async function clearQueuePrefix(redis, prefix, log) {
  try {
    const started = Date.now();
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 10_000);
      cursor = next;
      for (let i = 0; i < keys.length; i += 1000) removed += await redis.unlink(...keys.slice(i, i + 1000));
    } while (cursor !== '0');
    log(`cleanup: removed ${fmt(removed)} Redis keys under the queue prefix in ${seconds(Date.now() - started)} s`);
  } catch (e) {
    log(`cleanup: could not clear the queue prefix: ${e.message}`);
  }
}
