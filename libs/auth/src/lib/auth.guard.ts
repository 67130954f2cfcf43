import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException, ErrorCode, Role } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { PUBLIC_KEY, ROLES_KEY, SECOND_FACTOR_PENDING_KEY, TEMPORARY_PASSWORD_KEY, TWO_FACTOR_ENROLMENT_KEY } from './decorators';
import { requestContextOf } from './request-context';
import { secondFactorRefusal } from './two-factor.rules';

/**
 * The global guard: deny by default. An operation or field resolver runs only if it is @Public() or names
 * @Roles(...) that include the caller's; one that declares neither is refused for everyone, so a forgotten
 * decorator fails closed (and the schema-guard test names it). An account opened with a temporary password
 * (read out at a desk, or sent once) can only change it until it has. Two-factor sign-in: the half-signed-in
 * token of an enrolled user can only complete the login, and with STAFF_TOTP_REQUIRED a staff user who has not
 * enrolled can only enrol (secondFactorRefusal).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: PuenteConfig,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const context = requestContextOf(ctx);
    if (!context.actor) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, context.authError ?? 'Sign in first: send Authorization: Bearer <accessToken>.');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.includes(context.actor.role)) {
      throw new DomainException(ErrorCode.FORBIDDEN, 'Your role does not allow this.');
    }
    const secondFactor = secondFactorRefusal(context.actor, {
      staffTotpRequired: this.config.auth.staffTotpRequired,
      allowsPending: this.reflector.getAllAndOverride<boolean>(SECOND_FACTOR_PENDING_KEY, targets) === true,
      allowsEnrolment: this.reflector.getAllAndOverride<boolean>(TWO_FACTOR_ENROLMENT_KEY, targets) === true,
    });
    if (context.actor.secondFactor === 'pending' && secondFactor) throw new DomainException(ErrorCode.FORBIDDEN, secondFactor);
    if (context.actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(TEMPORARY_PASSWORD_KEY, targets)) {
      throw new DomainException(ErrorCode.FORBIDDEN, 'Change your temporary password first (mutation changePassword), then sign in again.');
    }
    if (secondFactor) throw new DomainException(ErrorCode.FORBIDDEN, secondFactor);
    return true;
  }
}
