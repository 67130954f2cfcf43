import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, addDays, ErrorCode, Role, todayIso } from '@puente/common';
import { runMigrations } from '@puente/database';
import { scratchDatabase } from '@puente/database/testing';
import { JOB_QUEUE, JobName, statisticsRefresh } from '@puente/queue-contracts';
import { bootTestModule, queueOf, TestFactories } from '@puente/testing';
import { addMonths, type StatisticsDimension, type StatisticsFilterFacts } from './statistics.rules';
import { StatisticsModule } from './statistics.module';
import { StatisticsRefreshService } from './statistics-refresh.service';
import { type MigrationFlow, StatisticsService } from './statistics.service';

const codeOf = async (p: Promise<unknown>) => p.then(() => null, (e: { code?: string }) => e.code ?? String(e));

/**
 * Every measure against a small known population, computed by hand. Statistics count the whole database, so this
 * suite runs on a database of its own (migrated here), where nothing but its population exists.
 *
 * The population (days counted from today, d(-400) is 400 days ago; the period P is d(-400) to d(-200)):
 *
 * | worker | sex, lives in           | age at departure | registered, verified | placement (order)                    | departed | contract   | ended, home                    |
 * |--------|-------------------------|------------------|----------------------|--------------------------------------|----------|------------|--------------------------------|
 * | w1     | F, SV-SS-NORTE          | 24 (25 next day) | -500, -490           | p1 (O1)                              | -300     | 150 days   | home -147                      |
 * | w2     | M, SV-CH-NORTE          | 25 that day      | -500, -480           | p2 (O1), case c1                     | -300     | 70 days    | ended early -250, home -248    |
 * | w3     | M, SV-CH-SUR            | 55 that day      | -450, -440           | p3 (O2), case c2                     | -250     | 500 days   | abroad                         |
 * | w4     | M, SV-SS-NORTE          | 40               | -600, -590           | p0 (O0) then p4 (O1, named, rehired) | -562, -300 | 140, 298 | p0 home -418; p4 abroad        |
 * | w5     | M, SV-LI-NORTE          | 30               | -480, -470           | p5 (O2)                              | -390     | 150 days   | ended -239, home -225 (late)   |
 * | w6     | M, SV-CH-NORTE          | 35               | -470, -465           | p6 (O2), case c4                     | -390     | 70 days    | abandoned -340, never home     |
 * | r5     | F, SV-LI-NORTE, 30      |                  | -300, never          |                                      |          |            |                                |
 * | r6     | M, SV-CH-NORTE, 20      |                  | -100, -90 AVAILABLE (6111)                |          |            |                                |
 * | r7     | F, SV-SS-NORTE, 45      |                  | -350, -340 SELECTED on O2                 |          |            |                                |
 * | r8     | M, SV-SS-NORTE, 28      |                  | -150, -140 AVAILABLE (6111, 9211)         |          |            |                                |
 *
 * Orders: O0 (E1, 6111, CA-ON, 2 positions) submitted -620, approved -610; O1 (E1, 6111, CA-ON, 3) submitted -395,
 * approved -390; O2 (E2, 5120, US-NC, 4) submitted -380, approved -370; O3 (E2, 9412, US-NC, 5) submitted -210 only.
 * E1 is AGRICULTURE (ISIC A), E2 HOSPITALITY (ISIC I). Each worker was seated (selected) on the day noted in
 * `seatedOn`. Cases: c1 (p2; UNPAID_WAGES, HOUSING) -260 substantiated; c2 (p3; UNPAID_WAGES) -220 pending; c3 (p0;
 * OTHER) -410; c4 (p6; MOVEMENT_RESTRICTED) -330 unsubstantiated. Returnee records: p2 (CAD 3000 earned, 1200 sent,
 * wants a job at home, a skill to certify, referred), p5 (USD 9000, 4000, wants training), p1 (CAD 5000, 2000).
 */
