import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainException, isUuid, Page, Role, todayIso } from '@puente/common';
import { REHIRE_POLICY_V1, RehirePolicy } from './rehire.policy';
import { EvaluationState, evaluationState } from './rehire.rules';

export interface PoolFilter {
  occupation?: string | null;
  employerId?: string | null;
  needsPassportRenewal?: boolean | null;
}

export interface PoolEntry {
  id: string;
  createdAt: Date;
  applicantId: string;
  name: string;
  occupations: string[];
  status: string;
  needsPassportRenewal: boolean;
  seasons: number;
  lastEmployerName: string;
  /** The last evaluation's overall score: for an employer, only when it was theirs. */
  lastOverall: number | null;
  /** The last evaluation's "would rehire": for an employer, only when it was theirs. */
  lastWouldRehire: boolean | null;
  /** The year the placement the decision was made on started. */
  lastSeason: number;
}


export interface EmployerPlacement {
  id: string;
  createdAt: Date;
  applicantId: string;
  name: string;
  jobOrderId: string;
  jobOrderReference: string;
  jobOrderTitle: string;
  status: string;
  startDate: string;
  endDate: string;
  endedOn: string | null;
  evaluationClosesOn: string | null;
  evaluationState: EvaluationState;
  evaluation: { overall: number; punctuality: number; quality: number; safety: number; teamwork: number; wouldRehire: boolean; comments: string | null } | null;
}

export type RateGrouping = 'EMPLOYER' | 'SECTOR' | 'DESTINATION';

export interface RehireRate {
  key: string;
  label: string;
  season: number;
  placements: number;
  eligible: number;
  /** Workers of the season placed again the next season (anywhere; for an employer, with that employer). */
  rehired: number;
  rehireRate: number;
}

export interface NamedShare {
  season: number;
  placements: number;
  named: number;
  share: number;
}

export interface HistoryEntry {
  placementId: string;
  jobOrderReference: string;
  employerName: string;
  regionCode: string;
  startDate: string;
  endDate: string;
  status: string;
  departedOn: string;
  endedOn: string | null;
  returnedOn: string | null;
  named: boolean;
  evaluation: { overall: number; punctuality: number; quality: number; safety: number; teamwork: number; wouldRehire: boolean; comments: string | null } | null;
  decision: { outcome: string; policyVersion: string; reasons: unknown; createdAt: Date } | null;
}

const SEASON = `extract(year FROM p.start_date)::int`;

/**
 * The rehire pool and the figures the ministry tracks: rehire rates by employer, sector and destination, the
 * share of workers named by their employer per season, and one worker's history. Read models in SQL, nothing
 * more; a season is the calendar year the placement started.
 */
