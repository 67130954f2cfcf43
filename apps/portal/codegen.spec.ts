import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The typed documents in src/gql are what GraphQL Code Generator makes of schema.gql and the portal's documents. */
describe('generated GraphQL types', () => {
  it('are current (otherwise run `npm run codegen`)', () => {
    const root = path.join(__dirname, '..', '..');
    const bin = path.join(root, 'node_modules', '.bin', 'graphql-codegen');
    // The CLI's check mode compares without writing; it runs apart because the CLI is an ES module Jest cannot load.
    const run = spawnSync(bin, ['--config', 'apps/portal/codegen.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect({ status: run.status, stale: /stale files/.test(run.stdout + run.stderr) }).toEqual({ status: 0, stale: false });
  }, 60_000);
});
