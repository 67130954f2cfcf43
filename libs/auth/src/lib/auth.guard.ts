import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isInterfaceType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { DomainException, ErrorCode, Role } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { PUBLIC_KEY, ROLES_KEY, SECOND_FACTOR_PENDING_KEY, TEMPORARY_PASSWORD_KEY, TWO_FACTOR_ENROLMENT_KEY } from './decorators';
import { RequestContext, requestContextOf } from './request-context';
import { secondFactorRefusal } from './two-factor.rules';

/**
 * The global guard: deny by default. An operation or field resolver runs only if it is @Public() or names
 * @Roles(...) that include the caller's; one that declares neither is refused for everyone, so a forgotten
 * decorator fails closed (and the schema-guard test names it). An account opened with a temporary password
 * (read out at a desk, or sent once) can only change it until it has. Two-factor sign-in: the half-signed-in
 * token of an enrolled user can only complete the login, and with STAFF_TOTP_REQUIRED a staff user who has not
 * enrolled can only enrol (secondFactorRefusal).
 */
/** What a resolver's decorators allow, read once per resolver: the guard runs for every field resolved. */
interface Policy {
  isPublic: boolean;
  roles: readonly Role[] | undefined;
  allowsPending: boolean;
  allowsEnrolment: boolean;
  allowsTemporaryPassword: boolean;
}

@Injectable()
export class AuthGuard implements CanActivate {
  /** By handler, then by class (a handler a base class declares serves every resolver class that extends it). */
  private readonly policies = new WeakMap<object, WeakMap<object, Policy>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly config: PuenteConfig,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const policy = this.policyOf(ctx.getHandler(), ctx.getClass());
    if (policy.isPublic) return true;
    const context = requestContextOf(ctx);
    const refusal = roleRefusal(context, policy.roles);
    if (refusal) throw refusal;
    const actor = context.actor!;
    const secondFactor = secondFactorRefusal(actor, {
      staffTotpRequired: this.config.auth.staffTotpRequired,
      allowsPending: policy.allowsPending,
      allowsEnrolment: policy.allowsEnrolment,
    });
    if (actor.secondFactor === 'pending' && secondFactor) throw new DomainException(ErrorCode.FORBIDDEN, secondFactor);
    if (actor.mustChangePassword && !policy.allowsTemporaryPassword) {
      throw new DomainException(ErrorCode.FORBIDDEN, 'Change your temporary password first (mutation changePassword), then sign in again.');
    }
    if (secondFactor) throw new DomainException(ErrorCode.FORBIDDEN, secondFactor);
    return true;
  }

  private policyOf(handler: object, cls: object): Policy {
    let byClass = this.policies.get(handler);
    if (!byClass) this.policies.set(handler, (byClass = new WeakMap()));
    let policy = byClass.get(cls);
    if (!policy) {
      const targets = [handler, cls] as Parameters<Reflector['getAllAndOverride']>[1];
      const flag = (key: string) => this.reflector.getAllAndOverride<boolean>(key, targets) === true;
      policy = {
        isPublic: flag(PUBLIC_KEY),
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
        allowsPending: flag(SECOND_FACTOR_PENDING_KEY),
        allowsEnrolment: flag(TWO_FACTOR_ENROLMENT_KEY),
        allowsTemporaryPassword: flag(TEMPORARY_PASSWORD_KEY),
      };
      byClass.set(cls, policy);
    }
    return policy;
  }
}

/** The refusal of a caller who is not signed in, or whose role is not among `roles`; null when neither. */
function roleRefusal(context: Pick<RequestContext, 'actor' | 'authError'>, roles: readonly Role[] | undefined): DomainException | null {
  if (!context.actor) return new DomainException(ErrorCode.UNAUTHENTICATED, context.authError ?? 'Sign in first: send Authorization: Bearer <accessToken>.');
  if (!roles?.includes(context.actor.role)) return new DomainException(ErrorCode.FORBIDDEN, 'Your role does not allow this.');
  return null;
}

const ROLES_ONLY = 'puente.rolesOnly';

/**
 * The roles that may read a field whose value its parent already holds (an object joined by the read that answered
 * the parent), as the field's extension: `@Field(() => T) @Extensions(rolesOnly(Role.X))`. Only the role is checked;
 * the operation that reached the parent passed the guard in full for the same caller (session, second factor,
 * temporary password). `withRolesOnlyFields` enforces it.
 */
export function rolesOnly(...roles: Role[]): Record<string, readonly Role[]> {
  return { [ROLES_ONLY]: roles };
}

/**
 * Gives each field marked `rolesOnly` a resolver, at start (`transformSchema`), that refuses as the guard does
 * (roleRefusal) and otherwise reads the property, or calls the resolver the field already has (tracing wraps each
 * field's reader in one of its own). It is synchronous, so a page's rows complete without a promise each: Nest's
 * field middleware ran an async chain per field (and its whole resolver pipeline before that), for 20 rows a page.
 */
export function withRolesOnlyFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const roles = field.extensions[ROLES_ONLY] as readonly Role[] | undefined;
      if (!roles) continue;
      const property = field.name;
      const read: GraphQLFieldResolver<Record<string, unknown>, RequestContext> = field.resolve ?? ((source) => source[property]);
      field.resolve = function rolesOnlyField(source: Record<string, unknown>, args: Record<string, unknown>, context: RequestContext, info) {
        const refusal = roleRefusal(context, roles);
        if (refusal) throw refusal;
        return read(source, args, context, info);
      };
    }
  }
  return schema;
}
