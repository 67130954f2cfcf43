import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetAfterSql } from '@puente/database';
import { Actor, DomainException, isUuid, Page, Role, todayIso } from '@puente/common';
import { applicantsWhoReported } from '@puente/domain/cases';
import { ContestStatus, contestWindowCloses, EvaluationStanding, evaluationStanding } from './evaluation-contest.rules';
import { CURRENT_REHIRE_POLICY, RehirePolicy } from './rehire.policy';
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
  /** The evaluation with its contest and review, as the worker and the coordinators see it (null when none). */
  evaluationReview: EvaluationView | null;
  decision: { outcome: string; policyVersion: string; reasons: unknown; createdAt: Date } | null;
}

/**
 * One evaluation of a worker as the worker and the coordinators see it: the scores and comments, the contest and
 * what was decided, until when it can be contested, and whether it counts. The retaliation flag's case is added
 * for coordinators only (`retaliation`); the employer never sees any of this but its own scores.
 */
export interface EvaluationView {
  id: string;
  createdAt: Date;
  placementId: string;
  applicantId: string;
  employerId: string;
  employerName: string;
  jobOrderReference: string;
  overall: number;
  punctuality: number;
  quality: number;
  safety: number;
  teamwork: number;
  wouldRehire: boolean;
  comments: string | null;
  contestStatus: ContestStatus | null;
  contestStatement: string | null;
  contestedAt: Date | null;
  contestResolvedAt: Date | null;
  contestResolutionReason: string | null;
  /** The last day to contest (El Salvador), `contestWindowCloses` of the day it was submitted. */
  contestableUntil: string;
  /** Never contested, not overturned, and today is within the window. */
  contestable: boolean;
  counts: boolean;
  standing: EvaluationStanding;
  /** Coordinators only: the case that flagged it, and the flag's review. */
  retaliation?: { caseId: string; reviewedAt: Date | null; reviewReason: string | null } | null;
  /** Coordinators only, in the review list. */
  applicantName?: string;
}

/** Per employer: of its former workers, how many who reported a case against it it named again, against the others. */
export interface NamedAgainComparison {
  employerId: string;
  employerName: string;
  reporters: number;
  reportersNamedAgain: number;
  /** Null when no former worker reported a case. */
  reporterRate: number | null;
  others: number;
  othersNamedAgain: number;
  otherRate: number | null;
}

interface EvaluationRow extends Omit<EvaluationView, 'contestableUntil' | 'contestable' | 'standing' | 'retaliation'> {
  retaliationCaseId: string | null;
  retaliationReviewedAt: Date | null;
  retaliationReviewReason: string | null;
}

const EVALUATION_COLUMNS = `e.id, e.created_at AS "createdAt", e.placement_id AS "placementId", e.applicant_id AS "applicantId", e.employer_id AS "employerId",
  m.legal_name AS "employerName", o.reference AS "jobOrderReference", e.overall, e.punctuality, e.quality, e.safety, e.teamwork, e.would_rehire AS "wouldRehire",
  e.comments, e.contest_status AS "contestStatus", e.contest_statement AS "contestStatement", e.contested_at AS "contestedAt",
  e.contest_resolved_at AS "contestResolvedAt", e.contest_resolution_reason AS "contestResolutionReason", e.counts,
  e.retaliation_case_id AS "retaliationCaseId", e.retaliation_reviewed_at AS "retaliationReviewedAt", e.retaliation_review_reason AS "retaliationReviewReason"`;
const EVALUATION_JOINS = `JOIN placement p ON p.id = e.placement_id JOIN job_order o ON o.id = p.job_order_id JOIN employer m ON m.id = e.employer_id`;

