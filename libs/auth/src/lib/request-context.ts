import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { Actor } from '@puente/common';
import type { HttpExchange } from './web-session';

/**
 * DataLoaders of one request, created lazily by key. Every loader lives exactly as long as its request, so a
 * cached row can never leak to another user.
 */
export class RequestLoaders {
  private readonly loaders = new Map<symbol, DataLoader<unknown, unknown>>();

  get<K, V>(key: symbol, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** What every GraphQL operation carries, over HTTP and over WebSocket alike. */
export interface RequestContext {
  requestId: string;
  /** The signed-in actor, or null when no token was sent. */
  actor: Actor | null;
  /** Why a token that was sent was refused; the guard reports it instead of treating the caller as anonymous. */
  authError: string | null;
  loaders: RequestLoaders;
  ip?: string;
  /** The HTTP request and reply (absent over WebSocket): the refresh-token cookie of web clients (web-session.ts). */
  http?: HttpExchange;
}

export function requestContextOf(ctx: ExecutionContext): RequestContext {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext<RequestContext>();
  const req = ctx.switchToHttp().getRequest<{ puente?: RequestContext; id?: string }>();
  return req.puente ?? { requestId: String(req.id ?? ''), actor: null, authError: null, loaders: new RequestLoaders() };
}
