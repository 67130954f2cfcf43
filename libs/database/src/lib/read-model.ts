import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { Page, Selection } from '@puente/common';
import { keysetAfterSql } from './keyset';

type Prop<R> = keyof R & string;

/** How one field of a GraphQL model is read: the entity properties it needs, and how it is made of them. */
export interface ReadField<R, C> {
  needs: readonly Prop<R>[];
  map: (row: R, ctx: C) => unknown;
  /** The GraphQL fields, resolved elsewhere from this model field, that need it too (`approvalHold` reads `hold`). */
  readBy?: readonly string[];
}

/** A model field that is another read model's object, joined on a foreign key of this row. */
export interface ReadJoin<R, C> {
  // The joined model's own row and model types do not matter here, only its context.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: ReadModel<any, any, C>;
  foreignKey: Prop<R>;
}

export interface ReadModelSpec<R, M, C> {
  entity: EntityTarget<R>;
  /**
   * Read whatever the query selects: the id and createdAt of the keyset cursor, and what the resolvers of fields
   * computed elsewhere (other libraries') read on the parent.
   */
  always: readonly Prop<R>[];
  /** Each model field: the property of that name (a string), or what it needs and how it is made. */
  fields: { [K in keyof M]?: Prop<R> | ReadField<R, C> };
  joins?: { [K in keyof M]?: ReadJoin<R, C> };
}

/** Builds a SQL parameter list: `p(value)` adds a value and gives its placeholder (`$3`). */
export type Param = (value: unknown) => string;

/** The conditions on the root table (alias `t`) a read is under; a null entry is left out. */
export type Where = (p: Param) => (string | null)[];

/**
 * Column types whose values TypeORM hydrates exactly as pg reads them (no transformer): their values are taken as
 * they come, which spares prepareHydratedValue's chain of type tests on most columns of a page.
 */
const AS_READ = new Set<unknown>(['uuid', 'varchar', 'character varying', 'char', 'character', 'text', 'int', 'integer', 'int4', 'smallint', 'boolean', 'bool', 'jsonb', 'json', String]);

/** The column types of an instant, read as epoch milliseconds. */
const INSTANTS = new Set<unknown>(['timestamptz', 'timestamp with time zone']);

/** Every column of the root table (entityPage). */
const ALL: Selection = { fields: new Set(['*']), nested: new Map() };

interface Plan {
  /** `FROM <table> t` and its joins. */
  from: string;
  select: string;
  read(raw: Record<string, unknown>, ctx: unknown): Record<string, unknown>;
  /** The root's hydrated row (entity properties), before it is made a model. */
  row(raw: Record<string, unknown>): Record<string, unknown>;
}

interface Columns {
  metadata: { tableName: string; columns: ColumnMetadata[] };
  props: string[];
}

type Definition = [string, Prop<ObjectLiteral> | ReadField<ObjectLiteral, unknown>];

/** One model of a plan (the root, or a joined one), made from the raw columns of a row. */
interface PlannedModel {
  /** Every column read, as entity properties (entityPage). */
  row(raw: Record<string, unknown>): Record<string, unknown>;
  /** The model with its joined models, in one pass over the raw columns; null for a left join that found nothing. */
  make(raw: Record<string, unknown>, ctx: unknown): Record<string, unknown> | null;
}

// Plans are cached per selection; the kinds of selection a schema allows are few, but a bound keeps an odd
// client from growing the cache without end.
const MAX_PLANS = 200;

/**
 * A model read straight from its table: only the columns the GraphQL selection needs, the joined objects it asks
 * for in the same query, values hydrated as TypeORM would (the columns' transformers included), no entity
 * instances. `toModel` maps a whole entity with the same field definitions, so a mutation's answer and a read's
 * cannot drift apart. Scoping stays with the caller: it passes the conditions (an employer's own rows, say).
 */
export class ReadModel<R extends ObjectLiteral, M, C> {
  private readonly plans = new Map<string, Plan>();
  /** The same plans by selection object: selectionOf gives one object per kind of query, request after request. */
  private readonly plansBySelection = new WeakMap<Selection, Plan>();

