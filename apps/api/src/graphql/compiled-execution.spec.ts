import { buildSchema, execute, GraphQLError, GraphQLObjectType, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { DomainException, ErrorCode } from '@puente/common';
import { compiledExecution } from './compiled-execution';

const orders = [
  { id: 'o1', title: 'Apple harvest', positions: 12, employer: { id: 'e1', legalName: 'Orchard Ltd' } },
  { id: 'o2', title: 'Greenhouse', positions: null, employer: { id: 'e2', legalName: 'Glass Farms' } },
];
const root = {
  orders: ({ first }: { first: number }) => orders.slice(0, first),
  order: ({ id }: { id: string }) => {
    if (id === 'hidden') throw new DomainException(ErrorCode.NOT_FOUND, 'Order not found.');
    return orders.find((o) => o.id === id) ?? null;
  },
  rename: ({ id, title }: { id: string; title: string }) => ({ ...orders.find((o) => o.id === id)!, title }),
};

/** Runs a document as Apollo would hand it to the executor, twice (compiled, then from the compiled query kept). */
async function run(s: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}) {
  const gateway = compiledExecution(() => s);
  const { executor } = await gateway.load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined } } as never);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const once = () => executor!({ document, operation, operationName: null, request: { variables }, context: {} } as never);
  const first = await once();
  const second = await once();
  expect(JSON.parse(JSON.stringify(second))).toEqual(JSON.parse(JSON.stringify(first)));
  return second;
}

const withRoot = buildSchema(`
  type Employer { id: ID! legalName: String! }
  type Order { id: ID! title: String! employer: Employer! positions: Int }
  type Query { orders(first: Int!): [Order!]! order(id: ID!): Order }
  type Mutation { rename(id: ID!, title: String!): Order }
`);
for (const [field, resolve] of Object.entries(root)) {
  const type = field === 'rename' ? withRoot.getMutationType()! : withRoot.getQueryType()!;
  type.getFields()[field]!.resolve = (_source, args) => resolve(args as never);
}

// A field resolved later (a promise), as Nest's field resolvers are.
(withRoot.getType('Order') as GraphQLObjectType).getFields()['employer']!.resolve = (order: { employer: unknown }) => Promise.resolve(order.employer);

describe('compiledExecution', () => {
  it('answers a query as graphql-js does, lists, nested promises and nulls alike', async () => {
    const document = parse(`query($n: Int!) { orders(first: $n) { id title positions employer { legalName } } }`);
    const compiled = await run(withRoot, document, { n: 2 });
    const interpreted = await execute({ schema: withRoot, document, variableValues: { n: 2 } });
    expect(compiled).toEqual(interpreted);
    expect(compiled.data).toEqual({
      orders: [
        { id: 'o1', title: 'Apple harvest', positions: 12, employer: { legalName: 'Orchard Ltd' } },
        { id: 'o2', title: 'Greenhouse', positions: null, employer: { legalName: 'Glass Farms' } },
      ],
    });
  });

  it('hands errors on as graphql-js errors with the domain error under them, so formatError keeps its code', async () => {
    const compiled = await run(withRoot, parse(`{ order(id: "hidden") { id } }`));
    expect(compiled.data).toEqual({ order: null });
    const [error] = compiled.errors!;
    // graphql-jit's own error class derives from GraphQLError, but Apollo answered those with a bare
    // INTERNAL_SERVER_ERROR without calling formatError: they must be graphql-js's own.
    expect(Object.getPrototypeOf(error)).toBe(GraphQLError.prototype);
    expect(error!.originalError).toBeInstanceOf(DomainException);
    expect((error!.originalError as DomainException).code).toBe(ErrorCode.NOT_FOUND);
    expect(error!.path).toEqual(['order']);
  });

  it('refuses variables that do not coerce, as graphql-js does', async () => {
    const compiled = await run(withRoot, parse(`query($n: Int!) { orders(first: $n) { id } }`), { n: 'many' });
    expect(compiled.data).toBeUndefined();
    expect(compiled.errors![0]!.message).toMatch(/\$n/);
  });

  it('runs a mutation through graphql-js', async () => {
    const compiled = await run(withRoot, parse(`mutation { rename(id: "o2", title: "Glasshouse") { title employer { id } } }`));
    expect(compiled).toEqual({ data: { rename: { title: 'Glasshouse', employer: { id: 'e2' } } } });
  });
});
