// Shared steps of the project's commands (start, test, benchmarks). Plain Node: it must run before
// `npm ci` has installed anything.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TS = ['-r', '@swc-node/register'];

/** Installs the locked dependencies when node_modules is missing or older than package-lock.json. */
export function ensureInstalled(log = console.log) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('Installing dependencies (npm ci)...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci failed; see the output above');
}

/** Runs a TypeScript entry point of the project to completion; returns its stdout. */
export function runTs(entry, env, { quiet = false } = {}) {
  const result = spawnSync(process.execPath, [...TS, entry], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${entry} failed${result.stderr ? `: ${result.stderr.trim()}` : ''}`);
  return result.stdout;
}

/**
 * Extra Node flags for the api a benchmark starts, to profile it in the benchmark's own state (for example
 * `BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=.data/profiles --trace-gc" npm run bench:api`). The api otherwise
 * runs with V8's defaults: on this machine 16 MB semi-spaces, whose scavenges paused 5–18 ms under the list; with
 * 32 and 64 MB ones they paused 20–40 ms and set the list's p99.
 */
const nodeArgs = (entry) => (entry === 'apps/api/src/main.ts' && process.env.BENCH_API_NODE_ARGS?.trim() ? process.env.BENCH_API_NODE_ARGS.trim().split(/\s+/) : []);

/** Starts a long-running TypeScript entry point (api, worker) with its output in a log file. */
export function spawnTs(entry, env, logFile) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs(entry), ...TS, entry], { cwd: root, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  return child;
}

/** Runs a binary of node_modules/.bin with inherited output; returns its exit code. */
export function runBin(bin, args, env = process.env) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', bin), args, { cwd: root, env, stdio: 'inherit' });
  return result.status ?? 1;
}

/** Stops a child with SIGTERM, then SIGKILL after `ms`. */
export function stopChild(child, ms = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A secret kept in the git-ignored .data folder, so sessions (the JWT secret) and encrypted data (the data and
 * blind-index keys) survive a restart of `npm start`. `generate` makes a new one the first time.
 */
export function localSecret(name, generate = () => randomBytes(48).toString('base64url')) {
  const file = path.join(root, '.data', 'secrets.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secrets = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (!secrets[name]) {
    secrets[name] = generate();
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

export function tail(file, lines = 20) {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
}

/** The environment a benchmark runs the apps with: production mode, its own services, queue prefix and secret. */
export function benchEnv(services, port, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    PORT: String(port),
    QUEUE_PREFIX: `puente-bench-${randomBytes(3).toString('hex')}`,
    JWT_ACCESS_SECRET: randomBytes(48).toString('base64url'),
    EXPORT_LINK_SECRET: randomBytes(48).toString('base64url'),
    PUENTE_DATA_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    PUENTE_DATA_KEY_ID: 'bench',
    PUENTE_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    ...extra,
  };
}
