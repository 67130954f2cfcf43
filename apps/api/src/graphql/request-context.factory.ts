import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HttpExchange, RequestContext, RequestLoaders, SessionService, TokenService, VerifiedAccess } from '@puente/auth';
import { DomainException } from '@puente/common';

interface HttpLike extends Pick<HttpExchange['request'], 'host'> {
  headers: Record<string, string | string[] | undefined>;
  id?: string;
  ip?: string;
  raw?: { id?: string };
}

/** Said to a caller whose token was valid but whose sessions were ended since. */
export const SESSION_ENDED =
  'Your session has ended (password changed or reset, login deactivated or employer suspended); sign in again.';

/** A WebSocket's sign-in: the context of its operations, and what its socket is watched for. */
export interface ConnectionAuth {
  context: RequestContext;
  session: VerifiedAccess | null;
}

/** Builds the per-request context (actor, loaders, request id) the same way for HTTP and WebSocket. */
@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
  ) {}

  /** Apollo's Fastify integration passes the request and the reply; the reply carries web clients' refresh cookie. */
  async fromHttp(req: HttpLike, reply?: HttpExchange['reply']): Promise<RequestContext> {
    const requestId = String(req.raw?.id ?? req.id ?? randomUUID());
    const { actor, authError } = await this.authenticate(headerValue(req.headers.authorization));
    return { actor, authError, requestId, ip: req.ip, loaders: new RequestLoaders(), ...(reply ? { http: { request: req, reply } } : {}) };
  }

  async fromConnection(authorization: unknown, ip: string | undefined): Promise<ConnectionAuth> {
    const { actor, authError, session } = await this.authenticate(typeof authorization === 'string' ? authorization : undefined);
    return { context: { actor, authError, requestId: randomUUID(), ip, loaders: new RequestLoaders() }, session };
  }

  /**
   * The token's actor when it verifies and its session version is still the user's current one (read from the
   * Redis copy: no database query per request); otherwise why not.
   */
  private async authenticate(header: string | undefined): Promise<Pick<RequestContext, 'actor' | 'authError'> & { session: VerifiedAccess | null }> {
    if (!header) return { actor: null, authError: null, session: null };
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) return { actor: null, authError: 'Send the token as Authorization: Bearer <accessToken>.', session: null };
    let session: VerifiedAccess;
    try {
      session = this.tokens.verify(match[1]!);
    } catch (error) {
      return { actor: null, authError: error instanceof DomainException ? error.message : 'The access token is invalid.', session: null };
    }
    const current = await this.sessions.currentVersion(session.actor.userId);
    if (current === null || session.sessionVersion < current) return { actor: null, authError: SESSION_ENDED, session: null };
    return { actor: session.actor, authError: null, session };
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