describe('StatisticsService (a known population)', () => {
  const scratch = scratchDatabase('puente_statistics');
  const sharedUrl = process.env.DATABASE_URL;
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let statistics: StatisticsService;
  let refresher: StatisticsRefreshService;
  let coordinator: Actor;
  const T = todayIso();
  const d = (n: number) => addDays(T, n);
  /** Noon of an El Salvador day (UTC−6, no daylight saving time): a timestamptz whose day there is `day`. */
  const noon = (day: string) => `${day}T12:00:00-06:00`;
  /** A birth date making someone `years` old on `day` (and `days` more). */
  const born = (day: string, years: number, days = 0) => addDays(addMonths(day, -12 * years), -days);
  const P = { from: d(-400), to: d(-200) };
  const ids: Record<string, string> = {};
  let kase: (placementName: string, worker: string, orderName: string, categories: string[], reported: string, outcome: 'PENDING' | 'SUBSTANTIATED' | 'UNSUBSTANTIATED') => Promise<void>;

  const ask = (filter: Partial<StatisticsFilterFacts> = {}) => statistics.query(coordinator, { ...P, groupBy: [], ...filter });
  const flowsBy = async (groupBy: StatisticsDimension[], filter: Partial<StatisticsFilterFacts> = {}) =>
    Object.fromEntries((await statistics.flows(await ask({ groupBy, ...filter }))).map((f: MigrationFlow) => [f.groups.map((g) => g.key).join('|'), [f.outflows, f.returns, f.stockAbroad]]));

  beforeAll(async () => {
    await scratch.create();
    await runMigrations(scratch.url);
    process.env.DATABASE_URL = scratch.url;
    app = await bootTestModule(StatisticsModule);
    make = new TestFactories(app);
    ds = app.get(DataSource);
    statistics = app.get(StatisticsService);
    refresher = app.get(StatisticsRefreshService);
    coordinator = await make.coordinator();

    // People are registered through the services; their past (registered and verified long ago, their seasons)
    // is written in SQL: the services date everything today and refuse a season in the past.
    const person = async (name: string, draft: { gender: string; municipalityCode: string; birthDate: string; occupations?: string[] }, registered: string, verified: string | null, status: string) => {
      const a = await make.applicant({ ...draft, occupations: draft.occupations ?? ['6111'] } as never, { verified: verified !== null });
      await ds.query(`UPDATE applicant SET created_at = $2, verified_at = $3, status = $4 WHERE id = $1`, [a.id, noon(registered), verified ? noon(verified) : null, status]);
      ids[name] = a.id;
    };
    await person('w1', { gender: 'FEMALE', municipalityCode: 'SV-SS-NORTE', birthDate: born(d(-300), 25, -1) }, d(-500), d(-490), 'RETURNED');
    await person('w2', { gender: 'MALE', municipalityCode: 'SV-CH-NORTE', birthDate: born(d(-300), 25) }, d(-500), d(-480), 'RETURNED');
    await person('w3', { gender: 'MALE', municipalityCode: 'SV-CH-SUR', birthDate: born(d(-250), 55) }, d(-450), d(-440), 'DEPLOYED');
    await person('w4', { gender: 'MALE', municipalityCode: 'SV-SS-NORTE', birthDate: born(d(-300), 40, 100) }, d(-600), d(-590), 'DEPLOYED');
    await person('w5', { gender: 'MALE', municipalityCode: 'SV-LI-NORTE', birthDate: born(d(-390), 30, 50) }, d(-480), d(-470), 'RETURNED');
    await person('w6', { gender: 'MALE', municipalityCode: 'SV-CH-NORTE', birthDate: born(d(-390), 35, 10) }, d(-470), d(-465), 'DEPLOYED');
    await person('r5', { gender: 'FEMALE', municipalityCode: 'SV-LI-NORTE', birthDate: born(d(-300), 30, 10) }, d(-300), null, 'REGISTERED');
    await person('r6', { gender: 'MALE', municipalityCode: 'SV-CH-NORTE', birthDate: born(d(-100), 20, 10) }, d(-100), d(-90), 'AVAILABLE');
    await person('r7', { gender: 'FEMALE', municipalityCode: 'SV-SS-NORTE', birthDate: born(d(-350), 45, 10) }, d(-350), d(-340), 'SELECTED');
    await person('r8', { gender: 'MALE', municipalityCode: 'SV-SS-NORTE', birthDate: born(d(-150), 28, 10), occupations: ['6111', '9211'] }, d(-150), d(-140), 'AVAILABLE');

    const e1 = (await make.employer({ sector: 'AGRICULTURE', country: 'CA', regionCode: 'CA-ON', program: 'CA_SAWP' })).employer.id;
    const e2 = (await make.employer({ sector: 'HOSPITALITY', country: 'US', regionCode: 'US-NC', city: 'Raleigh', program: 'US_H2B', programReference: `H-400-26012-${String(Date.now()).slice(-6)}`, contactPhone: '+19195550123' })).employer.id;
    const order = async (employerId: string, isco: string, region: string, positions: number, submitted: string, approved: string | null, status: string) => {
      const [o] = await ds.query(
        `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
           work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
           employer_pays_recruitment, employer_pays_travel, status, submitted_at, approved_at)
         VALUES ($1, $2, 'Season work', $3, 'NOC_2021', '85100', $4, $5, 'Town', $6::date + 60, 20, $6::date + 200, 16.50, $7, 40, true, true, true, $8, $9, $10)
         RETURNING id`,
        [`JO-ST-${randomUUID().slice(0, 12)}`, employerId, isco, positions, region, submitted, region.startsWith('US') ? 'USD' : 'CAD', status, noon(submitted), approved ? noon(approved) : null],
      );
      return o.id as string;
    };
    ids.O0 = await order(e1, '6111', 'CA-ON', 2, d(-620), d(-610), 'COMPLETED');
    ids.O1 = await order(e1, '6111', 'CA-ON', 3, d(-395), d(-390), 'IN_PROGRESS');
    ids.O2 = await order(e2, '5120', 'US-NC', 4, d(-380), d(-370), 'IN_PROGRESS');
    ids.O3 = await order(e2, '9412', 'US-NC', 5, d(-210), null, 'SUBMITTED');
    const employerOf: Record<string, string> = { O0: e1, O1: e1, O2: e2 };

    let contingents = 0;
    const placement = async (
      name: string,
      worker: string,
      orderName: string,
      p: { seatedOn: string; departed: string; start: string; days: number; status: string; endedOn?: string | null; home?: string | null; fault?: string },
    ) => {
      const region = orderName === 'O2' ? 'US-NC' : 'CA-ON';
      const [k] = await ds.query(
        `INSERT INTO contingent (reference, region_code, start_date, sequence, departure_date, capacity, status, policy_version)
         VALUES ($1, $2, $3, $5, $4, 50, 'DEPARTED', 'test') RETURNING id`,
        [`CT-ST-${randomUUID().slice(0, 12)}`, region, p.start, p.departed, ++contingents],
      );
      const [t] = await ds.query(
        `INSERT INTO traveller (contingent_id, applicant_id, job_order_id, status, created_at) VALUES ($1, $2, $3, 'DEPARTED', $4) RETURNING id`,
        [k.id, ids[worker], ids[orderName], noon(p.seatedOn)],
      );
      const [row] = await ds.query(
        `INSERT INTO placement (traveller_id, applicant_id, job_order_id, employer_id, status, start_date, end_date, departed_on, arrived_on, returned_on, ended_on,
                                end_fault, end_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $6::date + $7::int - 1, $8, $8, $9, $10, $11, $12) RETURNING id`,
        [t.id, ids[worker], ids[orderName], employerOf[orderName], p.status, p.start, p.days, p.departed, p.home ?? null, p.endedOn ?? null, p.fault ?? null,
          p.status === 'TERMINATED_EARLY' ? 'Ended early in a test season.' : null],
      );
      ids[name] = row.id;
    };
    await placement('p0', 'w4', 'O0', { seatedOn: d(-580), departed: d(-562), start: d(-560), days: 140, status: 'COMPLETED', endedOn: d(-421), home: d(-418) });
    await placement('p1', 'w1', 'O1', { seatedOn: d(-330), departed: d(-300), start: d(-298), days: 150, status: 'COMPLETED', endedOn: d(-149), home: d(-147) });
    await placement('p2', 'w2', 'O1', { seatedOn: d(-320), departed: d(-300), start: d(-298), days: 70, status: 'TERMINATED_EARLY', endedOn: d(-250), home: d(-248), fault: 'EMPLOYER' });
    await placement('p4', 'w4', 'O1', { seatedOn: d(-310), departed: d(-300), start: d(-298), days: 298, status: 'ACTIVE' });
    await placement('p3', 'w3', 'O2', { seatedOn: d(-280), departed: d(-250), start: d(-248), days: 500, status: 'ACTIVE' });
    await placement('p5', 'w5', 'O2', { seatedOn: d(-420), departed: d(-390), start: d(-388), days: 150, status: 'COMPLETED', endedOn: d(-239), home: d(-225) });
    await placement('p6', 'w6', 'O2', { seatedOn: d(-410), departed: d(-390), start: d(-388), days: 70, status: 'ABANDONED', endedOn: d(-340), fault: 'WORKER' });
    // r7 selected on O2 and not placed yet; w4 named on O1.
    await ds.query(`INSERT INTO candidate (job_order_id, applicant_id, score, breakdown, rank, status) VALUES ($1, $2, 50, '[]', 1, 'SELECTED')`, [ids.O2, ids.r7]);
    await ds.query(`INSERT INTO named_request (job_order_id, applicant_id, requested_by, substitute_acceptable) VALUES ($1, $2, $3, false)`, [ids.O1, ids.w4, coordinator.userId]);

    kase = async (placementName: string, worker: string, orderName: string, categories: string[], reported: string, outcome: 'PENDING' | 'SUBSTANTIATED' | 'UNSUBSTANTIATED') => {
      const status = outcome === 'PENDING' ? 'INVESTIGATING' : outcome;
      await ds.query(
        `INSERT INTO protection_case (reference, placement_id, applicant_id, employer_id, job_order_id, region_code, categories, description, reported_by,
                                      reporter_role, triage_severity, triage_version, severity, status, next_step_due_at, decided_at, finding, created_at)
         VALUES ($1, $2, $3, $4, $5, 'CA-ON', $6, 'What happened, in a test.', $7, 'COORDINATOR', 'MEDIUM', 'test', 'MEDIUM', $8,
                 CASE WHEN $8 = 'INVESTIGATING' THEN now() END, CASE WHEN $8 <> 'INVESTIGATING' THEN now() END,
                 CASE WHEN $8 = 'SUBSTANTIATED' THEN 'EMPLOYER' END, $9)`,
        [`PC-ST-${randomUUID().slice(0, 12)}`, ids[placementName], ids[worker], employerOf[orderName], ids[orderName], categories, coordinator.userId, status, noon(reported)],
      );
    };
    await kase('p2', 'w2', 'O1', ['UNPAID_WAGES', 'HOUSING'], d(-260), 'SUBSTANTIATED');
    await kase('p3', 'w3', 'O2', ['UNPAID_WAGES'], d(-220), 'PENDING');
    await kase('p0', 'w4', 'O0', ['OTHER'], d(-410), 'UNSUBSTANTIATED');
    await kase('p6', 'w6', 'O2', ['MOVEMENT_RESTRICTED'], d(-330), 'UNSUBSTANTIATED');

    const returnee = async (placementName: string, worker: string, currency: string, earnings: number, remittances: number, more: { job?: boolean; training?: boolean; skills?: boolean; referred?: boolean }) => {
      await ds.query(
        `INSERT INTO returnee_record (placement_id, applicant_id, currency, earnings, remittances, skills, wants_domestic_job, wants_training, recorded_by,
                                     referred_at, referred_by, referral_institution)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10 THEN now() END, CASE WHEN $10 THEN $9::uuid END, CASE WHEN $10 THEN 'INSAFORP' END)`,
        [ids[placementName], ids[worker], currency, earnings, remittances, JSON.stringify(more.skills ? [{ iscoCode: '6111', hours: 500 }] : []), !!more.job, !!more.training,
          coordinator.userId, !!more.referred],
      );
    };
    await returnee('p2', 'w2', 'CAD', 3000, 1200, { job: true, skills: true, referred: true });
    await returnee('p5', 'w5', 'USD', 9000, 4000, { training: true });
    await returnee('p1', 'w1', 'CAD', 5000, 2000, {});

    await refresher.refresh();
  });

  afterAll(async () => {
    await app?.close();
    process.env.DATABASE_URL = sharedUrl;
    await scratch.drop();
  });

  it('counts outflows, returns and the stock abroad at the end of the period', async () => {
    // Departed in P: p1, p2, p4 (-300), p3 (-250), p5, p6 (-390). Home in P: p2 (-248), p5 (-225). Abroad on -200:
    // p1 (home -147), p3, p4, and p6 (abandoned: never recorded home).
    expect(await flowsBy([])).toEqual({ '': [6, 2, 4] });
    expect((await statistics.total(await ask())).stockAbroad).toBe(4);
  });

  it('groups by each dimension, every value listed with zeros', async () => {
    expect(await flowsBy(['SEX'])).toEqual({ FEMALE: [1, 0, 1], MALE: [5, 2, 3], OTHER: [0, 0, 0] });
    // Age at departure: w1 24 (the last year of youth), w2 25, w5 30, w6 35, w4 40, w3 55 (the first of the open group).
    expect(await flowsBy(['AGE_GROUP'])).toEqual({ AGE_15_24: [1, 0, 1], AGE_25_34: [2, 2, 0], AGE_35_44: [2, 0, 2], AGE_45_54: [0, 0, 0], AGE_55_PLUS: [1, 0, 1] });
    const major = await flowsBy(['ISCO_MAJOR']);
    // In the ILO's order, armed forces last (an object would sort the digit keys: read the rows).
    expect((await statistics.flows(await ask({ groupBy: ['ISCO_MAJOR'] }))).map((f) => f.groups[0].key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
    expect(major).toMatchObject({ '5': [3, 1, 2], '6': [3, 1, 2], '9': [0, 0, 0] });
    const subMajor = await flowsBy(['ISCO_SUB_MAJOR']);
    expect(Object.keys(subMajor)).toHaveLength(43);
    expect(subMajor).toMatchObject({ '51': [3, 1, 2], '61': [3, 1, 2], '92': [0, 0, 0] });
    const isic = await flowsBy(['ISIC_SECTION']);
    expect(Object.keys(isic)).toHaveLength(21);
    expect(isic).toMatchObject({ A: [3, 1, 2], C: [0, 0, 0], I: [3, 1, 2] });
    expect(await flowsBy(['DESTINATION_COUNTRY'])).toEqual({ US: [3, 1, 2], CA: [3, 1, 2] });
    const regions = await flowsBy(['DESTINATION_REGION']);
    expect(Object.keys(regions)).toHaveLength(64);
    expect(regions).toMatchObject({ 'CA-ON': [3, 1, 2], 'US-NC': [3, 1, 2], 'CA-QC': [0, 0, 0] });
    // 70 days: under 3 months (p2, p6); 150: 3–6 (p1, p5); 298: 6–12 (p4); 500: 12–24 (p3).
    expect(await flowsBy(['DURATION_BAND'])).toEqual({
      UNDER_3_MONTHS: [2, 1, 1],
      MONTHS_3_TO_6: [2, 1, 1],
      MONTHS_6_TO_12: [1, 0, 1],
      MONTHS_12_TO_24: [1, 0, 1],
      MONTHS_24_AND_OVER: [0, 0, 0],
    });
    expect(await flowsBy(['FIRST_TIME_OR_RETURNING'])).toEqual({ FIRST_TIME: [5, 2, 3], RETURNING: [1, 0, 1] });
    const departments = await flowsBy(['DEPARTMENT']);
    expect(Object.keys(departments)).toHaveLength(14);
    expect(departments).toMatchObject({ 'SV-SS': [2, 0, 2], 'SV-CH': [3, 1, 2], 'SV-LI': [1, 1, 0], 'SV-MO': [0, 0, 0] });
    const municipalities = await flowsBy(['MUNICIPALITY']);
    expect(Object.keys(municipalities)).toHaveLength(44);
    expect(municipalities).toMatchObject({ 'SV-SS-NORTE': [2, 0, 2], 'SV-CH-NORTE': [2, 1, 1], 'SV-CH-SUR': [1, 0, 1], 'SV-CH-CENTRO': [0, 0, 0], 'SV-LI-NORTE': [1, 1, 0] });
  });

  it('groups by two dimensions and honours the restrictions', async () => {
    expect(await flowsBy(['SEX', 'DESTINATION_COUNTRY'])).toEqual({
      'FEMALE|US': [0, 0, 0],
      'FEMALE|CA': [1, 0, 1],
      'MALE|US': [3, 1, 2],
      'MALE|CA': [2, 1, 1],
      'OTHER|US': [0, 0, 0],
      'OTHER|CA': [0, 0, 0],
    });
    expect(await flowsBy([], { destinationCountry: 'US' })).toEqual({ '': [3, 1, 2] });
    expect(await flowsBy([], { sex: 'FEMALE' })).toEqual({ '': [1, 0, 1] });
    expect(await flowsBy([], { iscoMajorGroup: '6' })).toEqual({ '': [3, 1, 2] });
    expect(await flowsBy([], { regionCode: 'CA-QC' })).toEqual({ '': [0, 0, 0] });
    // The municipalities of the department restricted to, and only them.
    expect(await flowsBy(['MUNICIPALITY'], { departmentCode: 'SV-CH' })).toEqual({ 'SV-CH-NORTE': [2, 1, 1], 'SV-CH-CENTRO': [0, 0, 0], 'SV-CH-SUR': [1, 0, 1] });
  });

  it('computes the program measures', async () => {
    const m = await statistics.programMeasures(await ask());
    expect(m).toMatchObject({
      // Registered by -200: w1–w6, r5, r7 (r8 at -150 and r6 at -100 after); in P: r5 (-300), r7 (-350).
      registeredApplicants: 8,
      registeredInPeriod: 2,
      // Verified by -200: w1–w6 and r7; in P: r7.
      verifiedApplicants: 7,
      verifiedInPeriod: 1,
      // AVAILABLE now: r6, r8.
      availableApplicants: 2,
      // Submitted in P: O1 (3), O2 (4), O3 (5); approved in P: O1, O2; filled: O1 (w1, w2, w4), O2 (w3, w5, w6 and r7 selected).
      ordersRequested: 3,
      positionsRequested: 12,
      ordersApproved: 2,
      positionsApproved: 7,
      ordersFilled: 2,
      positionsFilled: 7,
      deployments: 6,
      // First-timers of P, registration to seat: p5 60, p6 60, p1 170, p3 170, p2 180 → 170.
      medianDaysRegistrationToSelection: 170,
      // Seat to departure: p4 10, p2 20, p6 20, p1 30, p3 30, p5 30 → (20 + 30) / 2.
      medianDaysSelectionToDeparture: 25,
      // Due in P: p2 (ended -250, home -248: on time), p5 (due -239, home -225: late), p6 (abandoned -340: not home).
      returnsDue: 3,
      returnsOnTime: 1,
      rehires: 1,
      namedRequests: 1,
    });
    expect(m.onTimeReturnRate).toBeCloseTo(1 / 3, 10);
    expect(m.rehireRate).toBeCloseTo(1 / 6, 10);
    expect(m.namedRequestShare).toBeCloseTo(1 / 6, 10);
    // Orders honour destination restrictions; registrants do not have one.
    expect(await statistics.programMeasures(await ask({ destinationCountry: 'US' }))).toMatchObject({ ordersRequested: 2, positionsRequested: 9, registeredApplicants: 8, deployments: 3 });
    expect(await statistics.programMeasures(await ask({ sex: 'FEMALE' }))).toMatchObject({ registeredApplicants: 3, registeredInPeriod: 2, availableApplicants: 0, deployments: 1 });
  });

  it('counts registrants on any day as the raw rows do, early or late in a month', async () => {
    // Every fifth day over two years: days in a month's first half read the month before, the others the month's own totals.
    for (let n = -620; n <= -80; n += 5) {
      const day = d(n);
      const [raw] = await ds.query(
        `SELECT count(*) FILTER (WHERE (created_at AT TIME ZONE 'America/El_Salvador')::date <= $1)::int AS registered,
                count(*) FILTER (WHERE (verified_at AT TIME ZONE 'America/El_Salvador')::date <= $1)::int AS verified
         FROM applicant`,
        [day],
      );
      const m = await statistics.programMeasures(await ask({ from: day, to: day }));
      expect([day, m.registeredApplicants, m.verifiedApplicants]).toEqual([day, raw.registered, raw.verified]);
    }
  });

  it('rates cases per 1,000 placements active in the period, by category and outcome, zeros included', async () => {
    const c = await statistics.caseRates(await ask());
    // Active in P: p1–p6 (p0 came home at -418). Reported in P: c1, c2, c4 (c3 at -410).
    expect(c.placements).toBe(6);
    expect(c.cases).toBe(3);
    expect(c.perThousand).toBe(500);
    const category = (name: string) => c.categories.find((x) => x.category === name)!;
    expect(c.categories).toHaveLength(10);
    expect(category('UNPAID_WAGES').cases).toBe(2);
    expect(category('UNPAID_WAGES').perThousand).toBeCloseTo(1000 / 3, 10);
    expect(category('UNPAID_WAGES').outcomes).toEqual([
      { outcome: 'PENDING', cases: 1, perThousand: expect.closeTo(1000 / 6, 10) },
      { outcome: 'SUBSTANTIATED', cases: 1, perThousand: expect.closeTo(1000 / 6, 10) },
      { outcome: 'UNSUBSTANTIATED', cases: 0, perThousand: 0 },
    ]);
    expect(category('HOUSING').cases).toBe(1);
    expect(category('MOVEMENT_RESTRICTED').outcomes.find((o) => o.outcome === 'UNSUBSTANTIATED')!.cases).toBe(1);
    expect(category('OTHER')).toEqual({ category: 'OTHER', cases: 0, perThousand: 0, outcomes: expect.arrayContaining([{ outcome: 'PENDING', cases: 0, perThousand: 0 }]) });
    expect(c.outcomes.map((o) => o.cases)).toEqual([1, 1, 1]);
  });

  it('sets supply against demand per occupation and department', async () => {
    const rows = await statistics.supplyDemand(await ask());
    expect(rows).toHaveLength(28 * 15);
    const row = (isco: string, department: string | null) => rows.find((r) => r.iscoCode === isco && r.departmentCode === department)!;
    // Demand in P: 6111 3 (O1), 5120 4 (O2), 9412 5 (O3). Supply: r6 (SV-CH, 6111), r8 (SV-SS, 6111 and 9211).
    expect(row('6111', null)).toMatchObject({ positionsRequested: 3, qualifiedAvailable: 2, balance: 'DEFICIT' });
    expect(row('6111', 'SV-CH')).toMatchObject({ positionsRequested: 3, qualifiedAvailable: 1, balance: 'DEFICIT', department: 'Chalatenango' });
    expect(row('5120', null)).toMatchObject({ positionsRequested: 4, qualifiedAvailable: 0, balance: 'DEFICIT' });
    expect(row('9211', null)).toMatchObject({ positionsRequested: 0, qualifiedAvailable: 1, balance: 'SURPLUS' });
    expect(row('9211', 'SV-CH')).toMatchObject({ positionsRequested: 0, qualifiedAvailable: 0, balance: 'BALANCED' });
    expect(row('9412', null)).toMatchObject({ positionsRequested: 5, qualifiedAvailable: 0, balance: 'DEFICIT' });
  });

  it('compares shares of deployments with shares of registrants', async () => {
    const f = await statistics.fairness(await ask());
    expect(f.deployments).toBe(6);
    expect(f.registrants).toBe(8);
    const dept = (code: string) => f.departments.find((x) => x.code === code)!;
    expect(f.departments).toHaveLength(14);
    // SV-SS: p1, p4 of 6 against w1, w4, r7 of 8; SV-CH: p2, p3, p6 against w2, w3, w6; SV-LI: p5 against w5, r5.
    expect(dept('SV-SS')).toMatchObject({ deployments: 2, registrants: 3, deploymentShare: expect.closeTo(1 / 3, 10), registrantShare: 3 / 8, disparityRatio: expect.closeTo(8 / 9, 10) });
    expect(dept('SV-CH')).toMatchObject({ deployments: 3, registrants: 3, disparityRatio: expect.closeTo(4 / 3, 10) });
    expect(dept('SV-LI')).toMatchObject({ deployments: 1, registrants: 2, disparityRatio: expect.closeTo(2 / 3, 10) });
    expect(dept('SV-MO')).toMatchObject({ deployments: 0, deploymentShare: 0, registrants: 0, registrantShare: 0, disparityRatio: null });
    const muni = (code: string) => f.municipalities.find((x) => x.code === code)!;
    expect(f.municipalities).toHaveLength(44);
    expect(muni('SV-CH-NORTE')).toMatchObject({ deployments: 2, registrants: 2, departmentCode: 'SV-CH', disparityRatio: expect.closeTo(4 / 3, 10) });
    expect(muni('SV-LI-NORTE')).toMatchObject({ deployments: 1, registrants: 2 });
    // Women: p1 of 6 against w1, r5, r7 of 8. Youth: w1 (24 at departure) against w1, w2 (23 and 24 at registration).
    expect(f.women).toMatchObject({ deployments: 1, registrants: 3, disparityRatio: expect.closeTo(4 / 9, 10) });
    expect(f.youth).toMatchObject({ deployments: 1, registrants: 2, disparityRatio: expect.closeTo(2 / 3, 10) });
    // First-timers: all but p4 against the registrants never deployed by -200 (r5, r7).
    expect(f.firstTimers).toMatchObject({ deployments: 5, registrants: 2, disparityRatio: expect.closeTo(10 / 3, 10) });
  });

  it('sums the returnee records of the workers home during the period', async () => {
    // Home in P with a record: p2 (CAD) and p5 (USD); p1 came home at -147.
    expect(await statistics.returnees(await ask())).toEqual({
      records: 2,
      withSkillsToCertify: 1,
      referredForCertification: 1,
      interestedInDomesticJobs: 1,
      interestedInTraining: 1,
      byCurrency: [
        { currency: 'CAD', records: 1, medianEarnings: 3000, medianRemittances: 1200 },
        { currency: 'USD', records: 1, medianEarnings: 9000, medianRemittances: 4000 },
      ],
    });
    const later = await statistics.returnees(await ask({ from: d(-400), to: d(-100) }));
    expect(later.byCurrency[0]).toEqual({ currency: 'CAD', records: 2, medianEarnings: 4000, medianRemittances: 1600 });
  });

  it('answers a period with no deployment with zeros and nulls, never an error', async () => {
    // d(-199) to d(-160): nobody left or came home; p1, p3, p4 and p6 are abroad on -160.
    const q = await ask({ from: d(-199), to: d(-160), groupBy: ['SEX'] });
    expect((await statistics.flows(q)).map((r) => [r.groups[0].key, r.outflows, r.returns, r.stockAbroad])).toEqual([
      ['FEMALE', 0, 0, 1],
      ['MALE', 0, 0, 3],
      ['OTHER', 0, 0, 0],
    ]);
    expect(await statistics.programMeasures(q)).toMatchObject({
      deployments: 0,
      medianDaysRegistrationToSelection: null,
      medianDaysSelectionToDeparture: null,
      returnsDue: 0,
      onTimeReturnRate: null,
      rehireRate: null,
      namedRequestShare: null,
    });
    expect(await statistics.caseRates(q)).toMatchObject({ placements: 4, cases: 0, perThousand: 0 });
    const f = await statistics.fairness(q);
    expect(f.women).toMatchObject({ deployments: 0, deploymentShare: null, disparityRatio: null });
    // Long before anyone: nothing at all, and no rate is an error.
    const empty = await ask({ from: d(-900), to: d(-800) });
    expect(await statistics.total(empty)).toEqual({ groups: [], outflows: 0, returns: 0, stockAbroad: 0 });
    expect(await statistics.caseRates(empty)).toMatchObject({ placements: 0, cases: 0, perThousand: 0 });
    expect(await statistics.programMeasures(empty)).toMatchObject({ registeredApplicants: 0, ordersRequested: 0, deployments: 0 });
    expect((await statistics.fairness(empty)).departments.every((x) => x.disparityRatio === null)).toBe(true);
  });

  it('gives the tables exports write, and refuses who may not see them', async () => {
    const tables = await statistics.tables(coordinator, { ...P, groupBy: ['SEX'] }, 'en');
    expect(tables.map((t) => t.key)).toEqual(['flows', 'program', 'cases', 'supplyDemand', 'fairnessAreas', 'fairnessGroups', 'returnees']);
    const flows = tables[0];
    expect(flows.columns.map((c) => c.key)).toEqual(['sexCode', 'sex', 'outflows', 'returns', 'stockAbroad']);
    expect(flows.rows).toEqual([
      { sexCode: 'FEMALE', sex: 'Women', outflows: 1, returns: 0, stockAbroad: 1 },
      { sexCode: 'MALE', sex: 'Men', outflows: 5, returns: 2, stockAbroad: 3 },
      { sexCode: 'OTHER', sex: 'Other or not stated (not in the ILO sex tables)', outflows: 0, returns: 0, stockAbroad: 0 },
      { sexCode: null, sex: 'Total', outflows: 6, returns: 2, stockAbroad: 4 },
    ]);
    expect(tables[1].rows.find((r) => r.measure === 'registeredApplicants')).toEqual({ measure: 'registeredApplicants', label: 'Applicants registered by the end of the period', value: 8 });
    expect((await statistics.tables(coordinator, P))[0].rows).toEqual([{ outflows: 6, returns: 2, stockAbroad: 4 }]);
    const employer = { userId: randomUUID(), role: Role.EMPLOYER, employerId: randomUUID(), applicantId: null };
    expect(await codeOf(statistics.tables(employer, P))).toBe(ErrorCode.FORBIDDEN);
    expect(await codeOf(statistics.query({ ...coordinator, role: Role.CONSUL }, P))).toBe(ErrorCode.FORBIDDEN);
    expect(await codeOf(statistics.query(coordinator, { from: P.to, to: P.from }))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('is queued, debounced, by the changes that move the figures', async () => {
    const before = statisticsRefresh('test')[2].jobId;
    await make.applicant({ municipalityCode: 'SV-MO-NORTE' }, { verified: false });
    const after = statisticsRefresh('test')[2].jobId;
    const queued = await queueOf(app, JOB_QUEUE[JobName.RefreshStatistics]).getJobs(['delayed', 'waiting']);
    const ids = queued.filter((j) => j.name === JobName.RefreshStatistics).map((j) => j.id);
    // The registration's minute has its one job (the minute may have turned during the call).
    expect(ids.filter((id) => id === before || id === after).length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refreshes idempotently, one at a time, and says as of when', async () => {
    const before = (await ask()).asOf!;
    const [a, b] = await Promise.all([refresher.refresh(), refresher.refresh()]);
    expect([a.deployments, b.deployments]).toEqual([7, 7]);
    const after = await ask();
    expect(after.asOf!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(await flowsBy([])).toEqual({ '': [6, 2, 4] });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM stat_registrant_day`);
    // The second refresh rebuilt the same rows rather than adding to them.
    await refresher.refresh();
    expect((await ds.query(`SELECT count(*)::int AS n FROM stat_registrant_day`))[0].n).toBe(n);
  });

  it('follows a change, an addition and a removal of the facts at the next refresh', async () => {
    // Rows changed behind the services' back, and put back: what a refresh must follow is any difference.
    await ds.query(`UPDATE placement SET returned_on = $2 WHERE id = $1`, [ids.p3, d(-210)]);
    await kase('p1', 'w1', 'O1', ['HOUSING'], d(-205), 'PENDING');
    await refresher.refresh();
    expect(await flowsBy([])).toEqual({ '': [6, 3, 3] });
    expect((await statistics.caseRates(await ask())).cases).toBe(4);
    await ds.query(`UPDATE placement SET returned_on = NULL WHERE id = $1`, [ids.p3]);
    await ds.query(`DELETE FROM protection_case WHERE placement_id = $1`, [ids.p1]);
    await refresher.refresh();
    expect(await flowsBy([])).toEqual({ '': [6, 2, 4] });
    expect((await statistics.caseRates(await ask())).cases).toBe(3);
  });
});
