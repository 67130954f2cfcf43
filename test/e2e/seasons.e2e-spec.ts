import type { INestApplicationContext } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { codesOf, startApi, startWorker, TestApi } from '../support/api';
import { approvedJobOrder, futureDate, newCoordinator, newEmployer, verifiedApplicant } from '../support/people';
import { until } from '../support/processes';

const OFFICE_STEPS = ['DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED'];
const RUN = `query($id: ID!) { jobOrder(id: $id) { status latestMatchingRun { id status policyVersion jobOrderIds } } }`;
const CANDIDATES = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 50) { edges { node {
  applicantId rank score status named applicant { reference } breakdown { factor points explanation } } } } } }`;
const EMPLOYER_CANDIDATES = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 50) { edges { node { rank status named applicant { reference } } } } } }`;
const SELECT = `mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`;
const CONTINGENTS = `query($id: ID!) { contingents(filter: { jobOrderId: $id }, first: 5) { edges { node { id } } } }`;
const MEMBERS = `query($id: ID!) { contingent(id: $id) { status members { applicantId placementId } } }`;
const RECORD = (name: string) => `mutation($i: RecordTravelInput!) { ${name}(input: $i) { status } }`;
const EVALUATE = `mutation($p: ID!, $i: EvaluationInputModel!) { submitEvaluation(placementId: $p, input: $i) { evaluationId } }`;
const ELIGIBILITY = `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome } }`;
const NAME = `mutation($i: RequestNamedWorkersInput!) { requestNamedWorkers(input: $i) { matchingRunId } }`;
const MY_STATUS = `query { myStatus { stage jobOrder { reference } contingent { reference } } }`;
const HISTORY = `query($id: ID!) { placementHistory(applicantId: $id) { jobOrderReference status named evaluation { overall } } }`;
const HISTORY_PLACEMENTS = `query($id: ID!) { placementHistory(applicantId: $id) { placementId } }`;
// The seasons run within one day: the program's dates are checked against reality, so each early event says why.
const SAME_DAY = 'Test season: the whole contract is played out in one day.';

interface Candidate {
  applicantId: string;
  rank: number;
  score: number;
  status: string;
  named: boolean;
  applicant: { reference: string };
  breakdown: { factor: string; points: number; explanation: string }[];
}

/**
 * Puente exists to send good workers back season after season. Every step goes through the GraphQL API and a real
 * worker, with one employer and a coordinator.
 */
