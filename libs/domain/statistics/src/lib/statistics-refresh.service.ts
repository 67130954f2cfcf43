import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PROGRAM_TIME_ZONE, todayIso } from '@puente/common';
import { ageGroupSql, ageOnSql, CASE_OUTCOME_SQL, durationBandSql, isicSectionSql, returnSql } from './statistics.rules';

export interface RefreshOutcome {
  refreshedAt: Date;
  tookMs: number;
  deployments: number;
}

/** An aggregate table: its key (the primary key) and the columns it keeps for each key. */
interface Aggregate {
  table: string;
  keys: readonly string[];
  values: readonly string[];
}

const DEPLOYMENT: Aggregate = {
  table: 'stat_deployment',
  keys: ['placement_id'],
  values: [
    'applicant_id', 'employer_id', 'job_order_id', 'departed_on', 'returned_on', 'return_due_on', 'abroad', 'sex', 'age_group', 'isco_code', 'isic_section',
    'country', 'region_code', 'duration_band', 'first_time', 'department_code', 'municipality_code', 'days_to_selection', 'days_to_departure',
    'return_settled', 'returned_on_time', 'rehired', 'named',
  ],
};
const JOB_ORDER: Aggregate = {
  table: 'stat_job_order',
  keys: ['job_order_id'],
  values: ['submitted_on', 'approved_on', 'positions', 'positions_filled', 'isco_code', 'country', 'region_code'],
};
const REGISTRANT_DAY: Aggregate = {
  table: 'stat_registrant_day',
  keys: ['day', 'municipality_code', 'sex', 'age_group'],
  values: ['department_code', 'registered', 'verified', 'deployed'],
};
const REGISTRANT_MONTH: Aggregate = { ...REGISTRANT_DAY, table: 'stat_registrant_month', keys: ['month', 'municipality_code', 'sex', 'age_group'] };
const APPLICANT_STATUS: Aggregate = {
  table: 'stat_applicant_status',
  keys: ['status', 'municipality_code', 'sex', 'age_group'],
  values: ['department_code', 'applicants'],
};
const SUPPLY: Aggregate = { table: 'stat_supply', keys: ['isco_code', 'municipality_code', 'sex'], values: ['department_code', 'available'] };
const CASE: Aggregate = { table: 'stat_case', keys: ['case_id', 'category'], values: ['placement_id', 'reported_on', 'outcome'] };
const RETURNEE: Aggregate = {
  table: 'stat_returnee',
  keys: ['placement_id'],
  values: ['returned_on', 'currency', 'earnings', 'remittances', 'domestic_job_interest', 'training_interest', 'skills_to_certify', 'referred'],
};
const AGGREGATES = [DEPLOYMENT, JOB_ORDER, REGISTRANT_DAY, REGISTRANT_MONTH, APPLICANT_STATUS, SUPPLY, CASE, RETURNEE];

/**
 * Memory for the refresh's hash aggregates and its one pass over the applicants, for this transaction only: with
 * PostgreSQL's default (4 MB) grouping a million applicants spills to disk and takes several times longer.
 */
const REFRESH_WORK_MEM = '256MB';

/** A day of El Salvador's calendar from a timestamptz column (`$1` is the program's time zone). */
const day = (column: string) => `(${column} AT TIME ZONE $1)::date`;

/**
 * The CTEs that make an aggregate table hold exactly the rows `select` gives (its columns named as the table's),
 * writing only what changed: the fresh rows are compared with the table's in one hash join, then new keys are
 * inserted, changed values updated and vanished keys deleted. Most rows are the same from one refresh to the next
 * (past seasons, past registrations), so a refresh writes little, and never deletes and inserts the same key.
 */
