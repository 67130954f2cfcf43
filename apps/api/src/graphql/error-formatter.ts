import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainException, ErrorCode, unavailableDependency } from '@puente/common';

/** Codes that already describe a client's mistake and carry no internals; they pass through. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode),
]);

const logger = new Logger('GraphQLError');

/** The limits' own messages name no type or field of the schema: they stay, so a client knows which limit. */
const LIMIT_MESSAGE = /limit of \d+|more tha[nt] \d+ tokens|Introspection|introspection/;

/**
 * In production a validation message must not reveal the schema (`Field "me" of type "User!" must have a
 * selection of subfields`, `Did you mean …?`): a tool could rebuild part of it without introspection. The
 * error's locations still point at the offending place in the client's own document.
 */
export function genericValidationMessage(message: string): string {
  if (LIMIT_MESSAGE.test(message)) return message.replace(/ ?Did you mean .*$/s, '');
  return 'The operation does not match the schema (an unknown or misplaced field, argument, type or variable, or a missing selection); see the locations.';
}

/** The same for a variable that does not fit the schema (Apollo's BAD_USER_INPUT naming an input type). */
export function genericVariableMessage(message: string): string {
  if (!/type "|Did you mean/.test(message)) return message;
  return 'A variable does not fit the type the operation declares for it; check the variables against the API documentation.';
}

/** What a person reads when a dependency is down: nothing of the cause, what to do. */
const DEPENDENCY_MESSAGE = {
  postgres: 'Puente cannot reach its database right now (it is down or too busy). Try again in a few seconds; if this was a change, check whether it was saved before repeating it.',
  redis: 'Puente cannot reach its queue and session store right now. Try again in a few seconds; if this was a change, check whether it was saved before repeating it.',
} as const;
const RETRY_AFTER_SECONDS = 5;

/** What an error is to its answer: a domain refusal, a client's mistake GraphQL found, a dependency out of reach, or unexpected. */
function classify(error: unknown, code: unknown): { original: unknown; kind: 'domain' | 'client' | 'unexpected' } | { original: unknown; kind: 'dependency'; dependency: 'postgres' | 'redis' } {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainException) return { original, kind: 'domain' };
  if (typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return { original, kind: 'client' };
  const dependency = unavailableDependency(original);
  return dependency ? { original, kind: 'dependency', dependency } : { original, kind: 'unexpected' };
}

/**
 * Every error leaves the API through here: domain exceptions keep their code, message and field problems;
 * client mistakes detected by GraphQL pass through; PostgreSQL or Redis out of reach is SERVICE_UNAVAILABLE;
 * anything else is masked (and logged by logOperationError), so no SQL, stack or personal data reaches a response.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: { isProduction?: boolean } = {}): GraphQLFormattedError {
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  const code = formatted.extensions?.code;
  const found = classify(error, code);
  if (found.original instanceof DomainException) {
    const original = found.original;
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        ...(original.fields.length ? { fields: original.fields } : {}),
        ...(original.retryAfterSeconds !== undefined ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
      },
    };
  }
  if (found.kind === 'client') {
    if (options.isProduction && code === 'GRAPHQL_VALIDATION_FAILED') return { ...base, message: genericValidationMessage(base.message), extensions: { code } };
    if (options.isProduction && code === 'BAD_USER_INPUT') return { ...base, message: genericVariableMessage(base.message), extensions: { code } };
    return { ...base, extensions: { code: code as string } };
  }
  if (found.kind === 'dependency') {
    return {
      message: DEPENDENCY_MESSAGE[found.dependency],
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS },
    };
  }
  return {
    message: 'Something went wrong on our side; it has been logged. Quote the requestId if you contact support.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * Logs an operation's error that formatError masks, with the request's id (the one a person quotes to support):
 * a dependency out of reach names only the dependency and the path (a TypeORM error carries the query and its
 * parameters); anything unexpected is logged in full through the serializers, which keep no query, parameters or
 * values. Domain exceptions and client mistakes are not logged: they are answers.
 */
export function logOperationError(error: GraphQLError, requestId: string | undefined): void {
  const found = classify(error, error.extensions?.['code']);
  if (found.kind === 'dependency') logger.warn({ dependency: found.dependency, path: error.path, requestId }, 'A dependency is unavailable; answered SERVICE_UNAVAILABLE');
  else if (found.kind === 'unexpected') logger.error({ err: found.original, path: error.path, requestId }, 'Unexpected error while executing a GraphQL operation');
}
