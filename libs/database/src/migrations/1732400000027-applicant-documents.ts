import { MigrationInterface, QueryRunner } from 'typeorm';
import { ConfigError, FieldCipher, fieldCipherFromEnv } from '@puente/config';

const BATCH = 1000;

/**
 * Documents with expiry (issue 15). `applicant_document`: an applicant's passport, medical certificate, police
 * record or visa as a coordinator saw it, with its number encrypted (`number_enc`, kind `document`; a medical
 * certificate has none), issue and expiry dates and issuing authority; a newer document of the same kind
 * supersedes the current one (`superseded_by`, `superseded_at`; a partial unique index keeps one current per
 * kind). The applicant's passport columns stay the current passport's copy, written with it.
 *
 * Matching reads the earliest expiry of the current medical certificate and police record from `applicant`
 * (`document_expiry`, `document_expiry_kind`) and from its matching index `applicant_occupation`, kept by the
 * same trigger as the other requirement columns and carried by its index, so retrieval filters inside the index
 * as before (no join per candidate).
 *
 * `document_expiry_warning`: each expiry warning sent (90, 60 or 30 days before), once per document and days.
 *
 * Existing passports become current PASSPORT documents (no issue date or authority, recorded by nobody: carried
 * over), their numbers decrypted and sealed again as `document` with the environment's keys, needed only when
 * there are passports to carry over.
 */
export class ApplicantDocuments1732400000027 implements MigrationInterface {
  name = 'ApplicantDocuments1732400000027';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applicant_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        applicant_id uuid NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('PASSPORT', 'MEDICAL_CERTIFICATE', 'POLICE_RECORD', 'VISA')),
        number_enc text,
        issue_date date,
        expiry_date date NOT NULL,
        issuing_authority text CHECK (length(issuing_authority) <= 200),
        recorded_by uuid,
        superseded_by uuid REFERENCES applicant_document (id) DEFERRABLE INITIALLY DEFERRED,
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applicant_document_superseded_check CHECK ((superseded_by IS NULL) = (superseded_at IS NULL)),
        CONSTRAINT applicant_document_number_check CHECK (
          CASE kind WHEN 'MEDICAL_CERTIFICATE' THEN number_enc IS NULL WHEN 'POLICE_RECORD' THEN true ELSE number_enc IS NOT NULL END),
        CONSTRAINT applicant_document_dates_check CHECK (issue_date IS NULL OR expiry_date > issue_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX applicant_document_current_key ON applicant_document (applicant_id, kind) WHERE superseded_at IS NULL`);
    await q.query(`CREATE INDEX applicant_document_applicant_idx ON applicant_document (applicant_id, created_at)`);

    await q.query(`
      ALTER TABLE applicant ADD COLUMN document_expiry date, ADD COLUMN document_expiry_kind text,
        ADD CONSTRAINT applicant_document_expiry_check CHECK ((document_expiry IS NULL) = (document_expiry_kind IS NULL))`);
    await q.query(`ALTER TABLE applicant_occupation ADD COLUMN document_expiry date`);
    await q.query(syncFunction(true));
    await q.query(`DROP INDEX applicant_occupation_available_idx`);
    await q.query(`
      CREATE INDEX applicant_occupation_available_idx ON applicant_occupation (isco_code, years_experience DESC, applicant_id)
      INCLUDE (skills, language_levels, passport_expiry, birth_date, document_expiry) WHERE available`);

    await q.query(`
      CREATE TABLE document_expiry_warning (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES applicant_document (id) ON DELETE CASCADE,
        days_before smallint NOT NULL CHECK (days_before IN (90, 60, 30)),
        warned_on date NOT NULL,
        job_order_id uuid NOT NULL REFERENCES job_order (id),
        contract_end date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT document_expiry_warning_document_days_key UNIQUE (document_id, days_before)
      )`);

    const cipher = await cipherIfPassports(q);
    for (;;) {
      const rows: { id: string; passport_number_enc: string; passport_expiry: string }[] = await q.query(
        `SELECT a.id, a.passport_number_enc, to_char(a.passport_expiry, 'YYYY-MM-DD') AS passport_expiry FROM applicant a
         WHERE a.passport_number_enc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM applicant_document d WHERE d.applicant_id = a.id)
         ORDER BY a.id LIMIT ${BATCH}`,
      );
      if (rows.length === 0 || !cipher) break;
      await q.query(
        `INSERT INTO applicant_document (applicant_id, kind, number_enc, expiry_date)
         SELECT v.id, 'PASSPORT', v.n, v.e FROM unnest($1::uuid[], $2::text[], $3::date[]) AS v(id, n, e)`,
        [
          rows.map((r) => r.id),
          rows.map((r) => cipher.encrypt('document', cipher.decrypt('passport', r.passport_number_enc))),
          rows.map((r) => r.passport_expiry),
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_expiry_warning`);
    await q.query(`DROP INDEX applicant_occupation_available_idx`);
    await q.query(syncFunction(false));
    await q.query(`ALTER TABLE applicant_occupation DROP COLUMN document_expiry`);
    await q.query(`
      CREATE INDEX applicant_occupation_available_idx ON applicant_occupation (isco_code, years_experience DESC, applicant_id)
      INCLUDE (skills, language_levels, passport_expiry, birth_date) WHERE available`);
    await q.query(`ALTER TABLE applicant DROP CONSTRAINT applicant_document_expiry_check, DROP COLUMN document_expiry, DROP COLUMN document_expiry_kind`);
    await q.query(`DROP TABLE applicant_document`);
  }
}

