// Synthetic data for `npm run bench:statistics`: 1,000,000 applicants, ~2,000 employers over Canada's and the
// United States' regions and the five sectors, and five seasons of job orders, contingents, travellers,
// candidates and placements (20,000 a season, 100,000 in all; 40% of each later season's workers went before),
// the latest season still abroad, plus next season's open orders (demand), evaluations, rehire decisions, named
// requests (~15% of placements) and protection cases (~1.2% of placements). Set-based SQL only: every statement
// is one INSERT … SELECT over generate_series (no row-at-a-time work), run in order by the benchmark.
//
// Shapes, each drawn from the reference data (departments, municipalities, regions, ISCO-08 occupations):
// - registrants: 55/45 men/women (0.1% OTHER), ages 18–60 today, registered over six years (more of them lately),
//   spread over the 44 municipalities by population; statuses REGISTERED, VERIFIED, AVAILABLE (most), WITHDRAWN,
//   BLOCKED, INELIGIBLE;
// - workers (the 68,000 who were placed): about 78% men, from the rural departments more than their population
//   says (so the fairness measures have a disparity to show), aged 19–55 at their first departure;
// - seasons s = 0…4: orders start 20–80 days before today minus 4 − s years, contracts of 12, 20, 26, 34 or 40
//   weeks; a past season's placements are COMPLETED (home within a week of the end, 4% 16–45 days after it),
//   TERMINATED_EARLY (5%, home within days) or ABANDONED (1.5%, never returned); the latest season's are ACTIVE;
// - a returning worker (40% of seasons 1–4) is drawn from those whose last placement left them eligible.
// Identifiers are synthetic: the blind-index columns carry a bench tag, the encrypted ones a placeholder nothing
// decrypts (the benchmark re-encrypts, with the api's key, those of the rows it exports).

export const DEFAULT_APPLICANTS = 1_000_000;
export const SEASONS = 5;
export const PER_SEASON = 20_000;
export const RETURNING_PER_SEASON = 8_000; // 40% of seasons 1–4
const SAME_EMPLOYER_PER_SEASON = 6_000; // of them, back with an employer they worked for
export const EMPLOYERS = 2_000;
export const NEW_PER_SEASON = PER_SEASON - RETURNING_PER_SEASON;
/** Workers 0 … WORKERS − 1 are the applicants who were ever placed (the first rows of the applicant table). */
export const WORKERS = PER_SEASON + (SEASONS - 1) * NEW_PER_SEASON;

// Department populations (thousands, 2024 census, rounded) and how much more (or less) than its population a
// department sends abroad: seasonal programs recruit in the countryside.
const DEPARTMENTS = {
  'SV-SS': [1640, 0.45],
  'SV-LI': [800, 0.8],
  'SV-SA': [610, 1.1],
  'SV-SM': [470, 1.2],
  'SV-SO': [470, 1.1],
  'SV-US': [350, 1.4],
  'SV-AH': [330, 1.4],
  'SV-PA': [330, 1.3],
  'SV-CU': [250, 1.1],
  'SV-UN': [230, 1.5],
  'SV-CH': [190, 1.7],
  'SV-MO': [190, 1.8],
  'SV-SV': [170, 1.5],
  'SV-CA': [150, 1.8],
};
// Where employers are (weights): Ontario, Quebec and British Columbia; the H-2A states.
const REGIONS = {
  'CA-ON': 30, 'CA-QC': 24, 'CA-BC': 18, 'CA-AB': 9, 'CA-MB': 4, 'CA-SK': 3, 'CA-NS': 4, 'CA-NB': 3, 'CA-PE': 3, 'CA-NL': 1, 'CA-YT': 0.3, 'CA-NT': 0.3, 'CA-NU': 0.1,
  'US-FL': 12, 'US-GA': 10, 'US-CA': 10, 'US-WA': 9, 'US-NC': 8, 'US-LA': 5, 'US-TX': 5, 'US-KY': 4, 'US-MI': 4, 'US-NY': 4, 'US-AZ': 3, 'US-ID': 3,
  'US-OR': 3, 'US-SC': 3, 'US-VA': 3, 'US-TN': 2, 'US-AR': 2, 'US-MS': 2, 'US-CO': 2, 'US-IN': 2, 'US-OH': 2, 'US-PA': 2, 'US-NJ': 2,
};
const OTHER_US_REGION_WEIGHT = 0.3;
const SECTORS = { AGRICULTURE: 55, LIVESTOCK: 8, FOOD_PROCESSING: 14, CONSTRUCTION: 10, HOSPITALITY: 13 };
const CASE_CATEGORIES = [
  ['UNPAID_WAGES', 22], ['UNPAID_OVERTIME', 16], ['HOUSING', 18], ['UNSAFE_WORK', 12], ['CONTRACT_CHANGED', 9], ['HARASSMENT_ABUSE', 8],
  ['DOCUMENTS_WITHHELD', 5], ['RECRUITMENT_FEES', 4], ['MOVEMENT_RESTRICTED', 2], ['OTHER', 4],
];

/** A moment of a day in office hours: 08:00 plus `u` (0–1) of ten hours, El Salvador's time (UTC−6). */
const during = (day, u) => `((${day})::timestamp + interval '14 hours' + (${u}) * interval '10 hours') AT TIME ZONE 'UTC'`;
const values = (rows) => rows.map((r) => `(${r.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ')})`).join(', ');

/**
 * The seed as an ordered list of { label, sql }. `today` is todayIso() (El Salvador's day), the day every date is
 * drawn around; `applicants` (1,000,000 unless a smaller trial run asks for fewer) counts the workers too. `tables`:
 * the tables the database has, so documents (`applicant_document`) and returnee records (`returnee_record`) are
 * generated only where their migrations have run.
 */
