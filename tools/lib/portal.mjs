// The web portal's two needs outside Node: its Vite build (served by the api at `/`) and, for the browser
// tests, a Chromium. Plain Node, like run.mjs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './run.mjs';

const portal = path.join(root, 'apps', 'portal');
const dist = path.join(portal, 'dist');
const hashFile = path.join(dist, '.source-hash');
const CHROMIUM_HINT = 'Install it with `sudo apt-get install chromium`, or set PUENTE_CHROMIUM to a Chromium binary.';

/** Every file the build reads, in a stable order: the page, the configs, the sources, the lockfile. */
function sourceFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // Unit tests beside the sources are not bundled.
      else if (entry.isFile() && !/\.spec\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  for (const name of fs.readdirSync(portal)) {
    if (name === 'index.html' || name === 'vite.config.mts' || /^tsconfig.*\.json$/.test(name)) files.push(path.join(portal, name));
  }
  for (const dir of ['src', 'public']) if (fs.existsSync(path.join(portal, dir))) walk(path.join(portal, dir));
  files.push(path.join(root, 'package-lock.json'));
  return files.map((f) => path.relative(root, f)).sort();
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) hash.update(`${file}\0`).update(fs.readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex');
}

/**
 * Builds apps/portal/dist with Vite unless it was built from the same sources (hash in dist/.source-hash).
 * Exits the process when the build fails: nothing should start or be tested against a stale portal.
 */
export function ensurePortalBuilt(log = console.log) {
  const hash = sourceHash();
  if (fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8').trim() === hash) return;
  log('Building the portal (its sources changed since the last build)...');
  const started = Date.now();
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'apps/portal/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    log(`Building the portal failed (exit ${result.status ?? result.signal}); see Vite's output above. Nothing was started.`);
    process.exit(1);
  }
  fs.writeFileSync(hashFile, `${hash}\n`);
  log(`Portal built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * The Chromium the browser tests drive: PUENTE_CHROMIUM or /usr/bin/chromium. Installed with apt-get when missing
 * and running as root (the lists refreshed only if the install fails); otherwise exits saying how to get one.
 */
export function ensureChromium(log = console.log) {
  const fail = (why) => {
    log(`${why} ${CHROMIUM_HINT}`);
    process.exit(1);
  };
  const configured = process.env.PUENTE_CHROMIUM;
  if (configured) {
    if (!fs.existsSync(configured)) fail(`PUENTE_CHROMIUM=${configured} does not exist.`);
    return configured;
  }
  const chromium = '/usr/bin/chromium';
  if (fs.existsSync(chromium)) return chromium;
  if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) fail('The browser tests need Chromium, which is not installed.');
  log('Chromium not found: installing it with apt-get (Debian package chromium, once; a minute or two)...');
  const aptGet = (...args) =>
    spawnSync('/usr/bin/apt-get', ['-q', '-o', 'DPkg::Lock::Timeout=120', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }).status === 0;
  // Package lists may be missing or outdated: refresh them only when the install needs it.
  const installed = aptGet('install', '-y', 'chromium') || (aptGet('update') && aptGet('install', '-y', 'chromium'));
  if (!installed || !fs.existsSync(chromium)) fail('Installing Chromium with apt-get failed (see above).');
  log('Chromium installed.');
  return chromium;
}
