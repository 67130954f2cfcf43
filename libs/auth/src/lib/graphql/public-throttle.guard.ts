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
import { PUBLIC_READ_OPERATIONS, throttleCounters, ThrottleInput } from './throttle.rules';

/**
 * Brute-force brake on the public operations (login, employer sign-up, password reset) and on
 * changePassword, counted in Redis so it holds across api processes. Each call counts against every counter
 * `throttleCounters` names for it (per operation, normalised identifier and address; per address across
 * identifiers; per account for resets and changePassword), and is refused while any is over its limit with
 * TOO_MANY_REQUESTS and `retryAfterSeconds`. It runs per resolver call, so 15 aliased logins count as 15 attempts.
 * The public reads (open job orders, verified employers, and the feeds: on an HTTP route it counts as `feeds`) go
 * on a per-address counter of their own.
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
    const counters = throttleCounters({
      ...this.callOf(context),
      limits: {
        perIdentifier: this.config.auth.loginThrottle.limit,
        perAddress: this.config.auth.loginThrottle.addressLimit,
        perAddressReads: this.config.publicData.readLimit,
      },
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

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    const what = PUBLIC_READ_OPERATIONS.includes(this.callOf(context).operation) ? 'requests' : 'attempts';
    throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, `Too many ${what}. Try again in ${seconds} seconds.`, [], seconds);
  }

  /**
   * Who calls what: a GraphQL operation by its field name, with its input; a plain HTTP route (the public feeds) as
   * the read `feeds`, from the client's address as Fastify tells it (X-Forwarded-For behind TRUST_PROXY).
   */
  private callOf(context: ExecutionContext): { operation: string; input: ThrottleInput; address: string; userId: string | null } {
    if (context.getType<string>() !== 'graphql') {
      const request = context.switchToHttp().getRequest<{ ip?: string }>();
      return { operation: 'feeds', input: {}, address: request.ip ?? 'unknown', userId: null };
    }
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    return {
      operation: gql.getInfo<{ fieldName: string }>().fieldName,
      input: gql.getArgs<{ input?: ThrottleInput }>().input ?? {},
      address: ctx.ip ?? 'unknown',
      userId: ctx.actor?.userId ?? null,
    };
  }
}

/** Counter keys are hashed: no identifier or address sits in Redis in clear. */
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
