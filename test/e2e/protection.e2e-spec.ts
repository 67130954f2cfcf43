import type { INestApplicationContext } from '@nestjs/common';
import { clockShiftedQueues, codesOf, startApi, startWorker, TestApi } from '../support/api';
import { moveClockTo } from '../support/clock';
import { jobOrderInput, login, newConsul, newCoordinator } from '../support/people';
import { until } from '../support/processes';
import { contingentHome, decided, employerWithLogin, evaluate, seasonUnderway } from '../support/season-setup';

const REPORT = `mutation($i: ReportCaseInput!) { reportCase(input: $i) { id status severity nextStepDueAt } }`;
const CASE = `query($id: ID!) { case(id: $id) { id status severity finding overdueSince nextStepDueAt referredTo applicantId reportedBy reporterRole description events { kind toStatus } } }`;
const CASES = `query($f: CaseFilterInput) { cases(first: 100, filter: $f) { edges { node { id } } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateCaseInput!) { updateCase(id: $id, input: $i) { id status overdueSince nextStepDueAt } }`;
const STANDING = `query($id: ID!) { employerStanding(employerId: $id) { level policyVersion reasons { code met level message } ratings { ratedPlacements } } }`;
const ELIGIBILITY = `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome reasons { code met message } } }`;
const MY_EVALUATIONS = `{ myEvaluations { id placementId overall counts standing contestable } }`;
const HOUR = 3_600_000;

interface Standing {
  level: string;
  reasons: { code: string; met: boolean | null; level: string; message: string }[];
  ratings: { ratedPlacements: number } | null;
}

/**
 * Issue 14's journey through the API, one season with a real worker process: a worker abroad reports documents
 * withheld with restricted movement; the case is CRITICAL and its overdue alert fires when nobody touches it (the
 * clock moves past the deadline: the delayed job runs, nothing calls it); the consul of the region follows and
 * refers it; substantiated, it drops the employer's standing with the reason and holds its next order until a
 * coordinator decides; the employer's later poor evaluation of the reporter is flagged and does not make them
 * ineligible; another worker contests a poor evaluation, it is overturned and their rehire decision changes.
 * Throughout: the employer never learns who reported, and one rating is no aggregate.
 */
