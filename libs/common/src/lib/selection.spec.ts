import { buildSchema, execute, graphql, parse, type DocumentNode, type GraphQLResolveInfo } from 'graphql';
import { selectionOf, type Selection } from './selection';

const schema = buildSchema(`
  type Employer { id: ID! legalName: String! region: Region! }
  type Region { code: String! name: String! }
  type Order { id: ID! title: String! positions: Int! employer: Employer! }
  type Edge { cursor: String! node: Order! }
  type Connection { edges: [Edge!]! }
  type Query { order: Order orders: Connection }
`);

/** Runs `query`, and gives the selection the resolver of `field` saw at `path`. */
async function selectionFor(query: string, field: 'order' | 'orders', path: string[] = [], variables: Record<string, unknown> = {}): Promise<Selection> {
  let seen: Selection | undefined;
  const capture = (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
    seen = selectionOf(info, path);
    return null;
  };
  const result = await graphql({ schema, source: query, rootValue: { [field]: capture }, variableValues: variables });
  expect(result.errors).toBeUndefined();
  return seen!;
}

/** The same, on one parsed document (as Apollo keeps one per query text): the case selectionOf caches. */
async function selectionIn(document: DocumentNode, field: 'order' | 'orders', path: string[], variables: Record<string, unknown>): Promise<Selection> {
  let seen: Selection | undefined;
  const capture = (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
    seen = selectionOf(info, path);
    return null;
  };
  const result = await execute({ schema, document, rootValue: { [field]: capture }, variableValues: variables });
  expect(result.errors).toBeUndefined();
  return seen!;
}

const names = (s: Selection | undefined) => [...(s?.fields ?? [])].sort();

describe('selectionOf', () => {
  it('gives the fields asked of an object, and the selections of its object fields', async () => {
    const s = await selectionFor(`{ order { id title employer { legalName region { code } } } }`, 'order');
    expect(names(s)).toEqual(['employer', 'id', 'title']);
    expect(names(s.nested.get('employer'))).toEqual(['legalName', 'region']);
    expect(names(s.nested.get('employer')?.nested.get('region'))).toEqual(['code']);
    expect(s.nested.has('title')).toBe(false);
  });

  it('follows a path into a connection’s nodes', async () => {
    const s = await selectionFor(`{ orders { edges { cursor node { positions } } } }`, 'orders', ['edges', 'node']);
    expect(names(s)).toEqual(['positions']);
  });

  it('spreads named and inline fragments, and folds aliases of one field into one', async () => {
    const s = await selectionFor(
      `query { order { ...Basics ... on Order { employer { id } } boss: employer { legalName } } } fragment Basics on Order { title t2: title }`,
      'order',
    );
    expect(names(s)).toEqual(['employer', 'title']);
    expect(names(s.nested.get('employer'))).toEqual(['id', 'legalName']);
  });

  it('leaves out what @skip and @include leave out', async () => {
    const q = `query($full: Boolean!) { order { id title @include(if: $full) positions @skip(if: $full) } }`;
    expect(names(await selectionFor(q, 'order', [], { full: true }))).toEqual(['id', 'title']);
    expect(names(await selectionFor(q, 'order', [], { full: false }))).toEqual(['id', 'positions']);
  });

  it('is empty on a path the query does not take', async () => {
    const s = await selectionFor(`{ orders { edges { cursor } } }`, 'orders', ['edges', 'node']);
    expect(names(s)).toEqual([]);
  });

  it('answers a document asked again from its cache, apart from what @skip and @include variables change', async () => {
    // The directive's variable is in a fragment: it changes the selection as much as one on the operation.
    const document = parse(`query($full: Boolean!, $x: Int) { order { id ...More } } fragment More on Order { title @include(if: $full) positions }`);
    const full = await selectionIn(document, 'order', [], { full: true, x: 1 });
    expect(names(full)).toEqual(['id', 'positions', 'title']);
    expect(names(await selectionIn(document, 'order', [], { full: false, x: 1 }))).toEqual(['id', 'positions']);
    // A variable no directive reads (a cursor, say) does not make another entry.
    expect(await selectionIn(document, 'order', [], { full: true, x: 2 })).toBe(full);
    expect(names(await selectionIn(document, 'order', ['employer'], { full: true }))).toEqual([]);
  });
});
