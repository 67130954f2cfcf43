import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ApplicantRow, eligibleApplicantCondition, requirementCondition } from './candidate-sql';
import { CandidateEntity, type CandidateStatus } from './candidate.entity';
import type { ScoreLine } from './score.rules';
import type { OrderFacts } from './matching.model';
import type { MatchingPolicy } from './matching.policy';

/** How many preferred skills a row has: one containment test per skill, cheaper than an array intersection. */
function preferredSkillCount(order: OrderFacts): string {
  if (!order.preferredSkills.length) return '0';
  return `(${order.preferredSkills.map((_, i) => `(ao.skills @> :preferred${i}::text[])::int`).join(' + ')})`;
}

const APPLICANT_COLUMNS = `a.id, a.status, to_char(a.birth_date, 'YYYY-MM-DD') AS birth_date, a.gender, a.municipality_code, a.occupations,
  a.skills, a.language_levels, a.years_experience, to_char(a.passport_expiry, 'YYYY-MM-DD') AS passport_expiry,
  to_char(a.document_expiry, 'YYYY-MM-DD') AS document_expiry, a.document_expiry_kind`;

/**
 * An applicant is left to another order while it is proposed there and that order is still OPEN (the employer
 * is deciding), or while it is selected there; a finished order's rows hold nobody.
 *
 * The run's own orders come as a subquery over the array, not `<> ALL(array)`: with a thousand orders the planner
 * estimated that condition element by element, 7 to 13 ms of planning for each retrieval query (a full run makes
 * about two thousand); this way the list is a hashed set, planned once as a whole.
 */
const notHeldElsewhere = (applicantId: string) =>
  `NOT EXISTS (SELECT 1 FROM candidate c JOIN job_order o ON o.id = c.job_order_id
               WHERE c.applicant_id = ${applicantId} AND c.status IN ('SUGGESTED', 'RESERVE', 'SELECTED')
                 AND (c.status = 'SELECTED' OR o.status = 'OPEN') AND c.job_order_id NOT IN (SELECT unnest(:runOrderIds::uuid[])))`;

/** A retrieved row with its place in the retrieval order, from which the next page starts. */
export interface RetrievedRow extends ApplicantRow {
  preferred_count: number;
}

/** Where a page ended: the next page starts after this row (most experienced first, then preferred skills, then id). */
export interface RetrievalCursor {
  yearsExperience: number;
  preferredCount: number;
  applicantId: string;
}

export const cursorAfter = (row: RetrievedRow): RetrievalCursor => ({
  yearsExperience: row.years_experience,
  preferredCount: row.preferred_count,
  applicantId: row.id,
});

/**
 * The eligible applicants of one order, best first by a cheap pre-score, `limit` rows after `after` (from the
 * first without it). Applicants held by an order outside `runOrderIds` are left to that order.
 *
 * The plan is fixed on purpose: the index of `applicant_occupation` yields the order's occupation most
 * experienced first and carries the columns the requirements test, so rows are filtered inside the index;
 * within one level of experience, more preferred skills come first (an incremental sort of that level only),
 * and the scan stops at the LIMIT. Only those rows are read from `applicant`, by primary key, and checked
 * against the full condition there, the truth the rules are tested against (the OFFSET 0 keeps the planner
 * from turning that into a bitmap scan of every eligible row).
 *
 * A later page starts at the cursor's level of experience in the index (keyset), where an OFFSET read and
 * threw away every earlier row again: a run's later rounds read twice as far each time, so each would have
 * re-read all the rounds before it.
 */
export function retrieveCandidates(
  ds: DataSource,
  order: OrderFacts,
  policy: MatchingPolicy,
  runOrderIds: readonly string[],
  limit: number,
  after: RetrievalCursor | null = null,
): Promise<RetrievedRow[]> {
  const condition = eligibleApplicantCondition(order, policy);
  const inIndex = requirementCondition(order, policy, 'ao');
  const preferred = preferredSkillCount(order);
  const afterCursor = after
    ? `AND ao.years_experience <= :afterYears
       AND (ao.years_experience < :afterYears OR ${preferred} < :afterPreferred OR (${preferred} = :afterPreferred AND ao.applicant_id > :afterId))`
    : '';
  const [sql, parameters] = ds.driver.escapeQueryWithParameters(
    `SELECT ${APPLICANT_COLUMNS}, top.preferred AS preferred_count
     FROM (
       SELECT ao.applicant_id, ao.years_experience, ${preferred} AS preferred
       FROM applicant_occupation ao
       WHERE ao.isco_code = :occupation AND ao.available AND ${inIndex.sql} AND ${notHeldElsewhere('ao.applicant_id')} ${afterCursor}
       ORDER BY ao.years_experience DESC, preferred DESC, ao.applicant_id
       LIMIT :limit
     ) top
     CROSS JOIN LATERAL (SELECT a.* FROM applicant a WHERE a.id = top.applicant_id AND ${condition.sql} OFFSET 0) a
     ORDER BY top.years_experience DESC, top.preferred DESC, top.applicant_id`,
    {
      ...condition.params,
      ...Object.fromEntries(order.preferredSkills.map((skill, i) => [`preferred${i}`, [skill]])),
      runOrderIds: [...runOrderIds],
      limit,
      ...(after ? { afterYears: after.yearsExperience, afterPreferred: after.preferredCount, afterId: after.applicantId } : {}),
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

/** A candidate as a run writes it. */
export interface CandidateRow {
  jobOrderId: string;
  applicantId: string;
  runId: string;
  score: number;
  breakdown: ScoreLine[];
  rank: number;
  status: CandidateStatus;
  named: boolean;
}

/** Rows per INSERT: each carries its explanation (about 1.5 kB of JSON), so a few MB a statement. */
const INSERT_BATCH = 5000;

/**
 * A run's candidates in batches of 5,000: the plain columns as arrays through `unnest`, the explanations as one JSON
 * array beside them, joined by position. A full run writes about 65,000. As a `jsonb[]` parameter each explanation
 * was escaped into PostgreSQL's array syntax and parsed twice (the array, then the JSON): 13 s of the run, a core
 * of the database, so the api's answers waited meanwhile.
 */
export async function insertCandidates(em: EntityManager, rows: readonly CandidateRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    await em.query(
      `INSERT INTO candidate (job_order_id, applicant_id, run_id, score, breakdown, rank, status, named)
       SELECT c.job_order_id, c.applicant_id, c.run_id, c.score, b.breakdown, c.rank, c.status, c.named
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::numeric[], $5::int[], $6::text[], $7::boolean[])
              WITH ORDINALITY AS c(job_order_id, applicant_id, run_id, score, rank, status, named, n)
       JOIN jsonb_array_elements($8::jsonb) WITH ORDINALITY AS b(breakdown, n) USING (n)`,
      [
        batch.map((r) => r.jobOrderId),
        batch.map((r) => r.applicantId),
        batch.map((r) => r.runId),
        batch.map((r) => r.score),
        batch.map((r) => r.rank),
        batch.map((r) => r.status),
        batch.map((r) => r.named),
        JSON.stringify(batch.map((r) => r.breakdown)),
      ],
    );
  }
}