/** A row as a view: the window and standing from the rules; the retaliation flag only for coordinators. */
function evaluationView({ retaliationCaseId, retaliationReviewedAt, retaliationReviewReason, ...row }: EvaluationRow, today: string, forStaff: boolean): EvaluationView {
  const contestableUntil = contestWindowCloses(todayIso(row.createdAt));
  const view: EvaluationView = {
    ...row,
    contestableUntil,
    contestable: row.contestStatus === null && today <= contestableUntil,
    standing: evaluationStanding({ contestStatus: row.contestStatus, retaliationCaseId, retaliationReviewedAt }),
  };
  if (forStaff) view.retaliation = retaliationCaseId ? { caseId: retaliationCaseId, reviewedAt: retaliationReviewedAt, reviewReason: retaliationReviewReason } : null;
  return view;
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

  /**
   * Rehire-eligible workers, newest decisions first; an employer sees only workers who worked for it, and not one
   * whose eligibility rests on setting aside its own failing evaluation for a retaliation review (reviewed and
   * overturned, or not reviewed yet): a worker it failed showing up eligible would tell it who reported a case.
   */
  pool(actor: Actor, filter: PoolFilter, page: Page, policy: RehirePolicy = CURRENT_REHIRE_POLICY): Promise<PoolEntry[]> {
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
       -- The employer's own scores, as it gave them, even when overturned or set aside for review: hiding them
       -- would tell it which workers reported a case against it.
       LEFT JOIN evaluation e ON e.placement_id = p.id
       WHERE d.current AND d.outcome = 'ELIGIBLE'
         AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM placement w WHERE w.applicant_id = d.applicant_id AND w.employer_id = $1))
         AND ($2::text IS NULL OR a.occupations @> ARRAY[$2::text])
         AND ($3::boolean IS NULL OR d.needs_passport_renewal = $3)
         AND ($4::timestamptz IS NULL OR ${keysetAfterSql('d.created_at', 'd.id', '$4::timestamptz', '$6::uuid')})
         AND ($5::boolean OR p.employer_id IS DISTINCT FROM $1 OR e.retaliation_case_id IS NULL OR e.counts OR e.overall >= $8)
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
        policy.minimumOverall,
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
  async employerPlacements(actor: Actor, page: Page, today = todayIso(), policy: RehirePolicy = CURRENT_REHIRE_POLICY): Promise<EmployerPlacement[]> {
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
         AND ($2::timestamptz IS NULL OR ${keysetAfterSql('p.created_at', 'p.id', '$2::timestamptz', '$3::uuid')})
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

  /**
   * One worker's placements, newest first, each with its evaluation (with its contest, review and retaliation
   * flag, for coordinators) and its latest rehire decision.
   */
  async history(applicantId: string, today = todayIso()): Promise<HistoryEntry[]> {
    if (!isUuid(applicantId)) return [];
    const entries: Omit<HistoryEntry, 'evaluationReview'>[] = await this.dataSource.query(
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
    const views = new Map((await this.evaluationsOf(applicantId, today, true)).map((v) => [v.placementId, v]));
    return entries.map((e) => ({ ...e, evaluationReview: views.get(e.placementId) ?? null }));
  }

  /** Every evaluation of a worker, newest first, with its contest and whether it counts; `forStaff` adds the retaliation flag. */
  async evaluationsOf(applicantId: string, today = todayIso(), forStaff = false): Promise<EvaluationView[]> {
    if (!isUuid(applicantId)) return [];
    const rows: EvaluationRow[] = await this.dataSource.query(
      `SELECT ${EVALUATION_COLUMNS} FROM evaluation e ${EVALUATION_JOINS} WHERE e.applicant_id = $1 ORDER BY e.created_at DESC, e.id DESC`,
      [applicantId],
    );
    return rows.map((r) => evaluationView(r, today, forStaff));
  }

  /** One evaluation as coordinators see it (with the retaliation flag; `forStaff` false: as its worker does), or null. */
  async evaluationById(id: string, today = todayIso(), forStaff = true): Promise<EvaluationView | null> {
    if (!isUuid(id)) return null;
    const [row]: EvaluationRow[] = await this.dataSource.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluation e ${EVALUATION_JOINS} WHERE e.id = $1`, [id]);
    return row ? evaluationView(row, today, forStaff) : null;
  }

  /** The signed-in worker's own evaluations (`evaluationsOf`); no one else has any here. */
  myEvaluations(actor: Actor, today = todayIso()): Promise<EvaluationView[]> {
    if (actor.role !== Role.APPLICANT || !actor.applicantId) return Promise.resolve([]);
    return this.evaluationsOf(actor.applicantId, today, false);
  }

  /**
   * What awaits the coordinators, newest first: evaluations contested and not decided, and evaluations flagged as
   * possible retaliation and not reviewed (the partial index `evaluation_to_review_idx`), with the worker's name.
   */
  async evaluationsToReview(page: Page, today = todayIso()): Promise<EvaluationView[]> {
    const rows: EvaluationRow[] = await this.dataSource.query(
      `SELECT ${EVALUATION_COLUMNS}, a.first_names || ' ' || a.last_names AS "applicantName"
       FROM evaluation e ${EVALUATION_JOINS} JOIN applicant a ON a.id = e.applicant_id
       WHERE (e.contest_status = 'CONTESTED' OR (e.retaliation_case_id IS NOT NULL AND e.retaliation_reviewed_at IS NULL))
         AND ($1::timestamptz IS NULL OR ${keysetAfterSql('e.created_at', 'e.id', '$1::timestamptz', '$2::uuid')})
       ORDER BY e.created_at DESC, e.id DESC
       LIMIT $3`,
      [page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
    return rows.map((r) => evaluationView(r, today, true));
  }

  /**
   * Per employer (one, or every employer with a worker whose placement ended): its former workers who reported a
   * case against it (`applicantsWhoReported`, cases with a misconduct finding left out) and the others, and how
   * many of each it named again on an order (a named request). A reporter named again less often than the others
   * is what a coordinator looks into. Counts and rates only: no worker is named.
   */
  async namedAgainComparison(employerId?: string | null): Promise<NamedAgainComparison[]> {
    if (employerId && !isUuid(employerId)) return [];
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const formers: { employerId: string; employerName: string; applicantId: string; named: boolean }[] = await em.query(
        `SELECT f.employer_id AS "employerId", m.legal_name AS "employerName", f.applicant_id AS "applicantId",
                EXISTS (SELECT 1 FROM named_request n JOIN job_order o ON o.id = n.job_order_id
                        WHERE n.applicant_id = f.applicant_id AND o.employer_id = f.employer_id) AS named
         FROM (SELECT DISTINCT employer_id, applicant_id FROM placement WHERE status <> 'ACTIVE' AND ($1::uuid IS NULL OR employer_id = $1)) f
         JOIN employer m ON m.id = f.employer_id
         ORDER BY m.legal_name, f.employer_id`,
        [employerId ?? null],
      );
      const byEmployer = new Map<string, { name: string; workers: { applicantId: string; named: boolean }[] }>();
      for (const f of formers) {
        const e = byEmployer.get(f.employerId) ?? { name: f.employerName, workers: [] };
        e.workers.push(f);
        byEmployer.set(f.employerId, e);
      }
      const rate = (n: number, of: number) => (of ? Math.round((n / of) * 10_000) / 10_000 : null);
      const out: NamedAgainComparison[] = [];
      const reportedTo = await applicantsWhoReported(em, [...byEmployer.keys()]);
      for (const [id, e] of byEmployer) {
        const reported = reportedTo.get(id)!;
        const reporters = e.workers.filter((w) => reported.has(w.applicantId));
        const others = e.workers.filter((w) => !reported.has(w.applicantId));
        const named = (ws: typeof reporters) => ws.filter((w) => w.named).length;
        out.push({
          employerId: id,
          employerName: e.name,
          reporters: reporters.length,
          reportersNamedAgain: named(reporters),
          reporterRate: rate(named(reporters), reporters.length),
          others: others.length,
          othersNamedAgain: named(others),
          otherRate: rate(named(others), others.length),
        });
      }
      return out;
    });
  }
}