export function seedStatements(today, { applicants: APPLICANTS = DEFAULT_APPLICANTS, tables = new Set() } = {}) {
  const T = `'${today}'::date`;
  // Each random draw of a row comes from a LATERAL subquery that names the row (so PostgreSQL draws it per row).
  const steps = [];
  const step = (label, sql) => steps.push({ label, sql });

  step(
    'reference weights',
    `
SELECT setseed(0.15);
CREATE TEMP TABLE b_dept (code text PRIMARY KEY, pop float8, send float8);
INSERT INTO b_dept VALUES ${values(Object.entries(DEPARTMENTS).map(([c, [p, s]]) => [c, p, s]))};
-- Municipality weights: the department's population, the Centro municipality twice the others.
CREATE TEMP TABLE b_muni AS
WITH m AS (
  SELECT m.code, m.department_code,
         d.pop * CASE WHEN m.code LIKE '%-CENTRO' THEN 2 ELSE 1 END
           / sum(CASE WHEN m.code LIKE '%-CENTRO' THEN 2 ELSE 1 END) OVER (PARTITION BY m.department_code) AS pop,
         d.send
  FROM municipality m JOIN b_dept d ON d.code = m.department_code
)
SELECT code, department_code, row_number() OVER (ORDER BY code)::int AS n,
       (sum(pop) OVER (ORDER BY code) - pop) / sum(pop) OVER () AS lo_pop,
       (sum(pop * send) OVER (ORDER BY code) - pop * send) / sum(pop * send) OVER () AS lo_work
FROM m;
CREATE TEMP TABLE b_region AS
WITH w AS (
  SELECT r.code, r.country, coalesce(x.weight, CASE WHEN r.country = 'US' THEN ${OTHER_US_REGION_WEIGHT} ELSE 0.1 END) AS weight
  FROM region r LEFT JOIN (VALUES ${values(Object.entries(REGIONS))}) x(code, weight) ON x.code = r.code
)
SELECT code, country, row_number() OVER (PARTITION BY country ORDER BY code)::int AS n,
       (sum(weight) OVER (PARTITION BY country ORDER BY code) - weight) / sum(weight) OVER (PARTITION BY country) AS lo
FROM w;
CREATE TEMP TABLE b_sector AS
WITH w(sector, weight) AS (VALUES ${values(Object.entries(SECTORS))})
SELECT sector, row_number() OVER (ORDER BY sector)::int AS n, (sum(weight) OVER (ORDER BY sector) - weight) / sum(weight) OVER () AS lo FROM w;
-- Occupations: within a sector, the labourer codes (9xxx) first and most often; over all, agriculture first.
CREATE TEMP TABLE b_occ AS
WITH o AS (
  SELECT isco_code::text AS isco, sector, noc_codes[1] AS noc, soc_codes[1] AS soc,
         row_number() OVER (PARTITION BY sector ORDER BY (isco_code >= '9000') DESC, isco_code)::int AS k,
         count(*) OVER (PARTITION BY sector)::int AS in_sector
  FROM occupation
)
SELECT o.*, row_number() OVER (ORDER BY s.n, o.k)::int AS n FROM o JOIN b_sector s ON s.sector = o.sector;
CREATE TEMP TABLE b_categories AS
WITH w(category, weight) AS (VALUES ${values(CASE_CATEGORIES)})
SELECT category, row_number() OVER (ORDER BY category)::int AS n, (sum(weight) OVER (ORDER BY category) - weight) / sum(weight) OVER () AS lo FROM w;
CREATE TEMP TABLE b_arrays AS SELECT
  (SELECT array_agg(lo_pop ORDER BY n) FROM b_muni) AS muni_pop,
  (SELECT array_agg(lo_work ORDER BY n) FROM b_muni) AS muni_work,
  (SELECT array_agg(lo ORDER BY n) FROM b_region WHERE country = 'CA') AS region_ca,
  (SELECT array_agg(lo ORDER BY n) FROM b_region WHERE country = 'US') AS region_us,
  (SELECT array_agg(lo ORDER BY n) FROM b_sector) AS sector,
  (SELECT array_agg(lo ORDER BY n) FROM b_categories) AS category,
  (SELECT count(*) FROM b_occ)::int AS occupations;
-- Staff rows the seed's own records name (a case's reporter, the runs): they cannot sign in (no password).
INSERT INTO app_user (identifier, email, role, password_hash, active, jurisdiction_country, jurisdiction_regions)
VALUES ('bench-staff@puente.test', 'bench-staff@puente.test', 'COORDINATOR', NULL, true, NULL, NULL),
       ('bench-consul@puente.test', 'bench-consul@puente.test', 'CONSUL', NULL, true, 'CA', ARRAY['CA-ON', 'CA-QC']);
`,
  );

  step(
    `${EMPLOYERS} employers`,
    `
CREATE TEMP TABLE b_employer AS
SELECT e AS n, CASE WHEN r.country < 0.55 THEN 'CA' ELSE 'US' END AS country, r.region, r.sector, r.status, r.created
FROM generate_series(0, ${EMPLOYERS - 1}) e
CROSS JOIN LATERAL (SELECT e AS id, random() AS country, random() AS region, random() AS sector, random() AS status, random() AS created) r;
ALTER TABLE b_employer ADD COLUMN region_code text, ADD COLUMN sector_name text;
UPDATE b_employer b SET region_code = g.code, sector_name = s.sector
FROM b_arrays a, b_region g, b_sector s
WHERE g.country = b.country AND g.n = width_bucket(b.region, CASE b.country WHEN 'CA' THEN a.region_ca ELSE a.region_us END)
  AND s.n = width_bucket(b.sector, a.sector);
INSERT INTO employer (legal_name, trade_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone,
                      status, status_reason, verified_at, created_at, updated_at)
SELECT 'Bench Statistics Employer ' || b.n, NULL, b.country, b.region_code, 'Bench City', b.sector_name,
       CASE WHEN b.country = 'US' AND b.sector_name IN ('AGRICULTURE', 'LIVESTOCK') THEN 'US_H2A' WHEN b.country = 'US' THEN 'US_H2B'
            WHEN b.sector_name IN ('AGRICULTURE', 'LIVESTOCK') THEN 'CA_TFWP_AGRICULTURAL' ELSE 'CA_TFWP_LOW_WAGE' END,
       (600000000 + b.n)::text, 'Bench', 'bench-st-' || b.n || '@bench.example', '+15145550100',
       CASE WHEN b.status < 0.01 THEN 'SUSPENDED' WHEN b.status < 0.03 THEN 'PENDING_VERIFICATION' ELSE 'VERIFIED' END,
       CASE WHEN b.status < 0.01 THEN 'Bench suspension.' END,
       CASE WHEN b.status >= 0.01 AND b.status < 0.03 THEN NULL ELSE ${T} - 2200 + floor(b.created * 200)::int + 10 END,
       ${T} - 2200 + floor(b.created * 200)::int, ${T} - 2200 + floor(b.created * 200)::int
FROM b_employer b;
ALTER TABLE b_employer ADD COLUMN id uuid;
UPDATE b_employer b SET id = e.id FROM employer e WHERE e.legal_name = 'Bench Statistics Employer ' || b.n;
`,
  );

  // Orders: each verified employer takes part in a season with probability 0.85, with one order (80%) or two; next
  // season's (s = SEASONS) are open, submitted or drafts. Positions 2–29, most orders small.
  step(
    'job orders of five seasons and the next',
    `
CREATE TEMP TABLE b_order AS
SELECT row_number() OVER (ORDER BY s, e.n, k)::int - 1 AS n, s AS season, e.n AS employer_n, e.id AS employer_id, e.country, e.region_code, e.sector_name AS sector, k,
       r.occ, r.positions, r.start, r.weeks, r.fill, r.shuffle, r.status, r.submitted, r.wage
FROM generate_series(0, ${SEASONS}) s
CROSS JOIN b_employer e
CROSS JOIN LATERAL (SELECT s AS season, e.n, random() AS active, random() AS two) p
CROSS JOIN LATERAL generate_series(1, CASE WHEN p.active >= 0.85 THEN 0 WHEN p.two < 0.25 THEN 2 ELSE 1 END) k
CROSS JOIN LATERAL (SELECT k AS id, p.active AS a, random() AS occ, 2 + floor(power(random(), 2) * 30)::int AS positions, random() AS start, random() AS weeks,
                           random() AS fill, random() AS shuffle, random() AS status, random() AS submitted, random() AS wage) r
WHERE e.id IS NOT NULL AND e.n NOT IN (SELECT n FROM b_employer WHERE status < 0.03);
ALTER TABLE b_order ADD COLUMN isco text, ADD COLUMN noc text, ADD COLUMN soc text, ADD COLUMN start_date date, ADD COLUMN duration_weeks int, ADD COLUMN filled int;
UPDATE b_order o SET isco = c.isco, noc = c.noc, soc = c.soc,
       duration_weeks = CASE WHEN o.weeks < 0.10 THEN 12 WHEN o.weeks < 0.25 THEN 20 WHEN o.weeks < 0.70 THEN 26 WHEN o.weeks < 0.90 THEN 34 ELSE 40 END,
       start_date = CASE WHEN o.season < ${SEASONS} THEN ${T} - 365 * (${SEASONS - 1} - o.season) - 20 - floor(o.start * 60)::int
                         ELSE ${T} + 60 + floor(o.start * 120)::int END,
       filled = CASE WHEN o.season = ${SEASONS} THEN 0 WHEN o.fill < 0.7 THEN o.positions ELSE o.positions - floor(o.fill * o.positions * 0.3)::int END
FROM b_occ c
WHERE c.sector = o.sector
  AND c.k = 1 + floor(power(o.occ, 1.7) * (SELECT in_sector FROM b_occ x WHERE x.sector = o.sector LIMIT 1))::int;
-- Each season's placements fill its orders in a random order until 20,000; the orders left over were rejected or
-- cancelled before anyone travelled.
ALTER TABLE b_order ADD COLUMN cum_before int;
UPDATE b_order o SET cum_before = x.cum_before
FROM (SELECT n, coalesce(sum(filled) OVER (PARTITION BY season ORDER BY shuffle ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS cum_before FROM b_order) x
WHERE x.n = o.n;
UPDATE b_order SET filled = greatest(0, least(filled, ${PER_SEASON} - cum_before)) WHERE season < ${SEASONS};
ALTER TABLE b_order ADD COLUMN order_status text;
UPDATE b_order SET order_status = CASE
  WHEN season = ${SEASONS} THEN CASE WHEN status < 0.65 THEN 'OPEN' WHEN status < 0.90 THEN 'SUBMITTED' ELSE 'DRAFT' END
  WHEN filled = 0 THEN CASE WHEN status < 0.5 THEN 'REJECTED' ELSE 'CANCELLED' END
  WHEN season = ${SEASONS - 1} THEN 'IN_PROGRESS'
  ELSE 'COMPLETED' END;
INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions, min_experience_years,
                       work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
                       employer_pays_recruitment, employer_pays_travel, status, status_reason, submitted_at, approved_at, created_at, updated_at)
SELECT 'JO-BENCH-ST-' || o.season || '-' || lpad(o.n::text, 5, '0'), o.employer_id, 'Bench season ' || o.season || ' order ' || o.n, o.isco,
       CASE o.country WHEN 'US' THEN 'ONET_SOC' ELSE 'NOC_2021' END,
       CASE o.country WHEN 'US' THEN coalesce(o.soc, '45-2092') ELSE coalesce(o.noc, '85100') END,
       o.positions, 0, o.region_code, 'Bench City', o.start_date, o.duration_weeks, o.start_date + 7 * o.duration_weeks - 1,
       CASE o.country WHEN 'US' THEN 15 + round((o.wage * 4)::numeric, 2) ELSE 16.5 + round((o.wage * 2)::numeric, 2) END,
       CASE o.country WHEN 'US' THEN 'USD' ELSE 'CAD' END, 40, true, true, true, o.order_status,
       CASE o.order_status WHEN 'REJECTED' THEN 'Bench: the wage is below the prevailing wage.' WHEN 'CANCELLED' THEN 'Bench: the employer cancelled.' END,
       CASE WHEN o.order_status <> 'DRAFT' THEN ${during('o.start_date - 150 + floor(o.submitted * 30)::int', 'o.wage')} END,
       CASE WHEN o.order_status NOT IN ('DRAFT', 'SUBMITTED', 'REJECTED') THEN ${during('o.start_date - 130 + floor(o.submitted * 30)::int', 'o.wage')} END,
       ${during('o.start_date - 160 + floor(o.submitted * 30)::int', 'o.wage')}, ${during('o.start_date - 160 + floor(o.submitted * 30)::int', 'o.wage')}
FROM b_order o;
ALTER TABLE b_order ADD COLUMN id uuid, ADD COLUMN end_date date;
UPDATE b_order o SET id = j.id, end_date = j.end_date FROM job_order j WHERE j.reference = 'JO-BENCH-ST-' || o.season || '-' || lpad(o.n::text, 5, '0');
CREATE INDEX ON b_order (n);
ANALYZE b_order;
`,
  );

  step(
    'contingents and placement slots',
    `
-- One contingent per filled order (its region, start date and a sequence among that day's groups).
INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version, confirmed_at, departed_on, arrived_on,
                        returned_on, created_at, updated_at)
SELECT 'CT-BENCH-ST-' || o.season || '-' || lpad(o.n::text, 5, '0'), o.region_code, o.start_date,
       row_number() OVER (PARTITION BY o.region_code, o.start_date ORDER BY o.n), o.start_date - 2, o.filled,
       CASE WHEN o.season = ${SEASONS - 1} THEN 'ARRIVED' ELSE 'RETURNED' END, 'bench', o.start_date - 30, o.start_date - 2, o.start_date - 1,
       CASE WHEN o.season < ${SEASONS - 1} THEN o.end_date + 2 END, o.start_date - 40, o.start_date - 1
FROM b_order o WHERE o.filled > 0;
ALTER TABLE b_order ADD COLUMN contingent_id uuid;
UPDATE b_order o SET contingent_id = c.id FROM contingent c WHERE c.reference = 'CT-BENCH-ST-' || o.season || '-' || lpad(o.n::text, 5, '0');
-- Slot i of a season is a seat of the order whose cumulative range holds it.
CREATE TEMP TABLE b_slot AS
SELECT o.season, i AS slot, o.n AS order_n, random() AS pick
FROM b_order o CROSS JOIN LATERAL generate_series(o.cum_before, o.cum_before + o.filled - 1) i
WHERE o.season < ${SEASONS} AND o.filled > 0;
ALTER TABLE b_slot ADD COLUMN worker int, ADD COLUMN back_again boolean NOT NULL DEFAULT false, ADD COLUMN same_employer boolean NOT NULL DEFAULT false,
                   ADD COLUMN employer_n int;
UPDATE b_slot s SET employer_n = o.employer_n FROM b_order o WHERE o.n = s.order_n;
CREATE UNIQUE INDEX ON b_slot (season, slot);
CREATE INDEX ON b_slot (season, worker);
ANALYZE b_slot;
DO $$ BEGIN
  IF EXISTS (SELECT season FROM b_slot GROUP BY season HAVING count(*) <> ${PER_SEASON}) OR (SELECT count(DISTINCT season) FROM b_slot) <> ${SEASONS} THEN
    RAISE EXCEPTION 'the orders do not give ${PER_SEASON} seats in each season';
  END IF;
END $$;
-- A worker's state between seasons: their last season and whether it left them eligible to go again.
CREATE TEMP TABLE b_worker_state (worker int PRIMARY KEY, first_season int NOT NULL, last_season int NOT NULL, last_employer int NOT NULL,
                                   eligible boolean NOT NULL DEFAULT false);
CREATE TEMP TABLE b_place (season int, slot int, worker int, order_n int, status text, returned_on date, ended_on date, end_fault text,
                           overall int, evaluated boolean, late boolean, outcome float8, draw1 float8, draw2 float8, named boolean);
`,
  );

  for (let s = 0; s < SEASONS; s++) {
    const latest = s === SEASONS - 1;
    step(
      `season ${s}: workers and outcomes`,
      `
${
  s === 0
    ? ''
    : `-- Back to the same employer: each employer's seats, in a random order, go first to the eligible workers it had
-- last time (up to 70% of its seats); ${SAME_EMPLOYER_PER_SEASON} such pairs in all.
UPDATE b_slot t SET worker = x.worker, back_again = true, same_employer = true
FROM (SELECT seat.slot, w.worker
      FROM (SELECT slot, employer_n, row_number() OVER (PARTITION BY employer_n ORDER BY pick) AS r, count(*) OVER (PARTITION BY employer_n) AS seats
            FROM b_slot WHERE season = ${s}) seat
      JOIN (SELECT worker, last_employer, row_number() OVER (PARTITION BY last_employer ORDER BY random()) AS r
            FROM b_worker_state WHERE eligible AND last_season < ${s}) w ON w.last_employer = seat.employer_n AND w.r = seat.r
      WHERE seat.r <= ceil(0.7 * seat.seats)
      ORDER BY random() LIMIT ${SAME_EMPLOYER_PER_SEASON}) x
WHERE t.season = ${s} AND t.slot = x.slot;
-- The other returning workers go to other employers' seats, at random.
UPDATE b_slot t SET worker = x.worker, back_again = true
FROM (SELECT seat.slot, w.worker
      FROM (SELECT slot, row_number() OVER (ORDER BY pick) AS r FROM b_slot WHERE season = ${s} AND worker IS NULL) seat
      JOIN (SELECT ws.worker, row_number() OVER (ORDER BY random()) AS r FROM b_worker_state ws
            WHERE ws.eligible AND ws.last_season < ${s} AND NOT EXISTS (SELECT 1 FROM b_slot b WHERE b.season = ${s} AND b.worker = ws.worker)) w ON w.r = seat.r
      WHERE seat.r <= ${RETURNING_PER_SEASON} - (SELECT count(*) FROM b_slot WHERE season = ${s} AND back_again)) x
WHERE t.season = ${s} AND t.slot = x.slot;
DO $$ BEGIN
  IF (SELECT count(*) FROM b_slot WHERE season = ${s} AND back_again) <> ${RETURNING_PER_SEASON} THEN
    RAISE EXCEPTION 'season ${s}: not enough eligible returning workers';
  END IF;
END $$;`
}
-- New workers take the other seats: season 0's 20,000, then 12,000 a season, numbered in order.
UPDATE b_slot t SET worker = ${s === 0 ? 0 : PER_SEASON + (s - 1) * NEW_PER_SEASON} + x.r - 1
FROM (SELECT slot, row_number() OVER (ORDER BY slot)::int AS r FROM b_slot WHERE season = ${s} AND worker IS NULL) x
WHERE t.season = ${s} AND t.slot = x.slot;
INSERT INTO b_worker_state (worker, first_season, last_season, last_employer)
SELECT worker, ${s}, ${s}, employer_n FROM b_slot WHERE season = ${s}
ON CONFLICT (worker) DO UPDATE SET last_season = ${s}, last_employer = excluded.last_employer;
-- Named: 15% of all seats, among the workers back with the same employer (named again by it).
INSERT INTO b_place (season, slot, worker, order_n, outcome, draw1, draw2, overall, evaluated, named)
SELECT s.season, s.slot, s.worker, s.order_n, r.outcome, r.draw1, r.draw2,
       CASE WHEN r.score < 0.04 THEN 1 WHEN r.score < 0.10 THEN 2 WHEN r.score < 0.28 THEN 3 WHEN r.score < 0.68 THEN 4 ELSE 5 END, r.evaluated < 0.9,
       s.same_employer AND r.named < ${(0.15 * SEASONS * PER_SEASON) / ((SEASONS - 1) * SAME_EMPLOYER_PER_SEASON)}
FROM b_slot s CROSS JOIN LATERAL (SELECT s.slot AS id, random() AS outcome, random() AS draw1, random() AS draw2, random() AS score, random() AS evaluated,
                                         random() AS named) r
WHERE s.season = ${s};
UPDATE b_place p SET
  ${
    latest
      ? `status = 'ACTIVE', evaluated = false`
      : `status = CASE WHEN p.outcome < 0.015 THEN 'ABANDONED' WHEN p.outcome < 0.065 THEN 'TERMINATED_EARLY' ELSE 'COMPLETED' END,
  ended_on = CASE WHEN p.outcome < 0.065 THEN o.start_date + 14 + floor(p.draw1 * (o.end_date - o.start_date - 28))::int ELSE o.end_date END,
  end_fault = CASE WHEN p.outcome < 0.015 THEN 'WORKER' WHEN p.outcome < 0.065 THEN (ARRAY['WORKER', 'EMPLOYER', 'NONE'])[1 + floor(p.draw2 * 3)::int] END,
  late = p.outcome >= 0.065 AND p.draw2 < 0.04,
  evaluated = p.evaluated AND p.outcome >= 0.015`
  }
FROM b_order o WHERE o.n = p.order_n AND p.season = ${s};
${
  latest
    ? ''
    : `UPDATE b_place p SET returned_on = CASE
    WHEN p.status = 'ABANDONED' THEN NULL
    WHEN p.status = 'TERMINATED_EARLY' THEN p.ended_on + 1 + floor(p.draw1 * 100)::int % 5
    WHEN p.late THEN p.ended_on + 16 + floor(p.draw1 * 1000)::int % 30
    ELSE p.ended_on + floor(p.draw1 * 1000)::int % 7 END
WHERE p.season = ${s};
-- Eligible to go again (rehire policy v1): home on time, not ended by their own fault, no evaluation below 3.
UPDATE b_worker_state w SET eligible = (p.status = 'COMPLETED' AND NOT p.late OR p.status = 'TERMINATED_EARLY' AND p.end_fault <> 'WORKER')
                                       AND (NOT p.evaluated OR p.overall >= 3)
FROM b_place p WHERE p.season = ${s} AND p.worker = w.worker;`
}`,
    );
  }

  step(
    `${APPLICANTS.toLocaleString('en-US')} applicants`,
    `
-- A worker's facts: first departure, the occupation of their first order, their last placement's status.
CREATE INDEX ON b_place (worker, season);
ANALYZE b_place;
CREATE TEMP TABLE b_worker AS
SELECT w.worker, w.first_season, w.last_season, w.eligible, f.start_date - 2 AS first_departure, f.isco, f.sector,
       l.status AS last_status
FROM b_worker_state w
JOIN LATERAL (SELECT o.start_date, o.isco, o.sector FROM b_place p JOIN b_order o ON o.n = p.order_n WHERE p.worker = w.worker ORDER BY p.season LIMIT 1) f ON true
JOIN LATERAL (SELECT p.status FROM b_place p WHERE p.worker = w.worker ORDER BY p.season DESC LIMIT 1) l ON true;
CREATE UNIQUE INDEX ON b_worker (worker);
ANALYZE b_worker;
DO $$ BEGIN
  IF (SELECT count(*) FROM b_worker) <> ${WORKERS} THEN RAISE EXCEPTION 'expected ${WORKERS} workers, found %', (SELECT count(*) FROM b_worker); END IF;
END $$;
CREATE TEMP TABLE b_applicant AS
SELECT g, w.worker IS NOT NULL AS worker, w.first_departure, w.isco AS worker_isco, w.sector AS worker_sector, w.last_season, w.eligible, w.last_status,
       r.*
FROM generate_series(0, ${APPLICANTS - 1}) g
LEFT JOIN b_worker w ON w.worker = g
CROSS JOIN LATERAL (SELECT g AS id, random() AS u_sex, random() AS u_age, random() AS u_days, random() AS u_muni, random() AS u_occ, random() AS u_occ2,
                           random() AS u_reg, random() AS u_status, random() AS u_pass, random() AS u_pexp, random() AS u_edu, random() AS u_lang,
                           random() AS u_exp, random() AS u_skill, random() AS u_ver) r;
-- A bulk load: the secondary indexes of applicant and of its matching table (kept by a trigger) are dropped
-- and built again afterwards, as they were (faster than keeping them up row by row; the constraints stay).
CREATE TEMP TABLE b_index AS
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = 'public' AND i.tablename IN ('applicant', 'applicant_occupation') AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM b_index LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP;
END $$;
INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations, skills,
                       languages, language_levels, years_experience, education, passport_number_enc, passport_number_hash, passport_expiry, status,
                       verified_at, created_at, updated_at)
SELECT 'bench', 'BS' || lpad(a.g::text, 8, '0'), 'Bench', 'Applicant',
       CASE WHEN a.worker THEN a.first_departure - (19 * 365 + floor(power(a.u_age, 1.3) * 36 * 365))::int
            ELSE ${T} - (18 * 365 + floor(power(a.u_age, 1.4) * 42.9 * 365))::int END,
       CASE WHEN a.worker THEN CASE WHEN a.u_sex < 0.002 THEN 'OTHER' WHEN a.u_sex < 0.22 THEN 'FEMALE' ELSE 'MALE' END
            ELSE CASE WHEN a.u_sex < 0.001 THEN 'OTHER' WHEN a.u_sex < 0.45 THEN 'FEMALE' ELSE 'MALE' END END,
       m.code, '+50370000000',
       CASE WHEN a.worker THEN CASE WHEN a.u_occ2 < 0.3 AND o2.isco <> a.worker_isco THEN ARRAY[a.worker_isco, o2.isco] ELSE ARRAY[a.worker_isco] END
            ELSE CASE WHEN a.u_occ2 < 0.25 AND o2.isco <> o1.isco THEN ARRAY[o1.isco, o2.isco] ELSE ARRAY[o1.isco] END END,
       '{}',
       CASE WHEN a.u_lang < 0.25 THEN '[{"code":"es","level":"NATIVE"},{"code":"en","level":"A2"}]'::jsonb ELSE '[{"code":"es","level":"NATIVE"}]'::jsonb END,
       CASE WHEN a.u_lang < 0.25 THEN ARRAY['es:A1','es:A2','es:B1','es:B2','es:C1','es:C2','es:NATIVE','en:A1','en:A2']
            ELSE ARRAY['es:A1','es:A2','es:B1','es:B2','es:C1','es:C2','es:NATIVE'] END,
       floor(a.u_exp * a.u_exp * 16)::int,
       CASE WHEN a.u_edu < 0.08 THEN 'NONE' WHEN a.u_edu < 0.48 THEN 'PRIMARY' WHEN a.u_edu < 0.73 THEN 'LOWER_SECONDARY' WHEN a.u_edu < 0.93 THEN 'UPPER_SECONDARY'
            WHEN a.u_edu < 0.98 THEN 'TECHNICAL' ELSE 'UNIVERSITY' END,
       CASE WHEN x.passport THEN 'bench' END, CASE WHEN x.passport THEN 'PS' || lpad(a.g::text, 8, '0') END,
       CASE WHEN x.passport THEN ${T} - 200 + floor(a.u_pexp * 3300)::int END,
       x.status,
       CASE WHEN x.status NOT IN ('REGISTERED') THEN ${during('x.registered + 3 + floor(a.u_ver * 57)::int', 'a.u_days')} END,
       ${during('x.registered', 'a.u_days')}, ${during('x.registered', 'a.u_days')}
FROM b_applicant a
CROSS JOIN b_arrays arr
JOIN b_muni m ON m.n = width_bucket(a.u_muni, CASE WHEN a.worker THEN arr.muni_work ELSE arr.muni_pop END)
JOIN b_occ o1 ON o1.n = 1 + floor(power(a.u_occ, 1.6) * arr.occupations)::int
JOIN b_occ o2 ON o2.n = 1 + floor(a.u_occ2 * 4 * arr.occupations)::int % arr.occupations
CROSS JOIN LATERAL (
  SELECT CASE WHEN a.worker THEN CASE WHEN a.last_season = ${SEASONS - 1} THEN 'DEPLOYED' WHEN a.eligible THEN 'AVAILABLE' ELSE 'INELIGIBLE' END
              WHEN a.u_status < 0.18 THEN 'REGISTERED' WHEN a.u_status < 0.30 THEN 'VERIFIED' WHEN a.u_status < 0.935 THEN 'AVAILABLE'
              WHEN a.u_status < 0.985 THEN 'WITHDRAWN' WHEN a.u_status < 0.988 THEN 'BLOCKED' ELSE 'INELIGIBLE' END AS status,
         -- Registered: a worker 90–790 days before their first departure; others over six years, more of them lately.
         CASE WHEN a.worker THEN a.first_departure - 90 - floor(a.u_reg * 700)::int ELSE ${T} - floor(power(a.u_reg, 1.5) * 2190)::int END AS registered,
         a.worker OR a.u_pass < CASE WHEN a.u_status < 0.18 THEN 0.4 WHEN a.u_status < 0.30 THEN 0.3 WHEN a.u_status < 0.935 THEN 1 ELSE 0.5 END AS passport
) x;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM b_index LOOP EXECUTE r.indexdef; END LOOP;
END $$;
-- Applicant row g is bench worker g (or registrant g), found by its tag.
CREATE TEMP TABLE b_id AS SELECT substr(national_id_hash, 3)::int AS g, id FROM applicant WHERE national_id_hash LIKE 'BS%';
CREATE UNIQUE INDEX ON b_id (g);
ANALYZE b_id;
`,
  );

  step(
    'travellers, placements, candidates, named requests',
    `
-- Every seat with the ids its rows take (drawn here, so no insert has to look another one up).
CREATE TEMP TABLE b_seat AS
SELECT p.*, i.id AS applicant_id, gen_random_uuid() AS traveller_id, gen_random_uuid() AS placement_id, o.id AS job_order_id, o.employer_id,
       o.contingent_id, o.region_code, o.start_date, o.end_date, o.cum_before
FROM b_place p JOIN b_order o ON o.n = p.order_n JOIN b_id i ON i.g = p.worker;
ANALYZE b_seat;
INSERT INTO traveller (id, contingent_id, applicant_id, job_order_id, status, created_at, updated_at)
SELECT traveller_id, contingent_id, applicant_id, job_order_id, CASE WHEN returned_on IS NOT NULL THEN 'RETURNED' ELSE 'ARRIVED' END,
       ${during('start_date - 10 - floor(draw1 * 50)::int', 'draw2')}, ${during('start_date - 1', 'draw2')}
FROM b_seat;
INSERT INTO placement (id, traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on,
                       end_reason, end_fault, evaluation_open_until, created_at, updated_at)
SELECT placement_id, traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, start_date - 2, start_date - 1, returned_on, ended_on,
       CASE status WHEN 'TERMINATED_EARLY' THEN 'Bench: the contract ended early.' WHEN 'ABANDONED' THEN 'Bench: the worker left the employer.' END,
       end_fault, ended_on + 30, start_date - 2, coalesce(returned_on, ended_on, start_date - 1)
FROM b_seat;
-- One matching run a season; each seat's candidate was SELECTED (RELEASED once the placement is over), beside
-- about 0.8 unselected candidates a seat (RELEASED with the completed order; RESERVE while it is under way).
INSERT INTO matching_run (status, job_order_ids, policy_version, policy, candidates_count, started_at, finished_at, created_at, updated_at)
SELECT 'SUCCEEDED', array_agg(o.id ORDER BY o.n), 'bench-season-' || o.season, '{}'::jsonb, 0, min(o.start_date) - 60, min(o.start_date) - 60,
       min(o.start_date) - 60, min(o.start_date) - 60
FROM b_order o WHERE o.season < ${SEASONS} AND o.filled > 0 GROUP BY o.season;
CREATE TEMP TABLE b_run AS SELECT substr(policy_version, 14)::int AS season, id FROM matching_run WHERE policy_version LIKE 'bench-season-%';
INSERT INTO candidate (job_order_id, applicant_id, run_id, score, breakdown, rank, status, status_reason, named, created_at, updated_at)
SELECT p.job_order_id, p.applicant_id, r.id, round((70 + p.draw1 * 30)::numeric, 1), '{}'::jsonb, 1 + p.slot - p.cum_before,
       CASE WHEN p.status = 'ACTIVE' THEN 'SELECTED' ELSE 'RELEASED' END, CASE WHEN p.status <> 'ACTIVE' THEN 'Bench: placement over.' END, p.named,
       ${during('p.start_date - 70 - floor(p.draw1 * 50)::int', 'p.draw2')}, ${during('p.start_date - 60 - floor(p.draw1 * 50)::int', 'p.draw2')}
FROM b_seat p JOIN b_run r ON r.season = p.season;
INSERT INTO candidate (job_order_id, applicant_id, run_id, score, breakdown, rank, status, status_reason, created_at, updated_at)
SELECT o.id, i.id, r.id, round((40 + random() * 40)::numeric, 1), '{}'::jsonb, o.filled + x.k,
       CASE WHEN o.season = ${SEASONS - 1} THEN 'RESERVE' ELSE 'RELEASED' END, CASE WHEN o.season < ${SEASONS - 1} THEN 'The order is completed.' END,
       o.start_date - 90, CASE WHEN o.season = ${SEASONS - 1} THEN o.start_date - 90 ELSE o.end_date + 5 END
FROM b_order o JOIN b_run r ON r.season = o.season
CROSS JOIN LATERAL generate_series(1, (o.filled * 4 + 4) / 5) x(k)
JOIN b_id i ON i.g = ${WORKERS} + ((o.n * 7919 + x.k * 104729) % ${APPLICANTS - WORKERS})
WHERE o.season < ${SEASONS} AND o.filled > 0;
UPDATE matching_run r SET candidates_count = c.n FROM (SELECT run_id, count(*)::int AS n FROM candidate GROUP BY run_id) c WHERE c.run_id = r.id;
INSERT INTO named_request (job_order_id, applicant_id, requested_by, substitute_acceptable, created_at, updated_at)
SELECT job_order_id, applicant_id, (SELECT id FROM app_user WHERE identifier = 'bench-staff@puente.test'), draw1 < 0.5, start_date - 120, start_date - 120
FROM b_seat WHERE named;
`,
  );

  step(
    'evaluations, rehire decisions, protection cases',
    `
INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, submitted_by, created_at, updated_at)
SELECT placement_id, applicant_id, employer_id,
       greatest(1, least(5, overall + floor(draw1 * 3)::int - 1)), greatest(1, least(5, overall + floor(draw2 * 3)::int - 1)),
       overall, overall, overall, overall >= 4 OR (overall = 3 AND draw1 < 0.6), gen_random_uuid(), ended_on + 5, ended_on + 5
FROM b_seat WHERE evaluated;
-- Each worker home from a past season has one current decision, on their last placement.
INSERT INTO rehire_decision (applicant_id, placement_id, policy_version, outcome, needs_passport_renewal, reasons, inputs, current, created_at, updated_at)
SELECT p.applicant_id, p.placement_id, '2026-11-v1', CASE WHEN w.eligible THEN 'ELIGIBLE' ELSE 'INELIGIBLE' END, false, '[]'::jsonb, '{}'::jsonb, true,
       coalesce(p.returned_on, p.ended_on) + 31, coalesce(p.returned_on, p.ended_on) + 31
FROM b_worker w JOIN b_seat p ON p.worker = w.worker AND p.season = w.last_season
WHERE w.last_season < ${SEASONS - 1};
-- Cases: 1.2% of placements, reported during the placement; a past season's are decided or closed, the latest
-- season's mostly open.
CREATE TEMP TABLE b_case AS
SELECT row_number() OVER (ORDER BY p.placement_id)::int AS n, p.placement_id, p.applicant_id, p.employer_id, p.job_order_id, p.region_code, p.season,
       p.start_date + 3 + floor(r.at * greatest(1, coalesce(p.ended_on, ${T} - 1) - p.start_date - 3))::int AS reported_on, r.*
FROM b_seat p
CROSS JOIN LATERAL (SELECT p.slot AS id, random() AS pick, random() AS at, random() AS cat1, random() AS cat2, random() AS severity, random() AS status,
                           random() AS role, random() AS finding) r
WHERE r.pick < 0.012;
INSERT INTO protection_case (reference, placement_id, applicant_id, employer_id, job_order_id, region_code, categories, description, reported_by, reporter_role,
                             triage_severity, triage_version, severity, status, referred_to, finding, next_step_due_at, decided_at, closed_at,
                             created_at, updated_at)
SELECT 'CASE-BENCH-' || lpad(c.n::text, 6, '0'), c.placement_id, c.applicant_id, c.employer_id, c.job_order_id, c.region_code,
       CASE WHEN c.cat2 < 0.3 AND k2.category <> k1.category THEN ARRAY[k1.category, k2.category] ELSE ARRAY[k1.category] END,
       'Bench case.', u.id, u.role, x.severity, 'case-triage-v1', x.severity, x.status,
       CASE WHEN x.status = 'REFERRED' OR x.status IN ('SUBSTANTIATED', 'CLOSED') AND c.finding < 0.2 THEN 'Bench labour inspectorate' END,
       CASE WHEN x.status = 'SUBSTANTIATED' OR x.status = 'CLOSED' AND c.finding < 0.4 THEN CASE WHEN c.finding < 0.9 THEN 'EMPLOYER' ELSE 'WORKER_MISCONDUCT' END END,
       CASE WHEN x.status IN ('REPORTED', 'TRIAGED', 'INVESTIGATING', 'REFERRED') THEN c.reported_on + 14 END,
       CASE WHEN x.status IN ('SUBSTANTIATED', 'UNSUBSTANTIATED', 'CLOSED') THEN least(c.reported_on + 30, ${T} - 1) END,
       CASE WHEN x.status = 'CLOSED' THEN c.reported_on + 45 END,
       ${during('c.reported_on', 'c.at')}, ${during('c.reported_on', 'c.at')}
FROM b_case c
CROSS JOIN b_arrays arr
JOIN b_categories k1 ON k1.n = width_bucket(c.cat1, arr.category)
JOIN b_categories k2 ON k2.n = width_bucket(c.cat2, arr.category)
JOIN app_user u ON u.identifier = CASE WHEN c.role < 0.3 AND c.region_code IN ('CA-ON', 'CA-QC') THEN 'bench-consul@puente.test' ELSE 'bench-staff@puente.test' END
CROSS JOIN LATERAL (
  SELECT CASE WHEN c.severity < 0.35 THEN 'LOW' WHEN c.severity < 0.75 THEN 'MEDIUM' WHEN c.severity < 0.95 THEN 'HIGH' ELSE 'CRITICAL' END AS severity,
         CASE WHEN c.season = ${SEASONS - 1} THEN
                CASE WHEN c.status < 0.15 THEN 'REPORTED' WHEN c.status < 0.35 THEN 'TRIAGED' WHEN c.status < 0.65 THEN 'INVESTIGATING' WHEN c.status < 0.75 THEN 'REFERRED'
                     WHEN c.status < 0.85 THEN 'SUBSTANTIATED' ELSE 'UNSUBSTANTIATED' END
              ELSE CASE WHEN c.status < 0.2 THEN 'SUBSTANTIATED' WHEN c.status < 0.45 THEN 'UNSUBSTANTIATED' ELSE 'CLOSED' END END AS status
) x;
INSERT INTO case_event (case_id, kind, actor_id, actor_role, data, created_at)
SELECT id, 'REPORTED', reported_by, reporter_role, '{}'::jsonb, created_at FROM protection_case WHERE reference LIKE 'CASE-BENCH-%';
`,
  );
  if (tables.has('applicant_document')) {
    step(
      'documents',
      `
-- Every passport on file is the current PASSPORT document (the passport columns are its copy); the workers abroad
-- had their medical certificate and police record checked before leaving (the earliest expiry is the applicant's
-- document_expiry, which matching reads).
INSERT INTO applicant_document (applicant_id, kind, number_enc, issue_date, expiry_date, issuing_authority, recorded_by, created_at, updated_at)
SELECT id, 'PASSPORT', 'bench', passport_expiry - 3652, passport_expiry, 'Dirección General de Migración y Extranjería',
       (SELECT id FROM app_user WHERE identifier = 'bench-staff@puente.test'), coalesce(verified_at, created_at), coalesce(verified_at, created_at)
FROM applicant WHERE passport_number_enc IS NOT NULL;
CREATE TEMP TABLE b_checked AS
SELECT applicant_id, start_date, ${T} + 60 + floor(draw1 * 300)::int AS medical, ${T} + 30 + floor(draw2 * 700)::int AS police
FROM b_seat WHERE season = ${SEASONS - 1};
INSERT INTO applicant_document (applicant_id, kind, number_enc, issue_date, expiry_date, issuing_authority, recorded_by, created_at, updated_at)
SELECT c.applicant_id, k.kind, CASE k.kind WHEN 'POLICE_RECORD' THEN 'bench' END, c.start_date - 60, k.expiry, k.authority,
       (SELECT id FROM app_user WHERE identifier = 'bench-staff@puente.test'), c.start_date - 50, c.start_date - 50
FROM b_checked c
CROSS JOIN LATERAL (VALUES ('MEDICAL_CERTIFICATE', c.medical, 'Bench clinic'), ('POLICE_RECORD', c.police, 'Policía Nacional Civil')) k(kind, expiry, authority);
UPDATE applicant a SET document_expiry = least(c.medical, c.police), document_expiry_kind = CASE WHEN c.medical <= c.police THEN 'MEDICAL_CERTIFICATE' ELSE 'POLICE_RECORD' END
FROM b_checked c WHERE a.id = c.applicant_id;
`,
    );
  }
  if (tables.has('returnee_record')) {
    step(
      'returnee records',
      `
-- A third of the workers home from a past season recorded what they brought home (amounts in the order's
-- currency); some listed skills to certify, and a coordinator referred a third of those.
INSERT INTO returnee_record (placement_id, applicant_id, currency, earnings, remittances, savings_uses, skills, wants_domestic_job, wants_training,
                             recorded_by, referred_at, referred_by, referral_institution, created_at, updated_at)
SELECT p.placement_id, p.applicant_id, j.currency, x.earnings, CASE WHEN r.remit < 0.9 THEN round(x.earnings * (0.3 + r.remit / 3)::numeric, 2) END,
       CASE WHEN r.uses < 0.4 THEN ARRAY['HOUSING'] WHEN r.uses < 0.6 THEN ARRAY['HOUSING', 'EDUCATION'] WHEN r.uses < 0.75 THEN ARRAY['BUSINESS']
            WHEN r.uses < 0.9 THEN ARRAY['DEBT'] ELSE '{}'::text[] END,
       CASE WHEN r.skills < 0.3 THEN jsonb_build_array(jsonb_build_object('iscoCode', j.isco_code, 'hours', 40 * j.duration_weeks)) ELSE '[]'::jsonb END,
       r.domestic < 0.25, r.training < 0.2, s.id,
       CASE WHEN r.skills < 0.1 THEN p.returned_on + 40 END, CASE WHEN r.skills < 0.1 THEN s.id END, CASE WHEN r.skills < 0.1 THEN 'INSAFORP' END,
       p.returned_on + 3 + floor(r.remit * 20)::int, p.returned_on + 3 + floor(r.remit * 20)::int
FROM b_seat p
JOIN job_order j ON j.id = p.job_order_id
CROSS JOIN (SELECT id FROM app_user WHERE identifier = 'bench-staff@puente.test') s
CROSS JOIN LATERAL (SELECT p.slot AS id, random() AS pick, random() AS remit, random() AS uses, random() AS skills, random() AS domestic, random() AS training,
                           random() AS earned) r
CROSS JOIN LATERAL (SELECT least(249000, round(j.hourly_wage * j.hours_per_week * (p.ended_on - p.start_date + 1) / 7.0 * (0.8 + r.earned * 0.3)::numeric, 2)) AS earnings) x
WHERE p.returned_on IS NOT NULL AND r.pick < 0.33;
`,
    );
  }
  return steps;
}

