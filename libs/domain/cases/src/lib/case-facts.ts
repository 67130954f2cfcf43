import type { EntityManager } from 'typeorm';
import { isUuid } from '@puente/common';

/*
 * What other domains read of cases, in the caller's transaction (rehire's decisions and retaliation check,
 * standing's decision). Facts only: no reporter, no description, no note leaves this library this way.
 */

/**
 * Cases decided SUBSTANTIATED with the finding WORKER_MISCONDUCT (also once CLOSED after that), per applicant:
 * every applicant asked for is in the map, 0 when none.
 */
export async function substantiatedMisconductCounts(em: EntityManager, applicantIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(applicantIds)].filter(isUuid);
  const counts = new Map<string, number>(ids.map((id) => [id, 0]));
  if (!ids.length) return counts;
  const rows: { applicant_id: string; n: number }[] = await em.query(
    `SELECT applicant_id, count(*)::int AS n FROM protection_case
     WHERE applicant_id = ANY($1::uuid[]) AND finding = 'WORKER_MISCONDUCT' AND status IN ('SUBSTANTIATED', 'CLOSED')
     GROUP BY applicant_id`,
    [ids],
  );
  for (const r of rows) counts.set(r.applicant_id, r.n);
  return counts;
}

/**
 * The earliest case reported by or on behalf of a worker against an employer before `before`, about that
 * placement or reported while it ran (from departure to the worker's return, or its end when no return is
 * recorded; El Salvador's days), leaving out cases that found the worker's own misconduct. Null when none:
 * an evaluation of the worker after such a case is checked for retaliation.
 */
export async function caseReportedAgainst(
  em: EntityManager,
  q: { applicantId: string; employerId: string; placementId: string; before: Date },
): Promise<{ caseId: string } | null> {
  if (![q.applicantId, q.employerId, q.placementId].every(isUuid)) return null;
  const rows: { id: string }[] = await em.query(
    `SELECT c.id FROM protection_case c
     LEFT JOIN placement p ON p.id = $3
     WHERE c.applicant_id = $1 AND c.employer_id = $2 AND c.created_at < $4
       AND c.finding IS DISTINCT FROM 'WORKER_MISCONDUCT'
       AND (c.placement_id = $3 OR (timezone('America/El_Salvador', c.created_at))::date
            BETWEEN p.departed_on AND coalesce(p.returned_on, p.ended_on, p.end_date))
     ORDER BY c.created_at, c.id LIMIT 1`,
    [q.applicantId, q.employerId, q.placementId, q.before],
  );
  return rows[0] ? { caseId: rows[0].id } : null;
}

/**
 * Per employer, the workers with a case against it (reported by them or on their behalf), misconduct findings left
 * out; every employer asked for is in the map (an empty set when none). One statement for all of them.
 */
export async function applicantsWhoReported(em: EntityManager, employerIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const ids = [...new Set(employerIds)].filter(isUuid);
  const reported = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  if (!ids.length) return reported;
  const rows: { employer_id: string; applicant_id: string }[] = await em.query(
    `SELECT DISTINCT employer_id, applicant_id FROM protection_case WHERE employer_id = ANY($1::uuid[]) AND finding IS DISTINCT FROM 'WORKER_MISCONDUCT'`,
    [ids],
  );
  for (const r of rows) reported.get(r.employer_id)!.add(r.applicant_id);
  return reported;
}

export interface EmployerCaseFacts {
  /** Cases substantiated against the employer (finding EMPLOYER), closed or not. */
  substantiated: number;
  /** Of those, the ones whose severity was CRITICAL. */
  substantiatedCritical: number;
  /** Cases not decided yet (REPORTED, TRIAGED, INVESTIGATING, REFERRED). */
  open: number;
  /** The substantiated cases (finding EMPLOYER) per category; a case with two categories counts in both. */
  byCategory: Record<string, number>;
}

/** Per employer, what its cases say for its standing; every employer asked for is in the map (zeros when none). */
export async function employerCaseFacts(em: EntityManager, employerIds: readonly string[]): Promise<Map<string, EmployerCaseFacts>> {
  const ids = [...new Set(employerIds)].filter(isUuid);
  const facts = new Map<string, EmployerCaseFacts>(ids.map((id) => [id, { substantiated: 0, substantiatedCritical: 0, open: 0, byCategory: {} }]));
  if (!ids.length) return facts;
  const totals: { employer_id: string; substantiated: number; critical: number; open: number }[] = await em.query(
    `SELECT employer_id,
            count(*) FILTER (WHERE finding = 'EMPLOYER')::int AS substantiated,
            count(*) FILTER (WHERE finding = 'EMPLOYER' AND severity = 'CRITICAL')::int AS critical,
            count(*) FILTER (WHERE status IN ('REPORTED', 'TRIAGED', 'INVESTIGATING', 'REFERRED'))::int AS open
     FROM protection_case WHERE employer_id = ANY($1::uuid[]) GROUP BY employer_id`,
    [ids],
  );
  for (const t of totals) Object.assign(facts.get(t.employer_id)!, { substantiated: t.substantiated, substantiatedCritical: t.critical, open: t.open });
  const categories: { employer_id: string; category: string; n: number }[] = await em.query(
    `SELECT employer_id, category, count(*)::int AS n
     FROM protection_case, unnest(categories) AS category
     WHERE employer_id = ANY($1::uuid[]) AND finding = 'EMPLOYER' GROUP BY employer_id, category`,
    [ids],
  );
  for (const c of categories) facts.get(c.employer_id)!.byCategory[c.category] = c.n;
  return facts;
}
