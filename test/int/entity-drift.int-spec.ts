// Where TypeOrmModule.forFeature records the entities autoLoadEntities hands the DataSource (not in the package's
// index, but the one list of what the apps really register).
import { EntitiesMetadataStorage } from '@nestjs/typeorm/dist/entities-metadata.storage';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { databaseOptions } from '@puente/database';
import { scratchDatabase } from '@puente/database/testing';
import { recordGeneratedColumnsForTypeorm, schemaDrift } from '../support/schema-drift';
// The apps' root modules: loading them runs every TypeOrmModule.forFeature they reach, which is what
// autoLoadEntities gives their DataSource.
import '../../apps/api/src/app.module';
import '../../apps/worker/src/worker.module';

/** Tables the migrations create that need no entity, each with its reason. */
const TABLES_WITHOUT_ENTITY: Record<string, string> = {
  migrations: "TypeORM's own record of the migrations run",
  typeorm_metadata:
    "TypeORM's record of generated columns' expressions (evaluation.counts), which its runMigrations creates when the DataSource has entities; tools/migrate runs without entities and creates none",
};

/**
 * What the database may hold that the entities do not declare, by constraint type (pg_constraint.contype): TypeORM's
 * schema builder would drop these to match the entities, and nothing else.
 */
const CONSTRAINTS_NOT_IN_ENTITIES: Record<string, string> = {
  f: "foreign keys: entities keep references as plain uuid columns, without relations, so no library imports another's entity",
  c: 'check constraints: the rules files decide, the checks are the database refusing what a bypassed service would write; TypeORM matches checks by name only, so declaring them would copy every expression without testing it',
};

/**
 * Entities and migrations agree: every migration run on a scratch database, then the schema compared with the
 * metadata of every entity the apps register (tables, columns, types, nullability, primary keys, and the indexes
 * and unique constraints the entities name), and with what TypeORM's own schema builder would change (defaults,
 * undeclared indexes and constraints too). A migration without its entity change, or an entity without its
 * migration, fails here with one line per difference.
 */
describe('entities and migrations', () => {
  const scratch = scratchDatabase('puente_drift');
  const registered = EntitiesMetadataStorage.getEntitiesByDataSource('default');
  let ds: DataSource;
  let drift: Awaited<ReturnType<typeof schemaDrift>>;
  // Every migration from an empty database, on a machine running other suites.
  jest.setTimeout(60_000);

  beforeAll(async () => {
    await scratch.create();
    ds = await new DataSource({ ...databaseOptions(scratch.url, 1), entities: registered }).initialize();
    await ds.runMigrations();
    drift = await schemaDrift(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch.drop();
  });

  it('registers every entity class with TypeOrmModule.forFeature', () => {
    const declared = getMetadataArgsStorage().tables.filter((t) => t.type === 'regular' && typeof t.target === 'function');
    const unregistered = declared.filter((t) => !(registered as unknown[]).includes(t.target)).map((t) => (t.target as { name: string }).name);
    expect(unregistered).toEqual([]);
  });

  it('maps every table the migrations create', () => {
    expect(drift.tablesWithoutEntity).toEqual(Object.keys(TABLES_WITHOUT_ENTITY).sort());
  });

  it('finds no difference between the entities and the migrated schema', () => {
    expect(drift.differences).toEqual([]);
  });

  it("leaves TypeORM's schema builder nothing to change but the constraints entities do not model", async () => {
    // The builder reads generated columns' expressions from typeorm_metadata (schemaDrift compared them already).
    await recordGeneratedColumnsForTypeorm(ds);
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    const unexpected: string[] = [];
    for (const { query } of upQueries) {
      const drop = /^ALTER TABLE "(\w+)" DROP CONSTRAINT "(\w+)"$/.exec(query);
      const [constraint] = drop
        ? await ds.query(`SELECT contype FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`, [drop[1], drop[2]])
        : [];
      if (!constraint || !(constraint.contype in CONSTRAINTS_NOT_IN_ENTITIES)) unexpected.push(query);
    }
    expect(unexpected).toEqual([]);
  });
});
