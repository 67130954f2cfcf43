// One Jest run, three tiers told apart by file name: *.spec.ts (unit, no I/O), *.int-spec.ts (real PostgreSQL
// and Redis), *.e2e-spec.ts (the API over HTTP and WebSocket). SWC transpiles; `npm test` type-checks first.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, `<rootDir>/${target}`]),
);
const swc = ['@swc/jest', { ...require('./swcrc.json'), swcrc: false }];

const tier = (displayName, suffix) => ({
  displayName,
  rootDir: __dirname,
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${suffix}.ts`],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  // PUENTE_TEST_CLOCK=<ISO instant> shifts the clock (the midnight check in tools/test.mjs); a no-op otherwise.
  setupFiles: ['<rootDir>/test/support/clock.ts'],
});

module.exports = {
  projects: [tier('unit', 'spec'), tier('int', 'int-spec'), tier('e2e', 'e2e-spec')],
};
