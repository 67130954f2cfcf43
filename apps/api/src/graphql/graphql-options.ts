import { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLError, GraphQLSchema, OperationTypeNode, getOperationAST, validate } from 'graphql';
import type { Context } from 'graphql-ws';
import { PuenteConfig } from '@puente/config';
import { RequestContext, RequestLoaders, withRolesOnlyFields } from '@puente/auth';
import { AuditTrailService } from '../audit/audit-trail.service';
import { noteMutationCalls } from '../audit/mutation-audit.plugin';
import { auditPersonalDataReads } from '../audit/personal-data-reads';
import { compiledExecution, withPlainFields } from './compiled-execution';
import { controlCharacterError, controlCharacterPlugin, controlCharacterProblems } from './control-characters';
import { formatError, genericValidationMessage, logOperationError } from './error-formatter';
import { httpStatusPlugin } from './http-status';
import { httpArmor, PARSE_OPTIONS, parseLimited, webSocketRules } from './limits';
import { RequestContextFactory } from './request-context.factory';
import { SocketSessions } from './socket-sessions';

interface WsExtra {
  puente?: RequestContext;
  request?: { socket?: { remoteAddress?: string } };
  socket?: { close(code: number, reason: string): void };
  /** Stops watching the socket's session (SocketSessions). */
  unwatch?: () => void;
}

const wsError = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

/**
 * Apollo on Fastify, code-first, with the same limits on HTTP and WebSocket: graphql-ws bypasses Apollo's
 * validation rules and plugins, so WebSocket operations are parsed, limited and validated here by hand.
 */
export function graphqlOptions(
  config: PuenteConfig,
  contexts: RequestContextFactory,
  schemaHost: GraphQLSchemaHost,
  sockets: SocketSessions,
  trail: AuditTrailService,
): ApolloDriverConfig {
  const armor = httpArmor(config.isProduction);
  const rules = webSocketRules(config.isProduction);
  return {
    // Queries run compiled (compiled-execution.ts); Nest has set the schema host by the time Apollo starts.
    gateway: compiledExecution(() => schemaHost.schema),
    autoSchemaFile: true,
    // The audit wraps the root resolvers it records; no Apollo per-field hook, which would wrap every field.
    transformSchema: (schema: GraphQLSchema) => auditPersonalDataReads(noteMutationCalls(withRolesOnlyFields(withPlainFields(schema))), trail),
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !config.isProduction,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    fieldResolverEnhancers: ['guards'],
    plugins: [
      // Apollo's cache-control plugin wraps every field's resolver to collect cache hints Puente never gives (every
      // answer is personal, so never cached): about a quarter of the memory a list request allocated. Off, with
      // `cache-control: no-store` set by noStorePlugin as the plugin did.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      ...armor.plugins,
      controlCharacterPlugin,
      httpStatusPlugin,
      requestIdPlugin,
      errorLogPlugin,
      retryAfterPlugin,
      ...(config.isProduction ? [] : [ApolloServerPluginLandingPageLocalDefault({ embed: true })]),
    ],
    validationRules: armor.validationRules,
    parseOptions: PARSE_OPTIONS,
    // Apollo's Fastify integration calls context(request, reply).
    context: (request: Parameters<RequestContextFactory['fromHttp']>[0], reply: Parameters<RequestContextFactory['fromHttp']>[1]) =>
      contexts.fromHttp(request, reply),
    formatError: (formatted, error) => formatError(formatted, error, { isProduction: config.isProduction }),
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        /**
         * A WebSocket must sign in when it opens: connectionParams { authorization: "Bearer <accessToken>" }. It is
         * closed with 4401 when that token expires (reconnect with a fresh one) and with 4403 when the user's
         * sessions end (SocketSessions).
         */
        onConnect: async (ctx: Context<Record<string, unknown> | undefined, WsExtra>) => {
          const { context, session } = await contexts.fromConnection(ctx.connectionParams?.['authorization'], ctx.extra.request?.socket?.remoteAddress);
          if (!context.actor || !session) return false;
          ctx.extra.puente = context;
          if (ctx.extra.socket) ctx.extra.unwatch = sockets.watch(ctx.extra.socket, session);
          return true;
        },
        onClose: (ctx: Context<Record<string, unknown> | undefined, WsExtra>) => ctx.extra.unwatch?.(),
        onSubscribe: (ctx: Context<Record<string, unknown> | undefined, WsExtra>, _id: string, payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }) => {
          let document;
          try {
            document = parseLimited(payload.query);
          } catch (error) {
            // The same code and message as HTTP: a syntax error, or more tokens than the limit.
            return wsError(error instanceof Error ? error.message : 'The query could not be parsed.', 'GRAPHQL_PARSE_FAILED');
          }
          const operation = getOperationAST(document, payload.operationName ?? undefined);
          if (!operation) return wsError('Name the operation to run.', 'BAD_REQUEST');
          if (operation.operation === OperationTypeNode.MUTATION) {
            return wsError('Mutations are accepted over HTTP only.', 'BAD_REQUEST');
          }
          const errors = validate(schemaHost.schema, document, rules);
          if (errors.length) {
            // As on HTTP in production: no type names or "Did you mean …?" that would reveal the schema.
            const message = (e: GraphQLError) => (config.isProduction ? genericValidationMessage(e.message) : e.message);
            return errors.map((e) => new GraphQLError(message(e), { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
          }
          // The same refusal of control characters as on HTTP, before anything runs.
          const problems = controlCharacterProblems(document, payload.variables);
          if (problems.length) {
            const refusal = controlCharacterError(problems);
            return [new GraphQLError(refusal.message, { extensions: { code: refusal.code, fields: refusal.fields } })];
          }
          const base = ctx.extra.puente!;
          return {
            schema: schemaHost.schema,
            document,
            variableValues: payload.variables ?? undefined,
            operationName: payload.operationName ?? undefined,
            // Fresh loaders per operation: a long-lived socket must not serve stale rows from a cache.
            contextValue: { ...base, loaders: new RequestLoaders() },
          };
        },
        onNext: (ctx: Context<Record<string, unknown> | undefined, WsExtra>, _id: string, _payload: unknown, _args: unknown, result: { errors?: readonly GraphQLError[] }) => {
          if (!result.errors) return result;
          for (const e of result.errors) logOperationError(e, ctx.extra.puente?.requestId);
          return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, { isProduction: config.isProduction })) };
        },
      },
    },
  } as ApolloDriverConfig;
}

/** Every GraphQL answer over HTTP is `cache-control: no-store`: answers carry personal data and none may be kept. */
const noStorePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** The errors formatError masks are logged with the request's id, which the answer of an unexpected one carries too. */
const errorLogPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) logOperationError(error, contextValue.requestId);
      },
    };
  },
};

/** A refusal for too many attempts says when to retry in a Retry-After header too (RFC 9110), not only in extensions.retryAfterSeconds. */
const retryAfterPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const seconds = (response.body.singleResult.errors ?? []).map((e) => Number(e.extensions?.['retryAfterSeconds'] ?? 0));
        const wait = Math.max(0, ...seconds);
        if (wait > 0) response.http.headers.set('retry-after', String(wait));
      },
    };
  },
};

/** Stamps masked internal errors with the request id, so a person can quote it and staff can find the log. */
const requestIdPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.['code'] === 'INTERNAL_SERVER_ERROR') {
            Object.assign(error, { extensions: { ...error.extensions, requestId: contextValue.requestId } });
          }
        }
      },
    };
  },
};
