import { Injectable, Logger } from '@nestjs/common';
import { SessionService } from '@puente/auth';
import { PuenteConfig } from '@puente/config';
import { Actor, DomainException, ErrorCode } from '@puente/common';
import {
  DashboardClaims,
  DashboardPassKind,
  dashboardExpiresAt,
  dashboardLinkPath,
  dashboardUserRefusal,
  signDashboardPass,
  verifyDashboardPass,
} from './queue-dashboard.rules';

/** Why a request under /admin/queues is turned away: no good pass (401), or a pass whose user may no longer enter (403). */
export type DashboardAdmission = { claims: DashboardClaims; refused: null } | { claims: null; refused: 'UNAUTHENTICATED' | 'FORBIDDEN' };

/**
 * Who may open the queue dashboard: hands administrators a link, trades a link for the cookie, and checks the cookie
 * on every request, each time against the user's row (active, ADMIN, same session version). Off when
 * QUEUE_DASHBOARD_SECRET is unset.
 */
@Injectable()
export class QueueDashboardAccess {
  private readonly logger = new Logger('queue-dashboard');

  constructor(
    private readonly config: PuenteConfig,
    private readonly sessions: SessionService,
  ) {}

  get enabled(): boolean {
    return this.config.queueDashboard !== null;
  }

  /** A link for the signed-in administrator (the guard has checked the role), bound to their current session version. */
  async link(actor: Actor, now: Date = new Date()): Promise<{ url: string; expiresAt: Date }> {
    const secret = this.secret();
    const user = await this.sessions.accessOf(actor.userId);
    if (!user || dashboardUserRefusal(user, { sessionVersion: user.sessionVersion })) {
      throw new DomainException(ErrorCode.FORBIDDEN, 'Only an active administrator can open the queue dashboard.');
    }
    const expiresAt = dashboardExpiresAt(now);
    return { url: dashboardLinkPath(signDashboardPass('link', { userId: actor.userId, sessionVersion: user.sessionVersion, expiresAt }, secret)), expiresAt };
  }

  /** Whether a presented link or cookie admits its bearer at `now`; the reason of a refusal goes to the log, never to the caller. */
  async admit(kind: DashboardPassKind, token: string | undefined, now: Date = new Date()): Promise<DashboardAdmission> {
    const pass = verifyDashboardPass(kind, token, this.secret(), now);
    if (pass.refusal) {
      // A link that does not verify is 403, as the exports' links; a missing or bad cookie is 401 (open a new link).
      // No cookie at all is every first visit: not worth a log line.
      if (token !== undefined) this.logger.warn({ kind, refusal: pass.refusal }, 'Queue dashboard pass refused');
      return { claims: null, refused: kind === 'link' ? 'FORBIDDEN' : 'UNAUTHENTICATED' };
    }
    const refusal = dashboardUserRefusal(await this.sessions.accessOf(pass.claims.userId), pass.claims);
    if (refusal) {
      this.logger.warn({ kind, refusal, userId: pass.claims.userId }, 'Queue dashboard pass refused');
      return { claims: null, refused: 'FORBIDDEN' };
    }
    return { claims: pass.claims, refused: null };
  }

  /** The cookie's pass for claims just admitted: the same user and session version, 15 minutes from `now`. */
  cookiePass(claims: DashboardClaims, now: Date = new Date()): { token: string; maxAgeSeconds: number } {
    const expiresAt = dashboardExpiresAt(now);
    return {
      token: signDashboardPass('cookie', { userId: claims.userId, sessionVersion: claims.sessionVersion, expiresAt }, this.secret()),
      maxAgeSeconds: Math.floor((expiresAt.getTime() - now.getTime()) / 1000),
    };
  }

  private secret(): string {
    if (!this.config.queueDashboard) {
      throw new DomainException(ErrorCode.NOT_FOUND, 'The queue dashboard is off on this server; the operator turns it on by setting QUEUE_DASHBOARD_SECRET.');
    }
    return this.config.queueDashboard.secret;
  }
}
