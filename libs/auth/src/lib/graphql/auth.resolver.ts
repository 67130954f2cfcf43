import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UseGuards } from '@nestjs/common';
import { Actor, DomainException, ErrorCode, Role } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { AccountService } from '../account.service';
import { AuthService, Session } from '../auth.service';
import { AllowBeforeTwoFactorEnrolment, AllowTemporaryPassword, CurrentActor, Public, Roles, SecondFactorStep } from '../decorators';
import { TwoFactorService } from '../two-factor.service';
import { AuthPayload, ConfirmTotpEnrolmentPayload, CreateStaffUserPayload, TotpEnrolment, UserModel } from './auth.model';
import {
  ChangePasswordInput,
  CreateStaffUserInput,
  DeactivateUserInput,
  LoginInput,
  RefreshTokenInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  ResetTotpInput,
  SignOutInput,
  TotpCodeInput,
} from './auth.input';
import { PasswordResetService } from '../password-reset.service';
import { PublicThrottleGuard } from './public-throttle.guard';
import { toUserModel } from './user.mapper';
import type { RequestContext } from '../request-context';
import { clearRefreshCookie, isWebClient, refreshCookieOf, setRefreshCookie } from '../web-session';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly accounts: AccountService,
    private readonly twoFactor: TwoFactorService,
    private readonly config: PuenteConfig,
  ) {}

  /**
   * A session as the caller gets it: an API client reads the refresh token in the payload; a web client
   * (X-Puente-Session: cookie) gets it as an httpOnly cookie, and null in the payload, so no script can read it.
   */
  private toPayload(session: Session, context: RequestContext): AuthPayload {
    if (session.refreshToken && isWebClient(context.http)) {
      setRefreshCookie(context.http, session.refreshToken, this.config.auth.refreshTtlDays * 86_400);
      return { ...session, refreshToken: null, user: toUserModel(session.user) };
    }
    return { ...session, user: toUserModel(session.user) };
  }

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail (staff, employers) or national ID (applicants).' })
  async login(@Args('input') input: LoginInput, @Context() context: RequestContext): Promise<AuthPayload> {
    return this.toPayload(await this.auth.login(input.identifier, input.password), context);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchange a refresh token for a new pair; the old one stops working. API clients send it in input; web clients ' +
      '(X-Puente-Session: cookie) send no input: the puente_refresh cookie is used and replaced (cleared when refused).',
  })
  async refreshToken(
    @Context() context: RequestContext,
    @Args('input', { type: () => RefreshTokenInput, nullable: true }) input?: RefreshTokenInput | null,
  ): Promise<AuthPayload> {
    try {
      // No token at all is refused like an invalid one (the same code and message).
      return this.toPayload(await this.auth.refresh(input?.refreshToken ?? refreshCookieOf(context.http)), context);
    } catch (error) {
      // A cookie that no longer works is dropped, so the browser stops sending it.
      if (isWebClient(context.http) && error instanceof DomainException && error.code === ErrorCode.UNAUTHENTICATED) clearRefreshCookie(context.http);
      throw error;
    }
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Signs out: revokes the session's refresh token (and whatever it was rotated into) and clears the puente_refresh cookie. " +
      'Web clients (X-Puente-Session: cookie) send no input; API clients send their refreshToken. Always answers true, also ' +
      'when there was nothing to revoke. The access token runs out by itself; drop it.',
  })
  async signOut(
    @Context() context: RequestContext,
    @Args('input', { type: () => SignOutInput, nullable: true }) input?: SignOutInput | null,
  ): Promise<boolean> {
    const token = input?.refreshToken ?? refreshCookieOf(context.http);
    if (isWebClient(context.http)) clearRefreshCookie(context.http);
    if (token) await this.auth.signOut(token);
    return true;
  }

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => Boolean, {
    description:
      'Staff and employers who forgot their password: e-mails a one-time link (valid one hour) when an account signs in with this ' +
      'address. Always answers true, whether or not there is such an account. Applicants get a temporary password from a coordinator.',
  })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.resets.request(input.email);
    return true;
  }

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => Boolean, {
    description: 'Sets a new password with the token of a reset link (once); every session of the account must sign in again.',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.resets.reset(input.token, input.newPassword);
    return true;
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.APPLICANT, Role.CONSUL)
  @AllowTemporaryPassword()
  @AllowBeforeTwoFactorEnrolment()
  @Query(() => UserModel)
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return toUserModel(await this.auth.me(actor));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.APPLICANT, Role.CONSUL)
  @AllowTemporaryPassword()
  @AllowBeforeTwoFactorEnrolment()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => AuthPayload, {
    description: 'Sets a new password, signs out every other session at once and returns a fresh one. Throttled per user like login.',
  })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput, @Context() context: RequestContext): Promise<AuthPayload> {
    return this.toPayload(await this.auth.changePassword(actor, input.currentPassword, input.newPassword), context);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CreateStaffUserPayload, {
    description: 'Opens a ministry staff account: a coordinator, an administrator, or a consul with a jurisdiction (a country and regions of it).',
  })
  async createStaffUser(@Args('input') input: CreateStaffUserInput): Promise<CreateStaffUserPayload> {
    const { user, temporaryPassword } = await this.auth.createStaffUser(input);
    return { user: toUserModel(user), temporaryPassword };
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => UserModel, {
    description:
      'Deactivates a login (administrators: any but their own; coordinators: applicants only), with a reason for the audit trail: ' +
      'every session it has ends at once (HTTP refused, WebSockets closed) and it cannot sign in or refresh until reactivated.',
  })
  async deactivateUser(@CurrentActor() actor: Actor, @Args('input') input: DeactivateUserInput): Promise<UserModel> {
    return toUserModel(await this.accounts.deactivate(actor, input.userId, input.reason));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => UserModel, { description: 'Lets a deactivated login sign in again with its password (same rules as deactivateUser).' })
  async reactivateUser(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }) userId: string): Promise<UserModel> {
    return toUserModel(await this.accounts.reactivate(actor, userId));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL)
  @SecondFactorStep()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => AuthPayload, {
    description:
      'The second step of signing in with two-factor sign-in: with the accessToken login gave (mfaRequired), a current code of the ' +
      'authenticator app (each accepted once) or an unused recovery code (spent) returns the session. Throttled per user.',
  })
  async completeLogin(@CurrentActor() actor: Actor, @Args('input') input: TotpCodeInput, @Context() context: RequestContext): Promise<AuthPayload> {
    return this.toPayload(await this.auth.completeLogin(actor, input.code), context);
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL)
  @AllowBeforeTwoFactorEnrolment()
  @Mutation(() => TotpEnrolment, {
    description:
      'Starts enrolling in two-factor sign-in (staff; employers who opt in): a new secret, as a QR-code URI and in base32, shown once. ' +
      'Nothing changes until confirmTotpEnrolment.',
  })
  async startTotpEnrolment(@CurrentActor() actor: Actor): Promise<TotpEnrolment> {
    return this.twoFactor.start(actor);
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL)
  @AllowBeforeTwoFactorEnrolment()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => ConfirmTotpEnrolmentPayload, {
    description:
      'Turns two-factor sign-in on with a current code of the new secret: returns ten recovery codes (shown once) and a fresh session; ' +
      'every other session ends. Throttled per user.',
  })
  async confirmTotpEnrolment(
    @CurrentActor() actor: Actor,
    @Args('input') input: TotpCodeInput,
    @Context() context: RequestContext,
  ): Promise<ConfirmTotpEnrolmentPayload> {
    const { recoveryCodes, session } = await this.auth.confirmTotpEnrolment(actor, input.code);
    return { recoveryCodes, auth: this.toPayload(session, context) };
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL)
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => UserModel, {
    description:
      'Turns two-factor sign-in off with a current code (or a recovery code). Refused for staff while STAFF_TOTP_REQUIRED is on. Throttled per user.',
  })
  async disableTotp(@CurrentActor() actor: Actor, @Args('input') input: TotpCodeInput): Promise<UserModel> {
    return toUserModel(await this.twoFactor.disable(actor, input.code));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description:
      "Resets another login's two-factor sign-in (a lost phone), with a reason for the audit trail: every session it has ends; it signs in " +
      'with its password and may enrol again.',
  })
  async resetTotp(@CurrentActor() actor: Actor, @Args('input') input: ResetTotpInput): Promise<UserModel> {
    return toUserModel(await this.twoFactor.reset(actor, input.userId, input.reason));
  }
}