/**
 * "A season's returns": the latest season comes home today, as TravelService.recordReturn does for each of its
 * contingents (placements COMPLETED on the contract's end or the return if earlier, travellers and applicants
 * RETURNED, contingents RETURNED, orders COMPLETED, selections RELEASED), in one statement set.
 */
export function seasonReturnsSql(today) {
  const T = `'${today}'::date`;
  return `
BEGIN;
CREATE TEMP TABLE b_returning ON COMMIT DROP AS
SELECT t.id AS traveller_id, t.applicant_id, t.job_order_id, t.contingent_id
FROM contingent c JOIN traveller t ON t.contingent_id = c.id WHERE c.reference LIKE 'CT-BENCH-ST-${SEASONS - 1}-%' AND c.status = 'ARRIVED' AND t.status = 'ARRIVED';
UPDATE contingent SET status = 'RETURNED', returned_on = ${T}, updated_at = now() WHERE id IN (SELECT contingent_id FROM b_returning);
UPDATE traveller SET status = 'RETURNED', updated_at = now() WHERE id IN (SELECT traveller_id FROM b_returning);
UPDATE placement SET status = 'COMPLETED', returned_on = ${T}, ended_on = LEAST(end_date, ${T}), evaluation_open_until = LEAST(end_date, ${T}) + 30, updated_at = now()
WHERE traveller_id IN (SELECT traveller_id FROM b_returning) AND status = 'ACTIVE';
UPDATE applicant SET status = 'RETURNED', updated_at = now() WHERE id IN (SELECT applicant_id FROM b_returning) AND status = 'DEPLOYED';
UPDATE candidate SET status = 'RELEASED', status_reason = 'The order is completed.', updated_at = now()
WHERE job_order_id IN (SELECT DISTINCT job_order_id FROM b_returning) AND status IN ('SELECTED', 'RESERVE', 'SUGGESTED');
UPDATE job_order SET status = 'COMPLETED', updated_at = now() WHERE id IN (SELECT DISTINCT job_order_id FROM b_returning) AND status = 'IN_PROGRESS';
COMMIT;`;
}
