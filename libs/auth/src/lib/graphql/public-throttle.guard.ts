import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { DomainException, ErrorCode } from '@puente/common';
import type { RequestContext } from '../request-context';

/**
 * Brute-force brake on the public operations (login, refresh, employer sign-up, password reset): counts attempts per
 * operation, identifier and client address, in Redis so it holds across api processes. It runs per resolver
 * call, so 15 aliased logins in one request count as 15 attempts.
 */
@Injectable()
export class PublicThrottleGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    return { req: { ip: ctx.ip ?? 'unknown' }, res: { header: () => undefined } };
  }

  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    const gql = GqlExecutionContext.create(context);
    const input = gql.getArgs<{ input?: { identifier?: string; contactEmail?: string; email?: string } }>().input;
    const identifier = (input?.identifier ?? input?.contactEmail ?? input?.email ?? '').trim().toLowerCase();
    return createHash('sha256').update(`${name}|${gql.getInfo<{ fieldName: string }>().fieldName}|${identifier}|${tracker}`).digest('hex');
  }

  protected override async throwThrottlingException(_: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, `Too many attempts. Try again in ${seconds} seconds.`);
  }
}
