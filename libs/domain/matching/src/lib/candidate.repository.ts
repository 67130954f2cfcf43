import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApplicantRow, eligibleApplicantCondition } from './candidate-sql';
import { CandidateEntity } from './candidate.entity';
import type { OrderFacts } from './matching.model';
import type { MatchingPolicy } from './matching.policy';

/** How many preferred skills a row has: one containment test per skill, cheaper than an array intersection. */
function preScore(order: OrderFacts): string {
  // A constant would read as a column position in ORDER BY; with nothing preferred, order by experience alone.
  if (!order.preferredSkills.length) return 'a.years_experience';
  return `(${order.preferredSkills.map((_, i) => `(a.skills @> :preferred${i}::text[])::int`).join(' + ')})`;
}

/**
 * The eligible applicants of one order, through the indexes, best first by a cheap pre-score (preferred skills,
 * experience), at most `limit`. Applicants already proposed to or selected for an order outside `runOrderIds`
 * are left to that order.
 */
export function retrieveCandidates(
  ds: DataSource,
  order: OrderFacts,
  policy: MatchingPolicy,
  runOrderIds: readonly string[],
  limit: number,
): Promise<ApplicantRow[]> {
  const condition = eligibleApplicantCondition(order, policy);
  return ds
    .createQueryBuilder()
    .select([
      'a.id AS id', 'a.status AS status', `to_char(a.birth_date, 'YYYY-MM-DD') AS birth_date`, 'a.gender AS gender',
      'a.municipality_code AS municipality_code', 'a.occupations AS occupations', 'a.skills AS skills',
      'a.language_levels AS language_levels', 'a.years_experience AS years_experience',
      `to_char(a.passport_expiry, 'YYYY-MM-DD') AS passport_expiry`,
    ])
    .from('applicant', 'a')
    .where(condition.sql, condition.params)
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM candidate c WHERE c.applicant_id = a.id AND c.status IN ('SUGGESTED', 'RESERVE', 'SELECTED')
         AND NOT (c.job_order_id = ANY(:runOrderIds::uuid[])))`,
      { runOrderIds: [...runOrderIds] },
    )
    .orderBy(preScore(order), 'DESC')
    .addOrderBy('a.years_experience', 'DESC')
    .addOrderBy('a.id', 'ASC')
    .setParameters(Object.fromEntries(order.preferredSkills.map((skill, i) => [`preferred${i}`, [skill]])))
    .limit(limit)
    .getRawMany<ApplicantRow>();
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