@Injectable()
export class TrackingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rehire-eligible workers, newest decisions first; an employer sees only workers who worked for it. */
  pool(actor: Actor, filter: PoolFilter, page: Page): Promise<PoolEntry[]> {
    const employerId = actor.role === Role.EMPLOYER ? actor.employerId : (filter.employerId ?? null);
    if (employerId !== null && !isUuid(employerId)) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT d.id, d.created_at AS "createdAt", d.applicant_id AS "applicantId", a.first_names || ' ' || a.last_names AS name, a.occupations, a.status,
              d.needs_passport_renewal AS "needsPassportRenewal",
              (SELECT count(*)::int FROM placement x WHERE x.applicant_id = d.applicant_id AND x.status <> 'ACTIVE') AS seasons,
              m.legal_name AS "lastEmployerName",
              CASE WHEN $5::boolean OR p.employer_id = $1 THEN e.overall END AS "lastOverall",
              CASE WHEN $5::boolean OR p.employer_id = $1 THEN e.would_rehire END AS "lastWouldRehire",
              extract(year FROM p.start_date)::int AS "lastSeason"
       FROM rehire_decision d
       JOIN applicant a ON a.id = d.applicant_id
       JOIN placement p ON p.id = d.placement_id
       JOIN employer m ON m.id = p.employer_id
       LEFT JOIN evaluation e ON e.placement_id = p.id
       WHERE d.current AND d.outcome = 'ELIGIBLE'
         AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM placement w WHERE w.applicant_id = d.applicant_id AND w.employer_id = $1))
         AND ($2::text IS NULL OR a.occupations @> ARRAY[$2::text])
         AND ($3::boolean IS NULL OR d.needs_passport_renewal = $3)
         AND ($4::timestamptz IS NULL OR (d.created_at, d.id) < ($4, $6::uuid))
       ORDER BY d.created_at DESC, d.id DESC
       LIMIT $7`,
      [
        employerId,
        filter.occupation ?? null,
        filter.needsPassportRenewal ?? null,
        page.after?.createdAt ?? null,
        actor.role === Role.COORDINATOR,
        page.after?.id ?? null,
        page.limit + 1,
      ],
    );
  }

  /**
   * An employer's own placements, newest first, each with where its evaluation stands: the window the policy gives
   * (the end plus its days, or later when a coordinator reopened it, closing at the end of that day, as
   * `submitEvaluation` counts it) and the employer's own evaluation. The portal's evaluation page needs this list;
   * the worker is named, as a contingent's members are to their employer. Scoped here: an actor who is not an
   * employer gets none.
   */
  async employerPlacements(actor: Actor, page: Page, today = todayIso(), policy: RehirePolicy = REHIRE_POLICY_V1): Promise<EmployerPlacement[]> {
    const employerId = actor.role === Role.EMPLOYER ? actor.employerId : null;
    if (!employerId || !isUuid(employerId)) return [];
    const rows: (Omit<EmployerPlacement, 'evaluationClosesOn' | 'evaluationState'> & { evaluationOpenUntil: string | null })[] = await this.dataSource.query(
      `SELECT p.id, p.created_at AS "createdAt", p.applicant_id AS "applicantId", a.first_names || ' ' || a.last_names AS name,
              p.job_order_id AS "jobOrderId", o.reference AS "jobOrderReference", o.title AS "jobOrderTitle", p.status,
              to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
              to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn", to_char(p.evaluation_open_until, 'YYYY-MM-DD') AS "evaluationOpenUntil",
              CASE WHEN e.id IS NOT NULL THEN json_build_object('overall', e.overall, 'punctuality', e.punctuality, 'quality', e.quality, 'safety', e.safety,
                                                                'teamwork', e.teamwork, 'wouldRehire', e.would_rehire, 'comments', e.comments) END AS evaluation
       FROM placement p
       JOIN applicant a ON a.id = p.applicant_id
       JOIN job_order o ON o.id = p.job_order_id
       LEFT JOIN evaluation e ON e.placement_id = p.id
       WHERE p.employer_id = $1
         AND ($2::timestamptz IS NULL OR (p.created_at, p.id) < ($2, $3::uuid))
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT $4`,
      [employerId, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
    // The window and the state come from the rule the evaluation itself is checked with.
    return rows.map(({ evaluationOpenUntil, ...p }) => {
      const { state, closesOn } = evaluationState({ ...p, evaluationOpenUntil, evaluated: p.evaluation !== null }, today, policy);
      return { ...p, evaluationClosesOn: closesOn, evaluationState: state };
    });
  }

  /**
   * Per group and season: placements, how many of their workers were decided rehire-eligible for them, and how
   * many were placed again the next season (with the same employer, when grouped by employer).
   */
  rehireRates(groupBy: RateGrouping, season?: number | null): Promise<RehireRate[]> {
    const group = {
      EMPLOYER: { key: 'p.employer_id::text', label: 'm.legal_name', again: 'n.employer_id = p.employer_id' },
      SECTOR: { key: 'm.sector', label: 'm.sector', again: 'true' },
      DESTINATION: { key: 'o.work_region_code', label: 'r.name', again: 'true' },
    }[groupBy];
    if (!group) throw DomainException.notFound('Grouping');
    return this.dataSource.query(
      `SELECT ${group.key} AS key, ${group.label} AS label, ${SEASON} AS season, count(*)::int AS placements,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM rehire_decision d WHERE d.placement_id = p.id AND d.current AND d.outcome = 'ELIGIBLE'))::int AS eligible,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM placement n WHERE n.applicant_id = p.applicant_id
                                               AND extract(year FROM n.start_date) = extract(year FROM p.start_date) + 1 AND ${group.again}))::int AS rehired,
              round(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM placement n WHERE n.applicant_id = p.applicant_id
                                               AND extract(year FROM n.start_date) = extract(year FROM p.start_date) + 1 AND ${group.again}))::numeric
                    / count(*), 4)::float AS "rehireRate"
       FROM placement p JOIN employer m ON m.id = p.employer_id JOIN job_order o ON o.id = p.job_order_id JOIN region r ON r.code = o.work_region_code
       WHERE $1::int IS NULL OR ${SEASON} = $1
       GROUP BY 1, 2, 3 ORDER BY 3 DESC, 4 DESC, 1`,
      [season ?? null],
    );
  }

  /** Per season: placements and how many of them were workers their employer asked for by name. */
  namedShare(): Promise<NamedShare[]> {
    return this.dataSource.query(
      `SELECT ${SEASON} AS season, count(*)::int AS placements,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM candidate c WHERE c.job_order_id = p.job_order_id AND c.applicant_id = p.applicant_id AND c.named))::int AS named,
              round(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM candidate c WHERE c.job_order_id = p.job_order_id AND c.applicant_id = p.applicant_id AND c.named))::numeric
                    / count(*), 4)::float AS share
       FROM placement p GROUP BY 1 ORDER BY 1 DESC`,
    );
  }

  /** One worker's placements, newest first, each with its evaluation and its latest rehire decision. */
  history(applicantId: string): Promise<HistoryEntry[]> {
    if (!isUuid(applicantId)) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT p.id AS "placementId", o.reference AS "jobOrderReference", m.legal_name AS "employerName", o.work_region_code AS "regionCode",
              to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", p.status,
              to_char(p.departed_on, 'YYYY-MM-DD') AS "departedOn", to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn", to_char(p.returned_on, 'YYYY-MM-DD') AS "returnedOn",
              EXISTS (SELECT 1 FROM candidate c WHERE c.job_order_id = p.job_order_id AND c.applicant_id = p.applicant_id AND c.named) AS named,
              (SELECT json_build_object('overall', e.overall, 'punctuality', e.punctuality, 'quality', e.quality, 'safety', e.safety, 'teamwork', e.teamwork,
                                        'wouldRehire', e.would_rehire, 'comments', e.comments)
               FROM evaluation e WHERE e.placement_id = p.id) AS evaluation,
              (SELECT json_build_object('outcome', d.outcome, 'policyVersion', d.policy_version, 'reasons', d.reasons, 'createdAt', d.created_at)
               FROM rehire_decision d WHERE d.placement_id = p.id ORDER BY d.created_at DESC LIMIT 1) AS decision
       FROM placement p JOIN job_order o ON o.id = p.job_order_id JOIN employer m ON m.id = p.employer_id
       WHERE p.applicant_id = $1 ORDER BY p.start_date DESC, p.created_at DESC`,
      [applicantId],
    );
  }
}
