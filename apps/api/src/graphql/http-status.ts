import type { ApolloServerPlugin } from '@apollo/server';

/**
 * HTTP status codes as the GraphQL-over-HTTP specification asks. Apollo Server answers a request error (the
 * document does not parse, does not validate, or its variables or strings are refused) with 400 whatever the
 * client accepts. The specification keeps 4xx for clients that accept `application/graphql-response+json`; a
 * client that accepts only `application/json` (or says nothing) gets 200 with the errors, as legacy clients
 * expect. Either way a client's mistake never reads as a 5xx: the token limit is enforced by graphql-js's own
 * parser (see limits.ts), so it fails as a parse error rather than as a crash in a plugin.
 */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';

/** The request errors that are a client's mistake about the operation itself. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/** The q-value the Accept header gives a media type (most specific range wins), 0 when not accepted. */
function qualityOf(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().split(';').map((s) => s.trim());
    const media = range.toLowerCase();
    const specificity = media === type ? 2 : media === `${major}/*` ? 1 : media === '*/*' ? 0 : -1;
    if (specificity < 0 || specificity < best.specificity) continue;
    const qParam = params.find((p) => /^q=/i.test(p));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    best = { specificity, q: Number.isFinite(q) ? q : 0 };
  }
  return best.q;
}

/**
 * The media type of a single-result answer, as Apollo chooses it: application/json unless the client prefers
 * application/graphql-response+json (a tie goes to application/json); null when it accepts neither.
 */
export function responseMediaType(accept: string | undefined | null): string | null {
  if (!accept) return APPLICATION_JSON;
  const json = qualityOf(accept, APPLICATION_JSON);
  const graphql = qualityOf(accept, GRAPHQL_RESPONSE_JSON);
  if (json <= 0 && graphql <= 0) return null;
  return graphql > json ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
}

export const httpStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single' || response.http.status !== 400) return;
        const result = response.body.singleResult;
        if ('data' in result && result.data !== undefined) return;
        const codes = (result.errors ?? []).map((e) => e.extensions?.['code']);
        if (!codes.length || !codes.every((c) => typeof c === 'string' && REQUEST_ERROR_CODES.has(c))) return;
        if (responseMediaType(request.http?.headers.get('accept')) === APPLICATION_JSON) response.http.status = 200;
      },
    };
  },
};
