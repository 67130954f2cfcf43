import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, DomainException, ErrorCode, Role } from '@puente/common';
import { requestContextOf } from './request-context';

export const PUBLIC_KEY = 'puente:public';
export const ROLES_KEY = 'puente:roles';
export const TEMPORARY_PASSWORD_KEY = 'puente:temporary-password';
export const SECOND_FACTOR_PENDING_KEY = 'puente:second-factor-pending';
export const TWO_FACTOR_ENROLMENT_KEY = 'puente:two-factor-enrolment';

/** Open to anyone, signed in or not. Everything else is denied unless it names its roles. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed to call an operation or resolve a field. Ownership is checked further in, by services. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Reachable with a temporary password (which must be changed before anything else). */
export const AllowTemporaryPassword = () => SetMetadata(TEMPORARY_PASSWORD_KEY, true);

/** Reachable with the half-signed-in token of an enrolled user (completeLogin), which reaches nothing else. */
export const SecondFactorStep = () => SetMetadata(SECOND_FACTOR_PENDING_KEY, true);

/** Reachable by staff who must enrol in two-factor sign-in (STAFF_TOTP_REQUIRED) before anything else. */
export const AllowBeforeTwoFactorEnrolment = () => SetMetadata(TWO_FACTOR_ENROLMENT_KEY, true);

/** The signed-in actor; the guard has already refused anonymous callers where this is used. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const context = requestContextOf(ctx);
  if (!context.actor) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
  return { ...context.actor, requestId: context.requestId };
});
