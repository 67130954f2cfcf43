import type { INestApplicationContext } from '@nestjs/common';
import { addDays, todayIso } from '@puente/common';
import { clockShiftedQueues, codesOf, startApi, startWorker, TestApi } from '../support/api';
import { moveClockTo } from '../support/clock';
import { login, newCoordinator, newJobOrder } from '../support/people';
import { until as waitUntil } from '../support/processes';
import { decided, employerWithLogin, evaluate, seasonPlayedOut } from '../support/season-setup';

const MY_PLACEMENTS = `query($after: String) { myPlacements(first: 100, after: $after) { edges { node {
  placementId applicantId name jobOrderId jobOrderReference status startDate endedOn evaluationState evaluationClosesOn evaluation { overall wouldRehire comments } } }
  pageInfo { hasNextPage endCursor } } }`;

interface Row {
  placementId: string;
  applicantId: string;
  name: string;
  jobOrderId: string;
  status: string;
  startDate: string;
  endedOn: string | null;
  evaluationState: string;
  evaluationClosesOn: string | null;
  evaluation: { overall: number; wouldRehire: boolean; comments: string | null } | null;
}

/**
 * `myPlacements`: an employer's own workers with where each evaluation stands (the portal's evaluation page), from
 * the return through the evaluation to a window that closed and was reopened; another employer sees none of them.
 */
