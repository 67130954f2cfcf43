import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { GraphQLRequestError } from './request';

/** What the portal shows of a failed request: the api's message, its stable code, per-field messages, a request id. */
export interface ProblemView {
  code: string;
  message: string;
  fields: Record<string, string>;
  /** Present when the api masked an internal error: the person can quote it to support. */
  requestId?: string;
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Reads an Apollo error (or a public page's request error) into one view; network failures become NETWORK. */
export function problemOf(error: unknown): ProblemView {
  const errors: readonly ErrorLike[] | null =
    error instanceof GraphQLRequestError ? error.errors : CombinedGraphQLErrors.is(error) ? error.errors : null;
  if (!errors?.length) return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: {} };
  const first = errors[0];
  const fields: Record<string, string> = {};
  for (const e of errors) {
    for (const f of (e.extensions?.['fields'] as { field: string; message: string }[] | undefined) ?? []) fields[lastSegment(f.field)] ??= f.message;
  }
  const requestId = errors.map((e) => e.extensions?.['requestId']).find((id): id is string => typeof id === 'string');
  return { code: String(first.extensions?.['code'] ?? 'UNKNOWN'), message: first.message, fields, ...(requestId ? { requestId } : {}) };
}

/** `input.contactEmail` → `contactEmail`: forms name their fields as the input type does. */
const lastSegment = (field: string) => field.split('.').pop() ?? field;
