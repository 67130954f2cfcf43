import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher, PuenteConfig } from '@puente/config';
import { Actor, DomainException, ErrorCode, isUuid, requireReason } from '@puente/common';
import { recordAudit } from '@puente/database';
import { SessionService } from './session.service';
import {
  acceptsStep,
  assertMayConfirmEnrolment,
  assertMayDisable,
  assertMayEnrol,
  assertMayReset,
  assertMayStartEnrolment,
  assertTwoFactorOn,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCode,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_WINDOW,
  totpCodeOf,
} from './two-factor.rules';
import { UserEntity } from './user.entity';

const ISSUER = 'Puente';
const WRONG_CODE = 'The code is not correct or has expired; use the current code of your authenticator app.';

/** A user with the two-factor columns that are not selected by default. */
type UserWithTotp = UserEntity & { totpSecret: string | null; totpLastStep: string | null; totpRecoveryHashes: string[] };

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}

function wrongCode(message = WRONG_CODE): DomainException {
  return new DomainException(ErrorCode.BAD_USER_INPUT, message, [{ field: 'code', message: 'is not correct' }]);
}

/**
 * Two-factor sign-in with TOTP (RFC 6238, `otpauth`): enrolment, checking a code or a recovery code, turning it
 * off. The secret is encrypted at rest with the FieldCipher (kind `totp`); recovery codes are kept only hashed.
 * Every check locks the user's row, so a code accepted once (its time step recorded) or a recovery code (its hash
 * removed) cannot be accepted again, even by two requests at the same moment.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly config: PuenteConfig,
    private readonly sessions: SessionService,
  ) {}

  /** A new secret for the caller (replacing one not yet confirmed): the otpauth:// URI for a QR code, and the secret itself. */
  start(actor: Actor): Promise<{ otpauthUri: string; secret: string }> {
    assertMayEnrol(actor.role);
    return this.dataSource.transaction(async (em) => {
      const user = await this.lock(em, actor.userId);
      if (!user?.active) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This account is no longer active.');
      assertMayStartEnrolment(user);
      const secret = new Secret({ size: 20 });
      await em.update(UserEntity, { id: user.id }, { totpSecret: this.cipher.encrypt('totp', secret.base32) });
      return { otpauthUri: this.totp(secret.base32, user).toString(), secret: secret.base32 };
    });
  }

  /**
   * Turns two-factor sign-in on with a current code of the secret `start` gave, in the caller's transaction.
   * Returns the recovery codes (shown once).
   */
  async confirm(em: EntityManager, actor: Actor, code: string): Promise<{ user: UserEntity; recoveryCodes: string[] }> {
    const user = await this.lock(em, actor.userId);
    if (!user?.active) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This account is no longer active.');
    assertMayConfirmEnrolment(user);
    const step = this.acceptedStep(user, code);
    if (step === null) throw wrongCode();
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCode((max) => randomInt(max)));
    const enabledAt = new Date();
    await em.update(UserEntity, { id: user.id }, { totpEnabledAt: enabledAt, totpLastStep: String(step), totpRecoveryHashes: recoveryCodes.map(hashRecoveryCode) });
    await recordAudit(em, actor, { action: 'enable-two-factor', entity: 'app_user', entityId: user.id });
    return { user: { ...user, totpEnabledAt: enabledAt }, recoveryCodes };
  }

  /**
   * Checks a code of an enrolled user in the caller's transaction: a current TOTP code not used before, or an
   * unused recovery code (which is then spent). Throws BAD_USER_INPUT otherwise.
   */
  async verify(em: EntityManager, userId: string, code: string): Promise<{ user: UserEntity; used: 'totp' | 'recovery' }> {
    const user = await this.lock(em, userId);
    if (!user?.active) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This account is no longer active.');
    assertTwoFactorOn(user);
    if (totpCodeOf(code) !== null) {
      const step = this.acceptedStep(user, code);
      if (step === null) throw wrongCode();
      await em.update(UserEntity, { id: user.id }, { totpLastStep: String(step) });
      return { user, used: 'totp' };
    }
    const hash = hashRecoveryCode(code);
    if (!user.totpRecoveryHashes.includes(hash)) throw wrongCode('The code is not correct: give the current code of your authenticator app, or an unused recovery code.');
    await em.update(UserEntity, { id: user.id }, { totpRecoveryHashes: user.totpRecoveryHashes.filter((h) => h !== hash) });
    return { user, used: 'recovery' };
  }

  /** The user turns two-factor sign-in off with a current code (or a recovery code); not while it is required of staff. */
  disable(actor: Actor, code: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (em) => {
      assertMayDisable(actor.role, this.config.auth.staffTotpRequired);
      const { user } = await this.verify(em, actor.userId, code);
      await this.clear(em, user.id);
      await recordAudit(em, actor, { action: 'disable-two-factor', entity: 'app_user', entityId: user.id });
      return { ...user, totpEnabledAt: null };
    });
  }

  /** An administrator resets another user's two-factor sign-in (a lost phone): audited, and every session of theirs ends. */
  reset(actor: Actor, userId: string, reason: string): Promise<UserEntity> {
    const why = requireReason(reason, 'for the reset');
    return this.dataSource.transaction(async (em) => {
      const user = isUuid(userId) ? await this.lock(em, userId) : null;
      if (!user) throw DomainException.notFound('User');
      assertMayReset(actor, user);
      await this.clear(em, user.id);
      const [ended] = await this.sessions.end(em, [user.id], 'two-factor-changed');
      await recordAudit(em, actor, { action: 'reset-two-factor', entity: 'app_user', entityId: user.id, reason: why });
      return { ...user, totpEnabledAt: null, sessionVersion: ended!.version };
    });
  }

  private async clear(em: EntityManager, userId: string): Promise<void> {
    await em.update(UserEntity, { id: userId }, { totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryHashes: [] });
  }

  /** The time step of a current TOTP code not used before, or null. */
  private acceptedStep(user: UserWithTotp, code: string): number | null {
    const token = totpCodeOf(code);
    if (token === null || !user.totpSecret) return null;
    const now = Date.now();
    const delta = this.totp(this.cipher.decrypt('totp', user.totpSecret), user).validate({ token, timestamp: now, window: TOTP_WINDOW });
    if (delta === null) return null;
    const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
    return acceptsStep(step, user.totpLastStep === null ? null : Number(user.totpLastStep)) ? step : null;
  }

  private totp(base32: string, user: UserEntity): TOTP {
    return new TOTP({
      issuer: ISSUER,
      label: user.email ?? user.role.toLowerCase(),
      algorithm: 'SHA1',
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD_SECONDS,
      secret: Secret.fromBase32(base32),
    });
  }

  private lock(em: EntityManager, userId: string): Promise<UserWithTotp | null> {
    return em
      .createQueryBuilder(UserEntity, 'u')
      .addSelect(['u.totpSecret', 'u.totpLastStep', 'u.totpRecoveryHashes'])
      .where('u.id = :id', { id: userId })
      .setLock('pessimistic_write')
      .getOne() as Promise<UserWithTotp | null>;
  }
}
