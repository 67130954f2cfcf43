import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { catchError, from, mergeMap, Observable } from 'rxjs';
import type { RequestContext } from '@puente/auth';
import { idsRead, isStaff, outcomeOf, PERSONAL_DATA_READS, SUCCESS } from './audit.rules';
import { AuditTrailService } from './audit-trail.service';

/**
 * Records every read of applicants' personal data by staff (the queries of PERSONAL_DATA_READS), on HTTP and WebSocket
 * alike, with the ids read. The record is written before the data is returned: if it cannot be written, the
 * read fails instead of going unrecorded.
 */
@Injectable()
export class PersonalDataReadInterceptor implements NestInterceptor {
  constructor(private readonly trail: AuditTrailService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(ctx);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Query' || !PERSONAL_DATA_READS[info.fieldName]) return next.handle();
    const context = gql.getContext<RequestContext>();
    const actor = context.actor;
    if (!actor || !isStaff(actor.role)) return next.handle();
    const args = gql.getArgs<Record<string, unknown>>();
    const record = (outcome: string, result: unknown) =>
      this.trail.append([
        {
          userId: actor.userId,
          role: actor.role,
          action: 'read',
          operation: info.fieldName,
          entity: 'applicant',
          targetIds: idsRead(info.fieldName, args, result),
          outcome,
          ip: context.ip ?? null,
          requestId: context.requestId ?? null,
        },
      ]);
    return next.handle().pipe(
      mergeMap(async (result) => {
        await record(SUCCESS, result).catch(() => {
          throw new AuditWriteFailed('The audit record of a read could not be written; the read is refused.');
        });
        return result;
      }),
      catchError((error: unknown) =>
        from(
          (async () => {
            // An error of the audit insert itself is not recorded again; it fails the read.
            if (!(error instanceof AuditWriteFailed)) await record(outcomeOf(error), null).catch(() => undefined);
            throw error;
          })(),
        ),
      ),
    );
  }
}

class AuditWriteFailed extends Error {}
