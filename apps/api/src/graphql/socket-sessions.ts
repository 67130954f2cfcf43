import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { EndedSession, SessionService, VerifiedAccess } from '@puente/auth';

/** Close codes of a WebSocket whose access ended (4400–4499 is graphql-ws's range for the client's side). */
export const CLOSE_SESSION_ENDED = 4403;
export const CLOSE_TOKEN_EXPIRED = 4401;

const REASONS: Record<EndedSession['reason'], string> = {
  'password-changed': 'Session ended: the password was changed. Sign in again.',
  'password-reset': 'Session ended: the password was reset. Sign in again.',
  'temporary-password': 'Session ended: a temporary password was issued. Sign in again.',
  deactivated: 'Session ended: the login was deactivated.',
  'employer-suspended': 'Session ended: the employer is suspended.',
  'two-factor-changed': 'Session ended: two-factor sign-in was turned on or reset. Sign in again.',
};
export const TOKEN_EXPIRED_REASON = 'Access token expired: reconnect with a fresh access token.';

interface Closable {
  close(code: number, reason: string): void;
}

interface Watched {
  socket: Closable;
  version: number;
  timer: NodeJS.Timeout;
}

/**
 * The open WebSockets of this api process, by user. A socket is closed with 4401 when its access token expires
 * (graphql-ws has no in-band re-authentication: the client reconnects with a fresh token), and with 4403 as soon
 * as any api process announces that its user's sessions ended (SessionService's Redis channel).
 */
@Injectable()
export class SocketSessions implements OnModuleDestroy {
  private readonly byUser = new Map<string, Set<Watched>>();
  private unsubscribe?: () => void;

  constructor(private readonly sessions: SessionService) {}

  /** Watches a socket signed in with this token; returns what to call when it closes. */
  watch(socket: Closable, session: VerifiedAccess): () => void {
    this.unsubscribe ??= this.sessions.onEnded((ended) => this.ended(ended));
    const userId = session.actor.userId;
    const entry: Watched = {
      socket,
      version: session.sessionVersion,
      timer: setTimeout(() => socket.close(CLOSE_TOKEN_EXPIRED, TOKEN_EXPIRED_REASON), Math.max(0, session.expiresAt - Date.now())),
    };
    entry.timer.unref();
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(entry);
    return () => {
      clearTimeout(entry.timer);
      set.delete(entry);
      if (!set.size && this.byUser.get(userId) === set) this.byUser.delete(userId);
    };
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    for (const set of this.byUser.values()) for (const entry of set) clearTimeout(entry.timer);
    this.byUser.clear();
  }

  private ended(ended: EndedSession): void {
    for (const entry of this.byUser.get(ended.userId) ?? []) {
      if (entry.version < ended.version) entry.socket.close(CLOSE_SESSION_ENDED, REASONS[ended.reason] ?? 'Session ended. Sign in again.');
    }
  }
}
