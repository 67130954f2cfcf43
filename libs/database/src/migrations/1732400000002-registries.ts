import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and refresh tokens; the applicant, employer and job-order registries. CHECK constraints repeat the
 * state machines' states and the domain's hard limits, as the last line of defence under the services.
 */
export class Registries1732400000002 implements MigrationInterface {
  name = 'Registries1732400000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        legal_name text NOT NULL,
        trade_name text,
        country char(2) NOT NULL CHECK (country IN ('US', 'CA')),
        region_code text NOT NULL REFERENCES region (code),
        city text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('AGRICULTURE', 'LIVESTOCK', 'FOOD_PROCESSING', 'CONSTRUCTION', 'HOSPITALITY')),
        program text NOT NULL CHECK (program IN ('US_H2A', 'US_H2B', 'CA_TFWP_AGRICULTURAL', 'CA_TFWP_LOW_WAGE', 'CA_SAWP')),
        program_reference text NOT NULL,
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        contact_phone text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING_VERIFICATION'
          CHECK (status IN ('PENDING_VERIFICATION', 'VERIFIED', 'SUSPENDED')),
        status_reason text,
        verified_at timestamptz,
        verified_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX employer_program_reference_key ON employer (program, program_reference)`);
    await q.query(`CREATE INDEX employer_created_idx ON employer (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX employer_status_created_idx ON employer (status, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE applicant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        national_id text NOT NULL CONSTRAINT applicant_national_id_key UNIQUE,
        first_names text NOT NULL,
        last_names text NOT NULL,
        birth_date date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('FEMALE', 'MALE', 'OTHER')),
        municipality_code text NOT NULL REFERENCES municipality (code),
        address text,
        phone text NOT NULL,
        email text,
        occupations text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        languages jsonb NOT NULL DEFAULT '[]',
        language_levels text[] NOT NULL DEFAULT '{}',
        years_experience smallint NOT NULL DEFAULT 0 CHECK (years_experience BETWEEN 0 AND 60),
        education text NOT NULL
          CHECK (education IN ('NONE', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'TECHNICAL', 'UNIVERSITY')),
        passport_number text,
        passport_expiry date,
        status text NOT NULL DEFAULT 'REGISTERED' CHECK (status IN ('REGISTERED', 'VERIFIED', 'AVAILABLE', 'SHORTLISTED',
          'SELECTED', 'PRE_DEPARTURE', 'DEPLOYED', 'RETURNED', 'INELIGIBLE', 'WITHDRAWN', 'BLOCKED')),
        verified_at timestamptz,
        verified_by uuid,
        registered_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((passport_number IS NULL) = (passport_expiry IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX applicant_passport_number_key ON applicant (passport_number) WHERE passport_number IS NOT NULL`,
    );
    await q.query(`CREATE INDEX applicant_created_idx ON applicant (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX applicant_status_municipality_idx ON applicant (status, municipality_code)`);
    await q.query(`CREATE INDEX applicant_municipality_created_idx ON applicant (municipality_code, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX applicant_occupations_gin ON applicant USING gin (occupations)`);
    await q.query(`CREATE INDEX applicant_skills_gin ON applicant USING gin (skills)`);
    await q.query(`CREATE INDEX applicant_language_levels_gin ON applicant USING gin (language_levels)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        identifier text NOT NULL CONSTRAINT app_user_identifier_key UNIQUE,
        email text,
        role text NOT NULL CHECK (role IN ('ADMIN', 'COORDINATOR', 'EMPLOYER', 'APPLICANT')),
        password_hash text,
        employer_id uuid REFERENCES employer (id),
        applicant_id uuid CONSTRAINT app_user_applicant_id_key UNIQUE REFERENCES applicant (id),
        active boolean NOT NULL DEFAULT true,
        must_change_password boolean NOT NULL DEFAULT false,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'EMPLOYER') = (employer_id IS NOT NULL)),
        CHECK ((role = 'APPLICANT') = (applicant_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX app_user_employer_idx ON app_user (employer_id)`);

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL CONSTRAINT refresh_token_token_hash_key UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at)`);

    await q.query(`CREATE SEQUENCE job_order_number_seq`);
    await q.query(`
      CREATE TABLE job_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CONSTRAINT job_order_reference_key UNIQUE,
        employer_id uuid NOT NULL REFERENCES employer (id),
        title text NOT NULL,
        isco_code char(4) NOT NULL REFERENCES occupation (isco_code),
        destination_occupation_system text NOT NULL CHECK (destination_occupation_system IN ('NOC_2021', 'ONET_SOC')),
        destination_occupation_code text NOT NULL,
        positions integer NOT NULL CHECK (positions BETWEEN 1 AND 500),
        required_skills text[] NOT NULL DEFAULT '{}',
        preferred_skills text[] NOT NULL DEFAULT '{}',
        languages jsonb NOT NULL DEFAULT '[]',
        required_language_levels text[] NOT NULL DEFAULT '{}',
        min_experience_years smallint NOT NULL DEFAULT 0 CHECK (min_experience_years BETWEEN 0 AND 40),
        work_region_code text NOT NULL REFERENCES region (code),
        work_city text NOT NULL,
        start_date date NOT NULL,
        duration_weeks smallint NOT NULL CHECK (duration_weeks BETWEEN 1 AND 156),
        end_date date NOT NULL,
        hourly_wage numeric(8, 2) NOT NULL CHECK (hourly_wage > 0),
        currency char(3) NOT NULL CHECK (currency IN ('USD', 'CAD')),
        hours_per_week smallint NOT NULL CHECK (hours_per_week BETWEEN 1 AND 84),
        housing_provided boolean NOT NULL,
        housing_description text,
        employer_pays_recruitment boolean NOT NULL CHECK (employer_pays_recruitment),
        employer_pays_travel boolean NOT NULL CHECK (employer_pays_travel),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'OPEN', 'FILLED', 'IN_PROGRESS',
          'COMPLETED', 'REJECTED', 'CANCELLED')),
        status_reason text,
        submitted_at timestamptz,
        approved_at timestamptz,
        approved_by uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date > start_date)
      )`);
    await q.query(`CREATE INDEX job_order_created_idx ON job_order (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX job_order_employer_created_idx ON job_order (employer_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX job_order_status_created_idx ON job_order (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX job_order_isco_code_idx ON job_order (isco_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_order`);
    await q.query(`DROP SEQUENCE job_order_number_seq`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE applicant`);
    await q.query(`DROP TABLE employer`);
  }
}
