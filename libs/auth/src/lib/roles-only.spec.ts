import type { MiddlewareContext } from '@nestjs/graphql';
import { Actor, DomainException, ErrorCode, Role } from '@puente/common';
import { rolesOnly } from './auth.guard';

const actor = (role: Role): Actor => ({ userId: 'u1', role, employerId: null, applicantId: null });
const contextOf = (context: object) => ({ context, source: {}, args: {}, info: {} }) as unknown as MiddlewareContext;
const employerField = rolesOnly(Role.COORDINATOR, Role.EMPLOYER);

function refusal(context: object): DomainException {
  try {
    employerField(contextOf(context), async () => 'value');
  } catch (error) {
    return error as DomainException;
  }
  throw new Error('not refused');
}

describe('rolesOnly, the field middleware of a joined field', () => {
  it("hands on the field's value to the roles it names", async () => {
    for (const role of [Role.COORDINATOR, Role.EMPLOYER]) {
      await expect(employerField(contextOf({ actor: actor(role), authError: null }), async () => 'value')).resolves.toBe('value');
    }
  });

  it('refuses every other role as the guard does, FORBIDDEN', () => {
    for (const role of [Role.APPLICANT, Role.CONSUL, Role.ADMIN]) {
      const error = refusal({ actor: actor(role), authError: null });
      expect(error).toBeInstanceOf(DomainException);
      expect(error).toMatchObject({ code: ErrorCode.FORBIDDEN, message: 'Your role does not allow this.' });
    }
  });

  it("refuses a caller who is not signed in, UNAUTHENTICATED, with the reason their token was not taken", () => {
    expect(refusal({ actor: null, authError: null })).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, message: expect.stringContaining('Sign in first') });
    expect(refusal({ actor: null, authError: 'Your session has ended.' })).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, message: 'Your session has ended.' });
  });
});
