import { Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { defaultFieldResolver, GraphQLSchema, Kind, OperationTypeNode } from 'graphql';
import type { RequestContext } from '@puente/auth';
import { ErrorCode } from '@puente/common';
import { ANONYMOUS, outcomeOf, signedInUserOf, SUCCESS, targetIdsOf } from './audit.rules';
import { AuditRecord, AuditTrailService } from './audit-trail.service';

interface Called {
  operation: string;
  targetIds: string[];
  /** undefined while resolving or when the field never ran; the resolver's error or result once it has. */
  settled?: { error: unknown } | { result: unknown };
}

/** The root fields of mutations called in a request, by response key: the schema's wrappers fill it, the plugin reads it. */
const CALLS = new WeakMap<object, Map<string, Called>>();

/**
 * Wraps each mutation's resolver in the schema (GraphQL's `transformSchema`) to note what it was called with and how
 * it settled, for MutationAuditPlugin. The wrapper runs around the whole resolver, its guard included, so a refusal
 * is noted too. Not Apollo's `willResolveField`: a plugin with that hook makes Apollo wrap every field of the schema,
 * queries' included, and then no field is read inline by the compiled queries (compiled-execution.ts).
 */
export function noteMutationCalls(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, context: object, info) => {
      let calls = CALLS.get(context);
      if (!calls) CALLS.set(context, (calls = new Map()));
      const entry: Called = { operation: info.fieldName, targetIds: targetIdsOf(args) };
      calls.set(String(info.path.key), entry);
      // A Nest exception filter hands the error back as the resolver's value; GraphQL throws it from there.
      const settle = (result: unknown) => (entry.settled = result instanceof Error ? { error: result } : { result });
      try {
        const result = resolve(source, args, context, info);
        if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') {
          return (result as PromiseLike<unknown>).then(
            (value: unknown) => (settle(value), value),
            (error: unknown) => {
              entry.settled = { error };
              throw error;
            },
          );
        }
        settle(result);
        return result;
      } catch (error) {
        entry.settled = { error };
        throw error;
      }
    };
  }
  return schema;
}

/**
 * Records every mutation called over HTTP (graphql-ws refuses mutations), as noteMutationCalls noted it, whatever its
 * outcome: a refusal by the guard, a domain error, a crash, or variables that did not even coerce. One row per root
 * field, written before the response leaves, holding the operation's name, the ids it targeted (arguments named id, …Id, …Ids) and the
 * code the caller received, never an argument's value. The change itself committed in the service's own
 * transaction; office operations write their own line there too (recordAudit), so this record is the envelope
 * (who, from where, outcome) and theirs the in-transaction detail, joined by the request id.
 */
@Plugin()
export class MutationAuditPlugin implements ApolloServerPlugin<RequestContext> {
  private readonly logger = new Logger('AuditTrail');

  constructor(private readonly trail: AuditTrailService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    const { trail, logger } = this;
    return {
      async willSendResponse({ operation, response, contextValue }) {
        if (operation?.operation !== OperationTypeNode.MUTATION) return;
        // What noteMutationCalls noted of the root fields that ran.
        const called = CALLS.get(contextValue) ?? new Map<string, Called>();
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        const firstCode = errors.map((e) => e.extensions?.['code']).find((c): c is string => typeof c === 'string');
        // Root fields that never ran (their variables did not coerce, or an earlier field stopped the mutation).
        for (const selection of operation.selectionSet.selections) {
          if (selection.kind !== Kind.FIELD || selection.name.value === '__typename') continue;
          const key = selection.alias?.value ?? selection.name.value;
          if (!called.has(key)) called.set(key, { operation: selection.name.value, targetIds: [], settled: { error: { extensions: { code: firstCode ?? ErrorCode.BAD_USER_INPUT } } } });
        }
        const records: AuditRecord[] = [...called].map(([key, entry]) => {
          const settled = entry.settled ?? { error: null };
          let outcome = SUCCESS;
          if ('error' in settled) {
            // The code the caller received for this field, as formatted; else the error's own.
            const formatted = errors.find((e) => e.path?.length === 1 && e.path[0] === key)?.extensions?.['code'];
            outcome = typeof formatted === 'string' ? formatted : outcomeOf(settled.error);
          }
          const who = contextValue.actor ?? ('result' in settled ? signedInUserOf(settled.result) : null);
          return {
            userId: who?.userId ?? null,
            role: who?.role ?? ANONYMOUS,
            action: 'mutation',
            operation: entry.operation,
            entity: null,
            targetIds: entry.targetIds,
            outcome,
            ip: contextValue.ip ?? null,
            requestId: contextValue.requestId ?? null,
          };
        });
        try {
          await trail.append(records);
        } catch (error) {
          // Names and codes only: the error of a failed insert would carry its parameters.
          logger.error({ requestId: contextValue.requestId, operations: records.map((r) => r.operation), code: (error as { code?: string }).code }, 'Could not write the audit record of a mutation');
        }
      },
    };
  }
}