  constructor(private readonly spec: ReadModelSpec<R, M, C>) {}

  /** Every field of the model from a whole entity (a mutation's answer). */
  toModel(row: R, ctx: C): M {
    const model: Record<string, unknown> = {};
    for (const [field, def] of this.definitions()) model[field] = valueOf(def, row, ctx);
    return model as M;
  }

  /** A keyset page (newest first on created_at, then id), `page.limit + 1` rows at most, as `toConnection` wants. */
  async page(em: EntityManager, selection: Selection, ctx: C, page: Page, where: Where): Promise<(M & { id: string; createdAt: Date })[]> {
    const plan = this.plan(em.connection, selection);
    const raw = await this.query(em, plan, where, page);
    return raw.map((r) => plan.read(r, ctx) as M & { id: string; createdAt: Date });
  }

  /** The same page of whole entities (every column), for a reader that wants them all (an export). */
  async entityPage(em: EntityManager, page: Page, where: Where): Promise<R[]> {
    const plan = this.plan(em.connection, ALL);
    return (await this.query(em, plan, where, page)).map((r) => plan.row(r) as R);
  }

  /** The one row the conditions find, or null. */
  async one(em: EntityManager, selection: Selection, ctx: C, where: Where): Promise<M | null> {
    const plan = this.plan(em.connection, selection);
    const raw = await this.query(em, plan, where, null);
    if (raw.length > 1) throw new Error('ReadModel.one: the conditions found more than one row');
    return raw[0] ? (plan.read(raw[0], ctx) as M) : null;
  }

