import { visit, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The fields a GraphQL query asks of one object: their names (aliases folded in, fragments spread, @skip and
 * @include applied) and, for each field with a selection of its own, that selection. Reads that fetch only what
 * is asked (the read models in @puente/database) start from it.
 */
export interface Selection {
  readonly fields: ReadonlySet<string>;
  readonly nested: ReadonlyMap<string, Selection>;
}

export const EMPTY_SELECTION: Selection = { fields: new Set(), nested: new Map() };

/**
 * The selection of the object under the resolving field at `path`: `selectionOf(info)` for a field that answers an
 * object (`jobOrder(id)`), `selectionOf(info, ['edges', 'node'])` for the nodes of a connection.
 */
export function selectionOf(info: GraphQLResolveInfo, path: readonly string[] = []): Selection {
  // The same query (Apollo keeps one parsed document per query text) gives the same selection, unless a variable
  // of an @skip or @include differs: cached per field node, keyed by the path and those variables' values.
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : null;
  if (!node) return parseSelection(info, path);
  const key = `${path.join('.')}|${JSON.stringify(directiveVariablesOf(info).map((name) => info.variableValues[name]))}`;
  let byKey = selections.get(node);
  if (!byKey) selections.set(node, (byKey = new Map()));
  let selection = byKey.get(key);
  if (!selection) {
    selection = parseSelection(info, path);
    // Keys differ only by the values of @skip/@include variables: a few per query. Bounded anyway.
    if (byKey.size >= 16) byKey.clear();
    byKey.set(key, selection);
  }
  return selection;
}

const selections = new WeakMap<FieldNode, Map<string, Selection>>();
const directiveVariables = new WeakMap<OperationDefinitionNode, string[]>();

/**
 * The variables the directives of an operation's document read (`@include(if: $withSteps)`), in a stable order:
 * those under the operation and under every fragment of its document.
 */
function directiveVariablesOf(info: GraphQLResolveInfo): string[] {
  let names = directiveVariables.get(info.operation);
  if (!names) {
    const found = new Set<string>();
    for (const part of [info.operation, ...Object.values(info.fragments)]) {
      visit(part, { Directive: (directive) => void visit(directive, { Variable: (v) => void found.add(v.name.value) }) });
    }
    names = [...found].sort();
    directiveVariables.set(info.operation, names);
  }
  return names;
}

function parseSelection(info: GraphQLResolveInfo, path: readonly string[]): Selection {
  const root = parseResolveInfo(info) as ResolveTree | null | undefined;
  let trees: ResolveTree[] = root ? [root] : [];
  for (const name of path) trees = trees.flatMap((t) => childrenOf(t).filter((c) => c.name === name));
  return merge(trees);
}

/** The fields under a tree, whatever the type they were asked on (an interface's fragments included). */
function childrenOf(tree: ResolveTree): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName).flatMap((byAlias) => Object.values(byAlias));
}

/** One selection from the trees of one field asked several times (aliases): the union of what each asks. */
function merge(trees: readonly ResolveTree[]): Selection {
  const children = trees.flatMap(childrenOf);
  if (!children.length) return EMPTY_SELECTION;
  const byName = new Map<string, ResolveTree[]>();
  for (const c of children) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  const nested = new Map<string, Selection>();
  for (const [name, same] of byName) {
    if (same.some((t) => childrenOf(t).length)) nested.set(name, merge(same));
  }
  return { fields: new Set(byName.keys()), nested };
}
