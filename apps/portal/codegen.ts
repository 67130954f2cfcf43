import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the api's checked-in schema; `npm run codegen` rewrites src/gql, and a test fails when
// the files there differ from what this config generates.
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/portal/src/**/*.{ts,tsx}', '!apps/portal/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/portal/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { LocalDate: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};
export default config;
