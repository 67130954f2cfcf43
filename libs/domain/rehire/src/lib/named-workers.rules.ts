import { DomainException, ErrorCode, FieldProblem } from '@puente/common';

/** Orders workers can be named on: open ones, and those not approved yet (a new order for next season). */
export const NAMEABLE_ORDER_STATUSES: readonly string[] = ['DRAFT', 'SUBMITTED', 'OPEN'];
/** How many workers one request may name. */
export const MAX_NAMED_AT_ONCE = 100;

/** What is known of one named worker; `name` only when they worked for this employer (nothing is told of anyone else). */
export interface NamedWorkerFacts {
  id: string;
  worked: boolean;
  outcome: string | null;
  name: string | null;
  rejected: boolean;
}

/** The workers named, each once, in the order given; 1 to `MAX_NAMED_AT_ONCE` of them. */
export function namedWorkerIds(applicantIds: readonly string[]): string[] {
  const ids = [...new Set(applicantIds)];
  if (!ids.length || ids.length > MAX_NAMED_AT_ONCE) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `Name 1 to ${MAX_NAMED_AT_ONCE} workers at a time.`, [
      { field: 'applicantIds', message: `must list 1 to ${MAX_NAMED_AT_ONCE} workers` },
    ]);
  }
  return ids;
}

export function assertNameableOrder(order: { reference: string; status: string }): void {
  if (!NAMEABLE_ORDER_STATUSES.includes(order.status)) {
    throw new DomainException(ErrorCode.INVALID_TRANSITION, `Workers are named on a draft, submitted or open order; ${order.reference} is ${order.status}.`);
  }
}

/**
 * A named worker must have worked for this employer, be rehire-eligible now, and not have been rejected for or
 * taken off this order. The request is refused as a whole, naming each problem.
 */
export function assertNameableWorkers(ids: readonly string[], facts: readonly NamedWorkerFacts[]): void {
  const refused: FieldProblem[] = [];
  for (const id of ids) {
    const f = facts.find((x) => x.id === id);
    if (!f?.worked) refused.push({ field: 'applicantIds', message: `${id} has not worked for this employer` });
    else if (f.outcome !== 'ELIGIBLE') refused.push({ field: 'applicantIds', message: `${f.name} is not rehire-eligible (${f.outcome?.toLowerCase() ?? 'not decided yet'})` });
    else if (f.rejected) refused.push({ field: 'applicantIds', message: `${f.name} was rejected for or taken off this order` });
  }
  if (refused.length) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `Only rehire-eligible workers who worked for this employer can be named: ${refused.map((r) => r.message).join('; ')}.`, refused);
  }
}

/**
 * Named workers may not outnumber the positions still open: `taken` counts the selections and the other named
 * workers still holding a position (a named worker already selected counts once, as a selection). It is counted in
 * SQL by matching's `positionsTaken`, under the order's row lock, so two requests on one order take turns.
 */
export function assertPositionsLeftToName(order: { reference: string; positions: number }, taken: number, named: number): void {
  if (taken + named > order.positions) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `${order.reference} has ${order.positions - taken} position(s) left to name workers for; you named ${named}.`, [
      { field: 'applicantIds', message: `name at most ${order.positions - taken}` },
    ]);
  }
}
