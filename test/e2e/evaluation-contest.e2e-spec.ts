import type { INestApplicationContext } from '@nestjs/common';
import { addDays, todayIso } from '@puente/common';
import { contestWindowCloses } from '@puente/domain/rehire';
import { clockShiftedQueues, codesOf, startApi, startWorker, TestApi } from '../support/api';
import { moveClockTo } from '../support/clock';
import { login, newCoordinator } from '../support/people';
import { until } from '../support/processes';
import { contingentHome, decided, employerWithLogin, evaluate, seasonPlayedOut, seasonUnderway } from '../support/season-setup';

const MY_EVALUATIONS = `{ myEvaluations { id createdAt placementId employerName overall comments contestStatus contestStatement contestableUntil contestable
  contestResolutionReason counts standing } }`;
const CONTEST = `mutation($i: ContestEvaluationInput!) { contestEvaluation(input: $i) { id contestStatus contestStatement counts standing contestable } }`;
const RESOLVE = `mutation($i: ResolveEvaluationContestInput!) { resolveEvaluationContest(input: $i) { id contestStatus counts standing contestResolutionReason retaliation { caseId } } }`;
const TO_REVIEW = `{ evaluationsToReview(first: 100) { edges { node { id applicantId applicantName standing retaliation { caseId } } } } }`;
const ELIGIBILITY = `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome reasons { code met message } } }`;
const REPORT = `mutation($i: ReportCaseInput!) { reportCase(input: $i) { id } }`;
const COMPARISON = `query($id: ID) { namedAgainComparison(employerId: $id) { employerId reporters reportersNamedAgain reporterRate others othersNamedAgain otherRate } }`;
const MY_PLACEMENTS = `{ myPlacements(first: 100) { edges { node { placementId evaluationState evaluation { overall wouldRehire } } } } }`;

interface MyEvaluation {
  id: string;
  createdAt: string;
  placementId: string;
  employerName: string;
  overall: number;
  contestStatus: string | null;
  contestableUntil: string;
  contestable: boolean;
  contestResolutionReason: string | null;
  counts: boolean;
  standing: string;
}

/**
 * A worker answers an evaluation that decides their next contract: they see it, contest it within ten working days
 * (El Salvador's), a coordinator overturns it with a reason, and the rehire decision the job makes again turns
 * INELIGIBLE into ELIGIBLE. Another worker's evaluation is NOT_FOUND; an employer may neither contest nor resolve;
 * after the window a contest is refused with the day it closed. And the retaliation check: the employer's poor
 * evaluation of a worker who reported a case against it during the season is flagged and does not make them
 * ineligible until a coordinator upholds it. Through the API, with the worker processing jobs.
 */
