import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NO_HISTORY, type ApplicantHistory, type FairnessContext, type GroupCount, type SeasonHistoryReader } from '@puente/domain/matching';

const GENDER_NAMES: Record<string, string> = { FEMALE: 'Women', MALE: 'Men' };

/** Rehire's side of matching's read port: past seasons, read from placements and their evaluations. */
@Injectable()
export class SeasonHistoryService implements SeasonHistoryReader {
  /**
   * What Puente knows of these applicants' past seasons, in one statement for the whole page: placements that
   * ended, their evaluations that count (an overturned one, or one under a retaliation review, is left out), and
   * each former employer with the year last worked there and its last answer to "would rehire". Applicants
   * without history are absent from the map (NO_HISTORY).
   */
  async historiesOf(em: EntityManager, applicantIds: readonly string[]): Promise<Map<string, ApplicantHistory>> {
    if (!applicantIds.length) return new Map();
    const rows: (Omit<ApplicantHistory, 'formerEmployers'> & { applicantId: string; formerEmployers: ApplicantHistory['formerEmployers'] })[] = await em.query(
      `WITH ended AS (
         SELECT p.applicant_id, p.employer_id, p.departed_on, v.id AS evaluation_id, v.overall, v.would_rehire
         -- Only evaluations that count: not overturned, not set aside for a retaliation review (evaluation.counts).
         FROM placement p LEFT JOIN evaluation v ON v.placement_id = p.id AND v.counts
         WHERE p.applicant_id = ANY($1) AND p.status <> 'ACTIVE'
       ), employers AS (
         SELECT DISTINCT ON (applicant_id, employer_id) applicant_id, employer_id, extract(year FROM departed_on)::int AS last_year, would_rehire
         FROM ended ORDER BY applicant_id, employer_id, departed_on DESC
       )
       SELECT e.applicant_id AS "applicantId", count(*)::int AS seasons, count(e.evaluation_id)::int AS evaluations,
              round(avg(e.overall), 2)::float8 AS "evaluationAverage", (count(*) FILTER (WHERE e.would_rehire))::int AS "wouldRehire",
              (SELECT json_agg(json_build_object('employerId', f.employer_id, 'lastYear', f.last_year, 'wouldRehire', f.would_rehire) ORDER BY f.last_year DESC)
               FROM employers f WHERE f.applicant_id = e.applicant_id) AS "formerEmployers"
       FROM ended e GROUP BY e.applicant_id`,
      [[...applicantIds]],
    );
    return new Map(rows.map(({ applicantId, ...history }) => [applicantId, { ...NO_HISTORY, ...history }]));
  }

  /**
   * Deployments so far (placements begun, all seasons) against registrants, per municipality and per gender, for
   * the fairness term. Read once per run: one pass over the applicants and one over the placements.
   */
  async fairness(em: EntityManager): Promise<FairnessContext> {
    const rows: { municipality: string; name: string; gender: string; registered: number; deployed: number }[] = await em.query(
      `WITH registered AS (SELECT municipality_code, gender, count(*)::int AS n FROM applicant GROUP BY 1, 2),
            deployed AS (SELECT a.municipality_code, a.gender, count(*)::int AS n FROM placement p JOIN applicant a ON a.id = p.applicant_id GROUP BY 1, 2)
       SELECT r.municipality_code AS municipality, m.name, r.gender, r.n AS registered, coalesce(d.n, 0) AS deployed
       FROM registered r
       LEFT JOIN deployed d ON d.municipality_code = r.municipality_code AND d.gender = r.gender
       LEFT JOIN municipality m ON m.code = r.municipality_code`,
    );
    const municipality = new Map<string, GroupCount>();
    const gender = new Map<string, GroupCount>();
    const add = (map: Map<string, GroupCount>, key: string, name: string, r: { registered: number; deployed: number }) => {
      const g = map.get(key) ?? { name, registered: 0, deployed: 0 };
      map.set(key, { name, registered: g.registered + r.registered, deployed: g.deployed + r.deployed });
    };
    for (const r of rows) {
      add(municipality, r.municipality, r.name ?? r.municipality, r);
      add(gender, r.gender, GENDER_NAMES[r.gender] ?? 'Other', r);
    }
    const total = (key: 'registered' | 'deployed') => rows.reduce((s, r) => s + r[key], 0);
    return { registered: total('registered'), deployed: total('deployed'), municipality, gender };
  }

  /** Applicants who worked for this employer (a placement that ended), through the placements' employer index. */
  async formerWorkersOf(em: EntityManager, employerId: string): Promise<string[]> {
    const rows: { applicant_id: string }[] = await em.query(
      `SELECT DISTINCT p.applicant_id FROM placement p WHERE p.employer_id = $1 AND p.status <> 'ACTIVE' ORDER BY p.applicant_id`,
      [employerId],
    );
    return rows.map((r) => r.applicant_id);
  }
}
