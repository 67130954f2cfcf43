import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries (docs/architecture.md): apps use domains, platform, contracts and utils; a domain uses only the domains
 * its allow-list names; platform uses contracts, utils and the platform pieces below it; contracts use utils.
 * The web portal (type:web) runs in a browser and talks to the api only over GraphQL: it imports no library.
 */
const platform = (scope, allowed) => ({
  sourceTag: `scope:${scope}`,
  onlyDependOnLibsWithTags: allowed.map((s) => `scope:${s}`),
});

/**
 * The boundaries rule's options. The test library (type:testing) may use everything but apps; its imports of the
 * domains make cycles through the test files that use it, which the code that ships does not have: ignored.
 */
const moduleBoundaries = {
  enforceBuildableLibDependency: false,
  allow: [],
  banTransitiveDependencies: false,
  ignoredCircularDependencies: [['*', 'tag:type:testing']],
  depConstraints: [
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:contract', 'type:util'] },
    { sourceTag: 'type:web', onlyDependOnLibsWithTags: [] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
    { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:util'] },
    { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contract', 'type:util'] },
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:contract', 'type:util'] },
    // Platform pieces, bottom up.
    platform('config', ['common']),
    platform('database', ['config', 'common']),
    platform('telemetry', ['config', 'common']),
    platform('queue', ['config', 'database', 'queue', 'telemetry', 'common']),
    platform('health', ['config', 'common']),
    platform('notifications', ['config', 'database', 'queue', 'common']),
    platform('auth', ['config', 'database', 'queue', 'notifications', 'common']),
    // Domains: each names the domains it may use.
    { sourceTag: 'scope:reference', onlyDependOnLibsWithTags: ['type:platform', 'type:contract', 'type:util'] },
    { sourceTag: 'scope:applicants', onlyDependOnLibsWithTags: ['scope:reference', 'type:platform', 'type:contract', 'type:util'] },
    { sourceTag: 'scope:employers', onlyDependOnLibsWithTags: ['scope:reference', 'type:platform', 'type:contract', 'type:util'] },
    {
      sourceTag: 'scope:matching',
      onlyDependOnLibsWithTags: ['scope:reference', 'scope:applicants', 'scope:employers', 'scope:job-orders', 'type:platform', 'type:contract', 'type:util'],
    },
    {
      sourceTag: 'scope:contingents',
      onlyDependOnLibsWithTags: ['scope:reference', 'scope:applicants', 'scope:employers', 'scope:job-orders', 'scope:matching', 'type:platform', 'type:contract', 'type:util'],
    },
    {
      sourceTag: 'scope:cases',
      onlyDependOnLibsWithTags: [
        'scope:reference', 'scope:applicants', 'scope:employers', 'scope:job-orders', 'scope:matching', 'scope:contingents', 'type:platform', 'type:contract', 'type:util',
      ],
    },
    {
      sourceTag: 'scope:rehire',
      onlyDependOnLibsWithTags: [
        'scope:reference', 'scope:applicants', 'scope:employers', 'scope:job-orders', 'scope:matching', 'scope:contingents', 'scope:cases', 'type:platform', 'type:contract', 'type:util',
      ],
    },
    {
      sourceTag: 'scope:standing',
      onlyDependOnLibsWithTags: [
        'scope:reference', 'scope:applicants', 'scope:employers', 'scope:job-orders', 'scope:matching', 'scope:contingents', 'scope:cases', 'scope:rehire',
        'type:platform', 'type:contract', 'type:util',
      ],
    },
    {
      sourceTag: 'scope:statistics',
      onlyDependOnLibsWithTags: [
        'scope:reference', 'scope:applicants', 'scope:employers', 'scope:job-orders', 'scope:matching', 'scope:contingents', 'scope:cases', 'scope:rehire',
        'scope:standing', 'type:platform', 'type:contract', 'type:util',
      ],
    },
    {
      // The highest domain: exports read every list and the statistics through their owners.
      sourceTag: 'scope:exports',
      onlyDependOnLibsWithTags: [
        'scope:reference', 'scope:applicants', 'scope:employers', 'scope:job-orders', 'scope:matching', 'scope:contingents', 'scope:cases', 'scope:rehire',
        'scope:standing', 'scope:statistics', 'type:platform', 'type:contract', 'type:util',
      ],
    },
    {
      sourceTag: 'scope:job-orders',
      onlyDependOnLibsWithTags: ['scope:reference', 'scope:applicants', 'scope:employers', 'type:platform', 'type:contract', 'type:util'],
    },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:domain', 'type:platform', 'type:contract', 'type:util'] },
  ],
};

export default tseslint.config(
  // apps/portal/src/gql is generated (`npm run codegen`; a test compares it with the schema).
  {
    ignores: ['node_modules/**', 'dist/**', '.data/**', '.nx/**', 'coverage/**', 'apps/portal/dist/**', 'apps/portal/screenshots/**', 'apps/portal/src/gql/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['@puente/*/src/*', '../../*/src/*'], message: 'Import another library through its barrel.' }] }],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries],
    },
  },
  {
    // Only tests use the test library (type:testing: factories that go through every domain). No allow-list above
    // names its tag, so a source file importing it fails; a test file may.
    files: ['**/*.spec.{ts,tsx}', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.portal-spec.ts', 'test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', { ...moduleBoundaries, allow: ['@puente/testing'] }] },
  },
  {
    files: ['apps/portal/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The portal's browser tests run in Node beside the api, not in the bundle: they use the shared test support.
    files: ['apps/portal/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.spec.{ts,tsx}', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.portal-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['tools/**/*.mjs', 'jest.config.js', 'eslint.config.mjs'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
