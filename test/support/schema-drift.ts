import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** What one table looks like, in the words both sides can be compared in. */
interface TableShape {
  /** `generated`: a stored generated column's expression as PostgreSQL prints it back, else null. */
  columns: Map<string, { type: string; notNull: boolean; generated: string | null }>;
  primaryKey: string[];
  /** Indexes and unique constraints by name: key columns in order (null for an expression), uniqueness, predicate. */
  indexes: Map<string, { columns: (string | null)[]; unique: boolean; where: string | null; method: string }>;
}

/** The migrated schema as PostgreSQL's catalog describes it (schema `public`, ordinary and partitioned tables). */
export async function databaseShape(ds: DataSource): Promise<Map<string, TableShape>> {
  const tables = new Map<string, TableShape>();
  const table = (name: string) => {
    let shape = tables.get(name);
    if (!shape) tables.set(name, (shape = { columns: new Map(), primaryKey: [], indexes: new Map() }));
    return shape;
  };
  const columns: { table: string; column: string; type: string; not_null: boolean; generated: string | null }[] = await ds.query(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
           CASE WHEN a.attgenerated = 's' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`);
  for (const c of columns) table(c.table).columns.set(c.column, { type: c.type, notNull: c.not_null, generated: c.generated });
  const indexes: { table: string; name: string; columns: (string | null)[]; unique: boolean; primary: boolean; where: string | null; method: string }[] =
    await ds.query(`
    SELECT t.relname AS table, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary, am.amname AS method,
           pg_get_expr(i.indpred, i.indrelid) AS where,
           (SELECT array_agg(a.attname::text ORDER BY k.ord)
              FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
              LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE k.ord <= i.indnkeyatts) AS columns
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_am am ON am.oid = ic.relam JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public'`);
  for (const i of indexes) {
    if (!tables.has(i.table)) continue;
    if (i.primary) table(i.table).primaryKey = i.columns as string[];
    else table(i.table).indexes.set(i.name, { columns: i.columns, unique: i.unique, where: i.where, method: i.method });
  }
  return tables;
}

/** The column type PostgreSQL would print for an entity column (`format_type`), e.g. `numeric(4,1)`, `text[]`. */
function entityType(ds: DataSource, column: ColumnMetadata): string {
  let type = ds.driver.normalizeType(column);
  if (type === 'numeric' && column.precision != null) type += `(${column.precision},${column.scale ?? 0})`;
  if ((type === 'character varying' || type === 'character') && column.length) type += `(${column.length})`;
  return column.isArray ? `${type}[]` : type;
}

/**
 * An entity's index predicate as PostgreSQL prints it back (`status IN ('A', 'B')` becomes
 * `(status = ANY (ARRAY['A'::text, 'B'::text]))`): an index built with it in a transaction rolled back.
 */
async function printedPredicate(ds: DataSource, table: string, column: string, where: string): Promise<string | null> {
  const runner = ds.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query(`CREATE INDEX schema_drift_probe ON "${table}" ("${column}") WHERE ${where}`);
    const [{ printed }] = await runner.query(`SELECT pg_get_expr(indpred, indrelid) AS printed FROM pg_index WHERE indexrelid = 'schema_drift_probe'::regclass`);
    return printed;
  } catch (error) {
    return `<not valid SQL: ${(error as Error).message}>`;
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/**
 * A generated column's expression as PostgreSQL prints it back (`pg_get_expr`): a probe column generated with it,
 * added in a transaction rolled back.
 */
async function printedGeneration(ds: DataSource, table: string, type: string, expression: string): Promise<string | null> {
  const runner = ds.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query(`ALTER TABLE "${table}" ADD COLUMN schema_drift_probe ${type} GENERATED ALWAYS AS (${expression}) STORED`);
    const [{ printed }] = await runner.query(
      `SELECT pg_get_expr(d.adbin, d.adrelid) AS printed FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
       WHERE a.attrelid = $1::regclass AND a.attname = 'schema_drift_probe'`,
      [table],
    );
    return printed;
  } catch (error) {
    return `<not valid SQL: ${(error as Error).message}>`;
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/**
 * TypeORM's schema builder reads a generated column's expression from its own `typeorm_metadata` table, which only
 * its `synchronize` fills (its runMigrations creates it empty when the entities declare a generated column; it
 * fails to read such a table without it). Records the entities' own expressions there (`schemaDrift` compares
 * them with the database's, as PostgreSQL prints both), so the builder is left comparing everything else.
 */
export async function recordGeneratedColumnsForTypeorm(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  try {
    await runner.query(`CREATE TABLE IF NOT EXISTS typeorm_metadata (type varchar NOT NULL, database varchar, schema varchar, "table" varchar, name varchar, value text)`);
    for (const entity of ds.entityMetadatas.filter((m) => m.tableType === 'regular')) {
      for (const column of entity.columns.filter((c) => c.generatedType && c.asExpression)) {
        await runner.query(
          `INSERT INTO typeorm_metadata (type, database, schema, "table", name, value) VALUES ('GENERATED_COLUMN', current_database(), 'public', $1, $2, $3)`,
          [entity.tableName, column.databaseName, column.asExpression],
        );
      }
    }
  } finally {
    await runner.release();
  }
}

const shown = (c: { type: string; notNull: boolean }) => `${c.type} ${c.notNull ? 'NOT NULL' : 'NULL'}`;
const list = (columns: readonly (string | null)[]) => `(${columns.map((c) => c ?? '<expression>').join(', ')})`;

/**
 * Every difference between the entities a DataSource was built with and the database it is connected to, one line
 * each: tables, columns (type, array, nullability, a stored generated column's expression), primary keys, and the indexes and unique constraints the
 * entities name with @Index/@Unique (columns, uniqueness, method, partial predicate). Not compared here: foreign keys
 * and check constraints (the entities do not model them), defaults (TypeORM's schema builder compares those), and
 * what TypeORM cannot declare (descending keys, INCLUDE columns: such an index is named only, `synchronize: false`,
 * and checked to exist). Tables without an entity are the caller's to judge (`tablesWithoutEntity`).
 */
export async function schemaDrift(ds: DataSource): Promise<{ differences: string[]; tablesWithoutEntity: string[] }> {
  const database = await databaseShape(ds);
  const differences: string[] = [];
  const mapped = new Set<string>();
  for (const entity of ds.entityMetadatas.filter((m) => m.tableType === 'regular')) {
    const name = entity.tableName;
    const where = `table ${name} (${entity.targetName})`;
    mapped.add(name);
    const shape = database.get(name);
    if (!shape) {
      differences.push(`${where}: the entity maps a table the migrations do not create`);
      continue;
    }
    for (const column of entity.columns) {
      const expected = { type: entityType(ds, column), notNull: !column.isNullable };
      const actual = shape.columns.get(column.databaseName);
      if (!actual) differences.push(`${where} column ${column.databaseName}: entity says ${shown(expected)}, database has no such column`);
      else if (actual.type !== expected.type || actual.notNull !== expected.notNull)
        differences.push(`${where} column ${column.databaseName}: entity says ${shown(expected)}, database says ${shown(actual)}`);
      else {
        const generated = column.generatedType && column.asExpression ? await printedGeneration(ds, name, expected.type, column.asExpression) : null;
        if (generated !== actual.generated)
          differences.push(`${where} column ${column.databaseName}: entity says GENERATED AS ${generated ?? '(none)'}, database says GENERATED AS ${actual.generated ?? '(none)'}`);
      }
    }
    const entityColumns = new Set(entity.columns.map((c) => c.databaseName));
    for (const [column, actual] of shape.columns)
      if (!entityColumns.has(column)) differences.push(`${where} column ${column}: database has ${shown(actual)}, the entity has no such column`);
    const primaryKey = entity.primaryColumns.map((c) => c.databaseName);
    if (list(primaryKey) !== list(shape.primaryKey))
      differences.push(`${where}: entity says primary key ${list(primaryKey)}, database says ${list(shape.primaryKey)}`);

    const declared = [
      ...entity.indices.map((i) => ({
        kind: i.isUnique ? 'unique index' : 'index',
        method: i.type ?? 'btree',
        name: i.name,
        given: i.givenName,
        // An index named only (`synchronize: false`: one TypeORM cannot declare) is checked to exist, not compared.
        columns: i.synchronize ? i.columns.map((c) => c.databaseName) : null,
        unique: i.isUnique,
        where: i.where,
      })),
      ...entity.uniques.map((u) => ({ kind: 'unique constraint', method: 'btree', name: u.name, given: u.givenName, columns: u.columns.map((c) => c.databaseName), unique: true, where: undefined })),
    ];
    for (const d of declared) {
      const label = `${where} ${d.kind} ${d.name}`;
      if (!d.given) {
        differences.push(`${label}: declared without a name (name it as the migration does, so it can be found)`);
        continue;
      }
      const actual = shape.indexes.get(d.name);
      if (!actual) differences.push(`${label}: entity says ${d.columns ? list(d.columns) : 'it exists'}, database has no such index`);
      else if (d.columns) {
        const predicate = d.where && d.columns[0] ? await printedPredicate(ds, name, d.columns[0], d.where) : null;
        const problems = [
          list(actual.columns) !== list(d.columns) && `entity says columns ${list(d.columns)}, database says ${list(actual.columns)}`,
          actual.unique !== d.unique && `entity says ${d.unique ? 'unique' : 'not unique'}, database says ${actual.unique ? 'unique' : 'not unique'}`,
          actual.method !== d.method && `entity says USING ${d.method}, database says USING ${actual.method}`,
          actual.where !== predicate && `entity says WHERE ${predicate ?? '(none)'}, database says WHERE ${actual.where ?? '(none)'}`,
        ].filter(Boolean);
        for (const p of problems) differences.push(`${label}: ${p}`);
      }
    }
  }
  const tablesWithoutEntity = [...database.keys()].filter((t) => !mapped.has(t)).sort();
  return { differences, tablesWithoutEntity };
}
