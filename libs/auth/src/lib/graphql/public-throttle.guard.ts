import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { PuenteConfig } from '@puente/config';
import { DomainException, ErrorCode } from '@puente/common';
import { normalizeIdentifier } from '../auth.service';
import type { RequestContext } from '../request-context';
import { throttleCounters, ThrottleInput } from './throttle.rules';

/**
 * Brute-force brake on the public operations (login, employer sign-up, password reset) and on
 * changePassword, counted in Redis so it holds across api processes. Each call counts against every counter
 * `throttleCounters` names for it (per operation, normalised identifier and address; per address across
 * identifiers; per account for resets and changePassword), and is refused while any is over its limit with
 * TOO_MANY_REQUESTS and `retryAfterSeconds`. It runs per resolver call, so 15 aliased logins count as 15 attempts.
 */
@Injectable()
export class PublicThrottleGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly config: PuenteConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override async handleRequest(requestProps: Parameters<ThrottlerGuard['handleRequest']>[0]): Promise<boolean> {
    const { context, ttl, blockDuration, throttler } = requestProps;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const input = gql.getArgs<{ input?: ThrottleInput }>().input ?? {};
    const counters = throttleCounters({
      operation: gql.getInfo<{ fieldName: string }>().fieldName,
      input,
      address: ctx.ip ?? 'unknown',
      userId: ctx.actor?.userId ?? null,
      limits: { perIdentifier: this.config.auth.loginThrottle.limit, perAddress: this.config.auth.loginThrottle.addressLimit },
      normalize: normalizeIdentifier,
    });
    const results = await Promise.all(
      counters.map((c) => this.storageService.increment(hashKey(`${throttler.name ?? 'public'}|${c.key}`), ttl, c.limit, blockDuration, throttler.name ?? 'public')),
    );
    const blocked = results.filter((r) => r.isBlocked);
    if (blocked.length) {
      const worst = blocked.reduce((a, b) => (b.timeToBlockExpire > a.timeToBlockExpire ? b : a));
      await this.throwThrottlingException(context, { ...worst, limit: 0, ttl, key: '', tracker: '' });
    }
    return true;
  }

  protected override async throwThrottlingException(_: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, `Too many attempts. Try again in ${seconds} seconds.`, [], seconds);
  }
}

/** Counter keys are hashed: no identifier or address sits in Redis in clear. */
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
