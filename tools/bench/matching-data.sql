-- Synthetic data for `npm run bench:matching`: 1,000,000 applicants with a realistic skew (a few occupations
-- hold most registrations, 75% of skills from the occupation's own pool, 15% without passport, 60% available)
-- and 1,000 open job orders totalling about 20,000 positions. Set-based inserts, no row-at-a-time work.
SELECT setseed(0.2026);

CREATE TEMP TABLE bench_occupation AS
SELECT o.isco_code, row_number() OVER (ORDER BY o.isco_code) - 1 AS n,
       (SELECT array_agg(s.code ORDER BY s.code) FROM skill s WHERE o.isco_code = ANY (s.occupation_codes)) AS pool
FROM occupation o;
CREATE TEMP TABLE bench_municipality AS SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM municipality;
CREATE TEMP TABLE bench_all_skills AS SELECT array_agg(code ORDER BY code) AS pool FROM skill;

-- Synthetic identifiers: the blind-index columns carry a bench tag and the encrypted ones a placeholder nothing decrypts
-- (matching never reads either).
INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations,
                       skills, languages, language_levels, years_experience, education, passport_number_enc, passport_number_hash,
                       passport_expiry, status)
SELECT 'bench', 'B' || lpad(g::text, 9, '0'), 'Bench', 'Applicant',
       current_date - (18 * 365 + floor(r.age * 37 * 365))::int,
       CASE WHEN r.fem < 0.18 THEN 'FEMALE' ELSE 'MALE' END,
       m.code, '+50370000000',
       ARRAY[o.isco_code],
       o.pool[1 + floor(r.sk * greatest(1, cardinality(o.pool) - 4))::int : floor(r.sk * greatest(1, cardinality(o.pool) - 4))::int + 3 + floor(r.nsk * 3)::int]
         || CASE WHEN r.extra < 0.25 THEN ARRAY[(SELECT pool FROM bench_all_skills)[1 + floor(r.extra * 4 * 60)::int]] ELSE '{}'::text[] END,
       CASE WHEN r.lang < 0.30 THEN '[{"code":"es","level":"NATIVE"},{"code":"en","level":"A2"}]'::jsonb
            WHEN r.lang < 0.35 THEN '[{"code":"es","level":"NATIVE"},{"code":"en","level":"B1"}]'::jsonb
            ELSE '[{"code":"es","level":"NATIVE"}]'::jsonb END,
       CASE WHEN r.lang < 0.30 THEN ARRAY['es:A1','es:A2','es:B1','es:B2','es:C1','es:C2','es:NATIVE','en:A1','en:A2']
            WHEN r.lang < 0.35 THEN ARRAY['es:A1','es:A2','es:B1','es:B2','es:C1','es:C2','es:NATIVE','en:A1','en:A2','en:B1']
            ELSE ARRAY['es:A1','es:A2','es:B1','es:B2','es:C1','es:C2','es:NATIVE'] END,
       floor(r.exp * r.exp * 16)::int, 'PRIMARY',
       CASE WHEN r.pass < 0.85 THEN 'bench' END, CASE WHEN r.pass < 0.85 THEN 'P' || lpad(g::text, 9, '0') END,
       CASE WHEN r.pass < 0.85 THEN current_date + floor(r.pexp * 3000)::int END,
       CASE WHEN r.avail < 0.60 THEN 'AVAILABLE' ELSE 'VERIFIED' END
FROM generate_series(1, 1000000) g
CROSS JOIN LATERAL (SELECT g AS id, random() AS age, random() AS fem, random() AS occ, random() AS mun, random() AS sk, random() AS nsk,
                           random() AS extra, random() AS lang, random() AS exp, random() AS pass, random() AS pexp, random() AS avail) r
JOIN bench_occupation o ON o.n = floor(power(r.occ, 2.2) * (SELECT count(*) FROM bench_occupation))::int
JOIN bench_municipality m ON m.n = floor(r.mun * (SELECT count(*) FROM bench_municipality))::int;

-- A medical certificate or police record on file for 30% of them (drawn from the id, so the draws above are unchanged),
-- expiring from today to 900 days out: matching refuses those expiring before an order's end plus the margin, in
-- the matching index as in the applicant table.
UPDATE applicant SET document_expiry = current_date + (abs(hashtext(national_id_hash || 'e')) % 900),
                     document_expiry_kind = CASE WHEN abs(hashtext(national_id_hash || 'k')) % 2 = 0 THEN 'POLICE_RECORD' ELSE 'MEDICAL_CERTIFICATE' END
WHERE abs(hashtext(national_id_hash)) % 10 < 3;

INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone, status)
SELECT 'Bench Employer ' || e, 'CA', 'CA-QC', 'Laval', 'AGRICULTURE', 'CA_TFWP_AGRICULTURAL', (800000000 + e)::text, 'Bench', 'bench' || e || '@bench.example', '+15145550100', 'VERIFIED'
FROM generate_series(1, 20) e;

INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
                       required_skills, preferred_skills, languages, required_language_levels, min_experience_years, work_region_code,
                       work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
                       employer_pays_recruitment, employer_pays_travel, status, approved_at)
SELECT 'JO-BENCH-' || lpad(j::text, 6, '0'),
       (SELECT id FROM employer WHERE legal_name = 'Bench Employer ' || (1 + j % 20)),
       'Bench order ' || j, o.isco_code, 'NOC_2021', '85101',
       2 + floor(power(r.pos, 2) * 54)::int,
       CASE WHEN r.req < 0.7 THEN o.pool[1 + floor(r.req * 3)::int : 1 + floor(r.req * 3)::int] ELSE '{}'::text[] END,
       o.pool[5:6],
       CASE WHEN r.lang < 0.1 THEN '[{"code":"en","level":"A1"}]'::jsonb ELSE '[]'::jsonb END,
       CASE WHEN r.lang < 0.1 THEN ARRAY['en:A1'] ELSE '{}'::text[] END,
       floor(r.exp * 3)::int, 'CA-QC', 'Laval',
       current_date + 60 + floor(r.start * 120)::int, 26, current_date + 60 + floor(r.start * 120)::int + 181,
       16.10, 'CAD', 40, true, true, true, 'OPEN', now()
FROM generate_series(1, 1000) j
CROSS JOIN LATERAL (SELECT j AS id, random() AS occ, random() AS pos, random() AS req, random() AS lang, random() AS exp, random() AS start) r
JOIN bench_occupation o ON o.n = floor(power(r.occ, 2.2) * (SELECT count(*) FROM bench_occupation))::int;

ANALYZE applicant;
ANALYZE job_order;
