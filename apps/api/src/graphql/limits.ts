import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { DocumentNode, NoSchemaIntrospectionCustomRule, specifiedRules, ValidationRule } from 'graphql';

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

export function httpArmor(isProduction: boolean) {
  return new ApolloArmor({ ...LIMITS, blockFieldSuggestion: { enabled: isProduction } }).protect();
}

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

/** Parses with the token limit, as the HTTP path does. */
export function parseLimited(source: string): DocumentNode {
  return new MaxTokensParserWLexer(source, LIMITS.maxTokens).parseDocument();
}