describe('contestable evaluations', () => {
  jest.setTimeout(180_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: { token: string; email: string; password: string };
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let season: Awaited<ReturnType<typeof seasonPlayedOut>>;
  let abroad: Awaited<ReturnType<typeof seasonUnderway>>;
  let caseId: string;
  const evaluationIds = new Map<string, string>();
  const statement = 'I was sick for two days and brought a doctor’s note; the supervisor counted them as absences.';

  /**
   * The last day to contest an evaluation, from the day the database stamped it: the midnight check runs this suite
   * with the process's clock ahead of PostgreSQL's.
   */
  const closesFor = (e: { createdAt: string }) => contestWindowCloses(todayIso(new Date(e.createdAt)));

  const myEvaluations = async (token: string): Promise<MyEvaluation[]> => {
    const r = await api.gql<{ myEvaluations: MyEvaluation[] }>(MY_EVALUATIONS, {}, token);
    expect(r.errors).toEqual([]);
    return r.data!.myEvaluations;
  };

  beforeAll(async () => {
    // This suite moves its clock: queues of its own (clockShiftedQueues).
    api = await startApi(clockShiftedQueues('contest'));
    worker = await startWorker(clockShiftedQueues('contest'));
    coordinator = await newCoordinator(api);
    employer = await employerWithLogin(api, coordinator.token);
    // An occupation no other suite uses (fast food preparers), so the shortlist holds only these workers.
    season = await seasonPlayedOut(api, coordinator.token, employer.token, { count: 2, occupation: { isco: '9411', noc: '65201' }, names: ['Rosa|Díaz', 'Mario|Cruz'] });
    // Another season of the same employer (waiters): one worker reports a case while abroad, then both come home.
    abroad = await seasonUnderway(api, coordinator.token, employer.token, { count: 2, occupation: { isco: '5131', noc: '65200' }, names: ['Elena|Ramos', 'Jorge|Luna'] });
    const reported = await api.gql(
      REPORT,
      { i: { placementId: abroad.workers[0].placementId, categories: ['UNPAID_OVERTIME'], indicators: ['EXCESSIVE_OVERTIME'], description: 'Sixty hours a week, paid for forty.' } },
      abroad.workers[0].token,
    );
    expect(reported.errors).toEqual([]);
    caseId = reported.data!.reportCase.id;
    await contingentHome(api, coordinator.token, abroad.contingentId);
    for (const w of [...season.workers, ...abroad.workers]) {
      const r = await evaluate(api, employer.token, w.placementId, 2, false);
      expect(r.errors).toEqual([]);
      evaluationIds.set(w.id, (r.data as { submitEvaluation: { evaluationId: string } }).submitEvaluation.evaluationId);
    }
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('shows the worker each evaluation of them, contestable until the tenth working day; a poor one makes them INELIGIBLE', async () => {
    const [rosa] = season.workers;
    expect(await decided(api, coordinator.token, rosa.id)).toBe('INELIGIBLE');
    const mine = await myEvaluations(rosa.token);
    expect(mine).toEqual([
      {
        id: evaluationIds.get(rosa.id),
        createdAt: expect.any(String),
        placementId: rosa.placementId,
        employerName: employer.legalName,
        overall: 2,
        comments: null,
        contestStatus: null,
        contestStatement: null,
        contestableUntil: closesFor(mine[0]),
        contestable: true,
        contestResolutionReason: null,
        counts: true,
        standing: 'COUNTS',
      },
    ]);
  });

  it('refuses another worker’s evaluation as NOT_FOUND, and contesting or resolving to an employer (FORBIDDEN)', async () => {
    const [rosa, mario] = season.workers;
    const evaluationId = evaluationIds.get(rosa.id)!;
    expect(codesOf(await api.gql(CONTEST, { i: { evaluationId, statement } }, mario.token))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(CONTEST, { i: { evaluationId, statement } }, employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(RESOLVE, { i: { evaluationId, decision: 'OVERTURN', reason: 'The employer says so itself.' } }, employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(RESOLVE, { i: { evaluationId, decision: 'OVERTURN', reason: 'I decide my own contest.' } }, rosa.token))).toEqual(['FORBIDDEN']);
    // Nor does the employer see the worker's view, nor another worker's list hold it.
    expect(codesOf(await api.gql(MY_EVALUATIONS, {}, employer.token))).toEqual(['FORBIDDEN']);
    expect((await myEvaluations(mario.token)).map((e) => e.id)).toEqual([evaluationIds.get(mario.id)]);
    expect((await myEvaluations(rosa.token))[0].contestStatus).toBeNull();
  });

  it('takes the worker’s contest once; a coordinator overturns it and the decision job turns INELIGIBLE into ELIGIBLE', async () => {
    const [rosa] = season.workers;
    const evaluationId = evaluationIds.get(rosa.id)!;
    const contested = await api.gql(CONTEST, { i: { evaluationId, statement } }, rosa.token);
    expect(contested.errors).toEqual([]);
    expect(contested.data!.contestEvaluation).toEqual({ id: evaluationId, contestStatus: 'CONTESTED', contestStatement: statement, counts: true, standing: 'CONTESTED', contestable: false });
    expect(codesOf(await api.gql(CONTEST, { i: { evaluationId, statement } }, rosa.token))).toEqual(['INVALID_TRANSITION']);

    const review = await api.gql<{ evaluationsToReview: { edges: { node: Record<string, unknown> }[] } }>(TO_REVIEW, {}, coordinator.token);
    expect(review.data!.evaluationsToReview.edges.map((e) => e.node)).toContainEqual({ id: evaluationId, applicantId: rosa.id, applicantName: rosa.name, standing: 'CONTESTED', retaliation: null });
    // Still INELIGIBLE while pending: a contest alone changes nothing.
    await until('the decision after the contest', async () => {
      const r = await api.gql(ELIGIBILITY, { id: rosa.id }, coordinator.token);
      return (r.data?.rehireEligibility?.reasons ?? []).some((x: { message: string }) => /contested it/.test(x.message));
    });
    expect((await api.gql(ELIGIBILITY, { id: rosa.id }, coordinator.token)).data!.rehireEligibility.outcome).toBe('INELIGIBLE');

    const reason = 'The doctor’s note covers both days the employer counted as absences.';
    const resolved = await api.gql(RESOLVE, { i: { evaluationId, decision: 'OVERTURN', reason } }, coordinator.token);
    expect(resolved.errors).toEqual([]);
    expect(resolved.data!.resolveEvaluationContest).toEqual({ id: evaluationId, contestStatus: 'OVERTURNED', counts: false, standing: 'OVERTURNED', contestResolutionReason: reason, retaliation: null });
    expect(codesOf(await api.gql(RESOLVE, { i: { evaluationId, decision: 'UPHOLD', reason } }, coordinator.token))).toEqual(['INVALID_TRANSITION']);

    let eligibility: { outcome: string; reasons: { code: string; met: boolean; message: string }[] } | null = null;
    await until('the decision after the overturn', async () => {
      eligibility = (await api.gql(ELIGIBILITY, { id: rosa.id }, coordinator.token)).data?.rehireEligibility ?? null;
      return eligibility?.outcome === 'ELIGIBLE';
    });
    expect(eligibility!.reasons.find((r) => r.code === 'EVALUATION')).toEqual({ code: 'EVALUATION', met: true, message: "The employer's evaluation was overturned on review; it does not count." });
    const after = (await myEvaluations(rosa.token))[0];
    expect(after).toMatchObject({ contestStatus: 'OVERTURNED', contestResolutionReason: reason, counts: false, standing: 'OVERTURNED', contestable: false });
    // Their status page says so too, with the decision.
    const status = await api.gql(`{ myStatus { rehireEligibility { outcome } lastEvaluation { id overall contestStatus counts contestableUntil } } }`, {}, rosa.token);
    expect(status.data!.myStatus).toEqual({
      rehireEligibility: { outcome: 'ELIGIBLE' },
      lastEvaluation: { id: evaluationId, overall: 2, contestStatus: 'OVERTURNED', counts: false, contestableUntil: after.contestableUntil },
    });
    const toReview = await api.gql<{ evaluationsToReview: { edges: { node: { id: string } }[] } }>(TO_REVIEW, {}, coordinator.token);
    expect(toReview.data!.evaluationsToReview.edges.map((e) => e.node.id)).not.toContain(evaluationId);
  });

  it('flags the poor evaluation of a worker who reported a case against the employer: not held against them until a coordinator upholds it', async () => {
    const [elena, jorge] = abroad.workers;
    const elenaEvaluation = evaluationIds.get(elena.id)!;
    expect(await decided(api, coordinator.token, jorge.id)).toBe('INELIGIBLE');
    expect(await decided(api, coordinator.token, elena.id)).toBe('ELIGIBLE');
    const reasons = (await api.gql(ELIGIBILITY, { id: elena.id }, coordinator.token)).data!.rehireEligibility.reasons;
    expect(reasons.find((r: { code: string }) => r.code === 'EVALUATION')).toEqual({ code: 'EVALUATION', met: true, message: expect.stringMatching(/under review/) });

    // The employer sees its own two evaluations alike: nothing tells it which worker reported.
    const mine = (await api.gql(MY_PLACEMENTS, {}, employer.token)).data!.myPlacements.edges.map((e: { node: { placementId: string } }) => e.node);
    for (const w of abroad.workers) {
      expect(mine.find((p: { placementId: string }) => p.placementId === w.placementId)).toEqual({ placementId: w.placementId, evaluationState: 'EVALUATED', evaluation: { overall: 2, wouldRehire: false } });
    }
    // Nor does its rehire pool list the worker it failed as eligible (coordinators' does).
    const POOL = `{ rehirePool(first: 100) { edges { node { applicantId } } } }`;
    const pool = async (token: string) => (await api.gql(POOL, {}, token)).data!.rehirePool.edges.map((e: { node: { applicantId: string } }) => e.node.applicantId);
    expect(await pool(employer.token)).not.toContain(elena.id);
    expect(await pool(coordinator.token)).toContain(elena.id);
    // The coordinators see it flagged, with the case; the worker sees it set aside.
    const review = await api.gql<{ evaluationsToReview: { edges: { node: { id: string; standing: string; retaliation: { caseId: string } | null } }[] } }>(TO_REVIEW, {}, coordinator.token);
    const nodes = review.data!.evaluationsToReview.edges.map((e) => e.node);
    expect(nodes.find((n) => n.id === elenaEvaluation)).toMatchObject({ standing: 'UNDER_REVIEW', retaliation: { caseId } });
    expect(nodes.map((n) => n.id)).not.toContain(evaluationIds.get(jorge.id));
    expect((await myEvaluations(elena.token))[0]).toMatchObject({ id: elenaEvaluation, standing: 'UNDER_REVIEW', counts: false });
    // Per employer: one former worker reported a case, three did not; none named again yet.
    const comparison = await api.gql(COMPARISON, { id: employer.id }, coordinator.token);
    expect(comparison.data!.namedAgainComparison).toEqual([
      { employerId: employer.id, reporters: 1, reportersNamedAgain: 0, reporterRate: 0, others: 3, othersNamedAgain: 0, otherRate: 0 },
    ]);

    const upheld = await api.gql(RESOLVE, { i: { evaluationId: elenaEvaluation, decision: 'UPHOLD', reason: 'The absences are on record from before the case was reported.' } }, coordinator.token);
    expect(upheld.errors).toEqual([]);
    expect(upheld.data!.resolveEvaluationContest).toMatchObject({ standing: 'COUNTS', counts: true, retaliation: { caseId } });
    await until('the decision after the review', async () => (await api.gql(ELIGIBILITY, { id: elena.id }, coordinator.token)).data?.rehireEligibility?.outcome === 'INELIGIBLE');
  });

  it('refuses a contest once the ten working days have passed, saying the day the window closed', async () => {
    const [, mario] = season.workers;
    const closes = closesFor((await myEvaluations(mario.token))[0]);
    // The api runs in this process: its "today" moves with the test clock (midday in El Salvador the day after).
    moveClockTo(`${addDays(closes, 1)}T18:00:00Z`);
    const token = await login(api, mario.nationalId, mario.password);
    expect((await myEvaluations(token))[0]).toMatchObject({ contestable: false, contestStatus: null, contestableUntil: closes });
    const late = await api.gql(CONTEST, { i: { evaluationId: evaluationIds.get(mario.id), statement } }, token);
    expect(codesOf(late)).toEqual(['INVALID_TRANSITION']);
    expect(late.errors[0].message).toContain(`closed on ${closes}`);
  });
});
