import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { addDays, todayIso } from '@puente/common';
import { fieldCipherFromEnv } from '@puente/config';
import { CURRENT_REHIRE_POLICY, decideRehire, RehireInputs } from '@puente/domain/rehire';

/** Fixture rows carry one sealed placeholder DUI and passport, so an api reading them (other suites share the database) can decrypt them. */
const fixtureCipher = fieldCipherFromEnv(process.env);
const SEALED_DUI = fixtureCipher.encrypt('dui', '00000000-0');
const SEALED_PASSPORT = fixtureCipher.encrypt('passport', 'X0000000');

/** A returned worker as seeded: their placement, its evaluation's overall score and their passport's expiry. */
export interface Returnee {
  id: string;
  /** Their rank in their group (0, 1, …): the same rank in two groups is the same profile. */
  n: number;
  placementId: string;
  overall: number;
  passportExpiry: string | null;
}

/** A rehire decision as stored, with the applicant's status after it. */
export interface StoredRehireDecision {
  applicantId: string;
  placementId: string;
  policyVersion: string;
  outcome: string;
  needsPassportRenewal: boolean;
  reasons: unknown;
  inputs: RehireInputs;
  recheckOn: string | null;
  current: boolean;
  status: string;
  /** The applicant's status moved in the deciding transaction (the two rows share its xmin). */
  movedWithIt: boolean;
}

/**
 * The rehire sweep decides every applicant due in the database, whoever made them: two test files that sweep at the
 * same time would decide each other's returnees (and worker-crash-sweep holds a sweep on a row lock of its own, which
 * a second sweep would wait for). A test that sweeps holds this lock (a session advisory lock on a connection of its
 * own) from before it seeds returnees until it has removed them. Returns the release.
 */
export async function exclusiveRehireSweeps(): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`SELECT pg_advisory_lock(hashtext('puente-test:rehire-sweep'))`);
  return async () => {
    // Ending the session releases the lock.
    await client.end().catch(() => undefined);
  };
}

/**
 * Returned workers seeded directly in the database, as a season leaves them before any rehire decision: status
 * RETURNED, a completed placement of an order of the given region and occupation (one no other test uses, so no one
 * else's matching finds them once they are available again), ended long enough ago that the evaluation window has
 * closed, home two days later, and the employer's evaluation. Every row is tagged, so `remove` takes this fixture's
 * rows only.
 */
export class ReturneeFixture {
  private groups = 0;

  private constructor(
    private readonly db: Client,
    private readonly tag: string,
    private readonly region: string,
    private readonly isco: string,
    readonly employerId: string,
    readonly jobOrderId: string,
    readonly startDate: string,
    readonly endedOn: string,
  ) {}

