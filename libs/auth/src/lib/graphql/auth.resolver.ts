import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UseGuards } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainException, ErrorCode, isEmail, Role } from '@puente/common';
import { AccountService } from '../account.service';
import { AuthService, Session } from '../auth.service';
import { AllowTemporaryPassword, CurrentActor, Public, Roles } from '../decorators';
import {
  AuthPayload,
  ChangePasswordInput,
  CreateStaffUserInput,
  CreateStaffUserPayload,
  DeactivateUserInput,
  LoginInput,
  RefreshTokenInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  UserModel,
} from './auth.model';
import { PasswordResetService } from '../password-reset.service';
import { PublicThrottleGuard } from './public-throttle.guard';
import { toUserModel } from './user.mapper';

function toPayload(session: Session): AuthPayload {
  return { ...session, user: toUserModel(session.user) };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly accounts: AccountService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail (staff, employers) or national ID (applicants).' })
  async login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return toPayload(await this.auth.login(input.identifier, input.password));
  }

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for a new pair; the old one stops working.' })
  async refreshToken(@Args('input') input: RefreshTokenInput): Promise<AuthPayload> {
    return toPayload(await this.auth.refresh(input.refreshToken));
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

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.APPLICANT)
  @AllowTemporaryPassword()
  @Query(() => UserModel)
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return toUserModel(await this.auth.me(actor));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.APPLICANT)
  @AllowTemporaryPassword()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => AuthPayload, {
    description: 'Sets a new password, signs out every other session at once and returns a fresh one. Throttled per user like login.',
  })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput): Promise<AuthPayload> {
    return toPayload(await this.auth.changePassword(actor, input.currentPassword, input.newPassword));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CreateStaffUserPayload, { description: 'Opens a ministry staff account (coordinator or administrator).' })
  async createStaffUser(@Args('input') input: CreateStaffUserInput): Promise<CreateStaffUserPayload> {
    if (input.role !== Role.COORDINATOR && input.role !== Role.ADMIN) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Staff accounts are COORDINATOR or ADMIN.', [
        { field: 'role', message: 'must be COORDINATOR or ADMIN' },
      ]);
    }
    if (!isEmail(input.email.trim())) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Please enter a valid e-mail address.', [
        { field: 'email', message: 'is not a valid e-mail address' },
      ]);
    }
    const temporaryPassword = this.auth.temporaryPassword();
    const user = await this.dataSource.transaction((em) =>
      this.auth.createUser(em, {
        identifier: input.email,
        email: input.email,
        role: input.role,
        password: temporaryPassword,
        mustChangePassword: true,
      }),
    );
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
}
