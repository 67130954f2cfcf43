import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, In, IsNull } from 'typeorm';
import { PuenteConfig } from '@puente/config';
import { DomainException, ErrorCode, isEmail, Role } from '@puente/common';
import { NOTIFICATION_CHANNEL, NotificationChannel, NotificationEntity } from '@puente/notifications';
import { normalizeIdentifier } from './auth.service';
import { PasswordService } from './password.service';
import { passwordProblems } from './password.policy';
import { PasswordResetEntity } from './password-reset.entity';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

/** A link is good for one hour and one use. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
/**
 * Every request answers after at least this long, whether or not the account exists, so the time of the answer
 * does not tell (the work for an existing account is a few milliseconds of SQL; the e-mail goes in the background).
 */
export const RESET_REQUEST_FLOOR_MS = 300;
/** Who resets by e-mail: people who sign in with an e-mail. Applicants sign in with their DUI and get a temporary password at the desk. */
const EMAIL_ROLES = [Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL];
const INVALID_TOKEN = 'This reset link is invalid, expired or already used; request a new one.';

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Password resets through a one-time e-mailed link, for staff and employers.
 *
 * The token (32 random bytes) exists in plaintext only in memory and in the e-mail: the table keeps its SHA-256.
 * That is why the message does not go through the outbox: a notification row keeps its body (for the retrying
 * delivery job), and the body would carry the token, a live credential, into the database and its backups. The
 * message is handed straight to the notification channel (SMTP when configured, the log otherwise, which logs the
 * id, kind and audience only, never the body), after the token's row commits. If the relay is down the e-mail is
 * lost, not retried: the person asks again, which supersedes the lost link anyway. The link puts the token in the
 * URL fragment (`#token=`), which browsers never send to a server, so it stays out of web-server logs too.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly config: PuenteConfig,
    @Inject(NOTIFICATION_CHANNEL) private readonly channel: NotificationChannel,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Opens a reset link for an active staff or employer account with this e-mail and mails it; for any other
   * address it does nothing. Either way it answers the same, after the same floor of time.
   */
  async request(email: string): Promise<void> {
    const started = Date.now();
    const identifier = normalizeIdentifier(email);
    if (!isEmail(identifier)) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Please enter a valid e-mail address.', [{ field: 'email', message: 'is not a valid e-mail address' }]);
    }
    const token = randomBytes(32).toString('base64url');
    const userId = await this.dataSource.transaction(async (em) => {
      const user = await em
        .createQueryBuilder(UserEntity, 'u')
        .where('u.identifier = :identifier AND u.active AND u.role IN (:...roles)', { identifier, roles: EMAIL_ROLES })
        .setLock('pessimistic_write')
        .getOne();
      if (!user) return null;
      // A new request supersedes the older links: at most one live token per user (a partial unique index holds it).
      await em.delete(PasswordResetEntity, { userId: user.id, usedAt: IsNull() });
      await em.insert(PasswordResetEntity, { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) });
      return user.id;
    });
    if (userId) void this.mail(userId, token);
    await sleep(Math.max(0, RESET_REQUEST_FLOOR_MS - (Date.now() - started)));
  }

  /**
   * Sets the new password of the link's user (the policy of changePassword), uses the link up, clears
   * mustChangePassword and revokes every refresh token of the user. An unknown, used or expired token is one
   * generic refusal.
   */
  async reset(token: string, newPassword: string): Promise<void> {
    DomainException.assertValid(passwordProblems('newPassword', newPassword));
    const passwordHash = await this.passwords.hash(newPassword);
    const done = await this.dataSource.transaction(async (em) => {
      const link = await em
        .createQueryBuilder(PasswordResetEntity, 'r')
        .where('r.token_hash = :hash', { hash: hashResetToken(token.trim()) })
        .setLock('pessimistic_write')
        .getOne();
      if (!link || link.usedAt || link.expiresAt <= new Date()) return false;
      const user = await em.findOneBy(UserEntity, { id: link.userId, active: true, role: In(EMAIL_ROLES) });
      if (!user) return false;
      const now = new Date();
      await em.update(PasswordResetEntity, { id: link.id }, { usedAt: now });
      await em.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false });
      // Every session ends at once: access tokens, sockets and refresh tokens.
      await this.sessions.end(em, [user.id], 'password-reset');
      return true;
    });
    if (!done) throw new DomainException(ErrorCode.BAD_USER_INPUT, INVALID_TOKEN, [{ field: 'token', message: 'is invalid, expired or already used' }]);
  }

  /** Sends the link; never throws (the caller has answered already) and logs no address, token or body. */
  private async mail(userId: string, token: string): Promise<void> {
    const message = Object.assign(new NotificationEntity(), {
      id: randomUUID(),
      dedupeKey: `password-reset:${userId}`,
      audience: 'USER' as const,
      applicantId: null,
      employerId: null,
      userId,
      kind: 'password-reset',
      subject: 'Reset your Puente password',
      body: [
        'Someone (we hope you) asked to reset the password of your Puente account.',
        'Open this link within one hour to choose a new password; it works once:',
        '',
        `${this.config.publicUrl}/reset-password#token=${token}`,
        '',
        'If you did not ask for this, ignore this message: your password stays as it is.',
      ].join('\n'),
      channel: null,
      attempts: 0,
      sentAt: null,
    });
    try {
      await this.channel.send(message);
    } catch (error) {
      this.logger.warn({ kind: 'password-reset', reason: error instanceof Error ? error.message : 'unknown' }, 'The password reset e-mail was not sent');
    }
  }
}
