import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, DomainException, ErrorCode, Role } from '@puente/common';
import { requestContextOf } from './request-context';

export const PUBLIC_KEY = 'puente:public';
export const ROLES_KEY = 'puente:roles';

/** Open to anyone, signed in or not. Everything else is denied unless it names its roles. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed to call an operation or resolve a field. Ownership is checked further in, by services. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in actor; the guard has already refused anonymous callers where this is used. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const context = requestContextOf(ctx);
  if (!context.actor) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
  return { ...context.actor, requestId: context.requestId };
});
