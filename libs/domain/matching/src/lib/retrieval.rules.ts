import type { OrderFacts } from './matching.model';

/**
 * Orders that rank applicants the same way: one occupation, the same preferred skills (the retrieval order is
 * experience, then preferred skills, then id). A run reads one ranked list per group instead of one per order: a
 * thousand orders of a few occupations all want the same best-ranked people, and reading them once per order read
 * the same rows hundreds of times.
 */
export function retrievalGroupKey(order: OrderFacts): string {
  return `${order.iscoCode}|${[...order.preferredSkills].sort().join(',')}`;
}

/** The orders grouped by `retrievalGroupKey` of their facts, groups and their orders in the order given. */
export function retrievalGroups<T>(orders: readonly T[], factsOf: (order: T) => OrderFacts): T[][] {
  const groups = new Map<string, T[]>();
  for (const order of orders) {
    const key = retrievalGroupKey(factsOf(order));
    const group = groups.get(key);
    if (group) group.push(order);
    else groups.set(key, [order]);
  }
  return [...groups.values()];
}

const earliest = (dates: readonly string[]) => dates.reduce((a, b) => (b < a ? b : a));
const latest = (dates: readonly string[]) => dates.reduce((a, b) => (b > a ? b : a));

/**
 * Requirements that anyone eligible for at least one order of the group meets: the skills and language levels
 * every order requires, the least experience, the earliest end (a passport and documents valid through the
 * earliest day any order asks), the latest start (the youngest adult any order takes). Retrieval with these reads
 * a superset of each order's eligible applicants, in the same order; each row is then checked against each order
 * with `meetsRequirements`.
 */
export function loosestRequirements(group: readonly OrderFacts[]): OrderFacts {
  const [first, ...rest] = group;
  if (!first) throw new Error('A retrieval group has at least one order.');
  const common = (pick: (o: OrderFacts) => readonly string[]) => pick(first).filter((x) => rest.every((o) => pick(o).includes(x)));
  return {
    ...first,
    requiredSkills: common((o) => o.requiredSkills),
    requiredLanguageLevels: common((o) => o.requiredLanguageLevels),
    minExperienceYears: Math.min(...group.map((o) => o.minExperienceYears)),
    startDate: latest(group.map((o) => o.startDate)),
    endDate: earliest(group.map((o) => o.endDate)),
  };
}

/** One order of a group as rows are shared out: how many more pairs it takes this round. */
export interface ShareTarget {
  orderIndex: number;
  wanted: number;
}

/**
 * Shares rows (best first) among a group's orders: each row goes to at most `fanOut` orders it is eligible for and
 * that still want pairs, scanning the orders from a position that moves on by one each row, so the best rows are
 * spread over the orders instead of all going to each; an order takes rows until its `wanted` is met. A group of
 * `fanOut` orders or fewer loses nothing to the spreading: every order takes its own best `wanted` eligible rows,
 * as if it had read them alone. `linked(row, orderIndex)` says a pair exists already (from an earlier round, or a
 * former worker); such a pair counts toward the row's fan-out but not again toward the order.
 *
 * Returns the pairs made, as [row, orderIndex], and the rows that could take more orders (fewer than `fanOut`),
 * to offer first in the next round.
 */
export function shareRows<R>(
  rows: readonly R[],
  targets: readonly ShareTarget[],
  fanOut: number,
  eligible: (row: R, orderIndex: number) => boolean,
  linked: (row: R, orderIndex: number) => boolean = () => false,
): { pairs: [R, number][]; leftovers: R[] } {
  const wanted = targets.map((t) => t.wanted);
  const pairs: [R, number][] = [];
  const leftovers: R[] = [];
  let open = wanted.filter((w) => w > 0).length;
  let start = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let links = 0;
    for (let k = 0; k < targets.length && links < fanOut; k++) {
      const t = (start + k) % targets.length;
      const orderIndex = targets[t]!.orderIndex;
      if (linked(row, orderIndex)) {
        links++;
        continue;
      }
      if (wanted[t]! <= 0 || !eligible(row, orderIndex)) continue;
      pairs.push([row, orderIndex]);
      links++;
      if (--wanted[t]! === 0) open--;
    }
    if (links < fanOut) leftovers.push(row);
    if (targets.length > fanOut) start = (start + 1) % targets.length;
    if (open === 0) {
      // Every order has what it wants: the rows not looked at are offered next round.
      leftovers.push(...rows.slice(i + 1));
      break;
    }
  }
  return { pairs, leftovers };
}
