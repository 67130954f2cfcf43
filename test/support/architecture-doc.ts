import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { CROSS_LIBRARY_ACCESS, TABLE_OWNER } from '../../libs/database/src/lib/table-ownership';

/**
 * The two tables of docs/architecture.md that must follow the code: who owns which table (from TABLE_OWNER and
 * CROSS_LIBRARY_ACCESS) and where each rule lives (every export of the rule, policy and state-machine files, with
 * the first sentence of its comment). architecture-doc.spec.ts fails when the document differs; `npm run docs`
 * rewrites it.
 */
export const ROOT = join(__dirname, '../..');
export const ARCHITECTURE_DOC = join(ROOT, 'docs/architecture.md');

const RULE_FILE = /\.(rules|policy|state-machine)\.ts$/;

export function ownershipTable(): string {
  const readers = new Map<string, Set<string>>();
  for (const a of CROSS_LIBRARY_ACCESS) readers.set(a.table, (readers.get(a.table) ?? new Set()).add(a.library));
  const rows = Object.entries(TABLE_OWNER)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, owner]) => `| \`${table}\` | ${owner} | ${[...(readers.get(table) ?? [])].sort().join(', ') || '–'} |`);
  return ['| Table | Owner (writes, locks, declares the entity) | Also reads it (listed with a reason) |', '|---|---|---|', ...rows].join('\n');
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'migrations' ? [] : walk(path);
      return [path];
    });
}

/** The first sentence of a declaration's doc comment, on one line. */
function summary(node: ts.Node, source: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const doc = ranges.map((r) => source.text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**')).pop();
  if (!doc) return '';
  const text = doc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trim())
    .filter((l) => l && !l.startsWith('@'))
    .join(' ');
  const sentence = /^(.+?\.)(\s|$)/.exec(text)?.[1] ?? text;
  const short = sentence.length <= 220 ? sentence : `${sentence.slice(0, sentence.lastIndexOf(' ', 219))} …`;
  return short.replace(/\|/g, '\\|');
}

function exportsOf(file: string): { name: string; summary: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: { name: string; summary: string }[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      found.push({ name: statement.name.text, summary: summary(statement, source) || '–' });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) found.push({ name: d.name.text, summary: summary(statement, source) || '–' });
    }
  }
  return found;
}

export function rulesTable(): string {
  const files = walk(join(ROOT, 'libs')).filter((f) => RULE_FILE.test(f));
  const rows = files.flatMap((file) => exportsOf(file).map((e) => `| \`${e.name}\` | \`${relative(ROOT, file)}\` | ${e.summary} |`));
  return ['| Rule | File | What it decides |', '|---|---|---|', ...rows].join('\n');
}

/** The document with both tables written between their markers. */
export function renderArchitectureDoc(current: string): string {
  const put = (doc: string, marker: string, table: string) => {
    const start = `<!-- ${marker}:start -->`;
    const end = `<!-- ${marker}:end -->`;
    const from = doc.indexOf(start);
    const to = doc.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/architecture.md has lost its ${marker} markers`);
    return `${doc.slice(0, from + start.length)}\n${table}\n${doc.slice(to)}`;
  };
  return put(put(current, 'ownership', ownershipTable()), 'rules', rulesTable());
}