function syncCtes(name: string, a: Aggregate, select: string): string {
  const columns = [...a.keys, ...a.values];
  const t = a.table;
  const [first] = a.keys;
  return `${name}_fresh AS MATERIALIZED (${select}),
    ${name}_diff AS MATERIALIZED (
      SELECT f.*, f.${first} IS NULL AS gone, ${a.keys.map((k) => `t.${k} AS old_${k}`).join(', ')}
      FROM ${name}_fresh f FULL JOIN ${t} t ON ${a.keys.map((k) => `t.${k} = f.${k}`).join(' AND ')}
      WHERE f.${first} IS NULL OR t.${first} IS NULL
         OR (${a.values.map((v) => `f.${v}`).join(', ')}) IS DISTINCT FROM (${a.values.map((v) => `t.${v}`).join(', ')})),
    ${name}_written AS (
      INSERT INTO ${t} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${name}_diff WHERE NOT gone
      ON CONFLICT (${a.keys.join(', ')}) DO UPDATE SET ${a.values.map((v) => `${v} = excluded.${v}`).join(', ')}),
    ${name}_gone AS (
      DELETE FROM ${t} USING ${name}_diff d WHERE d.gone AND ${a.keys.map((k) => `${t}.${k} = d.old_${k}`).join(' AND ')})`;
}

/**
 * Rebuilds the aggregates from the other libraries' tables with set-based SQL, in one transaction under an
 * advisory lock: two refreshes never run at once (the second waits, then rebuilds from what is newer), and
 * readers see the previous aggregates until the commit (no table is truncated, so no reader waits). Each aggregate
 * ends up holding exactly what its statement computes, whatever it held before: a refresh from the same facts
 * changes nothing.
 */
