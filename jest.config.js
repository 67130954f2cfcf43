// One Jest run, four tiers told apart by file name: *.spec.ts (unit, no I/O), *.int-spec.ts (real PostgreSQL
// and Redis), *.e2e-spec.ts (the API over HTTP and WebSocket), *.portal-spec.ts (the built portal in Chromium,
// apps/portal/e2e). SWC transpiles; `npm test` type-checks first.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, `<rootDir>/${target}`]),
);
const swcrc = require('./swcrc.json');
const swc = ['@swc/jest', { ...swcrc, swcrc: false }];
// The portal's components: JSX with React's automatic runtime, as Vite compiles them.
const swcTsx = [
  '@swc/jest',
  {
    ...swcrc,
    swcrc: false,
    jsc: { ...swcrc.jsc, parser: { ...swcrc.jsc.parser, tsx: true }, transform: { ...swcrc.jsc.transform, react: { runtime: 'automatic' } } },
  },
];

// ESM-only dependencies (content-disposition, under @fastify/static; feed, the job orders' RSS and JSON Feed),
// which Jest's module system cannot require on Node 20: compiled to CommonJS like our sources.
const esmOnly = ['content-disposition', 'feed'].join('|');

const tier = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  transform: { '^.+\\.ts$': swc, '^.+\\.tsx$': swcTsx, [`/node_modules/(${esmOnly})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  // PUENTE_TEST_CLOCK=<ISO instant> shifts the clock (the midnight check in tools/test.mjs); a no-op otherwise.
  setupFiles: ['<rootDir>/test/support/clock.ts'],
  ...extra,
});
const server = (suffix) => [`<rootDir>/{apps,libs,test}/**/*.${suffix}.ts`];

module.exports = {
  // A hook or test of the server tiers boots NestJS apps against real PostgreSQL and Redis: on a loaded 2-core machine
  // the first boot of a run can pass Jest's default 5 s (it did, for startApi in a beforeAll, in CI). Jest reads
  // testTimeout only from the global configuration; the portal tier raises it again to 60 s (portal-setup.ts).
  testTimeout: 30_000,
  projects: [
    tier('unit', [...server('spec'), '<rootDir>/apps/portal/src/**/*.spec.tsx']),
    tier('int', server('int-spec')),
    tier('e2e', server('e2e-spec')),
    // A browser and the whole stack per file: 60 s a test (portal-setup.ts).
    tier('portal', ['<rootDir>/apps/portal/e2e/**/*.portal-spec.ts'], { setupFilesAfterEnv: ['<rootDir>/test/support/portal-setup.ts'] }),
  ],
};
