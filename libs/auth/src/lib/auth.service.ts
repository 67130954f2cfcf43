import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { FieldCipher, PuenteConfig } from '@puente/config';
import { Actor, DomainException, ErrorCode, type Jurisdiction, Role } from '@puente/common';
import { uniqueViolationOf } from '@puente/database';
import { PasswordService } from './password.service';
import { PasswordResetEntity } from './password-reset.entity';
import { passwordProblems, temporaryPassword } from './password.policy';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionService } from './session.service';
import { hashRefreshToken, TokenService } from './token.service';
import { HALF_SIGNED_IN_TTL_SECONDS } from './two-factor.rules';
import { assertNewPasswordDiffers, refreshTokenState } from './session.rules';
import { TwoFactorService } from './two-factor.service';
import { UserEntity } from './user.entity';
import { EMPLOYER_STANDING_READER, type EmployerStandingReader } from './employer-standing.port';
import { REGION_DIRECTORY, type RegionDirectory } from './region-directory.port';
import { assertJurisdictionRegions, assertStaffAccount } from './account.policy';

export interface Session {
  accessToken: string;
  /** Null on the half-signed-in answer of an enrolled user, until completeLogin. */
  refreshToken: string | null;
  expiresIn: number;
  /** The access token may only complete the login with a second factor (completeLogin). */
  mfaRequired: boolean;
  user: UserEntity;
}

export interface NewUser {
  identifier: string;
  email: string | null;
  role: Role;
  password: string | null;
  employerId?: string | null;
  applicantId?: string | null;
  mustChangePassword?: boolean;
  /** A consul's (and only a consul's): the database refuses one without, or another role with one. */
  jurisdiction?: Jurisdiction | null;
}

const INVALID_LOGIN = 'The identifier or password is not correct.';

/** E-mails are case-insensitive identifiers; national IDs are kept as typed (validated elsewhere). */
export function normalizeIdentifier(identifier: string): string {
  const trimmed = identifier.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  // A DUI typed without its dash is the same DUI.
  return /^\d{9}$/.test(trimmed) ? `${trimmed.slice(0, 8)}-${trimmed.slice(8)}` : trimmed;
}

