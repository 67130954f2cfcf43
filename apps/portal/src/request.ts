import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { useCallback, useState } from 'react';
import { GRAPHQL_PATH, WEB_SESSION_HEADERS } from './session';

/**
 * The pages before sign-in send their few requests with fetch, without Apollo Client: the sign-in page is the
 * first thing a person downloads, and Apollo (about a quarter of the portal's JavaScript) loads only once they
 * are in. Failures throw the api's GraphQL errors, which `problemOf` reads like Apollo's.
 */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: { message: string; extensions?: Record<string, unknown> }[]) {
    super(errors[0]?.message ?? 'Request failed');
  }
}

export async function request<R, V>(document: TypedDocumentNode<R, V>, variables: V, headers: Record<string, string> = {}): Promise<R> {
  const res = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...WEB_SESSION_HEADERS, ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json()) as { data?: R | null; errors?: GraphQLRequestError['errors'] };
  if (body.errors?.length || !body.data) throw new GraphQLRequestError(body.errors ?? [{ message: `HTTP ${res.status}` }]);
  return body.data;
}

/** A mutation from a public page: run it, with its loading and error state for the form. */
export function useRequest<R, V>(document: TypedDocumentNode<R, V>) {
  const [state, setState] = useState<{ loading: boolean; error: unknown; data: R | null }>({ loading: false, error: null, data: null });
  const run = useCallback(
    async (variables: V, headers?: Record<string, string>): Promise<R | null> => {
      setState({ loading: true, error: null, data: null });
      try {
        const data = await request(document, variables, headers);
        setState({ loading: false, error: null, data });
        return data;
      } catch (error) {
        setState({ loading: false, error, data: null });
        return null;
      }
    },
    [document],
  );
  return [run, state] as const;
}
