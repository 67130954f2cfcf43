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

/**
 * Every error leaves the API through here: domain exceptions keep their code, message and field problems;
 * client mistakes detected by GraphQL pass through; anything else is logged in full and masked, so no SQL,
 * stack or personal data reaches a response.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainException) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.fields.length ? { fields: original.fields } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...base, extensions: { code } };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error while executing a GraphQL operation');
  return {
    message: 'Something went wrong on our side; it has been logged. Quote the requestId if you contact support.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