@Injectable()
export class StatisticsRefreshService {
  private readonly logger = new Logger('statistics');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async refresh(today: string = todayIso(), { log = true }: { log?: boolean } = {}): Promise<RefreshOutcome> {
    const started = Date.now();
    const outcome = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('statistics.refresh'))`);
      await em.query(`SET LOCAL work_mem = '${REFRESH_WORK_MEM}'`);
      await em.query(`SET LOCAL jit = off`);
      const deployments = await this.deployments(em, today);
      await this.jobOrders(em);
      await this.registrants(em, today);
      await this.cases(em);
      await this.returnees(em);
      for (const { table } of AGGREGATES) await em.query(`ANALYZE ${table}`);
      const tookMs = Date.now() - started;
      const [{ refreshed_at }] = await em.query(
        `INSERT INTO stat_refresh (id, refreshed_at, took_ms) VALUES (1, now(), $1)
         ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms
         RETURNING refreshed_at`,
        [tookMs],
      );
      return { refreshedAt: refreshed_at as Date, tookMs, deployments };
    });
    if (log) this.logger.log(`Statistics refreshed in ${outcome.tookMs} ms (${outcome.deployments} deployments)`);
    return outcome;
  }

  /**
   * One row per placement. First-time: the worker's first placement by departure (ties by id); rehired: an earlier
   * placement with the same employer; named: the employer named the worker on the order. Selection is the day the
   * selected worker was seated on a contingent (the traveller row): Puente keeps no other record of the day.
   */
  private async deployments(em: EntityManager, today: string): Promise<number> {
    const ret = returnSql('$2::date');
    // Each statement's SELECT is a literal of its own (not written inside another), so the ownership test reads its tables.
    const select = `SELECT p.id AS placement_id, p.applicant_id, p.employer_id, p.job_order_id, p.departed_on, p.returned_on, ${ret.dueOn} AS return_due_on,
                daterange(p.departed_on, p.returned_on, '[)') AS abroad, a.gender AS sex, ${ageGroupSql('x.age')} AS age_group, o.isco_code,
                ${isicSectionSql('e.sector')} AS isic_section, r.country, o.work_region_code AS region_code,
                ${durationBandSql('p.start_date', 'p.end_date')} AS duration_band, h.nth = 1 AS first_time, m.department_code, a.municipality_code,
                CASE WHEN h.nth = 1 THEN ${day('t.created_at')} - ${day('a.created_at')} END AS days_to_selection,
                p.departed_on - ${day('t.created_at')} AS days_to_departure,
                ${ret.settled} AS return_settled, ${ret.onTime} AS returned_on_time, h.nth_with_employer > 1 AS rehired,
                EXISTS (SELECT 1 FROM named_request n WHERE n.job_order_id = p.job_order_id AND n.applicant_id = p.applicant_id) AS named
         FROM (SELECT id,
                      row_number() OVER (PARTITION BY applicant_id ORDER BY departed_on, id) AS nth,
                      row_number() OVER (PARTITION BY applicant_id, employer_id ORDER BY departed_on, id) AS nth_with_employer
               FROM placement) h
         JOIN placement p ON p.id = h.id
         JOIN applicant a ON a.id = p.applicant_id
         JOIN municipality m ON m.code = a.municipality_code
         JOIN job_order o ON o.id = p.job_order_id
         JOIN region r ON r.code = o.work_region_code
         JOIN employer e ON e.id = p.employer_id
         JOIN traveller t ON t.id = p.traveller_id
         CROSS JOIN LATERAL (SELECT ${ageOnSql('a.birth_date', 'p.departed_on')} AS age) x`;
    await em.query(`WITH ${syncCtes('d', DEPLOYMENT, select)} SELECT 1`, [PROGRAM_TIME_ZONE, today]);
    const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM stat_deployment`);
    return count as number;
  }

  /**
   * One row per order ever submitted. Positions filled: the workers selected for the order (still selected, or
   * placed on it), at most its positions.
   */
  private async jobOrders(em: EntityManager): Promise<void> {
    const select = `SELECT o.id AS job_order_id, ${day('o.submitted_at')} AS submitted_on, ${day('o.approved_at')} AS approved_on, o.positions,
                least(o.positions, coalesce(f.workers, 0)) AS positions_filled, o.isco_code, r.country, o.work_region_code AS region_code
         FROM job_order o
         JOIN region r ON r.code = o.work_region_code
         LEFT JOIN (SELECT job_order_id, count(DISTINCT applicant_id)::int AS workers
                    FROM (SELECT job_order_id, applicant_id FROM candidate WHERE status = 'SELECTED'
                          UNION ALL SELECT job_order_id, applicant_id FROM placement) w
                    GROUP BY job_order_id) f ON f.job_order_id = o.id
         WHERE o.submitted_at IS NOT NULL`;
    await em.query(`WITH ${syncCtes('o', JOB_ORDER, select)} SELECT 1`, [PROGRAM_TIME_ZONE]);
  }

  /**
   * One pass over the applicants (each one's group worked out once): registrations (the day the record was
   * created), verifications (the day it was verified) and first deployments (the departure of the registrant's first
   * placement) by day; the applicants by current status; the available ones by each occupation they list (status
   * AVAILABLE: verified and ready to be proposed; an applicant's occupations are kept without repeats). All by
   * municipality, sex and age group at registration. Then the running totals at each month's end, from the first month
   * to the current one.
   */
  private async registrants(em: EntityManager, today: string): Promise<void> {
    const groups = 'municipality_code, department_code, sex, age_group';
    const people = `SELECT a.municipality_code, m.department_code, a.gender AS sex, ${ageGroupSql('x.age')} AS age_group, r.registered_on,
                ${day('a.verified_at')} AS verified_on, f.first_departure, a.status,
                CASE WHEN a.status = 'AVAILABLE' THEN a.occupations END AS available_for
         FROM applicant a
         JOIN municipality m ON m.code = a.municipality_code
         CROSS JOIN LATERAL (SELECT ${day('a.created_at')} AS registered_on) r
         CROSS JOIN LATERAL (SELECT ${ageOnSql('a.birth_date', 'r.registered_on')} AS age) x
         LEFT JOIN (SELECT applicant_id, min(departed_on) AS first_departure FROM placement GROUP BY applicant_id) f ON f.applicant_id = a.id`;
    const byStatus = `SELECT status, ${groups}, count(*)::int AS applicants FROM people GROUP BY status, ${groups}`;
    const supply = `SELECT o.isco_code, p.municipality_code, p.department_code, p.sex, count(*)::int AS available
          FROM people p CROSS JOIN LATERAL unnest(p.available_for) AS o(isco_code)
          WHERE p.available_for IS NOT NULL
          GROUP BY 1, 2, 3, 4`;
    const byDay = `SELECT day, ${groups}, sum(registered)::int AS registered, sum(verified)::int AS verified, sum(deployed)::int AS deployed
          FROM (SELECT registered_on AS day, ${groups}, count(*) AS registered, 0 AS verified, 0 AS deployed FROM people GROUP BY 1, 2, 3, 4, 5
                UNION ALL
                SELECT verified_on, ${groups}, 0, count(*), 0 FROM people WHERE verified_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5
                UNION ALL
                SELECT first_departure, ${groups}, 0, 0, count(*) FROM people WHERE first_departure IS NOT NULL GROUP BY 1, 2, 3, 4, 5) d
          GROUP BY 1, 2, 3, 4, 5`;
    await em.query(
      `WITH people AS MATERIALIZED (${people}), ${syncCtes('status', APPLICANT_STATUS, byStatus)}, ${syncCtes('supply', SUPPLY, supply)},
            ${syncCtes('day', REGISTRANT_DAY, byDay)}
       SELECT 1`,
      [PROGRAM_TIME_ZONE],
    );
    const months = `WITH deltas AS (SELECT date_trunc('month', day)::date AS month, ${groups},
                              sum(registered) AS registered, sum(verified) AS verified, sum(deployed) AS deployed
                       FROM stat_registrant_day GROUP BY 1, 2, 3, 4, 5),
            months AS (SELECT generate_series(min(month), greatest(max(month), date_trunc('month', $1::date)::date), interval '1 month')::date AS month
                       FROM deltas HAVING count(*) > 0),
            combos AS (SELECT ${groups}, min(month) AS first FROM deltas GROUP BY 1, 2, 3, 4)`;
    const running = `SELECT mo.month, c.municipality_code, c.department_code, c.sex, c.age_group,
                 (sum(coalesce(d.registered, 0)) OVER w)::int AS registered, (sum(coalesce(d.verified, 0)) OVER w)::int AS verified,
                 (sum(coalesce(d.deployed, 0)) OVER w)::int AS deployed
          FROM combos c
          JOIN months mo ON mo.month >= c.first
          LEFT JOIN deltas d ON d.month = mo.month AND d.municipality_code = c.municipality_code AND d.sex = c.sex AND d.age_group = c.age_group
          WINDOW w AS (PARTITION BY c.municipality_code, c.sex, c.age_group ORDER BY mo.month)`;
    await em.query(`${months}, ${syncCtes('month', REGISTRANT_MONTH, running)} SELECT 1`, [today]);
  }

  /** One row per case and category, reported on the day the case was created. */
  private async cases(em: EntityManager): Promise<void> {
    const select = `SELECT c.id AS case_id, k.category, c.placement_id, ${day('c.created_at')} AS reported_on, ${CASE_OUTCOME_SQL} AS outcome
         FROM protection_case c CROSS JOIN LATERAL (SELECT DISTINCT unnest(c.categories) AS category) k`;
    await em.query(`WITH ${syncCtes('c', CASE, select)} SELECT 1`, [PROGRAM_TIME_ZONE]);
  }

  /** One row per returnee record; home on the placement's return, or its end when no return was recorded. */
  private async returnees(em: EntityManager): Promise<void> {
    const select = `SELECT r.placement_id, coalesce(p.returned_on, p.ended_on) AS returned_on, r.currency, r.earnings, r.remittances,
                r.wants_domestic_job AS domestic_job_interest, r.wants_training AS training_interest,
                jsonb_array_length(r.skills) AS skills_to_certify, r.referred_at IS NOT NULL AS referred
         FROM returnee_record r JOIN placement p ON p.id = r.placement_id`;
    await em.query(`WITH ${syncCtes('r', RETURNEE, select)} SELECT 1`);
  }
}
