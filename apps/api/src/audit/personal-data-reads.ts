import { defaultFieldResolver, GraphQLSchema } from 'graphql';
import type { RequestContext } from '@puente/auth';
import { idsRead, isStaff, outcomeOf, PERSONAL_DATA_READS, SUCCESS } from './audit.rules';
import type { AuditTrailService } from './audit-trail.service';

/**
 * Records every read of applicants' personal data by staff (the queries of PERSONAL_DATA_READS), on HTTP and WebSocket
 * alike, with the ids read. The resolvers of those queries are wrapped in the schema (GraphQL's `transformSchema`),
 * so no other field pays for the audit: a global Nest interceptor had cost every query its rxjs pipeline, about a tenth
 * of a list's CPU.
 *
 * The wrapper runs around the whole resolver, its guard included, as the mutation plugin does: a read the guard
 * refuses is recorded with the code the caller received. The record is written before the data is returned: if it
 * cannot be written, the read fails instead of going unrecorded.
 */
export function auditPersonalDataReads(schema: GraphQLSchema, trail: AuditTrailService): GraphQLSchema {
  const fields = schema.getQueryType()?.getFields() ?? {};
  for (const operation of Object.keys(PERSONAL_DATA_READS)) {
    const field = fields[operation];
    if (!field) throw new Error(`auditPersonalDataReads: the schema has no query ${operation}`);
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args: Record<string, unknown>, context: RequestContext, info) => {
      const actor = context.actor;
      if (!actor || !isStaff(actor.role)) return resolve(source, args, context, info);
      const record = (outcome: string, result: unknown) =>
        trail.append([
          {
            userId: actor.userId,
            role: actor.role,
            action: 'read',
            operation,
            entity: 'applicant',
            targetIds: idsRead(operation, args, result),
            outcome,
            ip: context.ip ?? null,
            requestId: context.requestId ?? null,
          },
        ]);
      let result: unknown;
      try {
        result = await resolve(source, args, context, info);
      } catch (error) {
        await record(outcomeOf(error), null).catch(() => undefined);
        throw error;
      }
      // Nest's exception filter answers a resolver's error by returning it, which GraphQL then raises.
      if (result instanceof Error) {
        await record(outcomeOf(result), null).catch(() => undefined);
        return result;
      }
      await record(SUCCESS, result).catch(() => {
        throw new Error('The audit record of a read could not be written; the read is refused.');
      });
      return result;
    };
  }
  return schema;
}
