import { DomainException, ErrorCode, Role } from '@puente/common';

/** The outcome of an operation that did what was asked. Anything else is the error code the caller received. */
export const SUCCESS = 'SUCCESS';

/** How a caller without a token is recorded in `actor_role`. */
export const ANONYMOUS = 'ANONYMOUS';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TARGETS = 1000;
const MAX_DEPTH = 4;

const isIdKey = (key: string) => key === 'id' || key.endsWith('Id');
const isIdsKey = (key: string) => key === 'ids' || key.endsWith('Ids');

/**
 * The ids of the records an operation targets, taken from its arguments: those named `id`, `…Id`, `ids` or `…Ids`, at
 * any depth of an input object. Only values shaped as UUIDs are kept, so an argument that is not a record id
 * (`nationalId` holds a DUI, `applicantIds` may hold shortlist references) never lands in the audit trail:
 * argument values carry personal data, record ids do not.
 */
export function targetIdsOf(args: unknown): string[] {
  const found = new Set<string>();
  const keep = (value: unknown) => {
    if (found.size < MAX_TARGETS && typeof value === 'string' && UUID.test(value)) found.add(value.toLowerCase());
  };
  const walk = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (isIdsKey(key) && Array.isArray(inner)) inner.forEach(keep);
      else if (isIdKey(key)) keep(inner);
      else walk(inner, depth + 1);
    }
  };
  walk(args, 0);
  return [...found];
}

/** The code a caller receives for an error thrown by a resolver: a domain exception's own, anything else masked. */
export function outcomeOf(error: unknown): string {
  if (error instanceof DomainException) return error.code;
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/** Staff: the roles whose reads of an applicant's personal data are recorded (consuls read their jurisdiction's). */
export function isStaff(role: Role | undefined | null): boolean {
  return role === Role.ADMIN || role === Role.COORDINATOR || role === Role.CONSUL;
}

type IdsOfResult = (result: unknown) => unknown[];

/**
 * The queries that return applicants' personal data (names, DUI, contacts, passport), and how to find the ids of
 * the applicants a result carries. A staff read of any of them is recorded with those ids.
 */
export const PERSONAL_DATA_READS: Readonly<Record<string, IdsOfResult>> = {
  applicant: (result) => [(result as { id?: unknown } | null)?.id],
  applicants: (result) => ((result as { edges?: { node?: { id?: unknown } }[] } | null)?.edges ?? []).map((e) => e.node?.id),
  // One applicant's file by its id argument: placements and evaluations, the rehire decision, the travel steps.
  placementHistory: () => [],
  rehireEligibility: () => [],
  travelSteps: () => [],
  // Former workers by name.
  rehirePool: (result) => ((result as { edges?: { node?: { applicantId?: unknown } }[] } | null)?.edges ?? []).map((e) => e.node?.applicantId),
  // Evaluations awaiting a coordinator: the worker's name, the employer's comments and the worker's statement.
  evaluationsToReview: (result) => ((result as { edges?: { node?: { applicantId?: unknown } }[] } | null)?.edges ?? []).map((e) => e.node?.applicantId),
};

/** The ids read by a personal-data query: those it asked for and those it returned, record ids only. */
export function idsRead(operation: string, args: unknown, result: unknown): string[] {
  const returned = PERSONAL_DATA_READS[operation]?.(result) ?? [];
  return [...new Set([...targetIdsOf(args), ...targetIdsOf({ ids: returned })])];
}

/** Who signed in, for `login` and `refreshToken`, whose caller has no token yet: the user the answer names. */
export function signedInUserOf(result: unknown): { userId: string; role: string } | null {
  const user = (result as { user?: { id?: unknown; role?: unknown } } | null)?.user;
  return user && typeof user.id === 'string' && UUID.test(user.id) && typeof user.role === 'string' ? { userId: user.id, role: user.role } : null;
}
