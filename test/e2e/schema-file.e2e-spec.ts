import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { startApi, TestApi } from '../support/api';

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'apps', 'api', 'schema.gql');
const HEADER = '# The GraphQL contract of Puente, emitted from the code-first schema. Regenerate with `npm run schema`.\n\n';

/** schema.gql is checked in and reviewed; this fails when the code's schema and the file differ. */
describe('schema.gql', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('matches the schema the code builds', () => {
    const current = HEADER + printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, current);
    const checkedIn = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '(missing)';
    expect({ stale: checkedIn !== current, hint: 'run `npm run schema` and commit apps/api/schema.gql' }).toEqual({
      stale: false,
      hint: expect.any(String),
    });
  });
});
