import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, addDays, encodeCursor, ErrorCode, Page, Role, todayIso } from '@puente/common';
import { bootTestModule, TestEmployer, TestFactories } from '@puente/testing';
import { RehireModule } from './rehire.module';
import { ReturneeRecordService, ReturneeRecordView, ReturneesToReferFilter } from './returnee-record.service';
import { MAX_HOURS_PER_DAY } from './returnee-record.rules';

/** The code a promise rejects with. */
async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/**
 * Returnee records against the real database: recorded once the worker is home and corrected (who and when kept,
 * the audit trail naming fields only), one per placement and so one per season, what each role may do and see,
 * the referral (once, kept through corrections, the worker told), and the coordinators' list and its filters.
 */
describe('Returnee records', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let returnees: ReturneeRecordService;
  let coordinator: Actor;
  let admin: Actor;
  let employer: TestEmployer;
  const today = todayIso();
  const consul: Actor = { userId: randomUUID(), role: Role.CONSUL, employerId: null, applicantId: null, jurisdiction: { countryCode: 'CA', regionCodes: ['CA-ON'] } };
  const page = (limit = 100, after: Page['after'] = null): Page => ({ limit, after });

  /** A worker with a login, registered in a municipality (its department is what the list filters by). */
  const worker = async (municipalityCode = 'SV-AH-NORTE') => {
    const applicant = await make.applicant({ municipalityCode });
    const [user] = await ds.query(`SELECT id FROM app_user WHERE applicant_id = $1`, [applicant.id]);
    const actor: Actor = { userId: user.id, role: Role.APPLICANT, employerId: null, applicantId: applicant.id };
    return { applicantId: applicant.id, actor };
  };

  /**
   * One season of a worker at the employer, 120 days abroad, written by hand (its order, contingent, traveller and
   * placement): the services date none of it in the past. `home` false leaves the worker abroad (ACTIVE), 'ended'
   * ends it early without a return recorded.
   */
  const season = async (applicantId: string, { currency = 'CAD' as 'CAD' | 'USD', home = true as boolean | 'ended', returnedDaysAgo = 3 } = {}) => {
    const returnedOn = addDays(today, -returnedDaysAgo);
    const departedOn = addDays(returnedOn, -119);
    const start = addDays(departedOn, 2);
    const region = currency === 'CAD' ? 'CA-ON' : 'US-FL';
    const [order] = await ds.query(
      `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
         work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
         employer_pays_recruitment, employer_pays_travel, status)
       VALUES ($1, $2, 'Orchard', '9211', $3, $4, 5, $5, 'Leamington', $6, 17, $7, 16.10, $8, 40, true, true, true, $9)
       RETURNING id`,
      [
        `JO-R-${randomUUID().slice(0, 12)}`, employer.employer.id, currency === 'CAD' ? 'NOC_2021' : 'ONET_SOC', currency === 'CAD' ? '85101' : '45-2092',
        region, start, returnedOn, currency, home === true ? 'COMPLETED' : 'IN_PROGRESS',
      ],
    );
    const [k] = await ds.query(
      `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version)
       VALUES ($1, $2, $3, $4, $5, 5, $6, 'test') RETURNING id`,
      [`CT-R-${randomUUID().slice(0, 12)}`, region, start, randomInt(1, 1_000_000), departedOn, home === true ? 'RETURNED' : 'ARRIVED'],
    );
    const [t] = await ds.query(`INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status) VALUES ($1, $2, $3, $4) RETURNING id`, [
      k.id, applicantId, order.id, home === true ? 'RETURNED' : 'ARRIVED',
    ]);
    const status = home === true ? 'COMPLETED' : home === 'ended' ? 'TERMINATED_EARLY' : 'ACTIVE';
    const [p] = await ds.query(
      `INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on,
         end_fault, end_reason, ended_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8::date + 1, $9, $10, $11, $12, $13) RETURNING id`,
      [
        t.id, applicantId, order.id, employer.employer.id, status, start, returnedOn, departedOn,
        home === true ? returnedOn : null, home === false ? null : home === 'ended' ? addDays(returnedOn, -10) : returnedOn,
        home === 'ended' ? 'NONE' : null, home === 'ended' ? 'The farm closed after a storm.' : null, home === 'ended' ? coordinator.userId : null,
      ],
    );
    return p.id as string;
  };

  const full = (placementId: string) => ({
    placementId,
    earnings: 9800.5,
    remittances: 6000,
    savingsUses: ['HOUSING', 'EDUCATION'],
    skills: [{ iscoCode: '6112', hours: 700 }, { iscoCode: '8341', hours: 120 }],
    wantsDomesticJob: false,
    wantsTraining: true,
    trainingWanted: 'Mecánica de tractores',
  });
  const audits = (entityId: string) =>
    ds.query(`SELECT action, actor_user_id AS "actorUserId", fields, reason FROM audit_event WHERE entity = 'returnee_record' AND entity_id = $1 ORDER BY created_at, id`, [entityId]);
  const listAll = async (actor: Actor, filter: ReturneesToReferFilter) => (await returnees.toRefer(actor, filter, page())).map((r) => r.id);

  beforeAll(async () => {
    app = await bootTestModule(RehireModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    returnees = app.get(ReturneeRecordService);
    coordinator = await make.coordinator();
    // The configured administrator the test module made sure of (a test leaves no administrator of its own).
    const [a] = await ds.query(`SELECT id FROM app_user WHERE role = 'ADMIN' AND active ORDER BY created_at LIMIT 1`);
    admin = { userId: a.id, role: Role.ADMIN, employerId: null, applicantId: null };
    employer = await make.employer({ regionCode: 'CA-ON', city: 'Leamington' });
  });

  afterAll(() => app.close());

  it("records the worker's own season in the order's currency, corrects it keeping who recorded it, and audits field names only", async () => {
    const w = await worker();
    const placementId = await season(w.applicantId);
    const first = await returnees.record(w.actor, full(placementId));
    expect(first).toMatchObject({
      placementId,
      applicantId: w.applicantId,
      currency: 'CAD',
      earnings: 9800.5,
      remittances: 6000,
      savingsUses: ['HOUSING', 'EDUCATION'],
      skills: [{ iscoCode: '6112', title: expect.any(String), hours: 700 }, { iscoCode: '8341', title: expect.any(String), hours: 120 }],
      wantsDomesticJob: false,
      wantsTraining: true,
      trainingWanted: 'Mecánica de tractores',
      recordedBy: w.actor.userId,
      correctedBy: null,
      correctedAt: null,
      referral: null,
      season: { jobOrderReference: expect.stringMatching(/^JO-R-/), employerName: employer.employer.legalName, departedOn: addDays(today, -122), returnedOn: addDays(today, -3) },
    });
    expect(first.skills[0]!.title).not.toBe('6112');

    // The coordinator corrects it: the whole record stated again, two fields changed.
    const corrected = await returnees.record(coordinator, { ...full(placementId), remittances: 6500, wantsDomesticJob: true });
    expect(corrected).toMatchObject({ id: first.id, remittances: 6500, wantsDomesticJob: true, recordedBy: w.actor.userId, recordedAt: first.recordedAt, correctedBy: coordinator.userId });
    expect(corrected.correctedAt).toBeInstanceOf(Date);
    // Stated as it is: nothing changes, not even who corrected it last.
    const same = await returnees.record(w.actor, { ...full(placementId), remittances: 6500, wantsDomesticJob: true, savingsUses: ['EDUCATION', 'HOUSING'] });
    expect(same).toMatchObject({ correctedBy: coordinator.userId, correctedAt: corrected.correctedAt });
    // Leaving a field out of a correction means it is not reported any more.
    const cleared = await returnees.record(w.actor, { placementId, wantsDomesticJob: true, wantsTraining: false });
    expect(cleared).toMatchObject({ earnings: null, remittances: null, savingsUses: [], skills: [], trainingWanted: null, correctedBy: w.actor.userId });

    const trail = await audits(first.id);
    expect(trail).toEqual([
      { action: 'record-returnee-record', actorUserId: w.actor.userId, fields: ['earnings', 'remittances', 'savingsUses', 'skills', 'wantsTraining', 'trainingWanted'], reason: null },
      { action: 'correct-returnee-record', actorUserId: coordinator.userId, fields: ['remittances', 'wantsDomesticJob'], reason: null },
      { action: 'correct-returnee-record', actorUserId: w.actor.userId, fields: ['earnings', 'remittances', 'savingsUses', 'skills', 'wantsTraining', 'trainingWanted'], reason: null },
    ]);
    // Never a value: the amounts, the occupation codes, the wish.
    const text = JSON.stringify(trail);
    for (const value of ['9800', '6500', '6112', 'Mecánica', 'HOUSING']) expect(text).not.toContain(value);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM returnee_record WHERE placement_id = $1`, [placementId]);
    expect(count).toBe(1);
  });

  it("keeps a worker's seasons apart: one record per placement, the worker's list newest first, each in its own currency", async () => {
    const w = await worker();
    const one = await season(w.applicantId, { currency: 'CAD', returnedDaysAgo: 400 });
    const two = await season(w.applicantId, { currency: 'USD', returnedDaysAgo: 2 });
    const r1 = await returnees.record(w.actor, { placementId: one, earnings: 8000, wantsDomesticJob: false, wantsTraining: false });
    const r2 = await returnees.record(w.actor, { placementId: two, earnings: 12000, remittances: 9000, wantsDomesticJob: true, wantsTraining: false });
    expect(r2.id).not.toBe(r1.id);
    expect(r1.currency).toBe('CAD');
    expect(r2.currency).toBe('USD');
    // Correcting season 2 leaves season 1 as it was.
    await returnees.record(w.actor, { placementId: two, earnings: 12500, remittances: 9000, wantsDomesticJob: true, wantsTraining: false });
    const mine = await returnees.myRecords(w.actor);
    expect(mine.map((r) => [r.placementId, r.currency, r.earnings])).toEqual([
      [two, 'USD', 12500],
      [one, 'CAD', 8000],
    ]);
    expect((await returnees.recordForActor(w.actor, one))!.earnings).toBe(8000);
    expect(await returnees.recordForActor(w.actor, await season(w.applicantId, { home: false }))).toBeNull();
  });

  it("scopes who records and reads: the worker their own, staff any, an employer or a consul nothing, and only once the worker is home", async () => {
    const w = await worker();
    const other = await worker();
    const placementId = await season(w.applicantId);
    const input = full(placementId);
    expect(await codeOf(returnees.record(other.actor, input))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.record(employer.actor, input))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.record(consul, input))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.record(w.actor, { ...input, placementId: randomUUID() }))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.record(w.actor, { ...input, placementId: 'not-an-id' }))).toBe(ErrorCode.NOT_FOUND);
    const [{ count: none }] = await ds.query(`SELECT count(*)::int AS count FROM returnee_record WHERE placement_id = $1`, [placementId]);
    expect(none).toBe(0);

    const byAdmin = await returnees.record(admin, input);
    expect(byAdmin.recordedBy).toBe(admin.userId);
    expect(await codeOf(returnees.recordForActor(other.actor, placementId))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.recordForActor(employer.actor, placementId))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.recordForActor(consul, placementId))).toBe(ErrorCode.NOT_FOUND);
    expect((await returnees.recordForActor(coordinator, placementId))!.id).toBe(byAdmin.id);
    expect(await returnees.myRecords(other.actor)).toEqual([]);
    expect(await returnees.myRecords(coordinator)).toEqual([]);
    expect(await codeOf(returnees.toRefer(employer.actor, {}, page()))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.toRefer(consul, {}, page()))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.refer(w.actor, { returneeRecordId: byAdmin.id, institution: 'INSAFORP' }))).toBe(ErrorCode.NOT_FOUND);

    // Abroad, or ended early without a return recorded: not yet, for the worker as for staff.
    const abroad = await season(w.applicantId, { home: false });
    const endedNotBack = await season(w.applicantId, { home: 'ended' });
    for (const actor of [w.actor, coordinator]) {
      expect(await codeOf(returnees.record(actor, full(abroad)))).toBe(ErrorCode.INVALID_TRANSITION);
      expect(await codeOf(returnees.record(actor, full(endedNotBack)))).toBe(ErrorCode.INVALID_TRANSITION);
    }
  });

  it('refuses what the rules refuse, naming the field, and caps the hours by the days abroad', async () => {
    const w = await worker();
    const placementId = await season(w.applicantId);
    const refusal = async (input: Record<string, unknown>) => {
      try {
        await returnees.record(w.actor, { ...full(placementId), ...input });
        return null;
      } catch (e) {
        return { code: (e as { code: string }).code, fields: (e as { fields: { field: string }[] }).fields.map((f) => f.field) };
      }
    };
    expect(await refusal({ earnings: -1 })).toEqual({ code: ErrorCode.BAD_USER_INPUT, fields: ['earnings'] });
    expect(await refusal({ remittances: 250_000.01 })).toEqual({ code: ErrorCode.BAD_USER_INPUT, fields: ['remittances'] });
    expect(await refusal({ skills: [{ iscoCode: '0110', hours: 10 }] })).toEqual({ code: ErrorCode.BAD_USER_INPUT, fields: ['skills[0].iscoCode'] });
    expect(await refusal({ wantsTraining: false })).toEqual({ code: ErrorCode.BAD_USER_INPUT, fields: ['trainingWanted'] });
    // 120 days abroad, departure and return counted.
    expect(await refusal({ skills: [{ iscoCode: '6112', hours: MAX_HOURS_PER_DAY * 120 }] })).toBeNull();
    expect(await refusal({ skills: [{ iscoCode: '6112', hours: MAX_HOURS_PER_DAY * 120 + 1 }] })).toEqual({ code: ErrorCode.BAD_USER_INPUT, fields: ['skills'] });
  });

  it('takes two first records of the same placement at once as one record', async () => {
    const w = await worker();
    const placementId = await season(w.applicantId);
    const [a, b] = await Promise.all([returnees.record(w.actor, full(placementId)), returnees.record(coordinator, { ...full(placementId), earnings: 1 })]);
    expect(a.id).toBe(b.id);
    const rows = await ds.query(`SELECT recorded_by AS "recordedBy", corrected_by AS "correctedBy" FROM returnee_record WHERE placement_id = $1`, [placementId]);
    expect(rows).toHaveLength(1);
    // Whichever came second corrected the first.
    expect([w.actor.userId, coordinator.userId].sort()).toEqual([rows[0].recordedBy, rows[0].correctedBy].sort());
  });

  it('refers a returnee once, tells the worker where, keeps the referral through a correction, and hides the note from the worker', async () => {
    const w = await worker();
    const placementId = await season(w.applicantId);
    const record = await returnees.record(w.actor, full(placementId));
    const referred = await returnees.refer(coordinator, { returneeRecordId: record.id, institution: ' INSAFORP ', note: 'Tractor operation, level 2.' });
    expect(referred.referral).toEqual({ institution: 'INSAFORP', referredAt: expect.any(Date), referredBy: coordinator.userId, note: 'Tractor operation, level 2.' });
    const told = await ds.query(`SELECT audience, subject, body FROM notification WHERE kind = 'RETURNEE_REFERRED' AND applicant_id = $1`, [w.applicantId]);
    expect(told).toEqual([{ audience: 'APPLICANT', subject: 'You were referred to INSAFORP', body: expect.stringContaining('INSAFORP') }]);
    expect(JSON.stringify(told)).not.toContain('Tractor operation');

    expect(await codeOf(returnees.refer(admin, { returneeRecordId: record.id, institution: 'INSAFORP' }))).toBe(ErrorCode.CONFLICT);
    expect(await codeOf(returnees.refer(coordinator, { returneeRecordId: randomUUID(), institution: 'INSAFORP' }))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(returnees.refer(coordinator, { returneeRecordId: record.id, institution: 'I' }))).toBe(ErrorCode.BAD_USER_INPUT);

    // A correction afterwards, even one that leaves nothing to refer, keeps the referral.
    const corrected = await returnees.record(w.actor, { placementId, earnings: 9000, wantsDomesticJob: false, wantsTraining: false });
    expect(corrected.referral).toEqual({ institution: 'INSAFORP', referredAt: referred.referral!.referredAt, referredBy: null, note: null });
    expect((await returnees.myRecords(w.actor))[0]!.referral).toEqual({ institution: 'INSAFORP', referredAt: referred.referral!.referredAt, referredBy: null, note: null });
    expect((await returnees.recordForActor(coordinator, placementId))!.referral!.note).toBe('Tractor operation, level 2.');
    expect((await audits(record.id)).map((a: { action: string; fields: string[] }) => [a.action, a.fields])).toEqual([
      ['record-returnee-record', ['earnings', 'remittances', 'savingsUses', 'skills', 'wantsTraining', 'trainingWanted']],
      ['refer-returnee-record', ['referralInstitution', 'referralNote']],
      ['correct-returnee-record', ['earnings', 'remittances', 'savingsUses', 'skills', 'wantsTraining', 'trainingWanted']],
    ]);

    // Nothing to refer on a record without skills or interest.
    const plain = await worker();
    const bare = await returnees.record(plain.actor, { placementId: await season(plain.applicantId), earnings: 100, wantsDomesticJob: false, wantsTraining: false });
    expect(await codeOf(returnees.refer(coordinator, { returneeRecordId: bare.id, institution: 'INSAFORP' }))).toBe(ErrorCode.INVALID_TRANSITION);
  });

  it("lists returnees to refer newest first, by department, occupation and referral, a page at a time, and only those with something to refer", async () => {
    // Cabañas (SV-CA) and La Unión (SV-UN): two departments.
    const cabanas = await worker('SV-CA-ESTE');
    const union = await worker('SV-UN-NORTE');
    const plain = await worker('SV-CA-ESTE');
    const tractor = await returnees.record(cabanas.actor, { placementId: await season(cabanas.applicantId), skills: [{ iscoCode: '8341', hours: 300 }], wantsDomesticJob: false, wantsTraining: false });
    const training = await returnees.record(union.actor, { placementId: await season(union.applicantId), wantsDomesticJob: false, wantsTraining: true });
    const nothing = await returnees.record(plain.actor, { placementId: await season(plain.applicantId), earnings: 5000, wantsDomesticJob: false, wantsTraining: false });
    const job = await returnees.record(coordinator, { placementId: await season(union.applicantId), skills: [{ iscoCode: '6112', hours: 100 }], wantsDomesticJob: true, wantsTraining: false });
    await returnees.refer(coordinator, { returneeRecordId: job.id, institution: 'Ministerio de Trabajo, bolsa de empleo' });
    const mine = [tractor.id, training.id, nothing.id, job.id];
    const ours = (ids: string[]) => ids.filter((id) => mine.includes(id));

    // Newest first; the record with nothing to refer is never listed.
    expect(ours(await listAll(coordinator, {}))).toEqual([job.id, training.id, tractor.id]);
    expect(ours(await listAll(admin, { departmentCode: 'SV-CA' }))).toEqual([tractor.id]);
    expect(ours(await listAll(coordinator, { departmentCode: 'SV-UN' }))).toEqual([job.id, training.id]);
    expect(ours(await listAll(coordinator, { iscoCode: '8341' }))).toEqual([tractor.id]);
    expect(ours(await listAll(coordinator, { iscoCode: '6112', departmentCode: 'SV-UN' }))).toEqual([job.id]);
    expect(ours(await listAll(coordinator, { iscoCode: '6112', departmentCode: 'SV-CA' }))).toEqual([]);
    expect(ours(await listAll(coordinator, { referred: true }))).toEqual([job.id]);
    expect(ours(await listAll(coordinator, { referred: false }))).toEqual([training.id, tractor.id]);
    const [row] = (await returnees.toRefer(coordinator, { departmentCode: 'SV-CA', iscoCode: '8341' }, page())).filter((r) => r.id === tractor.id);
    expect(row).toMatchObject({ applicantId: cabanas.applicantId, applicantName: expect.any(String), municipalityCode: 'SV-CA-ESTE', departmentCode: 'SV-CA' });

    // A page at a time, from a cursor: the same records in the same order.
    const paged: string[] = [];
    let after: Page['after'] = null;
    for (;;) {
      const rows: ReturneeRecordView[] = await returnees.toRefer(coordinator, { departmentCode: 'SV-UN' }, page(1, after));
      paged.push(...rows.slice(0, 1).map((r) => r.id));
      if (rows.length < 2) break;
      after = { createdAt: rows[0]!.createdAt, id: rows[0]!.id };
      expect(encodeCursor(rows[0]!)).toEqual(expect.any(String));
    }
    expect(ours(paged)).toEqual([job.id, training.id]);

    expect(await codeOf(returnees.toRefer(coordinator, { departmentCode: 'SV-XX' }, page()))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(await codeOf(returnees.toRefer(coordinator, { iscoCode: '0000' }, page()))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('pages through records of one instant, one at a time, losing none', async () => {
    // Three records written in one transaction share PostgreSQL's now() to the microsecond, which no two calls of the
    // service do: written in SQL, as an import would, to check the cursor (milliseconds) against the column.
    const workers = [await worker('SV-CH-NORTE'), await worker('SV-CH-NORTE'), await worker('SV-CH-NORTE')];
    const placements: string[] = [];
    for (const w of workers) placements.push(await season(w.applicantId));
    const ids: string[] = await ds.transaction(async (em) => {
      const out: string[] = [];
      for (const [i, w] of workers.entries()) {
        const [row] = await em.query(
          `INSERT INTO returnee_record (placement_id, applicant_id, currency, wants_training, recorded_by) VALUES ($1, $2, 'CAD', true, $3) RETURNING id`,
          [placements[i], w.applicantId, w.actor.userId],
        );
        out.push(row.id);
      }
      return out;
    });
    const paged: string[] = [];
    let after: Page['after'] = null;
    for (;;) {
      const rows: ReturneeRecordView[] = await returnees.toRefer(coordinator, { departmentCode: 'SV-CH' }, page(1, after));
      paged.push(...rows.slice(0, 1).map((r) => r.id));
      if (rows.length < 2) break;
      after = { createdAt: rows[0]!.createdAt, id: rows[0]!.id };
    }
    expect(paged.filter((id) => ids.includes(id))).toEqual([...ids].sort().reverse());
  });

  it('refuses in the table what the rules refuse, even when the service is bypassed', async () => {
    const w = await worker();
    const placementId = await season(w.applicantId);
    const insert = (columns: string, values: string) =>
      codeOf(
        ds.query(`INSERT INTO returnee_record (placement_id, applicant_id, currency, recorded_by${columns}) VALUES ($1, $2, 'CAD', $3${values})`, [
          placementId, w.applicantId, w.actor.userId,
        ]),
      );
    // A check violation is SQLSTATE 23514.
    const refused = async (columns: string, values: string) => expect(String(await insert(columns, values))).toBe('23514');
    await refused(', earnings', ', -1');
    await refused(', remittances', ', 250000.01');
    await refused(', savings_uses', ", '{CARS}'");
    await refused(', skills', `, '{"iscoCode": "6112"}'`);
    await refused(', training_wanted', ", 'Soldadura'");
    await refused(', corrected_at', ', now()');
    await refused(', referred_at, referred_by', ', now(), $3');
    await refused(', referral_note', ", 'A note.'");
  });
});
