import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { codesOf, startApi, startWorker, TestApi } from '../support/api';
import { newCoordinator, newEmployer, newJobOrder } from '../support/people';
import { until } from '../support/processes';
import { seasonPlayedOut } from '../support/season-setup';

const RATE = `mutation($i: RateEmployerInput!) { rateEmployer(input: $i) { ratingId placementId } }`;
const STANDING = `query($id: ID!) { employerStanding(employerId: $id) { employerId level policyVersion computedAt
  reasons { code met level message } ratings { ratedPlacements averages { wagesAsAgreed hoursAsAgreed housing treatment safety wouldGoBack } } } }`;
const TO_RATE = `{ myPlacementsToRate { placementId employerName ratingState ratedAt } }`;
const RATINGS = `query($id: ID!) { employerRatings(employerId: $id, first: 50) { edges { node { placementId housing comments } } } }`;
const ORDER_STANDING = `query($id: ID!) { jobOrder(id: $id) { status employerStanding { level reasons { code met message } } } }`;
const HOLD = `query($id: ID!) { employer(id: $id) { approvalHold { since reason caseId } } }`;
const CLEAR = `mutation($i: ClearEmployerHoldInput!) { clearEmployerHold(input: $i) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveJobOrder(id: $id) { id status } }`;
const REPORT = `mutation($i: ReportCaseInput!) { reportCase(input: $i) { id severity status } }`;
const UPDATE_CASE = `mutation($id: ID!, $i: UpdateCaseInput!) { updateCase(id: $id, input: $i) { id status } }`;

type Standing = {
  employerId: string;
  level: string;
  reasons: { code: string; met: boolean | null; level: string; message: string }[];
  ratings: { ratedPlacements: number; averages: Record<string, number> } | null;
};

/**
 * Workers rate an employer after their season and the employer's standing follows, through the API and a real
 * worker: aggregates only from five rated placements, never a rating or a rater for the employer, and a critical
 * case substantiated against the employer holds its next order's approval until a coordinator clears the hold.
 */