/** A login's jurisdiction as its access tokens carry it: a consul's, null for everyone else. */
export function jurisdictionOfUser(user: Pick<UserEntity, 'role' | 'jurisdictionCountry' | 'jurisdictionRegions'>): Jurisdiction | null {
  if (user.role !== Role.CONSUL || !user.jurisdictionCountry || !user.jurisdictionRegions?.length) return null;
  return { countryCode: user.jurisdictionCountry, regionCodes: [...user.jurisdictionRegions] };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly config: PuenteConfig,
    private readonly cipher: FieldCipher,
    private readonly sessions: SessionService,
    private readonly twoFactor: TwoFactorService,
    // Optional so a composition without employers still boots; an employer's user cannot sign in there.
    @Optional() @Inject(EMPLOYER_STANDING_READER) private readonly employers?: EmployerStandingReader,
    // Optional likewise: consuls' logins are opened only where the reference library is composed (the api).
    @Optional() @Inject(REGION_DIRECTORY) private readonly regions?: RegionDirectory,
  ) {}

  async login(identifier: string, password: string): Promise<Session> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { identifier: this.storedIdentifier(identifier) });
    const ok = await this.passwords.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !ok) throw new DomainException(ErrorCode.UNAUTHENTICATED, INVALID_LOGIN);
    await this.refuseSuspendedEmployer(this.dataSource.manager, user);
    if (user.totpEnabledAt) return this.halfSignedIn(user);
    await this.dataSource.manager.update(UserEntity, { id: user.id }, { lastLoginAt: new Date() });
    return this.dataSource.transaction((em) => this.openSession(em, user, randomUUID()));
  }

  /**
   * The second step of an enrolled user's sign-in, with the half-signed-in token `login` gave: a current TOTP code
   * (each accepted once) or an unused recovery code (spent) opens the session.
   */
  async completeLogin(actor: Actor, code: string): Promise<Session> {
    if (actor.secondFactor !== 'pending') throw new DomainException(ErrorCode.INVALID_TRANSITION, 'You are already signed in.');
    return this.dataSource.transaction(async (em) => {
      const { user } = await this.twoFactor.verify(em, actor.userId, code);
      await this.refuseSuspendedEmployer(em, user);
      await em.update(UserEntity, { id: user.id }, { lastLoginAt: new Date() });
      return this.openSession(em, user, randomUUID());
    });
  }

  /**
   * Turns two-factor sign-in on with a current code: every session the user had ends (their tokens did not pass a
   * second factor) and a fresh one that did is returned, with the recovery codes (shown once).
   */
  async confirmTotpEnrolment(actor: Actor, code: string): Promise<{ recoveryCodes: string[]; session: Session }> {
    return this.dataSource.transaction(async (em) => {
      const { user, recoveryCodes } = await this.twoFactor.confirm(em, actor, code);
      const [ended] = await this.sessions.end(em, [user.id], 'two-factor-changed');
      return { recoveryCodes, session: await this.openSession(em, { ...user, sessionVersion: ended!.version }, randomUUID()) };
    });
  }

  /** An access token that can only complete the login (no refresh token), for a few minutes. */
  private halfSignedIn(user: UserEntity): Session {
    const ttl = Math.min(HALF_SIGNED_IN_TTL_SECONDS, this.config.auth.accessTtlSeconds);
    const actor = {
      userId: user.id,
      role: user.role,
      employerId: user.employerId,
      applicantId: user.applicantId,
      jurisdiction: jurisdictionOfUser(user),
      secondFactor: 'pending' as const,
    };
    return { accessToken: this.tokens.signAccess(actor, user.sessionVersion, ttl), refreshToken: null, expiresIn: ttl, mfaRequired: true, user };
  }

  /**
   * Rotates a refresh token. Presenting a token that was already used revokes its whole family: either the
   * holder or a thief has a copy, and only a fresh login can tell them apart.
   */
  async refresh(refreshToken: string | undefined): Promise<Session> {
    const outcome = await this.dataSource.transaction(async (em) => {
      if (!refreshToken) return null;
      const stored = await em
        .createQueryBuilder(RefreshTokenEntity, 't')
        .where('t.token_hash = :hash', { hash: hashRefreshToken(refreshToken) })
        .setLock('pessimistic_write')
        .getOne();
      const state = refreshTokenState(stored, new Date());
      if (state === 'INVALID' || !stored) return null;
      if (state === 'REUSED') {
        await em.update(RefreshTokenEntity, { familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return 'reused' as const;
      }
      const user = await em.findOneBy(UserEntity, { id: stored.userId });
      if (!user?.active) return null;
      await this.refuseSuspendedEmployer(em, user);
      await em.update(RefreshTokenEntity, { id: stored.id }, { usedAt: new Date() });
      return this.openSession(em, user, stored.familyId);
    });
    if (outcome === 'reused') {
      this.logger.warn({ event: 'refresh_token_reuse' }, 'A used refresh token was presented again; its family is revoked');
    }
    if (!outcome || outcome === 'reused') {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The refresh token is invalid, expired or already used; sign in again.');
    }
    return outcome;
  }

  /**
   * Signs a session out: revokes the refresh token's whole family (the token and whatever it was rotated into),
   * so it can never be refreshed again. An unknown or already revoked token is nothing to do. Access tokens
   * already issued run out by themselves (JWT_ACCESS_TTL_SECONDS); the client drops its copy.
   */
  async signOut(refreshToken: string): Promise<void> {
    const stored = await this.dataSource.manager.findOneBy(RefreshTokenEntity, { tokenHash: hashRefreshToken(refreshToken) });
    if (stored) await this.dataSource.manager.update(RefreshTokenEntity, { familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async me(actor: Actor): Promise<UserEntity> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: actor.userId });
    if (!user?.active) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This account is no longer active.');
    return user;
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<Session> {
    const user = await this.me(actor);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'The current password is not correct.', [
        { field: 'currentPassword', message: 'is not correct' },
      ]);
    }
    DomainException.assertValid(passwordProblems('newPassword', newPassword));
    assertNewPasswordDiffers(currentPassword, newPassword);
    const passwordHash = await this.passwords.hash(newPassword);
    return this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false });
      // Every other session ends at once (tokens, sockets and refresh tokens); the caller gets the new version's.
      const [ended] = await this.sessions.end(em, [user.id], 'password-changed');
      return this.openSession(em, { ...user, passwordHash, mustChangePassword: false, sessionVersion: ended!.version }, randomUUID());
    });
  }

  /**
   * Opens a ministry staff account (coordinator, administrator, or consul with a jurisdiction whose regions exist and
   * lie in its country) with a temporary password, which it must change at first sign-in.
   */
  async createStaffUser(input: { email: string; role: Role; jurisdiction?: Jurisdiction | null }): Promise<{ user: UserEntity; temporaryPassword: string }> {
    const jurisdiction = assertStaffAccount(input);
    if (jurisdiction) {
      if (!this.regions) throw new Error("A consul's login is opened only where the reference library is composed (its region directory)");
      assertJurisdictionRegions(jurisdiction, await this.regions.countriesOfRegions(jurisdiction.regionCodes));
    }
    const temporaryPassword = this.temporaryPassword();
    const user = await this.createLogin({
      identifier: input.email,
      email: input.email,
      role: input.role,
      password: temporaryPassword,
      mustChangePassword: true,
      jurisdiction,
    });
    return { user, temporaryPassword };
  }

  /** Creates a login on its own (a staff account): the same rules as one opened with a registration. */
  createLogin(input: NewUser): Promise<UserEntity> {
    return this.dataSource.transaction((em) => this.createUser(em, input));
  }

  /** Creates a login inside the caller's transaction, so a registration and its login commit together. */
  async createUser(em: EntityManager, input: NewUser): Promise<UserEntity> {
    if (input.password !== null) DomainException.assertValid(passwordProblems('password', input.password));
    const passwordHash = input.password === null ? null : await this.passwords.hash(input.password);
    try {
      return await em.save(
        em.create(UserEntity, {
          identifier: this.storedIdentifier(input.identifier),
          email: input.email?.toLowerCase() ?? null,
          role: input.role,
          passwordHash,
          employerId: input.employerId ?? null,
          applicantId: input.applicantId ?? null,
          mustChangePassword: input.mustChangePassword ?? false,
          jurisdictionCountry: input.jurisdiction?.countryCode ?? null,
          jurisdictionRegions: input.jurisdiction ? [...input.jurisdiction.regionCodes] : null,
        }),
      );
    } catch (error) {
      if (uniqueViolationOf(error) === 'app_user_identifier_key') {
        throw new DomainException(ErrorCode.CONFLICT, 'An account with this identifier already exists.', [
          { field: input.identifier.includes('@') ? 'email' : 'nationalId', message: 'is already registered' },
        ]);
      }
      throw error;
    }
  }

  /**
   * How an identifier is kept and looked up in app_user: an e-mail lower-cased; a national ID (a DUI, typed with
   * or without its dash) only as its blind index, the applicant's `national_id_hash`, so it is never in clear.
   */
  private storedIdentifier(identifier: string): string {
    const normalized = normalizeIdentifier(identifier);
    return /^\d{8}-\d$/.test(normalized) ? this.cipher.blindIndex('dui', normalized) : normalized;
  }

  /** A readable one-time password for accounts a coordinator opens at a desk. */
  temporaryPassword(): string {
    return temporaryPassword((max) => randomInt(max));
  }

  /** Creates the first administrator from PUENTE_ADMIN_EMAIL / PUENTE_ADMIN_PASSWORD when there is none yet. */
  async ensureBootstrapAdmin(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    await this.dataSource.transaction(async (em) => {
      // One api process at a time decides, so two starting together do not both create it.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('puente.bootstrap-admin'))`);
      if (await em.existsBy(UserEntity, { role: Role.ADMIN })) return;
      await this.createUser(em, { identifier: admin.email, email: admin.email, role: Role.ADMIN, password: admin.password });
      this.logger.log('Created the first administrator from PUENTE_ADMIN_EMAIL');
    });
  }

  /** Deletes refresh tokens past their expiry; a maintenance job calls it. Returns how many went. */
  async purgeExpiredRefreshTokens(now = new Date()): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(RefreshTokenEntity)
      .where('expires_at < :now', { now })
      .execute();
    return result.affected ?? 0;
  }

  /** Deletes password-reset links past their expiry, used or not; the same nightly job calls it. */
  async purgeExpiredPasswordResets(now = new Date()): Promise<number> {
    const result = await this.dataSource.createQueryBuilder().delete().from(PasswordResetEntity).where('expires_at < :now', { now }).execute();
    return result.affected ?? 0;
  }

  /** An applicant's login carries the applicant's e-mail (where their notifications go), changed in the caller's transaction. */
  async setApplicantEmail(em: EntityManager, applicantId: string, email: string | null): Promise<void> {
    await em.update(UserEntity, { applicantId }, { email });
  }

  /**
   * A new temporary password for an applicant's login, read out at the desk (the login is created when the
   * applicant has none), in the caller's transaction: the applicant must change it at first sign-in, and every
   * session they had signs in again.
   */
  async issueApplicantTemporaryPassword(em: EntityManager, applicant: { id: string; nationalId: string; email: string | null }): Promise<string> {
    const password = this.temporaryPassword();
    const user = await em
      .createQueryBuilder(UserEntity, 'u')
      .where('u.applicant_id = :id', { id: applicant.id })
      .setLock('pessimistic_write')
      .getOne();
    if (!user) {
      await this.createUser(em, {
        identifier: applicant.nationalId,
        email: applicant.email,
        role: Role.APPLICANT,
        password,
        applicantId: applicant.id,
        mustChangePassword: true,
      });
      return password;
    }
    if (!user.active) {
      throw new DomainException(ErrorCode.CONFLICT, "This applicant's login is deactivated; it cannot be given a password.");
    }
    await em.update(UserEntity, { id: user.id }, { passwordHash: await this.passwords.hash(password), mustChangePassword: true });
    await this.sessions.end(em, [user.id], 'temporary-password');
    return password;
  }

  /** The users of a suspended employer cannot sign in or refresh until it is verified again. */
  private async refuseSuspendedEmployer(em: EntityManager, user: UserEntity): Promise<void> {
    if (!user.employerId) return;
    if (!this.employers) throw new Error("An employer's user signs in only where the employers library is composed (its standing port)");
    if (await this.employers.isSuspended(em, user.employerId)) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, "This employer's account is suspended; contact the ministry.");
    }
  }

  private async openSession(em: EntityManager, user: UserEntity, familyId: string): Promise<Session> {
    const { token, hash } = this.tokens.newRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
    await em.insert(RefreshTokenEntity, { userId: user.id, familyId, tokenHash: hash, expiresAt });
    return {
      accessToken: this.tokens.signAccess({
        userId: user.id,
        role: user.role,
        employerId: user.employerId,
        applicantId: user.applicantId,
        jurisdiction: jurisdictionOfUser(user),
        mustChangePassword: user.mustChangePassword,
        // Every session of an enrolled user was opened with a second factor: enrolling ends the older ones.
        ...(user.totpEnabledAt ? { secondFactor: 'passed' as const } : {}),
      }, user.sessionVersion),
      refreshToken: token,
      expiresIn: this.config.auth.accessTtlSeconds,
      mfaRequired: false,
      user,
    };
  }
}
