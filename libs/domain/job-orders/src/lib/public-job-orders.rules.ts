import { FieldProblem, Problems } from '@puente/common';
import { PUBLIC_EMPLOYER_STATUS } from '@puente/domain/employers';
import type { EmployerStatus } from '@puente/domain/employers';
import type { JobOrderStatus } from './job-order.state-machine';

/**
 * The one status in which the public sees an order: OPEN, approved by the ministry and recruiting. Not a DRAFT,
 * SUBMITTED or REJECTED order (never approved), not a FILLED one (every position taken), not one IN_PROGRESS or
 * COMPLETED (its workers have left), not a CANCELLED one.
 */
export const PUBLIC_ORDER_STATUS: JobOrderStatus = 'OPEN';

/** How many orders the feeds carry at most, the most recently approved first. */
export const MAX_FEED_ITEMS = 100;

/**
 * Whether the public sees an order as open: approved and still recruiting (`PUBLIC_ORDER_STATUS`, with the instant
 * of its approval), its work starting after today (El Salvador's calendar: an order whose start has come is no
 * longer recruiting, whatever its status says), and its employer verified (`PUBLIC_EMPLOYER_STATUS`: a suspended
 * employer's orders leave the public list at once). The public list applies the same conditions in SQL.
 */
export function isPubliclyOpen(
  order: { status: JobOrderStatus; approvedAt: Date | null; startDate: string },
  employer: { status: EmployerStatus },
  today: string,
): boolean {
  return order.status === PUBLIC_ORDER_STATUS && order.approvedAt !== null && order.startDate > today && employer.status === PUBLIC_EMPLOYER_STATUS;
}

/**
 * What is wrong with a public filter of the open orders (each named as `filter.<field>`): an occupation that is no
 * ISCO-08 code of the reference list, a region that is no known state or province or lies outside the country asked
 * for; empty when it can be used.
 */
export function publicJobOrderFilterProblems(
  filter: { iscoCode?: string | null; country?: string | null; regionCode?: string | null },
  ref: { occupations: ReadonlySet<string>; regionCountry: ReadonlyMap<string, string> },
): FieldProblem[] {
  const p = new Problems();
  if (filter.iscoCode) p.check(ref.occupations.has(filter.iscoCode), 'filter.iscoCode', 'is not an ISCO-08 code of the occupations list (e.g. 9211)');
  if (filter.regionCode) {
    const country = ref.regionCountry.get(filter.regionCode);
    p.check(country !== undefined, 'filter.regionCode', 'is not a known US state or Canadian province (e.g. US-FL, CA-QC)');
    p.check(country === undefined || !filter.country || country === filter.country, 'filter.regionCode', `is not in ${filter.country}`);
  }
  return p.list;
}