describe('myPlacements: the employer’s workers to evaluate', () => {
  jest.setTimeout(120_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: { token: string; email: string; password: string };
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let other: Awaited<ReturnType<typeof employerWithLogin>>;
  let season: Awaited<ReturnType<typeof seasonPlayedOut>>;

  const rows = async (token: string): Promise<Row[]> => {
    const r = await api.gql<{ myPlacements: { edges: { node: Row }[] } }>(MY_PLACEMENTS, {}, token);
    expect(r.errors).toEqual([]);
    return r.data!.myPlacements.edges.map((e) => e.node);
  };

  beforeAll(async () => {
    // This suite moves its clock: queues of its own (clockShiftedQueues).
    api = await startApi(clockShiftedQueues('placements'));
    worker = await startWorker(clockShiftedQueues('placements'));
    coordinator = await newCoordinator(api);
    employer = await employerWithLogin(api, coordinator.token);
    other = await employerWithLogin(api, coordinator.token);
    season = await seasonPlayedOut(api, coordinator.token, employer.token, { count: 2, occupation: { isco: '6113', noc: '85103' }, names: ['Ana|Pérez', 'Luis|Gómez'] });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('lists the employer’s returned workers by name, open for evaluation until the end plus 30 days', async () => {
    const mine = await rows(employer.token);
    expect(mine).toHaveLength(2);
    for (const w of season.workers) {
      expect(mine.find((r) => r.placementId === w.placementId)).toMatchObject({
        applicantId: w.id,
        name: w.name,
        jobOrderId: season.orderId,
        status: 'COMPLETED',
        endedOn: todayIso(),
        evaluationState: 'OPEN',
        evaluationClosesOn: addDays(todayIso(), 30),
        evaluation: null,
      });
    }
  });

  it('shows another employer nothing of them, and refuses it the evaluation', async () => {
    expect(await rows(other.token)).toEqual([]);
    expect(codesOf(await evaluate(api, other.token, season.workers[0].placementId, 4, true))).toEqual(['NOT_FOUND']);
  });

  it('refuses the list to a coordinator (it is an employer’s own)', async () => {
    expect(codesOf(await api.gql(MY_PLACEMENTS, {}, coordinator.token))).toEqual(['FORBIDDEN']);
  });

  it('shows an evaluated worker as EVALUATED with the evaluation, once', async () => {
    const [first] = season.workers;
    expect((await evaluate(api, employer.token, first.placementId, 4, true)).errors).toEqual([]);
    expect(codesOf(await evaluate(api, employer.token, first.placementId, 5, true))).toEqual(['CONFLICT']);
    const row = (await rows(employer.token)).find((r) => r.placementId === first.placementId)!;
    expect(row.evaluationState).toBe('EVALUATED');
    expect(row.evaluation).toEqual({ overall: 4, wouldRehire: true, comments: null });
  });

  it('gives the rehire pool the worker’s last season and the employer’s own "would rehire"', async () => {
    const [first] = season.workers;
    expect(await decided(api, coordinator.token, first.id)).toBe('ELIGIBLE');
    const POOL = `{ rehirePool(first: 100) { edges { node { applicantId name lastSeason lastOverall lastWouldRehire } } } }`;
    const pool = (token: string) => api.gql<{ rehirePool: { edges: { node: Record<string, unknown> }[] } }>(POOL, {}, token);
    const entry = (await pool(employer.token)).data!.rehirePool.edges.map((e) => e.node).find((n) => n['applicantId'] === first.id);
    const startDate = (await rows(employer.token)).find((r) => r.placementId === first.placementId)!.startDate;
    expect(entry).toEqual({ applicantId: first.id, name: first.name, lastSeason: Number(startDate.slice(0, 4)), lastOverall: 4, lastWouldRehire: true });
    expect((await pool(other.token)).data!.rehirePool.edges.map((e) => e.node['applicantId'])).not.toContain(first.id);
  });

  it('names an eligible former worker on a draft order for next season: no run yet; the run its approval queues places them first', async () => {
    const [first] = season.workers;
    const orderId = await newJobOrder(api, employer.token, { iscoCode: '6113', destinationOccupationCode: '85103', positions: 2, languages: [{ code: 'en', level: 'A1' }], durationWeeks: 20 });
    const NAME = `mutation($i: RequestNamedWorkersInput!) { requestNamedWorkers(input: $i) { jobOrderId applicantIds matchingRunId } }`;
    expect(codesOf(await api.gql(NAME, { i: { jobOrderId: orderId, applicantIds: [first.id] } }, other.token))).toEqual(['NOT_FOUND']);
    const named = await api.gql(NAME, { i: { jobOrderId: orderId, applicantIds: [first.id], substituteAcceptable: false } }, employer.token);
    expect(named.errors).toEqual([]);
    expect(named.data!.requestNamedWorkers).toEqual({ jobOrderId: orderId, applicantIds: [first.id], matchingRunId: null });
    expect((await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id: orderId }, employer.token)).errors).toEqual([]);
    expect((await api.gql(`mutation($id: ID!) { approveJobOrder(id: $id) { id } }`, { id: orderId }, coordinator.token)).errors).toEqual([]);
    await waitUntil('the approval’s matching run', async () => {
      const r = await api.gql(`query($id: ID!) { jobOrder(id: $id) { latestMatchingRun { status } } }`, { id: orderId }, coordinator.token);
      return r.data?.jobOrder.latestMatchingRun?.status === 'SUCCEEDED';
    });
    const candidates = await api.gql(`query($id: ID!) { jobOrder(id: $id) { candidates(first: 10) { edges { node { applicantId named rank } } } } }`, { id: orderId }, coordinator.token);
    expect(candidates.data!.jobOrder.candidates.edges[0].node).toEqual({ applicantId: first.id, named: true, rank: 1 });
  });

  it('shows the window CLOSED once 30 days have passed unevaluated, and OPEN again until the day a coordinator reopens it to', async () => {
    const [first, second] = season.workers;
    // The api runs in this process: its "today" moves with the test clock (tokens expire, so everyone signs in again).
    moveClockTo(Date.now() + 31 * 86_400_000);
    const token = await login(api, employer.email, employer.password);
    const coordinatorToken = await login(api, coordinator.email, coordinator.password);
    const later = await rows(token);
    expect(later.find((r) => r.placementId === second.placementId)).toMatchObject({ evaluationState: 'CLOSED', evaluation: null });
    expect(later.find((r) => r.placementId === first.placementId)!.evaluationState).toBe('EVALUATED');
    expect(codesOf(await evaluate(api, token, second.placementId, 4, true))).toEqual(['INVALID_TRANSITION']);

    const until = addDays(todayIso(), 5);
    const reopened = await api.gql(`mutation($id: ID!, $u: LocalDate!) { reopenEvaluation(placementId: $id, until: $u) { id } }`, { id: second.placementId, u: until }, coordinatorToken);
    expect(reopened.errors).toEqual([]);
    expect((await rows(token)).find((r) => r.placementId === second.placementId)).toMatchObject({ evaluationState: 'OPEN', evaluationClosesOn: until });
  });
});
