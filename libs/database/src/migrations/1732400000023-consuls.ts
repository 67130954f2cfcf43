import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consuls: a consular officer of El Salvador reads the contingents, placements and cases of a jurisdiction, a
 * destination country and some of its regions (codes of `region`, like a contingent's `region_code`). Only a
 * consul has one, and a consul always has one with at least one region. That the regions exist and belong to the
 * country is checked where the login is created (an array cannot reference `region`).
 */
export class Consuls1732400000023 implements MigrationInterface {
  name = 'Consuls1732400000023';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_role_check,
        ADD CONSTRAINT app_user_role_check CHECK (role IN ('ADMIN', 'COORDINATOR', 'EMPLOYER', 'APPLICANT', 'CONSUL')),
        ADD COLUMN jurisdiction_country char(2),
        ADD COLUMN jurisdiction_regions text[],
        ADD CONSTRAINT app_user_consul_has_jurisdiction CHECK ((role = 'CONSUL') = (jurisdiction_country IS NOT NULL)),
        ADD CONSTRAINT app_user_jurisdiction_regions CHECK (
          (jurisdiction_country IS NULL AND jurisdiction_regions IS NULL)
          OR (jurisdiction_country IS NOT NULL AND cardinality(jurisdiction_regions) > 0)
        )`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Fails on the role CHECK while consul logins exist: they are deactivated or removed by hand first, on purpose.
    await q.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_jurisdiction_regions,
        DROP CONSTRAINT app_user_consul_has_jurisdiction,
        DROP COLUMN jurisdiction_regions,
        DROP COLUMN jurisdiction_country,
        DROP CONSTRAINT app_user_role_check,
        ADD CONSTRAINT app_user_role_check CHECK (role IN ('ADMIN', 'COORDINATOR', 'EMPLOYER', 'APPLICANT'))`);
  }
}