/** The trigger function of migration 1732400000006, with `document_expiry` (`withDocuments`) or as it was. */
function syncFunction(withDocuments: boolean): string {
  const extra = (s: string) => (withDocuments ? s : '');
  return `
    CREATE OR REPLACE FUNCTION applicant_occupation_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        DELETE FROM applicant_occupation ao USING changed_rows n
        WHERE ao.applicant_id = n.id AND NOT (ao.isco_code = ANY (n.occupations));
      END IF;
      INSERT INTO applicant_occupation AS ao
        (applicant_id, isco_code, years_experience, available, skills, language_levels, passport_expiry, birth_date${extra(', document_expiry')})
      SELECT n.id, o.code, n.years_experience, n.status = 'AVAILABLE', n.skills, n.language_levels, n.passport_expiry, n.birth_date${extra(', n.document_expiry')}
      FROM changed_rows n CROSS JOIN LATERAL unnest(n.occupations) AS o(code)
      ON CONFLICT (applicant_id, isco_code) DO UPDATE
        SET years_experience = EXCLUDED.years_experience, available = EXCLUDED.available, skills = EXCLUDED.skills,
            language_levels = EXCLUDED.language_levels, passport_expiry = EXCLUDED.passport_expiry, birth_date = EXCLUDED.birth_date${extra(`,
            document_expiry = EXCLUDED.document_expiry`)}
        WHERE (ao.years_experience, ao.available, ao.skills, ao.language_levels, ao.passport_expiry, ao.birth_date${extra(', ao.document_expiry')})
              IS DISTINCT FROM (EXCLUDED.years_experience, EXCLUDED.available, EXCLUDED.skills, EXCLUDED.language_levels,
                                EXCLUDED.passport_expiry, EXCLUDED.birth_date${extra(', EXCLUDED.document_expiry')});
      RETURN NULL;
    END $$`;
}

/** The keys of the environment, required only when there are passports to carry over; null when there are none. */
async function cipherIfPassports(q: QueryRunner): Promise<FieldCipher | null> {
  const [{ any }] = await q.query(`SELECT EXISTS (SELECT 1 FROM applicant WHERE passport_number_enc IS NOT NULL) AS any`);
  if (!any) return null;
  try {
    return fieldCipherFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new Error(
      'Migration 1732400000027 needs PUENTE_DATA_KEYS, PUENTE_DATA_KEY_ID and PUENTE_BLIND_INDEX_KEY (the apps\' keys) to carry the passports over as documents:\n' +
        error.problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
