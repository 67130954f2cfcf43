import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { codesOf, startApi, TestApi } from '../support/api';
import { newApplicant, newCoordinator, newEmployer, newJobOrder } from '../support/people';
import { spawnWorker, until } from '../support/processes';

/** Queues of this test alone: no worker of another test file may take its run. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}-crash`;
const RUN = `mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`;
const RUN_STATUS = `query($id: ID!) { matchingRun(id: $id) { status } }`;
const CANDIDATES = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 50) { edges { node { rank score applicantId } } } } }`;

/** A worker process with a short job lock, so a killed worker's job is taken over within seconds. */
const startWorker = () => spawnWorker({ QUEUE_PREFIX, WORKER_LOCK_DURATION_MS: '1500' });

/**
 * A worker killed (SIGKILL) in the middle of a matching run: the previous shortlist stays as it was, and once a
 * worker is back the run is taken over and completes, with no candidate twice.
 */
describe('a worker killed mid-run', () => {
  jest.setTimeout(90_000);
  let api: TestApi;
  let coordinator: string;
  let orderId: string;
  const workers: ChildProcess[] = [];
  const profile = { occupations: ['9215'], skills: ['FIRST_AID'], languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'C1' }] };

  const candidates = async () =>
    (await api.gql(CANDIDATES, { id: orderId }, coordinator)).data!.jobOrder.candidates.edges.map(
      (e: { node: { rank: number; applicantId: string } }) => [e.node.rank, e.node.applicantId],
    );
  const status = async (id: string) => (await api.gql(RUN_STATUS, { id }, coordinator)).data!.matchingRun.status as string;
  const eligible = async (yearsExperience: number) => {
    const a = await newApplicant(api, coordinator, { ...profile, yearsExperience });
    await api.gql(`mutation($id: ID!) { verifyApplicant(id: $id) { id } }`, { id: a.id }, coordinator);
    return a.id;
  };

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX });
    coordinator = (await newCoordinator(api)).token;
    const employer = await newEmployer(api, coordinator);
    // Forestry labourers with English C1: nobody else in the test data looks like this.
    orderId = await newJobOrder(api, employer.token, {
      iscoCode: '9215',
      destinationOccupationCode: '84111',
      positions: 1,
      requiredSkills: ['FIRST_AID'],
      languages: [{ code: 'en', level: 'C1' }],
      minExperienceYears: 0,
    });
    await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id: orderId }, employer.token);
    for (const years of [1, 2, 3]) await eligible(years);
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await api?.close();
  });

  it('keeps the previous result and completes the retried run', async () => {
    workers.push(await startWorker());
    // Approval queues the first run; its result is the "previous" shortlist.
    await api.gql(`mutation($id: ID!) { approveJobOrder(id: $id) { id } }`, { id: orderId }, coordinator);
    const db = api.app.get(DataSource);
    const [first] = await db.query(`SELECT id FROM matching_run WHERE job_order_ids = ARRAY[$1]::uuid[]`, [orderId]);
    await until('the first shortlist', async () => (await status(first.id)) === 'SUCCEEDED');
    const before = await candidates();
    expect(before.length).toBeGreaterThanOrEqual(3);

    // A better applicant arrives; the next run would put them first.
    const newcomer = await eligible(40);

    // Hold the candidate table so the run stops at its final write, then kill the worker there.
    const blocker = new Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE candidate IN SHARE MODE');
    const run = (await api.gql(RUN, { ids: [orderId] }, coordinator)).data!.runMatching;
    await until('the run to start', async () => (await status(run.id)) === 'RUNNING');
    const waiting = async () =>
      (await blocker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'candidate'::regclass AND NOT granted`)).rows[0].n > 0;
    await until('the run to reach its write', waiting);
    workers[0]!.kill('SIGKILL');
    await new Promise((r) => workers[0]!.once('exit', r));
    await blocker.query('ROLLBACK');
    await blocker.end();

    // Nothing half-written: the shortlist is the previous one, and the run is not marked done.
    expect(await candidates()).toEqual(before);
    expect(await status(run.id)).toBe('RUNNING');

    // A new worker takes the stalled job over once its lock has expired, and finishes it.
    workers.push(await startWorker());
    await until('the retried run', async () => (await status(run.id)) === 'SUCCEEDED', 60_000);
    const after = await candidates();
    expect(after[0]).toEqual([1, newcomer]);
    expect(after).toHaveLength(4); // one position: three shown and one reserve
    expect(new Set(after.map((c: [number, string]) => c[1])).size).toBe(after.length);
    expect(codesOf(await api.gql(RUN_STATUS, { id: run.id }, coordinator))).toEqual([]);
  });
});