describe('protection: a case from report to its effects', () => {
  jest.setTimeout(300_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: Awaited<ReturnType<typeof newCoordinator>>;
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let consul: Awaited<ReturnType<typeof newConsul>>;
  let elsewhere: Awaited<ReturnType<typeof newConsul>>;
  let season: Awaited<ReturnType<typeof seasonUnderway>>;
  let caseId: string;

  const ok = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const r = await api.gql<T>(query, variables, token);
    expect(r.errors).toEqual([]);
    return r.data!;
  };
  const standing = async (token: string) => (await ok<{ employerStanding: Standing }>(STANDING, { id: employer.id }, token)).employerStanding;
  /** After the clock moved past the tokens' life, everyone signs in again. */
  const signInAgain = async () => {
    coordinator.token = await login(api, coordinator.email, coordinator.password);
    employer.token = await login(api, employer.email, employer.password);
    consul.token = await login(api, consul.email, consul.password);
    elsewhere.token = await login(api, elsewhere.email, elsewhere.password);
    for (const w of season.workers) w.token = await login(api, w.nationalId, w.password);
  };

  beforeAll(async () => {
    // This suite moves its clock: queues of its own (clockShiftedQueues).
    api = await startApi(clockShiftedQueues('protection'));
    worker = await startWorker(clockShiftedQueues('protection'));
    coordinator = await newCoordinator(api);
    employer = await employerWithLogin(api, coordinator.token);
    consul = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-QC'] });
    elsewhere = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-ON', 'CA-BC'] });
    // Two workers in Québec (the order's default region) of an occupation no other suite uses.
    season = await seasonUnderway(api, coordinator.token, employer.token, { count: 2, occupation: { isco: '9211', noc: '85100' } });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('a worker abroad reports documents withheld with restricted movement: CRITICAL, due within a day', async () => {
    const [reporter] = season.workers;
    const { reportCase } = await ok<{ reportCase: { id: string; status: string; severity: string; nextStepDueAt: string } }>(REPORT, {
      i: {
        placementId: reporter.placementId,
        categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'],
        indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS', 'RESTRICTION_OF_MOVEMENT'],
        description: 'Our passports were taken when we arrived and we are not allowed to leave the farm.',
      },
    }, reporter.token);
    expect(reportCase).toMatchObject({ status: 'REPORTED', severity: 'CRITICAL' });
    expect(Date.parse(reportCase.nextStepDueAt) - Date.now()).toBeLessThanOrEqual(24 * HOUR);
    caseId = reportCase.id;
  });

  it('left untouched past its deadline, the case is flagged overdue by its delayed job', async () => {
    const { case: before } = await ok<{ case: { overdueSince: string | null; nextStepDueAt: string } }>(CASE, { id: caseId }, coordinator.token);
    expect(before.overdueSince).toBeNull();
    // The api and the worker run in this process: their clock moves with the test's, Redis and PostgreSQL keep theirs.
    moveClockTo(Date.parse(before.nextStepDueAt) + HOUR);
    await signInAgain();
    let overdue: { overdueSince: string | null; events: { kind: string }[] } | null = null;
    await until('the overdue alert', async () => {
      overdue = (await ok<{ case: typeof overdue }>(CASE, { id: caseId }, coordinator.token)).case;
      return overdue!.overdueSince !== null;
    }, 60_000);
    expect(overdue!.events.map((e) => e.kind)).toEqual(['REPORTED', 'OVERDUE']);
    const listed = (await ok<{ cases: { edges: { node: { id: string } }[] } }>(CASES, { f: { overdue: true } }, coordinator.token)).cases.edges.map((e) => e.node.id);
    expect(listed).toContain(caseId);
  });

  it('the consul of Québec follows it and refers it; a consul of other provinces cannot see it', async () => {
    expect((await ok<{ cases: { edges: { node: { id: string } }[] } }>(CASES, {}, consul.token)).cases.edges.map((e) => e.node.id)).toContain(caseId);
    expect(codesOf(await api.gql(CASE, { id: caseId }, elsewhere.token))).toEqual(['NOT_FOUND']);
    expect((await ok<{ cases: { edges: { node: { id: string } }[] } }>(CASES, {}, elsewhere.token)).cases.edges.map((e) => e.node.id)).not.toContain(caseId);

    const triaged = (await ok<{ updateCase: { overdueSince: string | null; nextStepDueAt: string } }>(UPDATE, { id: caseId, i: { transition: 'TRIAGE' } }, consul.token)).updateCase;
    // The step was taken: no longer overdue, and the next deadline runs from now.
    expect(triaged.overdueSince).toBeNull();
    expect(Date.parse(triaged.nextStepDueAt)).toBeGreaterThan(Date.now());
    const referred = (await ok<{ updateCase: { status: string } }>(UPDATE, { id: caseId, i: { transition: 'REFER', referredTo: 'CNESST (Québec labour standards)' } }, consul.token)).updateCase;
    expect(referred.status).toBe('REFERRED');
  });

  it('substantiated against the employer: its standing drops with the reason, and the employer still does not learn who reported', async () => {
    const before = await standing(coordinator.token);
    expect(before.level).not.toBe('BLOCKED');
    // The consul refers; the ministry decides.
    expect(codesOf(await api.gql(UPDATE, { id: caseId, i: { transition: 'SUBSTANTIATE', finding: 'EMPLOYER' } }, consul.token))).toEqual(['FORBIDDEN']);
    await ok(UPDATE, { id: caseId, i: { transition: 'SUBSTANTIATE', finding: 'EMPLOYER', note: 'The labour authority confirmed the passports were held.' } }, coordinator.token);

    let after = before;
    await until('the standing recomputed', async () => (after = await standing(coordinator.token)).level === 'BLOCKED');
    expect(after.reasons).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'APPROVAL_HOLD', met: false, level: 'BLOCKED' }),
      expect.objectContaining({ code: 'SUBSTANTIATED_CASES', met: false }),
    ]));
    // The employer sees its own standing and the case's outcome, not the reporter.
    expect((await standing(employer.token)).level).toBe('BLOCKED');
    const { case: seen } = await ok<{ case: Record<string, unknown> }>(CASE, { id: caseId }, employer.token);
    expect(seen).toMatchObject({ status: 'SUBSTANTIATED', finding: 'EMPLOYER', applicantId: null, reportedBy: null, reporterRole: null, description: null });
    expect(JSON.stringify(seen)).not.toContain(season.workers[0].id);
  });

  it("holds the employer's next order from approval until a coordinator decides", async () => {
    const input = jobOrderInput({ iscoCode: '9211', destinationOccupationCode: '85100', positions: 2, languages: [{ code: 'en', level: 'A1' }] });
    const { createJobOrder } = await ok<{ createJobOrder: { id: string } }>(`mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }`, { i: input }, employer.token);
    await ok(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id: createJobOrder.id }, employer.token);
    const ORDER = `query($id: ID!) { jobOrder(id: $id) { status employerStanding { level } } }`;
    expect((await ok<{ jobOrder: { employerStanding: { level: string } } }>(ORDER, { id: createJobOrder.id }, coordinator.token)).jobOrder.employerStanding.level).toBe('BLOCKED');

    const APPROVE = `mutation($id: ID!) { approveJobOrder(id: $id) { status } }`;
    const refused = await api.gql(APPROVE, { id: createJobOrder.id }, coordinator.token);
    expect(codesOf(refused)).toEqual(['INVALID_TRANSITION']);
    expect((await ok<{ jobOrder: { status: string } }>(ORDER, { id: createJobOrder.id }, coordinator.token)).jobOrder.status).toBe('SUBMITTED');

    const CLEAR = `mutation($i: ClearEmployerHoldInput!) { clearEmployerHold(input: $i) { id } }`;
    expect(codesOf(await api.gql(CLEAR, { i: { employerId: employer.id, reason: 'I decide myself.' } }, employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(CLEAR, { i: { employerId: employer.id, reason: 'No.' } }, consul.token))).toEqual(['FORBIDDEN']);
    await ok(CLEAR, { i: { employerId: employer.id, reason: 'Passports returned under the labour authority’s order; monthly inspection visits agreed.' } }, coordinator.token);
    expect((await ok<{ approveJobOrder: { status: string } }>(APPROVE, { id: createJobOrder.id }, coordinator.token)).approveJobOrder.status).toBe('OPEN');
  });

  it("flags the employer's later poor evaluation of the reporter, which does not make them ineligible", async () => {
    await contingentHome(api, coordinator.token, season.contingentId);
    const [reporter] = season.workers;
    expect((await evaluate(api, employer.token, reporter.placementId, 1, false)).errors).toEqual([]);
    expect(await decided(api, coordinator.token, reporter.id)).toBe('ELIGIBLE');
    const { rehireEligibility } = await ok<{ rehireEligibility: { reasons: { code: string; met: boolean; message: string }[] } }>(ELIGIBILITY, { id: reporter.id }, coordinator.token);
    expect(rehireEligibility.reasons.find((r) => r.code === 'EVALUATION')).toMatchObject({ met: true, message: expect.stringMatching(/review/i) });
    const [mine] = (await ok<{ myEvaluations: { placementId: string; counts: boolean }[] }>(MY_EVALUATIONS, {}, reporter.token)).myEvaluations;
    expect(mine).toMatchObject({ placementId: reporter.placementId, counts: false });
  });

  it('another worker contests a poor evaluation; overturned, their rehire decision changes', async () => {
    const [, other] = season.workers;
    expect((await evaluate(api, employer.token, other.placementId, 1, false)).errors).toEqual([]);
    expect(await decided(api, coordinator.token, other.id)).toBe('INELIGIBLE');
    const [evaluation] = (await ok<{ myEvaluations: { id: string; counts: boolean; contestable: boolean }[] }>(MY_EVALUATIONS, {}, other.token)).myEvaluations;
    expect(evaluation).toMatchObject({ counts: true, contestable: true });

    await ok(`mutation($i: ContestEvaluationInput!) { contestEvaluation(input: $i) { id } }`, {
      i: { evaluationId: evaluation.id, statement: 'I missed two days with a doctor’s note; the supervisor knew.' },
    }, other.token);
    await ok(`mutation($i: ResolveEvaluationContestInput!) { resolveEvaluationContest(input: $i) { id } }`, {
      i: { evaluationId: evaluation.id, decision: 'OVERTURN', reason: 'The absences were covered by medical notes on file.' },
    }, coordinator.token);
    await until('the decision re-made', async () => (await ok<{ rehireEligibility: { outcome: string } }>(ELIGIBILITY, { id: other.id }, coordinator.token)).rehireEligibility.outcome === 'ELIGIBLE');
  });

  it('shows no rating aggregate under five rated placements, to anyone', async () => {
    const [reporter] = season.workers;
    await ok(`mutation($i: RateEmployerInput!) { rateEmployer(input: $i) { placementId } }`, {
      i: { placementId: reporter.placementId, wagesAsAgreed: 2, hoursAsAgreed: 2, housing: 1, treatment: 1, safety: 2, wouldGoBack: 1, comments: 'They kept our passports.' },
    }, reporter.token);
    expect((await standing(coordinator.token)).ratings).toBeNull();
    expect((await standing(employer.token)).ratings).toBeNull();
  });
});
