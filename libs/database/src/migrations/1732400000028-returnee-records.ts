import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a worker brings home (issue 15): one `returnee_record` per placement, written once the worker is home by
 * the worker or a coordinator and corrected by a later call (who recorded and when: `recorded_by`, `created_at`;
 * who corrected last and when: `corrected_by`, `corrected_at`). Self-reported earnings and remittances in the
 * job order's currency, stored with the amounts (null: not reported; 0 to 250,000, rehire's
 * `MAX_SEASON_AMOUNT`); what savings went to; the skills to certify (`[{ "iscoCode": "6111", "hours": 900 }]`,
 * codes from the reference occupations); interest in domestic jobs and training, with an optional short wish.
 * A coordinator's referral for certification (`referred_*`, once) survives a correction. The coordinators' list
 * of returnees to refer pages, newest first, through a partial index of records with something to refer.
 */
export class ReturneeRecords1732400000028 implements MigrationInterface {
  name = 'ReturneeRecords1732400000028';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE returnee_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES placement (id),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        currency char(3) NOT NULL CHECK (currency IN ('USD', 'CAD')),
        earnings numeric(10,2) CHECK (earnings BETWEEN 0 AND 250000),
        remittances numeric(10,2) CHECK (remittances BETWEEN 0 AND 250000),
        savings_uses text[] NOT NULL DEFAULT '{}'
          CHECK (savings_uses <@ ARRAY['HOUSING', 'EDUCATION', 'BUSINESS', 'DEBT', 'OTHER']::text[]),
        skills jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(skills) = 'array'),
        wants_domestic_job boolean NOT NULL DEFAULT false,
        wants_training boolean NOT NULL DEFAULT false,
        training_wanted text CHECK (length(training_wanted) BETWEEN 1 AND 500),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        corrected_by uuid REFERENCES app_user (id),
        corrected_at timestamptz,
        referred_at timestamptz,
        referred_by uuid REFERENCES app_user (id),
        referral_institution text CHECK (length(referral_institution) BETWEEN 2 AND 120),
        referral_note text CHECK (length(referral_note) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT returnee_record_placement_id_key UNIQUE (placement_id),
        CONSTRAINT returnee_record_training_check CHECK (training_wanted IS NULL OR wants_training),
        CONSTRAINT returnee_record_corrected_check CHECK ((corrected_at IS NULL) = (corrected_by IS NULL)),
        CONSTRAINT returnee_record_referred_check CHECK (
          (referred_at IS NULL) = (referred_by IS NULL) AND (referred_at IS NULL) = (referral_institution IS NULL)
          AND (referral_note IS NULL OR referred_at IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX returnee_record_applicant_idx ON returnee_record (applicant_id, created_at)`);
    await q.query(`
      CREATE INDEX returnee_record_to_refer_idx ON returnee_record (created_at DESC, id DESC)
      WHERE jsonb_array_length(skills) > 0 OR wants_domestic_job OR wants_training`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE returnee_record`);
  }
}