  /** Runs a plan under the conditions: a keyset page when `page` is given, otherwise at most two rows. */
  private query(em: EntityManager, plan: Plan, where: Where, page: Page | null): Promise<Record<string, unknown>[]> {
    const { values, p } = params();
    const conditions = where(p).filter((c): c is string => !!c);
    if (page?.after) conditions.push(keysetAfterSql('t.created_at', 't.id', `${p(page.after.createdAt)}::timestamptz`, `${p(page.after.id)}::uuid`));
    const tail = page ? `ORDER BY t.created_at DESC, t.id DESC LIMIT ${p(page.limit + 1)}` : 'LIMIT 2';
    const sql = `SELECT ${plan.select} ${plan.from}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ${tail}`;
    // Inside a transaction, on its connection. Otherwise a named statement on the pool: PostgreSQL parses and plans
    // it once per connection, and TypeORM's query runner is skipped (its logger still hears the statement).
    if (em.queryRunner) return em.query(sql, values);
    em.connection.logger.logQuery(sql, values);
    const pool = (em.connection.driver as PostgresDriver).master as { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }> };
    return pool.query({ name: statementName(sql), text: sql, values }).then((r) => r.rows);
  }

  /** The select list, the joins and the reader for a selection, made once per kind of selection. */
  private plan(ds: DataSource, selection: Selection): Plan {
    const known = this.plansBySelection.get(selection);
    if (known) return known;
    const key = signature(selection);
    const cached = this.plans.get(key);
    if (cached) {
      this.plansBySelection.set(selection, cached);
      return cached;
    }
    const select: string[] = [];
    const from = [`FROM "${this.tableOf(ds)}" t`];
    const hydrate = (v: unknown, column: ColumnMetadata) => ds.driver.prepareHydratedValue(v, column);
    const addModel = (model: ReadModel<ObjectLiteral, unknown, C>, sel: Selection, alias: string, optional: boolean): PlannedModel => {
      const { metadata, props } = model.columnsFor(ds, sel);
      const columns = props.map((prop) => {
        const column = metadata.columns.find((c) => c.propertyName === prop);
        if (!column) throw new Error(`ReadModel: ${metadata.tableName} has no column for ${prop}`);
        const name = `c${select.length}`;
        const ref = `${alias}."${column.databaseName}"`;
        // A date is read as its text (what TypeORM makes of the Date pg would parse it into, local midnight).
        const date = column.type === 'date' && !column.transformer;
        // An instant is read as milliseconds since the epoch, made a Date at once: parsing pg's text of it (two
        // per row of a page, 40 for a list of 20) cost more than the rest of the row.
        const instant = INSTANTS.has(column.type) && !column.transformer;
        select.push(`${instant ? `(extract(epoch from ${ref}) * 1000)::float8` : ref}${date ? '::text' : ''} AS ${name}`);
        return { prop, column, name, instant, plain: date || (!column.transformer && AS_READ.has(column.type)) } satisfies PlannedColumn;
      });
      const value = (c: PlannedColumn, raw: Record<string, unknown>): unknown => {
        const v = raw[c.name];
        return c.plain ? v : c.instant ? instantOf(v) : hydrate(v, c.column);
      };
      const byProp = new Map(columns.map((c) => [c.prop, c]));
      const fields = model.fieldsFor(new Set(props));
      // A field of one property is copied from its column; the others are made from a row of just what they need,
      // and a joined model by its own maker.
      const copied = fields.filter((f): f is [string, string] => typeof f[1] === 'string').map(([field, prop]) => ({ field, column: byProp.get(prop)! }));
      const made = fields.filter((f): f is [string, ReadField<ObjectLiteral, unknown>] => typeof f[1] !== 'string');
      const needed = [...new Set(made.flatMap(([, def]) => def.needs))].map((prop) => byProp.get(prop)!);
      const id = byProp.get('id');
      if (optional && !id) throw new Error(`ReadModel: a joined ${metadata.tableName} must always read its id`);
      const joined: { field: string; make: PlannedModel['make'] }[] = [];
      for (const [field, join] of model.joinsFor(sel)) {
        const joinAlias = `j${from.length - 1}`;
        const fk = metadata.columns.find((c) => c.propertyName === join.foreignKey)!;
        from.push(`LEFT JOIN "${join.model.tableOf(ds)}" ${joinAlias} ON ${joinAlias}.id = ${alias}."${fk.databaseName}"`);
        joined.push({ field, make: addModel(join.model, sel.nested.get(field)!, joinAlias, true).make });
      }
      return {
        row: (raw) => {
          const row: Record<string, unknown> = {};
          for (const c of columns) row[c.prop] = value(c, raw);
          return row;
        },
        make: makerOf({ copied, made, needed, joined, optional: optional ? id! : null, hydrate }),
      };
    };
    const root = addModel(this as unknown as ReadModel<ObjectLiteral, unknown, C>, selection, 't', false);
    const plan: Plan = {
      from: from.join(' '),
      select: select.join(', '),
      read: (raw, ctx) => root.make(raw, ctx)!,
      row: (raw) => root.row(raw),
    };
    if (this.plans.size >= MAX_PLANS) this.plans.clear();
    this.plans.set(key, plan);
    this.plansBySelection.set(selection, plan);
    return plan;
  }

  private definitions(): [string, Prop<R> | ReadField<R, C>][] {
    return Object.entries(this.spec.fields) as [string, Prop<R> | ReadField<R, C>][];
  }

  private tableOf(ds: DataSource): string {
    return ds.getMetadata(this.spec.entity).tableName;
  }

  /** The properties to read for a selection: the always-read ones and what each selected field needs. */
  private columnsFor(ds: DataSource, selection: Selection): Columns {
    const metadata = ds.getMetadata(this.spec.entity);
    if (selection === ALL) return { metadata, props: metadata.columns.map((c) => c.propertyName) };
    const props = new Set<string>(this.spec.always);
    for (const [field, def] of this.definitions()) {
      if (!isSelected(selection, field, def)) continue;
      for (const prop of typeof def === 'string' ? [def] : def.needs) props.add(prop);
    }
    for (const [, join] of this.joinsFor(selection)) props.add(join.foreignKey);
    return { metadata, props: [...props] };
  }

  /** The fields a row with these properties can make: the selected ones (columnsFor read their needs) and any other. */
  private fieldsFor(read: ReadonlySet<string>): Definition[] {
    return this.definitions().filter(([, def]) => (typeof def === 'string' ? read.has(def) : def.needs.every((n) => read.has(n)))) as Definition[];
  }

  private joinsFor(selection: Selection): [string, ReadJoin<R, C>][] {
    return (Object.entries(this.spec.joins ?? {}) as [string, ReadJoin<R, C>][]).filter(([field]) => selection.nested.has(field));
  }
}

