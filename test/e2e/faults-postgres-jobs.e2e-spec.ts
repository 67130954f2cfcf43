import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { jobId, JobName, QueueName } from '@puente/queue-contracts';
import { startApi, startWorker, TestApi } from '../support/api';
import { approvedJobOrder, newCoordinator, newEmployer, newJobOrder, unusedStartDate, verifiedApplicant } from '../support/people';
import { sleep, until } from '../support/processes';
import { exclusiveRehireSweeps, Returnee, ReturneeFixture, StoredRehireDecision } from '../support/returnees';
import { tcpProxy, TcpProxy } from '../support/tcp-proxy';

/** Queues of this test alone. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX ?? 'puente'}-faults-pg-jobs`.slice(0, 40);
/** As long as the outage the issue names: longer than a job's five attempts with their backoff last. */
const OUTAGE_MS = 15_000;

/**
 * The worker with PostgreSQL out of reach for 15 s (it reaches the database only through a proxy the test stops):
 * a job that meets the outage waits and runs again without spending its attempts, and completes once the database
 * is back, with the effect of an undisturbed run.
 */
describe('the worker with PostgreSQL out of reach', () => {
  let worker: INestApplicationContext;
  let proxy: TcpProxy;
  let db: Client;
  let queue: Queue;
  let api: TestApi;
  let rehire: Queue;
  /** Set while the rehire case holds the sweeps' lock and has seeded returnees: released and removed after all. */
  let releaseSweeps: (() => Promise<void>) | undefined;
  let returnees: ReturneeFixture | undefined;

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.hostname = '127.0.0.1';
    target.port = String(proxy.port);
    worker = await startWorker({ DATABASE_URL: target.toString(), QUEUE_PREFIX });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    queue = new Queue(QueueName.Statistics, { connection: { url: process.env.REDIS_URL }, prefix: QUEUE_PREFIX });
    rehire = new Queue(QueueName.Rehire, { connection: { url: process.env.REDIS_URL }, prefix: QUEUE_PREFIX });
    // The api reaches PostgreSQL directly: requests go on while the worker's database is out of reach.
    api = await startApi({ QUEUE_PREFIX });
  });

  afterAll(async () => {
    await proxy?.start();
    await worker?.close();
    await api?.close();
    const matching = new Queue(QueueName.Matching, { connection: { url: process.env.REDIS_URL }, prefix: QUEUE_PREFIX });
    await matching.obliterate({ force: true }).catch(() => undefined);
    await matching.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await rehire?.obliterate({ force: true }).catch(() => undefined);
    await rehire?.close();
    await returnees?.remove();
    await releaseSweeps?.();
    await db?.end();
    await proxy?.close();
  });

  it('runs a job that met a 15 s outage to completion once the database is back, attempts unspent', async () => {
    await proxy.stop();
    const id = jobId(JobName.RefreshStatistics, 'faults', Date.now());
    await queue.add(JobName.RefreshStatistics, { cause: 'faults test' }, { jobId: id, attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
    await sleep(OUTAGE_MS);
    const during = await queue.getJob(id);
    expect(await during!.getState()).not.toMatch(/^(failed|completed)$/);
    // Tried again and again meanwhile, none of it counted against its attempts.
    expect(during!.attemptsMade).toBe(0);
    const back: Date = (await db.query(`SELECT now() AS at`)).rows[0].at;
    await proxy.start();
    await until('the job to complete', async () => (await (await queue.getJob(id))!.getState()) === 'completed', 30_000);
    const done = await queue.getJob(id);
    expect(done!.attemptsMade).toBe(1);
    // Its effect: the aggregates refreshed after the database came back.
    const [refreshed] = (await db.query(`SELECT refreshed_at AS at FROM stat_refresh WHERE id = 1`)).rows;
    expect(refreshed.at.getTime()).toBeGreaterThanOrEqual(back.getTime());
  }, 60_000);

  it('completes a matching run that met a 15 s outage once the database is back, with the shortlist of an undisturbed run', async () => {
    const coordinator = (await newCoordinator(api)).token;
    const employer = await newEmployer(api, coordinator);
    // Civil engineering labourers: an occupation no other test uses, so the shortlist holds this test's workers only.
    const orderId = await newJobOrder(api, employer.token, {
      iscoCode: '9312',
      destinationOccupationCode: '75110',
      positions: 2,
      requiredSkills: [],
      languages: [{ code: 'en', level: 'A1' }],
      minExperienceYears: 0,
    });
    for (const yearsExperience of [1, 3, 5, 8]) await verifiedApplicant(api, coordinator, { occupations: ['9312'], skills: [], yearsExperience, languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'B1' }] });
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const r = await api.gql(query, variables, coordinator);
      if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('; '));
      return r.data!;
    };
    const status = async (runId: string) => (await gql(`query($id: ID!) { matchingRun(id: $id) { status } }`, { id: runId })).matchingRun.status as string;
    const shortlist = async () =>
      (await gql(`query($id: ID!) { jobOrder(id: $id) { candidates(first: 50) { edges { node { rank score applicantId } } } } }`, { id: orderId })).jobOrder.candidates.edges.map(
        (e: { node: unknown }) => e.node,
      );
    expect((await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id: orderId }, employer.token)).errors).toEqual([]);
    await gql(`mutation($id: ID!) { approveJobOrder(id: $id) { id } }`, { id: orderId });
    // The run approval queued, undisturbed: the shortlist to compare with.
    const [first] = (await db.query(`SELECT id FROM matching_run WHERE job_order_ids = ARRAY[$1]::uuid[]`, [orderId])).rows;
    await until('the undisturbed run', async () => (await status(first.id)) === 'SUCCEEDED');
    const undisturbed = await shortlist();
    expect(undisturbed).toHaveLength(4);

    await proxy.stop();
    const run = (await gql(`mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`, { ids: [orderId] })).runMatching;
    await sleep(OUTAGE_MS);
    expect(await status(run.id)).toMatch(/^(QUEUED|RUNNING)$/);
    await proxy.start();
    await until('the run to complete after the outage', async () => (await status(run.id)) === 'SUCCEEDED', 30_000);
    expect(await shortlist()).toEqual(undisturbed);
  }, 90_000);

  it('seats a contingent whose scheduling met a 15 s outage once the database is back, as an undisturbed scheduling seats one', async () => {
    const coordinator = (await newCoordinator(api)).token;
    const employer = await newEmployer(api, coordinator);
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const r = await api.gql(query, variables, coordinator);
      if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('; '));
      return r.data!;
    };
    // Two orders alike (an occupation no other test uses) on one start date in two regions: two groups, so the
    // disturbed one's contingent can be compared with the undisturbed one's, worker by worker and step by step.
    const startDate = await unusedStartDate(api, coordinator, 'CA-MB', 60, 300);
    const seatedOrder = async (regionCode: string) => {
      const workers = [];
      for (const yearsExperience of [2, 4]) {
        workers.push((await verifiedApplicant(api, coordinator, { occupations: ['8160'], skills: [], yearsExperience, languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'B1' }] })).id);
      }
      const orderId = await approvedJobOrder(api, employer.token, coordinator, {
        iscoCode: '8160', destinationOccupationCode: '94140', positions: 2, requiredSkills: [], languages: [{ code: 'en', level: 'A1' }],
        minExperienceYears: 0, workRegionCode: regionCode, startDate, durationWeeks: 20,
      });
      await until('the shortlist', async () => (await gql(`query($id: ID!) { jobOrder(id: $id) { latestMatchingRun { status } } }`, { id: orderId })).jobOrder.latestMatchingRun?.status === 'SUCCEEDED');
      await gql(`mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`, { i: { jobOrderId: orderId, applicantIds: workers } });
      return orderId;
    };
    const contingentOf = async (orderId: string) => {
      const edges = (await gql(`query($id: ID!) { contingents(filter: { jobOrderId: $id }, first: 5) { edges { node { id } } } }`, { id: orderId })).contingents.edges;
      if (edges.length !== 1) return null;
      const { contingent } = await gql(
        `query($id: ID!) { contingent(id: $id) { status departureDate members { status steps { kind dueDate remindOn status blocking note } } } }`,
        { id: edges[0].node.id },
      );
      return contingent.members.length === 2 ? contingent : null;
    };
    const schedule = (orderId: string) => gql(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId });

    const calm = await seatedOrder('CA-SK');
    await schedule(calm);
    let undisturbed: unknown = null;
    await until('the undisturbed seating', async () => !!(undisturbed = await contingentOf(calm)), 30_000);

    const stormy = await seatedOrder('CA-MB');
    await proxy.stop();
    await schedule(stormy);
    await sleep(OUTAGE_MS);
    expect(await contingentOf(stormy)).toBeNull();
    await proxy.start();
    let disturbed: unknown = null;
    await until('the seating after the outage', async () => !!(disturbed = await contingentOf(stormy)), 30_000);
    expect(disturbed).toEqual(undisturbed);
    expect(undisturbed).toMatchObject({ status: 'PLANNED', members: [{ status: 'SEATED', steps: expect.arrayContaining([expect.objectContaining({ kind: 'MEDICAL_EXAM' })]) }, expect.anything()] });
  }, 120_000);

  it('decides the returnees of a rehire sweep that met a 15 s outage once the database is back, as an undisturbed sweep decides them', async () => {
    // The sweep decides every applicant due in the database: no other test file sweeps while this one does (see
    // exclusiveRehireSweeps), and its returnees (bricklayers of Wyoming: an occupation and a region no other test
    // uses) are seeded under the lock, so no one else's sweep decides them first.
    releaseSweeps = await exclusiveRehireSweeps();
    returnees = await ReturneeFixture.create(db, { tag: randomBytes(4).toString('hex'), region: 'US-WY', isco: '7112', onetSoc: '47-2021.00' });
    const fixture = returnees;
    const sweep = async (name: string) => {
      const id = jobId(JobName.RehireSweep, 'faults', name, Date.now());
      await rehire.add(JobName.RehireSweep, {}, { jobId: id, attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
      return id;
    };
    const completed = (id: string, what: string) => until(what, async () => (await rehire.getJobState(id)) === 'completed', 30_000);
    /** A group's decisions by rank in the group, the day each was made as of left out (a run may cross midnight). */
    const byRank = (group: Returnee[], decisions: StoredRehireDecision[]) =>
      decisions.map(({ applicantId, placementId, inputs: { asOf: _, ...inputs }, ...d }) => {
        const r = group.find((w) => w.id === applicantId)!;
        return { n: r.n, ownPlacement: placementId === r.placementId, ...d, inputs };
      });

    // Two groups alike, rank by rank: the first swept undisturbed.
    const calm = await fixture.group(12);
    const calmSweep = await sweep('calm');
    await completed(calmSweep, 'the undisturbed sweep');
    const undisturbed = byRank(calm, await fixture.decisionsOf(calm));

    const stormy = await fixture.group(12);
    await proxy.stop();
    const id = await sweep('stormy');
    await sleep(OUTAGE_MS);
    const during = await rehire.getJob(id);
    expect(await during!.getState()).not.toMatch(/^(failed|completed)$/);
    expect(during!.attemptsMade).toBe(0);
    // Nothing decided meanwhile: the worker could not reach the database, and no one else sweeps.
    expect(await fixture.decisionsOf(stormy)).toEqual([]);
    await proxy.start();
    await completed(id, 'the sweep to complete after the outage');
    expect((await rehire.getJob(id))!.attemptsMade).toBe(1);

    // One current decision per returnee (none stored twice, none superseded), each moved once, in the deciding
    // transaction: what the undisturbed sweep stored for the same profile, and what the policy decides.
    const decisions = await fixture.decisionsOf(stormy);
    expect(byRank(stormy, decisions)).toEqual(undisturbed);
    expect(undisturbed).toHaveLength(calm.length);
    expect(undisturbed.filter((d) => !(d.ownPlacement && d.current && d.movedWithIt))).toEqual([]);
    for (const d of decisions) {
      const { inputs, decision } = fixture.expectedFor(stormy.find((r) => r.id === d.applicantId)!, d.inputs.asOf);
      expect({ outcome: d.outcome, needsPassportRenewal: d.needsPassportRenewal, recheckOn: d.recheckOn, reasons: d.reasons, inputs: d.inputs }).toEqual({ ...decision, inputs });
      expect(d.status).toBe(decision.outcome === 'ELIGIBLE' ? 'AVAILABLE' : 'INELIGIBLE');
    }
    // Every kind of answer among them: overall 1 and 2 refused, 3 to 5 eligible, some with a passport to renew.
    const tally = (ds: StoredRehireDecision[]) => ds.map((d) => `${d.outcome}${d.needsPassportRenewal ? ' (renew passport)' : ''}`).sort();
    expect(new Set(tally(decisions))).toEqual(new Set(['ELIGIBLE', 'ELIGIBLE (renew passport)', 'INELIGIBLE']));
  }, 120_000);
});
