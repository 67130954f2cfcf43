import { GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLFieldResolver } from 'graphql';
import { Actor, DomainException, ErrorCode, Role } from '@puente/common';
import { rolesOnly, withRolesOnlyFields } from './auth.guard';

const actor = (role: Role): Actor => ({ userId: 'u1', role, employerId: null, applicantId: null });

/** A schema with one joined field marked rolesOnly, as Nest builds it (its own reader of the property). */
function schemaWith(resolve?: GraphQLFieldResolver<unknown, unknown>) {
  const order = new GraphQLObjectType({
    name: 'Order',
    fields: { employer: { type: GraphQLString, extensions: rolesOnly(Role.COORDINATOR, Role.EMPLOYER), resolve }, title: { type: GraphQLString } },
  });
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { order: { type: order } } }) });
}

const employerField = () => {
  const field = withRolesOnlyFields(schemaWith(function rootFieldResolver(source) { return (source as { employer: string }).employer; })).getType('Order') as GraphQLObjectType;
  const resolve = field.getFields()['employer']!.resolve!;
  return (context: object) => resolve({ employer: 'Agro Norte' }, {}, context, {} as never);
};

function refusal(context: object): DomainException {
  try {
    employerField()(context);
  } catch (error) {
    return error as DomainException;
  }
  throw new Error('not refused');
}

describe('rolesOnly, the role check of a joined field (withRolesOnlyFields)', () => {
  it("hands on the field's value, synchronously, to the roles it names", () => {
    for (const role of [Role.COORDINATOR, Role.EMPLOYER]) expect(employerField()({ actor: actor(role), authError: null })).toBe('Agro Norte');
  });

  it('refuses every other role as the guard does, FORBIDDEN', () => {
    for (const role of [Role.APPLICANT, Role.CONSUL, Role.ADMIN]) {
      const error = refusal({ actor: actor(role), authError: null });
      expect(error).toBeInstanceOf(DomainException);
      expect(error).toMatchObject({ code: ErrorCode.FORBIDDEN, message: 'Your role does not allow this.' });
    }
  });

  it('refuses a caller who is not signed in, UNAUTHENTICATED, with the reason their token was not taken', () => {
    expect(refusal({ actor: null, authError: null })).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, message: expect.stringContaining('Sign in first') });
    expect(refusal({ actor: null, authError: 'Your session has ended.' })).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, message: 'Your session has ended.' });
  });

  it('marks a field without a reader of its own too, and leaves unmarked fields alone', () => {
    const order = withRolesOnlyFields(schemaWith()).getType('Order') as GraphQLObjectType;
    expect(order.getFields()['employer']!.resolve).toEqual(expect.any(Function));
    expect(order.getFields()['title']!.resolve).toBeUndefined();
  });

  it('checks the role before a resolver the field already has (tracing wraps every reader in its own)', () => {
    const traced = jest.fn(() => 'through the tracer');
    const order = withRolesOnlyFields(schemaWith(traced)).getType('Order') as GraphQLObjectType;
    const resolve = order.getFields()['employer']!.resolve!;
    expect(resolve({}, {}, { actor: actor(Role.EMPLOYER), authError: null }, {} as never)).toBe('through the tracer');
    expect(() => resolve({}, {}, { actor: actor(Role.APPLICANT), authError: null }, {} as never)).toThrow('Your role does not allow this.');
    expect(traced).toHaveBeenCalledTimes(1);
  });
});