/** An instant read as epoch milliseconds (possibly fractional): a Date to the millisecond, as pg's parser makes it. */
function instantOf(ms: unknown): Date | null {
  return ms === null ? null : new Date(Math.floor(ms as number));
}

interface PlannedColumn {
  prop: string;
  column: ColumnMetadata;
  /** Its alias in the select list: c0, c1… */
  name: string;
  instant: boolean;
  plain: boolean;
}

/**
 * A planned model's maker, written as JavaScript for its columns and fields (as graphql-jit writes one for a query):
 * reads and writes by literal names keep each plan's maker monomorphic, where one generic maker shared by every plan
 * went megamorphic once a process had served a few kinds of read (7% of the list's CPU in bench:api after its mix).
 * Only column aliases (`c12`) and quoted field names go into the text.
 */
function makerOf(m: {
  copied: { field: string; column: PlannedColumn }[];
  made: [string, ReadField<ObjectLiteral, unknown>][];
  needed: PlannedColumn[];
  joined: { field: string; make: PlannedModel['make'] }[];
  /** A left-joined model's id column: no object when it is null. */
  optional: PlannedColumn | null;
  hydrate: (value: unknown, column: ColumnMetadata) => unknown;
}): PlannedModel['make'] {
  const columns: ColumnMetadata[] = [];
  const read = (c: PlannedColumn) => {
    if (!/^c\d+$/.test(c.name)) throw new Error(`ReadModel: unexpected column alias ${c.name}`);
    const at = `raw.${c.name}`;
    if (c.plain) return at;
    if (c.instant) return `instantOf(${at})`;
    columns.push(c.column);
    return `hydrate(${at}, columns[${columns.length - 1}])`;
  };
  const key = (name: string) => {
    if (name === '__proto__') throw new Error('ReadModel: a field cannot be named __proto__');
    return JSON.stringify(name);
  };
  const body: string[] = [];
  if (m.optional) body.push(`if (${read(m.optional)} == null) return null;`);
  if (m.made.length) body.push(`const row = { ${m.needed.map((c) => `${key(c.prop)}: ${read(c)}`).join(', ')} };`);
  const fields = [
    ...m.copied.map((f) => `${key(f.field)}: ${read(f.column)}`),
    ...m.made.map(([field], i) => `${key(field)}: maps[${i}](row, ctx)`),
    ...m.joined.map((j, i) => `${key(j.field)}: joins[${i}](raw, ctx)`),
  ];
  body.push(`return { ${fields.join(', ')} };`);
  const factory = new Function('hydrate', 'instantOf', 'columns', 'maps', 'joins', `'use strict'; return function make(raw, ctx) { ${body.join(' ')} };`);
  return factory(m.hydrate, instantOf, columns, m.made.map(([, def]) => def.map), m.joined.map((j) => j.make)) as PlannedModel['make'];
}

function valueOf<R, C>(def: Prop<R> | ReadField<R, C>, row: R, ctx: C): unknown {
  return typeof def === 'string' ? row[def] : def.map(row, ctx);
}

function isSelected<R, C>(selection: Selection, field: string, def: Prop<R> | ReadField<R, C>): boolean {
  return selection.fields.has(field) || (typeof def !== 'string' && !!def.readBy?.some((f) => selection.fields.has(f)));
}

function params(): { values: unknown[]; p: Param } {
  const values: unknown[] = [];
  return {
    values,
    p: (value) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** A stable text for a selection: the same fields in any order give the same plan. */
function signature(selection: Selection): string {
  return [...selection.fields]
    .sort()
    .map((f) => {
      const nested = selection.nested.get(f);
      return nested ? `${f}{${signature(nested)}}` : f;
    })
    .join(',');
}

const statementNames = new Map<string, string>();
/** A prepared statement's name for a text: the same text, the same name, on every connection (at most 1,000 kept). */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `read_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (statementNames.size >= 1000) statementNames.clear();
    statementNames.set(sql, name);
  }
  return name;
}