describe('season after season', () => {
  jest.setTimeout(120_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: string;
  let employer: { id: string; token: string };

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await api.gql(query, variables, token);
    expect(r.errors).toEqual([]);
    return r.data!;
  };

  /** Waits for the order's latest matching run to succeed (the one after `previousRunId`, if given). */
  const matched = async (orderId: string, previousRunId?: string) => {
    let run: { id: string; status: string; policyVersion: string } | null = null;
    await until('the matching run', async () => {
      run = (await ok(RUN, { id: orderId }, coordinator)).jobOrder.latestMatchingRun;
      return run !== null && run.id !== previousRunId && run.status === 'SUCCEEDED';
    });
    return run!;
  };

  const candidates = async (orderId: string): Promise<Candidate[]> =>
    (await ok(CANDIDATES, { id: orderId }, coordinator)).jobOrder.candidates.edges.map((e: { node: Candidate }) => e.node);

  /**
   * Schedules, ticks off every step, confirms and departs; then, unless told to stay abroad, arrives and returns.
   * Gives each traveller's placement.
   */
  const travel = async (orderId: string, travellers: string[], { stayAbroad = false } = {}): Promise<Map<string, string>> => {
    await ok(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId }, coordinator);
    let contingentId = '';
    await until('the seating', async () => {
      const edges = (await ok(CONTINGENTS, { id: orderId }, coordinator)).contingents.edges;
      contingentId = edges[0]?.node.id ?? '';
      return contingentId !== '' && (await ok(MEMBERS, { id: contingentId }, coordinator)).contingent.members.length === travellers.length;
    });
    for (const step of OFFICE_STEPS) {
      for (const applicantId of travellers) await ok(`mutation($i: CompleteStepInput!) { completeStep(input: $i) { status } }`, { i: { contingentId, applicantId, step } }, coordinator);
    }
    await ok(`mutation($id: ID!) { confirmContingent(id: $id) { status } }`, { id: contingentId }, coordinator);
    await ok(RECORD('recordDeparture'), { i: { contingentId, reason: SAME_DAY } }, coordinator);
    if (!stayAbroad) {
      await ok(RECORD('recordArrival'), { i: { contingentId } }, coordinator);
      await ok(RECORD('recordReturn'), { i: { contingentId, reason: SAME_DAY } }, coordinator);
    }
    const { members } = (await ok(MEMBERS, { id: contingentId }, employer.token)).contingent;
    expect(members.map((m: { applicantId: string }) => m.applicantId).sort()).toEqual([...travellers].sort());
    return new Map(members.map((m: { applicantId: string; placementId: string }) => [m.applicantId, m.placementId]));
  };

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    coordinator = (await newCoordinator(api)).token;
    employer = await newEmployer(api, coordinator);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /**
   * Three seasons in a row: a worker evaluated well ranks above an otherwise identical first-timer the next season
   * and is chosen again, one evaluated poorly is not proposed and cannot be named, and in the third season the good
   * worker is asked for by name and travels again.
   */
  describe('three seasons in a row for one employer', () => {
    // Identical profiles in an occupation and municipality no other test uses, so no one else competes.
    const profile = {
      occupations: ['6114'],
      skills: ['IRRIGATION'],
      yearsExperience: 6,
      birthDate: '1990-03-15',
      gender: 'FEMALE',
      municipalityCode: 'SV-CU-NORTE',
      languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'A2' }],
    };
    let good: { id: string; token: string };
    let poor: { id: string; token: string };
    let firstTimer: { id: string; token: string };

    /**
     * An order of this employer for season n, in a region and on a date of its own (contingents group by both); the
     * seasons follow each other, as a worker's contracts do.
     */
    const order = (season: number, positions: number) =>
      approvedJobOrder(api, employer.token, coordinator, {
        title: 'Mixed crop grower',
        iscoCode: '6114',
        destinationOccupationCode: '85101',
        positions,
        requiredSkills: ['IRRIGATION'],
        workRegionCode: 'CA-NB',
        workCity: 'Grand Falls',
        startDate: futureDate(60 + 200 * (season - 1) + randomInt(60)),
        durationWeeks: 16,
      });

    const evaluate = (placementId: string, overall: number, wouldRehire: boolean) =>
      ok(EVALUATE, { p: placementId, i: { punctuality: overall, quality: overall, safety: overall, teamwork: overall, overall, wouldRehire } }, employer.token);

    /** The decision on this season: the applicant leaves RETURNED (AVAILABLE again, or INELIGIBLE). */
    const decided = async (applicantId: string): Promise<string> => {
      let status = 'RETURNED';
      await until('the rehire decision', async () => {
        status = (await ok(`query($id: ID!) { applicant(id: $id) { status } }`, { id: applicantId }, coordinator)).applicant.status;
        return status !== 'RETURNED';
      });
      return (await ok(ELIGIBILITY, { id: applicantId }, coordinator)).rehireEligibility.outcome;
    };

    beforeAll(async () => {
      good = await verifiedApplicant(api, coordinator, profile);
      poor = await verifiedApplicant(api, coordinator, profile);
    });

    it('season 1: both workers go, come back, and are evaluated, one well and one poorly', async () => {
      const orderId = await order(1, 2);
      const run = await matched(orderId);
      expect(run.policyVersion).toBe('2026-12-v2');
      const proposed = await candidates(orderId);
      expect(proposed.filter((c) => [good.id, poor.id].includes(c.applicantId))).toHaveLength(2);
      for (const c of proposed.filter((c) => [good.id, poor.id].includes(c.applicantId))) {
        expect(c.breakdown.find((l) => l.factor === 'evaluations')!.explanation).toBe('first contract: neutral');
        expect(c.breakdown.find((l) => l.factor === 'returningWorker')!.explanation).toBe('has not worked for this employer');
      }
      await ok(SELECT, { i: { jobOrderId: orderId, applicantIds: [good.id, poor.id] } }, coordinator);

      const placements = await travel(orderId, [good.id, poor.id]);
      expect((await ok(`query($id: ID!) { jobOrder(id: $id) { status } }`, { id: orderId }, coordinator)).jobOrder.status).toBe('COMPLETED');
      await evaluate(placements.get(good.id)!, 5, true);
      await evaluate(placements.get(poor.id)!, 2, false);
      expect(await decided(good.id)).toBe('ELIGIBLE');
      expect(await decided(poor.id)).toBe('INELIGIBLE');
    });

    it('season 2: the good worker, not named, ranks above an identical first-timer and is selected again; the poor one is neither proposed nor nameable', async () => {
      firstTimer = await verifiedApplicant(api, coordinator, profile);
      // Three positions, so the shortlist (nine plus a reserve) holds both of them even when the midnight check has
      // left earlier runs' identical first-timers in the database.
      const orderId = await order(2, 3);
      await matched(orderId);
      const proposed = await candidates(orderId);
      const returnee = proposed.find((c) => c.applicantId === good.id)!;
      const stranger = proposed.find((c) => c.applicantId === firstTimer.id)!;
      expect(returnee).toBeDefined();
      expect(stranger).toBeDefined();
      expect(proposed.find((c) => c.applicantId === poor.id)).toBeUndefined();
      expect(returnee.named).toBe(false);
      expect(returnee.rank).toBeLessThan(stranger.rank);
      expect(returnee.score).toBeGreaterThan(stranger.score);
      const line = (c: Candidate, factor: string) => c.breakdown.find((l) => l.factor === factor)!;
      expect(line(returnee, 'evaluations').explanation).toBe('5.0 average over 1 evaluated season; would rehire: 1 of 1');
      expect(line(returnee, 'returningWorker').points).toBe(10);
      expect(line(returnee, 'returningWorker').explanation).toMatch(/^worked for this employer in \d{4} \(would rehire\)$/);
      expect(line(stranger, 'returningWorker').points).toBe(0);
      // Every factor but history is the same for the two.
      for (const factor of ['requiredSkills', 'preferredSkills', 'experience', 'language', 'fairness']) expect(line(returnee, factor).points).toBe(line(stranger, factor).points);

      // The employer sees references only, the returnee first, and picks her.
      const seen = (await ok(EMPLOYER_CANDIDATES, { id: orderId }, employer.token)).jobOrder.candidates.edges.map((e: { node: Candidate }) => e.node);
      expect(seen[0].applicant.reference).toBe(returnee.applicant.reference);
      expect(codesOf(await api.gql(NAME, { i: { jobOrderId: orderId, applicantIds: [poor.id] } }, employer.token))).toEqual(['BAD_USER_INPUT']);
      await ok(SELECT, { i: { jobOrderId: orderId, applicantIds: [returnee.applicant.reference] } }, employer.token);
      const status = (await ok(MY_STATUS, {}, good.token)).myStatus;
      const reference = (await ok(`query($id: ID!) { jobOrder(id: $id) { reference } }`, { id: orderId }, coordinator)).jobOrder.reference;
      expect(status).toMatchObject({ stage: 'SELECTED', jobOrder: { reference }, contingent: null });

      const placements = await travel(orderId, [good.id]);
      await evaluate(placements.get(good.id)!, 4, true);
      expect(await decided(good.id)).toBe('ELIGIBLE');
    });

    it('season 3: the good worker is named, placed first with substitutes kept for the rest, and travels again', async () => {
      // Three positions, as in season 2: the two left to others hold six plus a reserve, so this run's first-timer
      // is proposed even beside the four identical ones the midnight check's earlier passes leave (two positions
      // held four, and a tie among five dropped one, this run's one time in five).
      const orderId = await order(3, 3);
      const first = await matched(orderId);
      const named = (await ok(NAME, { i: { jobOrderId: orderId, applicantIds: [good.id], substituteAcceptable: true } }, employer.token)).requestNamedWorkers;
      const run = await matched(orderId, first.id);
      expect(run.id).toBe(named.matchingRunId);
      const proposed = await candidates(orderId);
      expect(proposed[0]).toMatchObject({ applicantId: good.id, rank: 1, named: true, status: 'SUGGESTED' });
      expect(proposed[0]!.breakdown.find((l) => l.factor === 'evaluations')!.explanation).toBe('4.5 average over 2 evaluated seasons; would rehire: 2 of 2');
      // The other position keeps its shortlist, not wiped by the named request: the first-timer is still proposed
      // (a suggestion, or a reserve when the midnight check's reruns have left identical first-timers around).
      expect(proposed.filter((c) => !c.named).length).toBeGreaterThan(0);
      expect(proposed.find((c) => c.applicantId === firstTimer.id)).toMatchObject({ named: false, status: expect.stringMatching(/^(SUGGESTED|RESERVE)$/) });
      // The employer reads the run its request started, showing only its own order.
      expect((await ok(`query($id: ID!) { matchingRun(id: $id) { id jobOrderIds } }`, { id: run.id }, employer.token)).matchingRun).toEqual({ id: run.id, jobOrderIds: [orderId] });
      const other = await newEmployer(api, coordinator);
      expect(codesOf(await api.gql(`query($id: ID!) { matchingRun(id: $id) { id } }`, { id: run.id }, other.token))).toEqual(['NOT_FOUND']);

      await ok(SELECT, { i: { jobOrderId: orderId, applicantIds: [proposed[0]!.applicant.reference] } }, employer.token);
      await travel(orderId, [good.id]);
      const history = (await ok(HISTORY, { id: good.id }, coordinator)).placementHistory;
      expect(history).toHaveLength(3);
      expect(history.map((h: { status: string }) => h.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
      expect(history.filter((h: { named: boolean }) => h.named)).toHaveLength(1);
    });
  });

  /**
   * The fairness term, between otherwise equal candidates: the one from a municipality sent abroad less often per
   * registrant ranks first, and the explanation says so with the numbers. Municipalities and an occupation no other
   * test uses, so the only deployments from them are this test's own.
   */
  describe('fairness in matching', () => {
    const profile = {
      occupations: ['9214'],
      skills: [],
      yearsExperience: 3,
      birthDate: '1995-07-01',
      gender: 'MALE',
      languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'A1' }],
    };
    const SERVED = 'SV-UN-NORTE';
    const UNSERVED = 'SV-UN-SUR';

    const order = (positions: number) =>
      approvedJobOrder(api, employer.token, coordinator, {
        title: 'Garden labourer',
        iscoCode: '9214',
        destinationOccupationCode: '85103',
        positions,
        workRegionCode: 'CA-NS',
        workCity: 'Truro',
        startDate: futureDate(60 + randomInt(600)),
        durationWeeks: 12,
      });
    const proposals = async (orderId: string): Promise<Candidate[]> => {
      await matched(orderId);
      return candidates(orderId);
    };

    it('ranks the candidate from the municipality with fewer deployments per registrant first, and says why', async () => {
      // Two workers of one municipality go abroad.
      const went = [await verifiedApplicant(api, coordinator, { ...profile, municipalityCode: SERVED }), await verifiedApplicant(api, coordinator, { ...profile, municipalityCode: SERVED })];
      const first = await order(2);
      await matched(first);
      await ok(SELECT, { i: { jobOrderId: first, applicantIds: went.map((w) => w.id) } }, coordinator);
      await travel(first, went.map((w) => w.id), { stayAbroad: true });

      // Then two otherwise identical candidates: one more from that municipality, one from a municipality nobody left.
      const served = await verifiedApplicant(api, coordinator, { ...profile, municipalityCode: SERVED });
      const unserved = await verifiedApplicant(api, coordinator, { ...profile, municipalityCode: UNSERVED });
      const proposed = await proposals(await order(1));
      const a = proposed.find((c) => c.applicantId === unserved.id)!;
      const b = proposed.find((c) => c.applicantId === served.id)!;
      expect(a.rank).toBeLessThan(b.rank);
      const fairness = (c: Candidate) => c.breakdown.find((l) => l.factor === 'fairness')!;
      expect(fairness(a).points).toBeGreaterThan(fairness(b).points);
      for (const factor of ['requiredSkills', 'preferredSkills', 'experience', 'evaluations', 'returningWorker', 'language']) {
        expect(a.breakdown.find((l) => l.factor === factor)!.points).toBe(b.breakdown.find((l) => l.factor === factor)!.points);
      }
      expect(fairness(a).explanation).toMatch(/^La Unión Sur: 0\.0 deployments per 1,000 registrants against \d+\.\d overall \(under-represented by 100%\); men: /);
      expect(fairness(b).explanation).toMatch(/^La Unión Norte: 666\.7 deployments per 1,000 registrants/);
    });
  });

  /**
   * Second passes an office meets: a selection that never travelled when its order completes, a worker home early
   * before the others, and a named worker who cannot travel when the employer accepted no substitute. Hand packers
   * (an occupation no other test uses), so the shortlists hold only this story's people.
   */
  describe('records corrected after the fact', () => {
    const profile = { occupations: ['9321'], skills: [], yearsExperience: 2, languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'A1' }] };
    const WITHDRAW = `mutation($i: WithdrawTravellerInput!) { withdrawTraveller(input: $i) { replacementApplicantId } }`;
    const status = async (id: string) => (await ok(`query($id: ID!) { applicant(id: $id) { status } }`, { id }, coordinator)).applicant.status as string;
    const orderStatus = async (id: string) => (await ok(`query($id: ID!) { jobOrder(id: $id) { status } }`, { id }, coordinator)).jobOrder.status as string;
    const order = (positions: number, season: number) =>
      approvedJobOrder(api, employer.token, coordinator, {
        title: 'Hand packer',
        iscoCode: '9321',
        destinationOccupationCode: '95106',
        positions,
        workRegionCode: 'CA-MB',
        workCity: 'Winkler',
        startDate: futureDate(60 + 250 * (season - 1) + randomInt(60)),
        durationWeeks: 10,
      });
    let returnee: { id: string; token: string };
    let early: { id: string; token: string; placementId: string };

    it('lets a contingent come home after one worker came home early, and frees a worker selected but never seated', async () => {
      // Her passport lasts this season, not a year more: her rehire decision will say it needs renewing.
      returnee = await verifiedApplicant(api, coordinator, { ...profile, passportExpiry: futureDate(320) });
      early = { ...(await verifiedApplicant(api, coordinator, profile)), placementId: '' };
      const missed = await verifiedApplicant(api, coordinator, profile);
      const spare = await verifiedApplicant(api, coordinator, profile);
      const orderId = await order(3, 1);
      await matched(orderId);
      // Everyone else proposed is rejected (the spare, and anyone an earlier run of this suite left in the database),
      // so when a worker is taken off there is no reserve and the order reopens.
      await ok(SELECT, { i: { jobOrderId: orderId, applicantIds: [returnee.id, early.id, missed.id] } }, coordinator);
      for (const other of (await candidates(orderId)).filter((c) => c.status === 'SUGGESTED' || c.status === 'RESERVE')) {
        await ok(`mutation($i: RejectCandidateInput!) { rejectCandidate(input: $i) { status } }`, { i: { jobOrderId: orderId, applicantId: other.applicantId, reason: 'Chose the ones with packing-line experience.' } }, coordinator);
      }
      await ok(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId }, coordinator);
      await until('the seating', async () => (await status(missed.id)) === 'PRE_DEPARTURE');
      const off = await ok(WITHDRAW, { i: { applicantId: missed.id, reason: 'MISSED_BLOCKING_STEP', note: 'Did not come to the medical exam.' } }, coordinator);
      expect(off.withdrawTraveller.replacementApplicantId).toBeNull();
      expect(await orderStatus(orderId)).toBe('OPEN');
      // Someone no run proposed, selected at the desk, and not seated before the others leave.
      const late = await verifiedApplicant(api, coordinator, profile);
      await ok(SELECT, { i: { jobOrderId: orderId, applicantIds: [late.id] } }, coordinator);

      const contingentId = (await ok(CONTINGENTS, { id: orderId }, coordinator)).contingents.edges[0].node.id;
      for (const step of OFFICE_STEPS) await ok(`mutation($i: CompleteStepsInput!) { completeSteps(input: $i) { completed } }`, { i: { contingentId, step } }, coordinator);
      await ok(`mutation($id: ID!) { confirmContingent(id: $id) { status } }`, { id: contingentId }, coordinator);
      await ok(RECORD('recordDeparture'), { i: { contingentId, reason: SAME_DAY } }, coordinator);
      await ok(RECORD('recordArrival'), { i: { contingentId } }, coordinator);
      expect(await orderStatus(orderId)).toBe('IN_PROGRESS');

      // One worker's placement ends early and she comes home on her own; the others come home later.
      const members = (await ok(MEMBERS, { id: contingentId }, coordinator)).contingent.members;
      const placementOf = (id: string) => members.find((m: { applicantId: string }) => m.applicantId === id).placementId;
      early.placementId = placementOf(early.id);
      await ok(`mutation($i: EndPlacementInput!) { endPlacement(input: $i) { status } }`, { i: { placementId: placementOf(early.id), outcome: 'TERMINATED_EARLY', fault: 'NONE', endedOn: futureDate(0), reason: 'The packing line closed for repairs.' } }, coordinator);
      await ok(`mutation($id: ID!, $on: LocalDate!) { recordWorkerReturn(placementId: $id, returnedOn: $on) { status } }`, { id: placementOf(early.id), on: futureDate(0) }, coordinator);
      expect(await status(early.id)).toBe('RETURNED');
      await ok(RECORD('recordReturn'), { i: { contingentId, reason: SAME_DAY } }, coordinator);
      expect(await status(returnee.id)).toBe('RETURNED');
      expect(await status(early.id)).toBe('RETURNED');

      // The order is complete; the worker selected late never went and is free for the next season, and told so.
      expect(await orderStatus(orderId)).toBe('COMPLETED');
      expect(await status(late.id)).toBe('AVAILABLE');
      expect((await ok(MY_STATUS, {}, late.token)).myStatus).toMatchObject({ stage: 'AVAILABLE', jobOrder: null, contingent: null });
      const shortlist = await candidates(orderId);
      expect(shortlist.find((c) => c.applicantId === late.id)!.status).toBe('RELEASED');
      expect(shortlist.find((c) => c.applicantId === spare.id)?.status ?? 'REJECTED').toBe('REJECTED');
    });

    it('keeps no position for a named worker who cannot travel when no substitute was accepted, and matches the order again', async () => {
      await ok(EVALUATE, { p: (await ok(HISTORY_PLACEMENTS, { id: returnee.id }, coordinator)).placementHistory[0].placementId, i: { punctuality: 5, quality: 5, safety: 5, teamwork: 5, overall: 5, wouldRehire: true } }, employer.token);
      await until('the returnee free again', async () => (await status(returnee.id)) === 'AVAILABLE');
      const RENEWAL = `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome needsPassportRenewal } }`;
      expect((await ok(RENEWAL, { id: returnee.id }, coordinator)).rehireEligibility).toEqual({ outcome: 'ELIGIBLE', needsPassportRenewal: true });
      // The coordinator records the renewed passport; the decision is taken again and no longer flags it.
      await ok(`mutation($i: UpdateApplicantInput!) { updateApplicant(input: $i) { status } }`, { i: { id: returnee.id, passportExpiry: futureDate(3000) } }, coordinator);
      await until('the decision taken again', async () => (await ok(RENEWAL, { id: returnee.id }, coordinator)).rehireEligibility.needsPassportRenewal === false);
      const orderId = await order(1, 2);
      const approval = await matched(orderId);
      const named = (await ok(NAME, { i: { jobOrderId: orderId, applicantIds: [returnee.id], substituteAcceptable: false } }, employer.token)).requestNamedWorkers;
      await matched(orderId, approval.id);
      const [top] = await candidates(orderId);
      expect(top).toMatchObject({ applicantId: returnee.id, named: true });
      await ok(SELECT, { i: { jobOrderId: orderId, applicantIds: [top!.applicant.reference] } }, employer.token);
      await ok(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId }, coordinator);
      await until('the seating', async () => (await status(returnee.id)) === 'PRE_DEPARTURE');
      const off = await ok(WITHDRAW, { i: { applicantId: returnee.id, reason: 'MISSED_BLOCKING_STEP', note: 'Passport held at the embassy past the date.' } }, coordinator);
      expect(off.withdrawTraveller.replacementApplicantId).toBeNull();
      expect(await orderStatus(orderId)).toBe('OPEN');

      // Matched again: the spent request holds no position, and the rejected worker is not proposed again.
      const rerun = (await ok(`mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`, { ids: [orderId] }, coordinator)).runMatching;
      expect((await matched(orderId, named.matchingRunId)).id).toBe(rerun.id);
      const after = await candidates(orderId);
      expect(after.filter((c) => c.status === 'SUGGESTED').length).toBeGreaterThan(0);
      expect(after.find((c) => c.applicantId === returnee.id)).toMatchObject({ status: 'REJECTED', named: true });
      // Naming her again on this order is refused, saying why.
      const again = await api.gql(NAME, { i: { jobOrderId: orderId, applicantIds: [returnee.id] } }, employer.token);
      expect(codesOf(again)).toEqual(['BAD_USER_INPUT']);
      expect(again.errors[0]!.message).toMatch(/was rejected for or taken off this order/);

      // A named worker the employer then rejects is not proposed again, and matching the order still succeeds.
      await ok(EVALUATE, { p: early.placementId, i: { punctuality: 4, quality: 4, safety: 4, teamwork: 4, overall: 4, wouldRehire: true } }, employer.token);
      await until('the early worker eligible', async () => (await ok(ELIGIBILITY, { id: early.id }, coordinator)).rehireEligibility?.outcome === 'ELIGIBLE');
      const byName = (await ok(NAME, { i: { jobOrderId: orderId, applicantIds: [early.id], substituteAcceptable: true } }, employer.token)).requestNamedWorkers;
      await matched(orderId, rerun.id);
      const proposed = (await candidates(orderId)).find((c) => c.applicantId === early.id)!;
      expect(proposed).toMatchObject({ named: true, rank: 1 });
      await ok(`mutation($i: RejectCandidateInput!) { rejectCandidate(input: $i) { status } }`, { i: { jobOrderId: orderId, applicantId: proposed.applicant.reference, reason: 'Prefers not to travel this year.' } }, employer.token);
      const last = (await ok(`mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`, { ids: [orderId] }, coordinator)).runMatching;
      expect((await matched(orderId, byName.matchingRunId)).id).toBe(last.id);
      expect((await candidates(orderId)).find((c) => c.applicantId === early.id)).toMatchObject({ status: 'REJECTED' });
    });
  });
});
