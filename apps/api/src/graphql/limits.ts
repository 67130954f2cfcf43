import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DocumentNode, NoSchemaIntrospectionCustomRule, parse, specifiedRules, ValidationRule } from 'graphql';

/**
 * The limits every operation meets, over HTTP and over WebSocket alike. Relay paths are deep
 * (jobOrders.edges.node.employer.region.name is 6), so depth 10 leaves room for real clients and none for
 * recursion attacks; `first` is also capped at 100 in the resolvers, because a variable escapes the cost rule.
 */
export const LIMITS = {
  maxDepth: { n: 10, exposeLimits: true },
  maxAliases: { n: 15, exposeLimits: true },
  maxTokens: { n: 2000, exposeLimits: true },
  maxDirectives: { n: 30, exposeLimits: true },
  costLimit: { maxCost: 20_000, exposeLimits: true },
} as const;

/**
 * graphql-armor's rules for HTTP, except the token limit: its Apollo plugin parses a second time in
 * `parsingDidStart` and throws there, which Apollo answers with HTTP 500 (a syntax error included). graphql-js
 * counts tokens itself while parsing (`parseOptions.maxTokens`), so an over-long document fails as the parse
 * error it is: GRAPHQL_PARSE_FAILED with a 4xx or 200, never a 5xx.
 */
export function httpArmor(isProduction: boolean) {
  return new ApolloArmor({ ...LIMITS, maxTokens: { enabled: false }, blockFieldSuggestion: { enabled: isProduction } }).protect();
}

/** Apollo's `parseOptions`: the token limit, checked by graphql-js's parser. */
export const PARSE_OPTIONS = { maxTokens: LIMITS.maxTokens.n } as const;

/** The validation rules for operations that arrive over graphql-ws, which Apollo's pipeline never sees. */
export function webSocketRules(isProduction: boolean): ValidationRule[] {
  return [
    ...specifiedRules,
    maxDepthRule(LIMITS.maxDepth),
    maxAliasesRule(LIMITS.maxAliases),
    maxDirectivesRule(LIMITS.maxDirectives),
    costLimitRule(LIMITS.costLimit),
    ...(isProduction ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}

/** Parses with the token limit, as the HTTP path does (the same parser, the same message). */
export function parseLimited(source: string): DocumentNode {
  return parse(source, PARSE_OPTIONS);
}
