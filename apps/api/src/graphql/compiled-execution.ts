import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, GraphQLError, isInterfaceType, isObjectType, OperationTypeNode, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/**
 * How Apollo executes an operation (given to it as a gateway: its documented way to replace execution, with
 * parsing, validation, the limits and every plugin left to it). A query runs as JavaScript compiled for it by
 * graphql-jit, once per parsed document (Apollo keeps one per query text, so the compiled query lives as long as
 * its document): under the list benchmark graphql-js's execution was a fifth of the api's CPU, compiled it is a
 * tenth of that. Compiling the benchmark's list query takes about 1 ms, once. Mutations run through graphql-js
 * (Apollo's per-field plugin hooks, which the audit trail uses for mutations, wrap the resolvers graphql-js calls).
 * `schema` is read at start: the schema Nest built.
 */
export function compiledExecution(schema: () => GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
  return {
    async load() {
      const s = schema();
      return {
        schema: s,
        executor: async ({ document, operation, operationName, request, context }) => {
          const interpreted = () => execute({ schema: s, document, contextValue: context, variableValues: request.variables, operationName });
          if (operation.operation !== OperationTypeNode.QUERY) return interpreted();
          let byName = compiled.get(document);
          if (!byName) compiled.set(document, (byName = new Map()));
          let query = byName.get(operationName ?? '');
          if (!query) {
            const made = compileQuery(s, document, operationName ?? undefined);
            // Not compilable (graphql-jit refuses what graphql-js answers with errors): graphql-js answers.
            if (!isCompiledQuery(made)) return interpreted();
            byName.set(operationName ?? '', (query = made));
          }
          const result = await query.query(undefined, context, request.variables ?? {});
          // No data at all: the variables did not coerce. graphql-js words that refusal as Apollo expects it (and
          // turns it into BAD_USER_INPUT); nothing ran, so running it again is harmless.
          if (result.data === undefined) return interpreted();
          return withGraphQLErrors(result);
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      const s = schema();
      callback({ apiSchema: s, coreSupergraphSdl: printSchema(s) });
      return () => undefined;
    },
    async stop() {},
  };
}

/**
 * Nest gives every `@Field` of a model a resolver of its own that reads the property of that name
 * (`rootFieldResolver`); graphql-jit calls a field's resolver through its promise-aware runtime, but reads a field
 * without one inline. These readers are removed, so a page of 20 orders makes no 300 calls for its plain values
 * (about a tenth of the list's CPU). GraphQL's default reading is the same for Puente's models: none declares a
 * default value on an output field, none keeps a function in a field's property. Resolvers of `@ResolveField` and of
 * the root types are left as they are; withRolesOnlyFields, run after, gives the fields marked `rolesOnly` theirs.
 * Done in place, at start (`transformSchema`).
 */
export function withPlainFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve?.name === 'rootFieldResolver') field.resolve = undefined;
    }
  }
  return schema;
}

/**
 * graphql-jit's errors are of its own class, derived from GraphQLError; Apollo answered those with a bare
 * INTERNAL_SERVER_ERROR, without calling formatError. Made graphql-js errors again, with the domain error under them.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map(({ message, locations, path, originalError, extensions }) => {
    const error = new GraphQLError(message, { path, originalError: originalError ?? undefined, extensions });
    (error as { locations?: typeof locations }).locations = locations;
    return error;
  });
  return { ...result, errors };
}
