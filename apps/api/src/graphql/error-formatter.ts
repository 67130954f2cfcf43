import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainException, ErrorCode } from '@puente/common';

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

/**
 * Every error leaves the API through here: domain exceptions keep their code, message and field problems;
 * client mistakes detected by GraphQL pass through; anything else is logged in full and masked, so no SQL,
 * stack or personal data reaches a response.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: { isProduction?: boolean } = {}): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainException) {
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
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    if (options.isProduction && code === 'GRAPHQL_VALIDATION_FAILED') return { ...base, message: genericValidationMessage(base.message), extensions: { code } };
    if (options.isProduction && code === 'BAD_USER_INPUT') return { ...base, message: genericVariableMessage(base.message), extensions: { code } };
    return { ...base, extensions: { code } };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error while executing a GraphQL operation');
  return {
    message: 'Something went wrong on our side; it has been logged. Quote the requestId if you contact support.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
