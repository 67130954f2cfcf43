import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CROSS_LIBRARY_ACCESS, TABLE_OWNER, type TableAccess } from './table-ownership';

const ROOT = join(__dirname, '../../../..');
const MIGRATIONS = join(ROOT, 'libs/database/src/migrations');

interface Library {
  name: string;
  tags: string[];
  root: string;
  files: string[];
}

interface Touch {
  library: string;
  table: string;
  access: TableAccess;
  where: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'migrations' || name === 'testing' ? [] : walk(path);
    return [path];
  });
}

const isSource = (path: string) => path.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|portal-spec)\.ts$/.test(path) && !path.endsWith('.d.ts');

/** Every Nx project under libs/ but the test library, and the two server apps (the portal only talks GraphQL). */
function libraries(): Library[] {
  const projects = [...walk(join(ROOT, 'libs')).filter((p) => p.endsWith('project.json')), join(ROOT, 'apps/api/project.json'), join(ROOT, 'apps/worker/project.json')];
  return projects.map((file) => {
    const root = dirname(file);
    const { name, tags } = JSON.parse(readFileSync(file, 'utf8')) as { name: string; tags: string[] };
    return { name, tags, root, files: tags.includes('type:testing') ? [] : walk(join(root, 'src')).filter(isSource) };
  });
}

function migratedTables(): Set<string> {
  const tables = new Set<string>();
  for (const file of readdirSync(MIGRATIONS)) {
    for (const m of readFileSync(join(MIGRATIONS, file), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)/g)) tables.add(m[1]);
  }
  return tables;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

