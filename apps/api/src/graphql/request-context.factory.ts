import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestContext, RequestLoaders, TokenService } from '@puente/auth';
import { DomainException } from '@puente/common';

interface HttpLike {
  headers: Record<string, string | string[] | undefined>;
  id?: string;
  ip?: string;
  raw?: { id?: string };
}

/** Builds the per-request context (actor, loaders, request id) the same way for HTTP and WebSocket. */
@Injectable()
export class RequestContextFactory {
  constructor(private readonly tokens: TokenService) {}

  fromHttp(req: HttpLike): RequestContext {
    const requestId = String(req.raw?.id ?? req.id ?? randomUUID());
    return { ...this.authenticate(headerValue(req.headers.authorization)), requestId, ip: req.ip, loaders: new RequestLoaders() };
  }

  fromConnection(authorization: unknown, ip: string | undefined): RequestContext {
    return {
      ...this.authenticate(typeof authorization === 'string' ? authorization : undefined),
      requestId: randomUUID(),
      ip,
      loaders: new RequestLoaders(),
    };
  }

  private authenticate(header: string | undefined): Pick<RequestContext, 'actor' | 'authError'> {
    if (!header) return { actor: null, authError: null };
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) return { actor: null, authError: 'Send the token as Authorization: Bearer <accessToken>.' };
    try {
      return { actor: this.tokens.verifyAccess(match[1]!), authError: null };
    } catch (error) {
      return { actor: null, authError: error instanceof DomainException ? error.message : 'The access token is invalid.' };
    }
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
