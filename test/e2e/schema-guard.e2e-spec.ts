import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { PUBLIC_KEY, ROLES_KEY } from '@puente/auth';
import { codesOf, startApi, TestApi } from '../support/api';

/**
 * The operations anyone may call: signing in and up, the password-reset link, the reference vocabularies a
 * sign-up form is built from, and the public transparency lists (open job orders, verified employers). Everything
 * else must refuse an anonymous caller.
 */
const PUBLIC_OPERATIONS = [
  'login', 'refreshToken', 'signOut', 'registerEmployer', 'requestPasswordReset', 'resetPassword',
  'municipalities', 'departments', 'regions', 'occupations', 'skills', 'publicJobOrders', 'verifiedEmployers',
];

/** A syntactically valid value for any input type, built from the schema itself. */
function sample(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return `[${sample(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${sample(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    const samples: Record<string, string> = { Int: '1', Float: '1.5', Boolean: 'true', ID: '"00000000-0000-4000-8000-000000000000"', LocalDate: '"2030-01-01"' };
    return samples[type.name] ?? '"x"';
  }
  throw new Error(`no sample for ${String(type)}`);
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type) as GraphQLNamedType;
  return isLeafType(getNullableType(named)) ? '' : '{ __typename }';
}

describe('every operation and field resolver is guarded', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('calls each root field of the schema without a token: all but the public ones answer UNAUTHENTICATED', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const roots = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
      ['subscription', schema.getSubscriptionType()],
    ] as const;
    let walked = 0;
    for (const [keyword, type] of roots) {
      if (!type || keyword === 'subscription') continue;
      for (const field of Object.values(type.getFields())) {
        const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
        const argList = args.length ? `(${args.map((a) => `${a.name}: ${sample(a.type)}`).join(', ')})` : '';
        const result = await api.gql(`${keyword} { ${field.name}${argList} ${selectionOf(field)} }`);
        // The guard's refusal, told apart from a public operation's own answer (a wrong password is UNAUTHENTICATED too).
        const refused = codesOf(result).includes('UNAUTHENTICATED') && result.errors.some((e) => e.message.startsWith('Sign in first'));
        expect({ field: field.name, refused }).toEqual({ field: field.name, refused: !PUBLIC_OPERATIONS.includes(field.name) });
        walked++;
      }
    }
    expect(walked).toBeGreaterThanOrEqual(24);
  });

  it('finds @Roles or @Public on every query, mutation and field resolver method', () => {
    const discovery = new DiscoveryService(api.app.get(ModulesContainer));
    const scanner = new MetadataScanner();
    const unguarded: string[] = [];
    let resolverMethods = 0;
    for (const wrapper of discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || typeof metatype !== 'function') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const name of scanner.getAllMethodNames(prototype)) {
        const method = prototype[name];
        const isResolver =
          Reflect.getMetadata('graphql:resolver_type', method) || Reflect.getMetadata('graphql:resolve_property', method);
        if (!isResolver) continue;
        resolverMethods++;
        const guarded = [method, metatype].some((t) => Reflect.getMetadata(PUBLIC_KEY, t) || Reflect.getMetadata(ROLES_KEY, t));
        if (!guarded) unguarded.push(`${metatype.name}.${name}`);
      }
    }
    expect(resolverMethods).toBeGreaterThanOrEqual(26);
    expect(unguarded).toEqual([]);
  });
});
