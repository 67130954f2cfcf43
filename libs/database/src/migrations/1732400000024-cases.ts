import { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `'UNPAID_WAGES', 'UNPAID_OVERTIME', 'DOCUMENTS_WITHHELD', 'RECRUITMENT_FEES', 'HOUSING', 'UNSAFE_WORK', 'HARASSMENT_ABUSE', 'CONTRACT_CHANGED', 'MOVEMENT_RESTRICTED', 'OTHER'`;
const INDICATORS = `'ABUSE_OF_VULNERABILITY', 'DECEPTION', 'RESTRICTION_OF_MOVEMENT', 'ISOLATION', 'PHYSICAL_AND_SEXUAL_VIOLENCE', 'INTIMIDATION_AND_THREATS', 'RETENTION_OF_IDENTITY_DOCUMENTS', 'WITHHOLDING_OF_WAGES', 'DEBT_BONDAGE', 'ABUSIVE_WORKING_AND_LIVING_CONDITIONS', 'EXCESSIVE_OVERTIME'`;
const SEVERITIES = `'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'`;
const STATUSES = `'REPORTED', 'TRIAGED', 'INVESTIGATING', 'REFERRED', 'SUBSTANTIATED', 'UNSUBSTANTIATED', 'CLOSED'`;

/**
 * Protection cases (issue 14): a worker's report (or staff's, on the worker's behalf) about one placement, its
 * triage, status, finding and deadline, and every event of its life. The lists filter by status, employer,
 * region (consuls), applicant and overdue, newest first: one index each, keyed on (…, created_at, id) so a
 * keyset page reads in index order. The checks refuse what a bypassed service would write (the values the rules
 * files declare; a decision without its finding or date; a referral without the authority; a severity above its
 * triage without a reason).
 */
export class Cases1732400000024 implements MigrationInterface {
  name = 'Cases1732400000024';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE protection_case_number_seq`);
    await q.query(`
      CREATE TABLE protection_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CONSTRAINT protection_case_reference_key UNIQUE,
        placement_id uuid NOT NULL REFERENCES placement (id),
        applicant_id uuid NOT NULL REFERENCES applicant (id),
        employer_id uuid NOT NULL REFERENCES employer (id),
        job_order_id uuid NOT NULL REFERENCES job_order (id),
        region_code text NOT NULL,
        categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY[${CATEGORIES}]::text[]),
        indicators text[] NOT NULL DEFAULT '{}' CHECK (indicators <@ ARRAY[${INDICATORS}]::text[]),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 8000),
        reported_by uuid NOT NULL REFERENCES app_user (id),
        reporter_role text NOT NULL CHECK (reporter_role IN ('APPLICANT', 'COORDINATOR', 'CONSUL')),
        disclose_reporter boolean NOT NULL DEFAULT false,
        triage_severity text NOT NULL CHECK (triage_severity IN (${SEVERITIES})),
        triage_version text NOT NULL,
        severity text NOT NULL CHECK (severity IN (${SEVERITIES})),
        severity_reason text CHECK (length(severity_reason) <= 2000),
        status text NOT NULL DEFAULT 'REPORTED' CHECK (status IN (${STATUSES})),
        assigned_to uuid REFERENCES app_user (id),
        referred_to text CHECK (length(referred_to) BETWEEN 1 AND 200),
        finding text CHECK (finding IN ('EMPLOYER', 'WORKER_MISCONDUCT')),
        next_step_due_at timestamptz,
        overdue_since timestamptz,
        decided_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT protection_case_raise_reason_check CHECK (severity = triage_severity OR severity_reason IS NOT NULL),
        CONSTRAINT protection_case_finding_status_check CHECK ((finding IS NULL OR status IN ('SUBSTANTIATED', 'CLOSED')) AND (status <> 'SUBSTANTIATED' OR finding IS NOT NULL)),
        CONSTRAINT protection_case_decided_check CHECK ((decided_at IS NOT NULL) = (status IN ('SUBSTANTIATED', 'UNSUBSTANTIATED', 'CLOSED'))),
        CONSTRAINT protection_case_closed_check CHECK ((closed_at IS NOT NULL) = (status = 'CLOSED')),
        CONSTRAINT protection_case_referred_check CHECK (status <> 'REFERRED' OR referred_to IS NOT NULL),
        CONSTRAINT protection_case_due_check CHECK ((next_step_due_at IS NOT NULL) = (status IN ('REPORTED', 'TRIAGED', 'INVESTIGATING', 'REFERRED'))),
        CONSTRAINT protection_case_overdue_check CHECK (overdue_since IS NULL OR next_step_due_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX protection_case_created_idx ON protection_case (created_at, id)`);
    await q.query(`CREATE INDEX protection_case_status_idx ON protection_case (status, created_at, id)`);
    await q.query(`CREATE INDEX protection_case_employer_idx ON protection_case (employer_id, created_at, id)`);
    await q.query(`CREATE INDEX protection_case_applicant_idx ON protection_case (applicant_id, created_at, id)`);
    await q.query(`CREATE INDEX protection_case_region_idx ON protection_case (region_code, created_at, id)`);
    await q.query(`CREATE INDEX protection_case_placement_idx ON protection_case (placement_id, created_at)`);
    await q.query(`CREATE INDEX protection_case_overdue_idx ON protection_case (created_at, id) WHERE overdue_since IS NOT NULL`);
    await q.query(`
      CREATE TABLE case_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES protection_case (id),
        kind text NOT NULL CHECK (kind IN ('REPORTED', 'TRANSITION', 'NOTE', 'ASSIGNED', 'SEVERITY_RAISED', 'OVERDUE')),
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text CHECK (to_status IN (${STATUSES})),
        actor_id uuid REFERENCES app_user (id),
        actor_role text NOT NULL,
        note text CHECK (length(note) <= 4000),
        internal boolean NOT NULL DEFAULT false,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_event_transition_check CHECK ((kind = 'TRANSITION') = (from_status IS NOT NULL AND to_status IS NOT NULL)),
        CONSTRAINT case_event_note_kind_check CHECK (kind <> 'NOTE' OR note IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX case_event_case_idx ON case_event (case_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_event`);
    await q.query(`DROP TABLE protection_case`);
    await q.query(`DROP SEQUENCE protection_case_number_seq`);
  }
}
