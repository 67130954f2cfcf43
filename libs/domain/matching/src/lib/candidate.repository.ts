import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApplicantRow, eligibleApplicantCondition, requirementCondition } from './candidate-sql';
import { CandidateEntity } from './candidate.entity';
import type { OrderFacts } from './matching.model';
import type { MatchingPolicy } from './matching.policy';

/** How many preferred skills a row has: one containment test per skill, cheaper than an array intersection. */
function preferredSkillCount(order: OrderFacts): string {
  if (!order.preferredSkills.length) return '0';
  return `(${order.preferredSkills.map((_, i) => `(ao.skills @> :preferred${i}::text[])::int`).join(' + ')})`;
}

const APPLICANT_COLUMNS = `a.id, a.status, to_char(a.birth_date, 'YYYY-MM-DD') AS birth_date, a.gender, a.municipality_code, a.occupations,
  a.skills, a.language_levels, a.years_experience, to_char(a.passport_expiry, 'YYYY-MM-DD') AS passport_expiry`;

/**
 * An applicant is left to another order while it is proposed there and that order is still OPEN (the employer
 * is deciding), or while it is selected there; a finished order's rows hold nobody.
 */
const notHeldElsewhere = (applicantId: string) =>
  `NOT EXISTS (SELECT 1 FROM candidate c JOIN job_order o ON o.id = c.job_order_id
               WHERE c.applicant_id = ${applicantId} AND c.status IN ('SUGGESTED', 'RESERVE', 'SELECTED')
                 AND (c.status = 'SELECTED' OR o.status = 'OPEN') AND NOT (c.job_order_id = ANY(:runOrderIds::uuid[])))`;

/**
 * The eligible applicants of one order, best first by a cheap pre-score, `limit` rows after the first `offset`.
 * Applicants held by an order outside `runOrderIds` are left to that order.
 *
 * The plan is fixed on purpose: the index of `applicant_occupation` yields the order's occupation most
 * experienced first and carries the columns the requirements test, so rows are filtered inside the index;
 * within one level of experience, more preferred skills come first (an incremental sort of that level only),
 * and the scan stops at the LIMIT. Only those rows are read from `applicant`, by primary key, and checked
 * against the full condition there, the truth the rules are tested against (the OFFSET 0 keeps the planner
 * from turning that into a bitmap scan of every eligible row).
 */
export function retrieveCandidates(
  ds: DataSource,
  order: OrderFacts,
  policy: MatchingPolicy,
  runOrderIds: readonly string[],
  limit: number,
  offset = 0,
): Promise<ApplicantRow[]> {
  const condition = eligibleApplicantCondition(order, policy);
  const inIndex = requirementCondition(order, policy, 'ao');
  const [sql, parameters] = ds.driver.escapeQueryWithParameters(
    `SELECT ${APPLICANT_COLUMNS}
     FROM (
       SELECT ao.applicant_id, ao.years_experience, ${preferredSkillCount(order)} AS preferred
       FROM applicant_occupation ao
       WHERE ao.isco_code = :occupation AND ao.available AND ${inIndex.sql} AND ${notHeldElsewhere('ao.applicant_id')}
       ORDER BY ao.years_experience DESC, preferred DESC, ao.applicant_id
       LIMIT :limit OFFSET :offset
     ) top
     CROSS JOIN LATERAL (SELECT a.* FROM applicant a WHERE a.id = top.applicant_id AND ${condition.sql} OFFSET 0) a
     ORDER BY top.years_experience DESC, top.preferred DESC, top.applicant_id`,
    {
      ...condition.params,
      ...Object.fromEntries(order.preferredSkills.map((skill, i) => [`preferred${i}`, [skill]])),
      runOrderIds: [...runOrderIds],
      limit,
      offset,
    },
  );
  return ds.query(sql, parameters);
}

/**
 * The order's employer's former workers (their ids from the season-history port) who meet every requirement and
 * are free: read apart from the ranked retrieval, so a returning worker is always scored, however far down the
 * experience order they stand.
 */
export async function retrieveFormerWorkers(
  ds: DataSource,
  order: OrderFacts,
  policy: MatchingPolicy,
  runOrderIds: readonly string[],
  formerWorkerIds: readonly string[],
): Promise<ApplicantRow[]> {
  if (!formerWorkerIds.length) return [];
  const condition = eligibleApplicantCondition(order, policy);
  const [sql, parameters] = ds.driver.escapeQueryWithParameters(
    `SELECT ${APPLICANT_COLUMNS} FROM applicant a
     WHERE a.id = ANY(:formerWorkerIds::uuid[])
       AND ${condition.sql} AND ${notHeldElsewhere('a.id')}
     ORDER BY a.id`,
    { ...condition.params, formerWorkerIds: [...formerWorkerIds], runOrderIds: [...runOrderIds] },
  );
  return ds.query(sql, parameters);
}

/** Candidates of one order in shortlist order; `afterRank` continues after a page. */
export async function candidatesOf(ds: DataSource, jobOrderId: string, afterRank: number, limit: number): Promise<CandidateEntity[]> {
  return ds.manager
    .createQueryBuilder(CandidateEntity, 'c')
    .where('c.job_order_id = :jobOrderId AND c.rank > :afterRank', { jobOrderId, afterRank })
    .orderBy('c.rank', 'ASC')
    .limit(limit)
    .getMany();
}

/** A candidate's public reference: stable for the order, unrelated to any identifier of the person. */
export function candidateReference(candidateId: string): string {
  return `C-${createHash('sha256').update(candidateId).digest('hex').slice(0, 8).toUpperCase()}`;
}