  /** An employer and a completed order, on a start date no order or contingent of the region has yet. */
  static async create(db: Client, { tag, region, isco, onetSoc }: { tag: string; region: string; isco: string; onetSoc: string }): Promise<ReturneeFixture> {
    let endedOn = '';
    for (;;) {
      endedOn = addDays(todayIso(), -(60 + randomInt(3000)));
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM job_order WHERE work_region_code = $1 AND start_date = $2::date)
              + (SELECT count(*) FROM contingent WHERE region_code = $1 AND start_date = $2::date) AS used`,
        [region, addDays(endedOn, -182)],
      );
      if (Number(rows[0].used) === 0) break;
    }
    const startDate = addDays(endedOn, -182);
    const [{ id: employerId }] = (
      await db.query(
        `INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone, status, verified_at)
         VALUES ($1, 'US', $2, 'Returnee City', 'CONSTRUCTION', 'US_H2B', $3, 'Returnee Fixture', $4, '+13075550100', 'VERIFIED', now()) RETURNING id`,
        [`Returnee Fixture ${tag}`, region, String(randomInt(1_000_000, 999_999_999)), `returnees-${tag}@employer.example`],
      )
    ).rows;
    const [{ id: jobOrderId }] = (
      await db.query(
        `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
                                work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week,
                                housing_provided, employer_pays_recruitment, employer_pays_travel, status, submitted_at, approved_at)
         VALUES ($1, $2, 'Returnee fixture order', $3, 'ONET_SOC', $4, 500, $5, 'Returnee City', $6::date, 26, $7::date, 17.25, 'USD', 40,
                 true, true, true, 'COMPLETED', now(), now()) RETURNING id`,
        [`JO-RET-${tag}`, employerId, isco, onetSoc, region, startDate, endedOn],
      )
    ).rows;
    return new ReturneeFixture(db, tag, region, isco, employerId, jobOrderId, startDate, endedOn);
  }

  /**
   * A contingent of `count` returned workers with no rehire decision yet; the n-th worker of every group has the
   * same profile: overall 1 to 5 in turn (would rehire from 3), and of every four, one with no passport, one whose
   * passport expires in 100 days and two valid until 2045.
   */
  async group(count: number): Promise<Returnee[]> {
    const sequence = ++this.groups;
    const prefix = `RF${this.tag}${sequence}`;
    const [{ id: contingentId }] = (
      await this.db.query(
        `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version, departed_on, arrived_on, returned_on)
         VALUES ('CT-' || $1, $2, $3::date, $4, $3::date - 2, 500, 'RETURNED', 'test', $3::date - 2, $3::date - 1, $5::date + 2) RETURNING id`,
        [prefix, this.region, this.startDate, sequence, this.endedOn],
      )
    ).rows;
    const applicants: { id: string; n: number; passportExpiry: string | null }[] = (
      await this.db.query(
        `INSERT INTO applicant (national_id_enc, national_id_hash, first_names, last_names, birth_date, gender, municipality_code, phone, occupations,
                                skills, languages, language_levels, years_experience, education, status, passport_number_enc, passport_number_hash,
                                passport_expiry)
         SELECT $4, $1 || lpad(g::text, 5, '0'), 'Returnee', 'Fixture ' || g, DATE '1990-01-01', 'MALE', 'SV-SA-NORTE', '+50370000005', ARRAY[$6]::text[],
                '{}', '[]', '{}', 3, 'PRIMARY', 'RETURNED', CASE WHEN g % 4 = 3 THEN NULL ELSE $5 END, CASE WHEN g % 4 = 3 THEN NULL ELSE 'P' || $1 || g END,
                CASE WHEN g % 4 = 3 THEN NULL WHEN g % 4 = 2 THEN $3::date + 100 ELSE DATE '2045-01-01' END
         FROM generate_series(0, $2::int - 1) g
         RETURNING id, substr(national_id_hash, length($1) + 1)::int AS n, to_char(passport_expiry, 'YYYY-MM-DD') AS "passportExpiry"`,
        [prefix, count, todayIso(), SEALED_DUI, SEALED_PASSPORT, this.isco],
      )
    ).rows;
    const evaluated: { applicantId: string; placementId: string; overall: number }[] = (
      await this.db.query(
        `WITH x AS (SELECT * FROM unnest($3::uuid[], $4::int[]) AS x(id, n)),
         t AS (INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status)
               SELECT $1, x.id, $2, 'RETURNED' FROM x RETURNING id, applicant_id),
         p AS (INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on)
               SELECT t.id, t.applicant_id, $2, $5, 'COMPLETED', $6::date, $7::date, $6::date - 2, $6::date - 1, $7::date + 2, $7::date FROM t
               RETURNING id, applicant_id)
         INSERT INTO evaluation (placement_id, applicant_id, employer_id, punctuality, quality, safety, teamwork, overall, would_rehire, submitted_by)
         SELECT p.id, p.applicant_id, $5, 4, 4, 4, 4, 1 + x.n % 5, 1 + x.n % 5 >= 3, $5 FROM p JOIN x ON x.id = p.applicant_id
         RETURNING placement_id AS "placementId", applicant_id AS "applicantId", overall`,
        [contingentId, this.jobOrderId, applicants.map((a) => a.id), applicants.map((a) => a.n), this.employerId, this.startDate, this.endedOn],
      )
    ).rows;
    const byId = new Map(applicants.map((a) => [a.id, a]));
    return evaluated
      .map((e) => ({ id: e.applicantId, n: byId.get(e.applicantId)!.n, placementId: e.placementId, overall: e.overall, passportExpiry: byId.get(e.applicantId)!.passportExpiry }))
      .sort((a, b) => a.n - b.n);
  }

  /** What the policy decides for a returnee as of a day: what an undisturbed decision stores. */
  expectedFor(r: Returnee, asOf: string) {
    const inputs: RehireInputs = {
      asOf,
      placement: { status: 'COMPLETED', endedOn: this.endedOn, returnedOn: addDays(this.endedOn, 2), fault: null },
      evaluation: { overall: r.overall, wouldRehire: r.overall >= 3 },
      substantiatedMisconduct: 0,
      passportExpiry: r.passportExpiry,
    };
    return { inputs, decision: decideRehire(inputs, CURRENT_REHIRE_POLICY) };
  }

  /** Every rehire decision stored for the returnees given, in their order, with the applicant's status. */
  async decisionsOf(returnees: readonly Returnee[]): Promise<StoredRehireDecision[]> {
    const { rows } = await this.db.query(
      `SELECT d.applicant_id AS "applicantId", d.placement_id AS "placementId", d.policy_version AS "policyVersion", d.outcome,
              d.needs_passport_renewal AS "needsPassportRenewal", d.reasons, d.inputs, to_char(d.recheck_on, 'YYYY-MM-DD') AS "recheckOn", d.current,
              a.status, a.xmin::text = d.xmin::text AS "movedWithIt"
       FROM rehire_decision d JOIN applicant a ON a.id = d.applicant_id
       WHERE d.applicant_id = ANY($1) ORDER BY array_position($1, d.applicant_id), d.created_at`,
      [returnees.map((r) => r.id)],
    );
    return rows;
  }

  /** This fixture's rows, and the decisions made about its returnees. */
  async remove(): Promise<void> {
    const like = `RF${this.tag}%`;
    await this.db.query('BEGIN');
    await this.db.query(`DELETE FROM rehire_decision WHERE applicant_id IN (SELECT id FROM applicant WHERE national_id_hash LIKE $1)`, [like]);
    await this.db.query(`DELETE FROM evaluation WHERE employer_id = $1`, [this.employerId]);
    await this.db.query(`DELETE FROM placement WHERE employer_id = $1`, [this.employerId]);
    await this.db.query(`DELETE FROM traveller WHERE job_order_id = $1`, [this.jobOrderId]);
    await this.db.query(`DELETE FROM contingent WHERE reference LIKE $1`, [`CT-${like}`]);
    await this.db.query(`DELETE FROM applicant WHERE national_id_hash LIKE $1`, [like]);
    await this.db.query(`DELETE FROM job_order WHERE id = $1`, [this.jobOrderId]);
    await this.db.query(`DELETE FROM employer WHERE id = $1`, [this.employerId]);
    await this.db.query('COMMIT');
  }
}
