import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { GRAPHQL_PATH, WEB_SESSION_HEADERS, session } from './session';

/**
 * Every request carries the in-memory access token (refreshed first when it is about to expire). A request the
 * api refuses as UNAUTHENTICATED although it carried a token is retried once after a refresh; when the refresh
 * fails too the session ends and the router asks the person to sign in again.
 */
export async function authFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) => {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(WEB_SESSION_HEADERS)) headers.set(name, value);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers, credentials: 'same-origin' });
  };
  const token = await session.freshToken();
  const res = await send(token);
  if (!token || !(await isUnauthenticated(res))) return res;
  return (await session.refresh()) ? send(session.token()) : res;
}

async function isUnauthenticated(res: Response): Promise<boolean> {
  if (!(res.headers.get('content-type') ?? '').includes('json')) return false;
  const body = (await res.clone().json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
  return (body?.errors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** One client for the tab; whatever the last person saw leaves with their session. */
export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: GRAPHQL_PATH, fetch: authFetch }),
  // A standing has no id of its own: it is the employer's, so the standing page and an order's page share one copy.
  cache: new InMemoryCache({ typePolicies: { EmployerStanding: { keyFields: ['employerId'] } } }),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
session.subscribe(() => {
  if (session.snapshot().status === 'signed-out') void apolloClient.clearStore();
});