// SQL keywords are written in capitals in this code base, so an English message ("from region") is not read as SQL.
const SQL_TOUCH = /\b(DELETE FROM|INSERT INTO|TRUNCATE(?: TABLE)?|UPDATE|FROM|JOIN|INTO|REFERENCES)\s+"?([a-z_][a-z0-9_]*)"?/g;
const WRITE_KEYWORDS = new Set(['DELETE FROM', 'INSERT INTO', 'TRUNCATE', 'TRUNCATE TABLE', 'UPDATE', 'INTO']);
// A row lock is taken to write: the tables a locking statement reads are written as far as ownership goes.
const ROW_LOCK = /\bFOR (?:NO KEY )?UPDATE\b/;
const STRING_LITERAL = /`(?:\\[\s\S]|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g;

/** The tables named in SQL inside the file's string and template literals. */
function sqlTouches(text: string): { table: string; access: TableAccess; line: number }[] {
  const found: { table: string; access: TableAccess; line: number }[] = [];
  for (const literal of text.matchAll(STRING_LITERAL)) {
    const locks = ROW_LOCK.test(literal[0]);
    for (const m of literal[0].matchAll(SQL_TOUCH)) {
      if (!(m[2] in TABLE_OWNER)) continue;
      found.push({ table: m[2], access: locks || WRITE_KEYWORDS.has(m[1]) ? 'write' : 'read', line: lineOf(text, literal.index + m.index) });
    }
  }
  return found;
}

/** Entity class name → table, from `@Entity('table') … export class X` in every library (other decorators between). */
function entityTables(libs: readonly Library[]): Map<string, { table: string; library: string }> {
  const entities = new Map<string, { table: string; library: string }>();
  for (const lib of libs) {
    for (const file of lib.files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*'([a-z_][a-z0-9_]*)'[^)]*\)(?:(?!@Entity\()[\s\S])*?export class (\w+)/g)) entities.set(m[2], { table: m[1], library: lib.name });
    }
  }
  return entities;
}

/**
 * Any use of another library's entity (an import, a repository, `em.find(X`, a query builder): a read, or a
 * write when it goes through a write method or a row lock taken to write.
 */
function entityTouches(text: string, entity: string): { access: TableAccess; line: number }[] {
  const e = entity;
  const writes = new RegExp(
    `\\b(?:save|insert|update|upsert|delete|remove|increment|decrement|softDelete)\\(\\s*${e}\\b|lockForUpdate\\(\\s*\\w+\\s*,\\s*${e}\\b|\\.from\\(\\s*${e}\\b|createQueryBuilder\\(\\s*${e}\\b[^;]*?setLock\\(\\s*'(?:pessimistic_write|for_no_key_update)'`,
    'g',
  );
  const writeLines = new Set([...text.matchAll(writes)].map((m) => lineOf(text, m.index)));
  return [...text.matchAll(new RegExp(`\\b${e}\\b`, 'g'))].map((m) => {
    const line = lineOf(text, m.index);
    return { access: writeLines.has(line) ? 'write' : 'read', line };
  });
}

function touches(libs: readonly Library[]): Touch[] {
  const entities = entityTables(libs);
  const out: Touch[] = [];
  for (const lib of libs) {
    for (const file of lib.files) {
      const text = readFileSync(file, 'utf8');
      const at = (line: number) => `${relative(ROOT, file)}:${line}`;
      for (const t of sqlTouches(text)) out.push({ library: lib.name, table: t.table, access: t.access, where: at(t.line) });
      for (const [entity, { table, library }] of entities) {
        if (library === lib.name || !text.includes(entity)) continue;
        for (const t of entityTouches(text, entity)) out.push({ library: lib.name, table, access: t.access, where: at(t.line) });
      }
    }
  }
  return out;
}

/** The `@nx/enforce-module-boundaries` constraints of eslint.config.mjs: a library may use another when every constraint on its tags allows one of the other's. */
function mayDependOn(libs: readonly Library[], from: string, to: string): boolean {
  const config = readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8');
  const quoted = (list: string) => [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const constraints = [
    ...[...config.matchAll(/sourceTag: '([^']+)',\s*onlyDependOnLibsWithTags: \[([^\]]*)\]/g)].map((m) => ({ source: m[1], allowed: quoted(m[2]) })),
    ...[...config.matchAll(/platform\('([^']+)', \[([^\]]*)\]\)/g)].map((m) => ({ source: `scope:${m[1]}`, allowed: quoted(m[2]).map((s) => `scope:${s}`) })),
  ];
  const tags = (name: string) => libs.find((l) => l.name === name)?.tags ?? [];
  const applying = constraints.filter((c) => tags(from).includes(c.source));
  return applying.length > 0 && applying.every((c) => c.allowed.some((t) => tags(to).includes(t)));
}

const key = (t: { library: string; table: string; access: TableAccess }) => `${t.library} ${t.access}s ${t.table}`;

describe('table ownership', () => {
  const libs = libraries();
  const found = touches(libs);

  it('names an owner for every table the migrations create, and for nothing else', () => {
    const tables = [...migratedTables()].sort();
    expect(Object.keys(TABLE_OWNER).sort()).toEqual(tables);
    const names = new Set(libs.map((l) => l.name));
    expect(Object.entries(TABLE_OWNER).filter(([, owner]) => !names.has(owner))).toEqual([]);
  });

  it("declares each entity in its table's owning library", () => {
    const misplaced = [...entityTables(libs)].filter(([, e]) => TABLE_OWNER[e.table] !== e.library).map(([name, e]) => `${name} (${e.table}) in ${e.library}, owned by ${TABLE_OWNER[e.table]}`);
    expect(misplaced).toEqual([]);
  });

  it("lets no library write or lock another library's table: it calls the owner's exported functions in its own transaction", () => {
    const writes = found.filter((t) => t.access === 'write' && TABLE_OWNER[t.table] !== t.library).map((t) => `library ${t.library} writes table ${t.table} owned by ${TABLE_OWNER[t.table]} (${t.where})`);
    expect(writes).toEqual([]);
    expect(CROSS_LIBRARY_ACCESS.filter((a) => a.access !== 'read').map(key)).toEqual([]);
  });

  it("moves no other library's rows by that library's state machine: the owner's exported functions do", () => {
    // A status changed on a loaded entity and saved through a variable names no entity; the transition gives it away.
    const machines = libs.flatMap((l) => l.files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/export const (\w+StateMachine) = new StateMachine/g)].map((m) => ({ name: m[1], library: l.name }))));
    const moves = libs.flatMap((lib) =>
      lib.files.flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return machines.filter((m) => m.library !== lib.name && new RegExp(`\\b${m.name}\\.next\\(`).test(text)).map((m) => `${relative(ROOT, file)} moves by ${m.name} of ${m.library}`);
      }),
    );
    expect(machines.length).toBeGreaterThan(0);
    expect(moves).toEqual([]);
  });

  it('lets no library read a table it does not own, except the reads listed with their reason', () => {
    const declared = new Set(CROSS_LIBRARY_ACCESS.map(key));
    const undeclared = found
      .filter((t) => TABLE_OWNER[t.table] !== t.library && !declared.has(key(t)))
      .map((t) => `library ${t.library} ${t.access}s table ${t.table} owned by ${TABLE_OWNER[t.table]} (${t.where})`);
    expect(undeclared).toEqual([]);
  });

  it('lists no access that nothing makes any more, none by the owner itself, and each one once', () => {
    const made = new Set(found.map(key));
    expect(CROSS_LIBRARY_ACCESS.filter((a) => !made.has(key(a))).map(key)).toEqual([]);
    expect(CROSS_LIBRARY_ACCESS.filter((a) => TABLE_OWNER[a.table] === a.library).map(key)).toEqual([]);
    expect(CROSS_LIBRARY_ACCESS.map(key).filter((k, i, all) => all.indexOf(k) !== i)).toEqual([]);
  });

  it('lists only accesses the Nx module boundaries allow: downstream of the owner', () => {
    const against = CROSS_LIBRARY_ACCESS.filter((a) => !mayDependOn(libs, a.library, TABLE_OWNER[a.table])).map((a) => `${key(a)}, but ${a.library} may not depend on ${TABLE_OWNER[a.table]}`);
    expect(against).toEqual([]);
  });

  it('lets no resolver reach the database: resolvers call the owning services', () => {
    const resolvers = libs.flatMap((l) => l.files).filter((f) => f.endsWith('.resolver.ts'));
    expect(resolvers.filter((f) => /\b(DataSource|EntityManager|getRepository|InjectRepository)\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it("has each library's modules import the module of every other library whose entities it uses", () => {
    // A library's feature module is the one that registers its entities (TypeOrmModule.forFeature).
    const featureModule = new Map(
      libs.flatMap((l) =>
        l.files
          .filter((f) => f.endsWith('.module.ts'))
          .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/TypeOrmModule\.forFeature\([\s\S]*?export class (\w+)/g)].map((m) => [l.name, m[1]] as const)),
      ),
    );
    const entities = entityTables(libs);
    const missing: string[] = [];
    for (const lib of libs) {
      // The modules' text without their import statements: what is left names the modules they import.
      const modules = lib.files
        .filter((f) => f.endsWith('.module.ts'))
        .map((f) => readFileSync(f, 'utf8').replace(/^import [^;]*;$/gm, ''))
        .join('\n');
      const used = new Set<string>();
      for (const file of lib.files) {
        const text = readFileSync(file, 'utf8');
        for (const [entity, { library }] of entities) if (library !== lib.name && new RegExp(`\\b${entity}\\b`).test(text)) used.add(library);
      }
      for (const owner of used) {
        const module = featureModule.get(owner);
        if (module && !new RegExp(`\\b${module}\\b`).test(modules)) missing.push(`${lib.name} uses entities of ${owner} but no module of it imports ${module}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
