import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A matching index: one row per applicant and occupation with the columns the hard requirements test, kept in
 * step with `applicant` by statement-level triggers (set-based, so a bulk insert of a million applicants stays
 * one pass). Its partial btree index yields the AVAILABLE applicants of one occupation most experienced first
 * and carries those columns, so a shortlist query filters inside the index and stops at its LIMIT instead of
 * fetching and scoring every eligible row (measured by bench:matching). `applicant` stays the truth: matching
 * checks every requirement on it again for the rows it returns.
 */
export class ApplicantOccupation1732400000006 implements MigrationInterface {
  name = 'ApplicantOccupation1732400000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applicant_occupation (
        applicant_id uuid NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
        isco_code text NOT NULL,
        years_experience integer NOT NULL,
        available boolean NOT NULL,
        skills text[] NOT NULL,
        language_levels text[] NOT NULL,
        passport_expiry date,
        birth_date date NOT NULL,
        PRIMARY KEY (applicant_id, isco_code)
      )`);
    await q.query(`
      CREATE FUNCTION applicant_occupation_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM applicant_occupation ao USING changed_rows n
          WHERE ao.applicant_id = n.id AND NOT (ao.isco_code = ANY (n.occupations));
        END IF;
        INSERT INTO applicant_occupation AS ao
          (applicant_id, isco_code, years_experience, available, skills, language_levels, passport_expiry, birth_date)
        SELECT n.id, o.code, n.years_experience, n.status = 'AVAILABLE', n.skills, n.language_levels, n.passport_expiry, n.birth_date
        FROM changed_rows n CROSS JOIN LATERAL unnest(n.occupations) AS o(code)
        ON CONFLICT (applicant_id, isco_code) DO UPDATE
          SET years_experience = EXCLUDED.years_experience, available = EXCLUDED.available, skills = EXCLUDED.skills,
              language_levels = EXCLUDED.language_levels, passport_expiry = EXCLUDED.passport_expiry, birth_date = EXCLUDED.birth_date
          WHERE (ao.years_experience, ao.available, ao.skills, ao.language_levels, ao.passport_expiry, ao.birth_date)
                IS DISTINCT FROM (EXCLUDED.years_experience, EXCLUDED.available, EXCLUDED.skills, EXCLUDED.language_levels,
                                  EXCLUDED.passport_expiry, EXCLUDED.birth_date);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER applicant_occupation_on_insert AFTER INSERT ON applicant
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION applicant_occupation_sync()`);
    await q.query(`
      CREATE TRIGGER applicant_occupation_on_update AFTER UPDATE ON applicant
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION applicant_occupation_sync()`);
    await q.query(`
      INSERT INTO applicant_occupation (applicant_id, isco_code, years_experience, available, skills, language_levels, passport_expiry, birth_date)
      SELECT a.id, o.code, a.years_experience, a.status = 'AVAILABLE', a.skills, a.language_levels, a.passport_expiry, a.birth_date
      FROM applicant a CROSS JOIN LATERAL unnest(a.occupations) AS o(code)`);
    await q.query(`
      CREATE INDEX applicant_occupation_available_idx ON applicant_occupation (isco_code, years_experience DESC, applicant_id)
      INCLUDE (skills, language_levels, passport_expiry, birth_date) WHERE available`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE applicant_occupation`);
    await q.query(`DROP FUNCTION applicant_occupation_sync() CASCADE`);
  }
}
