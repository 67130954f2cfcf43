import { Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Kind, OperationTypeNode } from 'graphql';
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

/**
 * Records every mutation called over HTTP (graphql-ws refuses mutations), whatever its outcome: a refusal by the
 * guard, a domain error, a crash, or variables that did not even coerce. One row per root field, written before
 * the response leaves, holding the operation's name, the ids it targeted (arguments named id, …Id, …Ids) and the
 * code the caller received, never an argument's value. The change itself committed in the service's own
 * transaction; office operations write their own line there too (recordAudit), so this record is the envelope
 * (who, from where, outcome) and theirs the in-transaction detail, joined by the request id.
 */
@Plugin()
export class MutationAuditPlugin implements ApolloServerPlugin<RequestContext> {
  private readonly logger = new Logger('AuditTrail');

  constructor(private readonly trail: AuditTrailService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    const called = new Map<string, Called>();
    const { trail, logger } = this;
    return {
      // Only a mutation's root fields are recorded. A query gets no listener at all: with one, Apollo would call it
      // for every field of every answer (a list of 20 has hundreds).
      async executionDidStart({ operation }) {
        if (operation.operation !== OperationTypeNode.MUTATION) return;
        return {
          willResolveField({ info, args }) {
            if (info.path.prev !== undefined) return;
            const entry: Called = { operation: info.fieldName, targetIds: targetIdsOf(args) };
            called.set(String(info.path.key), entry);
            return (error, result) => {
              // A Nest exception filter hands the error back as the resolver's value; GraphQL throws it from there.
              entry.settled = error || result instanceof Error ? { error: error ?? result } : { result };
            };
          },
        };
      },

      async willSendResponse({ operation, response, contextValue }) {
        if (operation?.operation !== OperationTypeNode.MUTATION) return;
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