describe('ratings and employer standing', () => {
  jest.setTimeout(180_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: string;
  let employer: { id: string; token: string };
  let other: { id: string; token: string };
  let season: Awaited<ReturnType<typeof seasonPlayedOut>>;

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await api.gql(query, variables, token);
    expect(r.errors).toEqual([]);
    return r.data!;
  };
  const standingOf = async (token: string): Promise<Standing> => (await ok(STANDING, { id: employer.id }, token)).employerStanding;
  const scores = (n: number) => ({ wagesAsAgreed: n, hoursAsAgreed: n, housing: n, treatment: n, safety: n, wouldGoBack: n });

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    coordinator = (await newCoordinator(api)).token;
    employer = await newEmployer(api, coordinator);
    other = await newEmployer(api, coordinator);
    // Cooks: an occupation no other suite uses, so nobody else's workers join this season.
    season = await seasonPlayedOut(api, coordinator, employer.token, { count: 5, occupation: { isco: '5120', noc: '63200' } });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('decides the standing when the contingent comes home, before anyone asks for it', async () => {
    // The return queued standing.recompute-employer in its unit of work; the worker decided it (nobody has read it yet).
    const db = api.app.get(DataSource);
    await until('the standing decided after the return', async () => (await db.query(`SELECT 1 FROM employer_standing WHERE employer_id = $1 AND current`, [employer.id])).length === 1);
    const s = await standingOf(coordinator);
    expect(s.level).toBe('GOOD');
    expect(s.reasons.find((r) => r.code === 'EARLY_TERMINATIONS')!.message).toBe("0 of 5 ended placements (0%) were ended early by the employer's fault (up to 10% is expected).");
  });

  it('shows the rating aggregate only once five placements are rated, and never a rating or a rater to the employer', async () => {
    const [first, ...rest] = season.workers;
    const comment = 'The employer kept our passports in the office.';
    // The worker finds the placement to rate among their own, and no one else's.
    const mine = (await ok(TO_RATE, {}, first!.token)).myPlacementsToRate;
    expect(mine).toEqual([{ placementId: first!.placementId, employerName: expect.any(String), ratingState: 'OPEN', ratedAt: null }]);
    await ok(RATE, { i: { placementId: first!.placementId, ...scores(2), comments: comment } }, first!.token);
    expect((await ok(TO_RATE, {}, first!.token)).myPlacementsToRate[0].ratingState).toBe('RATED');
    for (const [i, w] of rest.slice(0, 3).entries()) await ok(RATE, { i: { placementId: w.placementId, ...scores(3 + i) } }, w.token);
    // Four ratings (2, 3, 4, 5), each recomputed by the worker: no aggregate yet, and the reason says why.
    await until('the standing after four ratings', async () => {
      const s = await standingOf(coordinator);
      return s.reasons.some((r) => r.code === 'RATINGS' && r.met === null) && s.ratings === null;
    });
    expect((await standingOf(employer.token)).ratings).toBeNull();

    const fifth = rest[3]!;
    await ok(RATE, { i: { placementId: fifth.placementId, ...scores(5) } }, fifth.token);
    await until('the aggregate of five', async () => (await standingOf(employer.token)).ratings !== null);
    const seen = await standingOf(employer.token);
    expect(seen.ratings).toEqual({ ratedPlacements: 5, averages: { wagesAsAgreed: 3.8, hoursAsAgreed: 3.8, housing: 3.8, treatment: 3.8, safety: 3.8, wouldGoBack: 3.8 } });
    expect(seen.employerId).toBe(employer.id);
    const text = JSON.stringify(seen);
    expect(text).not.toContain(comment);
    for (const w of season.workers) {
      expect(text).not.toContain(w.id);
      expect(text).not.toContain(w.placementId);
    }
    // Single ratings and their comments are the ministry's alone.
    expect(codesOf(await api.gql(RATINGS, { id: employer.id }, employer.token))).toEqual(['FORBIDDEN']);
    const staff = (await ok(RATINGS, { id: employer.id }, coordinator)).employerRatings.edges.map((e: { node: { comments: string | null } }) => e.node.comments);
    expect(staff).toHaveLength(5);
    expect(staff).toContain(comment);
  });

  it('rates a placement once, only the worker’s own, and lets no other employer read the standing', async () => {
    const [a, b] = season.workers;
    expect(codesOf(await api.gql(RATE, { i: { placementId: a!.placementId, ...scores(5) } }, a!.token))).toEqual(['CONFLICT']);
    expect(codesOf(await api.gql(RATE, { i: { placementId: b!.placementId, ...scores(1) } }, a!.token))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(RATE, { i: { placementId: a!.placementId, ...scores(1) } }, employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(STANDING, { id: employer.id }, other.token))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(STANDING, { id: employer.id }, a!.token))).toEqual(['FORBIDDEN']);
  });

  it('holds approval of the next order after a critical case is substantiated against the employer, until a coordinator clears it', async () => {
    const reporter = season.workers[0]!;
    const reported = (
      await ok(
        REPORT,
        {
          i: {
            placementId: reporter.placementId,
            categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'],
            indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS', 'RESTRICTION_OF_MOVEMENT'],
            description: 'The employer kept our passports and would not let us leave the farm.',
            discloseReporter: false,
          },
        },
        reporter.token,
      )
    ).reportCase;
    expect(reported.severity).toBe('CRITICAL');
    for (const transition of ['TRIAGE', 'INVESTIGATE']) await ok(UPDATE_CASE, { id: reported.id, i: { transition } }, coordinator);
    await ok(UPDATE_CASE, { id: reported.id, i: { transition: 'SUBSTANTIATE', finding: 'EMPLOYER', note: 'Confirmed by the labour inspector.' } }, coordinator);

    // The hold is placed with the decision; the standing follows through the worker.
    const hold = (await ok(HOLD, { id: employer.id }, coordinator)).employer.approvalHold;
    expect(hold).toMatchObject({ caseId: reported.id });
    // The employer and the coordinators are told, in the decision's unit of work.
    const told = await api.app.get(DataSource).query(`SELECT audience FROM notification WHERE kind = 'APPROVAL_HOLD_PLACED' AND employer_id = $1`, [employer.id]);
    expect(told).toEqual([{ audience: 'EMPLOYER' }]);
    expect(codesOf(await api.gql(HOLD, { id: employer.id }, employer.token))).toEqual(['FORBIDDEN']);
    const orderId = await newJobOrder(api, employer.token);
    await ok(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id: orderId }, employer.token);
    await until('the standing BLOCKED', async () => (await standingOf(coordinator)).level === 'BLOCKED');
    const atApproval = (await ok(ORDER_STANDING, { id: orderId }, coordinator)).jobOrder.employerStanding;
    expect(atApproval.level).toBe('BLOCKED');
    expect(atApproval.reasons.find((r: { code: string }) => r.code === 'APPROVAL_HOLD')).toMatchObject({ met: false });
    expect(atApproval.reasons.find((r: { code: string }) => r.code === 'SUBSTANTIATED_CASES').message).toBe('1 case(s) against the employer substantiated, 1 of them critical.');
    // The employer sees the same for its own order, and the reason in its own words; another employer cannot reach the order.
    expect((await ok(ORDER_STANDING, { id: orderId }, employer.token)).jobOrder.employerStanding.level).toBe('BLOCKED');
    expect(codesOf(await api.gql(ORDER_STANDING, { id: orderId }, other.token))).toEqual(['NOT_FOUND']);

    const refused = await api.gql(APPROVE, { id: orderId }, coordinator);
    expect(codesOf(refused)).toEqual(['INVALID_TRANSITION']);
    expect(refused.errors[0]!.message).toMatch(/on hold .*clearEmployerHold.*suspendEmployer/);

    expect(codesOf(await api.gql(CLEAR, { i: { employerId: employer.id, reason: 'Passports returned and verified.' } }, employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(CLEAR, { i: { employerId: employer.id, reason: 'ok' } }, coordinator))).toEqual(['BAD_USER_INPUT']);
    await ok(CLEAR, { i: { employerId: employer.id, reason: 'Passports returned and verified by the consulate.' } }, coordinator);
    expect((await ok(HOLD, { id: employer.id }, coordinator)).employer.approvalHold).toBeNull();
    expect(codesOf(await api.gql(CLEAR, { i: { employerId: employer.id, reason: 'Passports returned and verified by the consulate.' } }, coordinator))).toEqual(['INVALID_TRANSITION']);
    expect((await ok(APPROVE, { id: orderId }, coordinator)).approveJobOrder.status).toBe('OPEN');
    // No longer blocked, still at risk: the substantiated case stays in the standing.
    await until('the standing after the hold', async () => (await standingOf(coordinator)).level === 'AT_RISK');
  });
});
