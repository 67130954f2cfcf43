import type { GraphQLResolveInfo } from 'graphql';
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
