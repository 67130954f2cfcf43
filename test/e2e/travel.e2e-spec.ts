import type { INestApplicationContext } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { codesOf, startApi, startWorker, TestApi, wsRequest } from '../support/api';
import { clockOffsetMs } from '../support/clock';
import { approvedJobOrder, futureDate, newCoordinator, newEmployer, unusedStartDate, verifiedApplicant } from '../support/people';

const STATUS_FIELDS = `stage nextSteps { step dueDate status } jobOrder { reference employerName startDate } contingent { reference departureDate status } updatedAt`;
const MY_STATUS = `query { myStatus { ${STATUS_FIELDS} } }`;
const WATCH = `subscription Watch { myStatusChanged { ${STATUS_FIELDS} } }`;
const CANDIDATES = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 50) { edges { node { applicantId applicant { reference } } } } } }`;
const CONTINGENT = `query($id: ID!) { contingent(id: $id) { id reference status departureDate seated departedOn arrivedOn returnedOn
  members { applicantId name status placementId placementStatus steps { kind status } } steps { step dueDate done open } } }`;
const COMPLETE = `mutation($i: CompleteStepInput!) { completeStep(input: $i) { kind status } }`;
const OFFICE_STEPS = ['DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED'];

interface Status {
  stage: string;
  nextSteps: { step: string; dueDate: string; status: string }[];
  jobOrder: { reference: string } | null;
  contingent: { reference: string; status: string } | null;
  updatedAt: string;
}

/** An applicant's live status feed: every event with the time it arrived. */
class Feed {
  readonly events: { at: number; status: Status }[] = [];
  readonly errors: unknown[] = [];
  private seen = 0;

  constructor(client: Client) {
    client.subscribe<{ myStatusChanged: Status }>(
      { query: WATCH },
      { next: (v) => (v.data ? this.events.push({ at: Date.now(), status: v.data.myStatusChanged }) : this.errors.push(v.errors)), error: (e) => this.errors.push(e), complete: () => undefined },
    );
  }

  /** The next event, waiting at most `ms`; fails the test if none comes. Returns it and how long after `since` it came. */
  async next(since: number, ms = 1000): Promise<{ status: Status; delay: number }> {
    const deadline = Date.now() + ms + 2000;
    while (this.events.length <= this.seen && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const event = this.events[this.seen++];
    if (!event) throw new Error(`no status event within ${ms} ms`);
    return { status: event.status, delay: event.at - since };
  }

  /** Skips what is already there (a change that sent more than one event). */
  drain(): void {
    this.seen = this.events.length;
  }
}

/**
 * The whole journey through the API, as the people do it: the employer selects from the shortlist, the
 * coordinator schedules (a real worker seats them), ticks off each step, confirms, records departure, arrival
 * and return; meanwhile an applicant's WebSocket hears each change of its own status within a second, and
 * another applicant's hears nothing.
 */
describe('travel: from selection to return, followed live', () => {
  jest.setTimeout(60_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: string;
  let employer: { id: string; token: string };
  let orderId: string;
  let traveller: { id: string; token: string };
  let companion: { id: string; token: string };
  let bystander: { id: string; token: string };
  let mine: Feed;
  let theirs: Feed;
  let contingentId: string;

  const gqlOk = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await api.gql(query, variables, token);
    expect(r.errors).toEqual([]);
    return r.data!;
  };

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    coordinator = (await newCoordinator(api)).token;
    employer = await newEmployer(api, coordinator);
    const dairy = { occupations: ['6121'], skills: ['MILKING_MACHINE'], yearsExperience: 4, languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'B2' }] };
    traveller = await verifiedApplicant(api, coordinator, dairy);
    companion = await verifiedApplicant(api, coordinator, dairy);
    bystander = await verifiedApplicant(api, coordinator, { occupations: ['7115'], skills: [], yearsExperience: 1 });
    mine = new Feed(api.ws(traveller.token));
    theirs = new Feed(api.ws(bystander.token));
    orderId = await approvedJobOrder(api, employer.token, coordinator, {
      title: 'Dairy worker',
      iscoCode: '6121',
      destinationOccupationCode: '84120',
      positions: 2,
      requiredSkills: ['MILKING_MACHINE'],
      languages: [{ code: 'fr', level: 'B1' }],
      // A region no other test travels to, and a random date: nobody else's workers join this contingent.
      workRegionCode: 'CA-PE',
      workCity: 'Charlottetown',
      startDate: await unusedStartDate(api, coordinator, 'CA-PE', 60, 300),
      durationWeeks: 20,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('refuses the subscription to staff and to an unauthenticated socket', async () => {
    expect(codesOf(await wsRequest(api.ws(coordinator), WATCH))).toEqual(['FORBIDDEN']);
    expect(codesOf(await wsRequest(api.ws(), WATCH))).toEqual(['CONNECTION_CLOSED']);
    expect(codesOf(await api.gql(MY_STATUS, {}, employer.token))).toEqual(['FORBIDDEN']);
  });

  it('shows a verified applicant their stage, and nothing of an order yet', async () => {
    const { myStatus } = await gqlOk(MY_STATUS, {}, traveller.token);
    expect(myStatus).toMatchObject({ stage: 'AVAILABLE', nextSteps: [], jobOrder: null, contingent: null });
  });

  it('tells the applicant live when the employer selects them from the shortlist', async () => {
    // The matching run the approval queued, done by the worker; the coordinator knows who is who, the employer only references.
    let references = new Map<string, string>();
    for (let i = 0; i < 100 && references.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const edges = (await gqlOk(CANDIDATES, { id: orderId }, coordinator)).jobOrder.candidates.edges;
      references = new Map(edges.filter((e: { node: { applicantId: string } }) => [traveller.id, companion.id].includes(e.node.applicantId)).map((e: { node: { applicantId: string; applicant: { reference: string } } }) => [e.node.applicantId, e.node.applicant.reference]));
    }
    expect(references.size).toBe(2);
    const before = Date.now();
    await gqlOk(`mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`, { i: { jobOrderId: orderId, applicantIds: [...references.values()] } }, employer.token);
    const selected = await mine.next(before);
    expect(selected.delay).toBeLessThan(1000);
    expect(selected.status).toMatchObject({ stage: 'SELECTED', jobOrder: { employerName: expect.stringMatching(/^Ferme Test/) }, contingent: null });
  });

  it('seats them through the worker and shows the timeline, live', async () => {
    await gqlOk(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId }, coordinator);
    const seated = await mine.next(Date.now(), 5000);
    // The seating commits in the worker; the event follows the commit (the applicant row's update time) within a second.
    // PostgreSQL stamps in real time: take off how far the midnight check moved the test clock.
    expect(Date.now() - clockOffsetMs() - Date.parse(seated.status.updatedAt)).toBeLessThan(1000 + 50);
    expect(seated.status).toMatchObject({ stage: 'PRE_DEPARTURE', contingent: { status: 'PLANNED', reference: expect.stringMatching(/^CT-CA-PE-/) } });
    expect(seated.status.nextSteps.map((s) => s.step)).toEqual([...OFFICE_STEPS, 'DEPARTURE', 'ARRIVAL']);
    const [{ node: k }] = (await gqlOk(`query($id: ID!) { contingents(filter: { jobOrderId: $id }, first: 5) { edges { node { id } } } }`, { id: orderId }, coordinator)).contingents.edges;
    contingentId = k.id;
  });

  it('lets the employer see its travellers, and nobody else see the contingent', async () => {
    const { contingent } = await gqlOk(CONTINGENT, { id: contingentId }, employer.token);
    expect(contingent.members.map((m: { applicantId: string }) => m.applicantId).sort()).toEqual([traveller.id, companion.id].sort());
    expect(contingent.steps.map((s: { step: string; open: number }) => [s.step, s.open])).toEqual([...OFFICE_STEPS, 'DEPARTURE', 'ARRIVAL'].map((s) => [s, 2]));
    const other = await newEmployer(api, coordinator);
    expect(codesOf(await api.gql(CONTINGENT, { id: contingentId }, other.token))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(CONTINGENT, { id: contingentId }, traveller.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(`mutation($id: ID!) { confirmContingent(id: $id) { status } }`, { id: contingentId }, employer.token))).toEqual(['FORBIDDEN']);
  });

  it('refuses to confirm while blocking steps are open, naming them', async () => {
    const r = await api.gql(`mutation($id: ID!) { confirmContingent(id: $id) { status } }`, { id: contingentId }, coordinator);
    expect(codesOf(r)).toEqual(['INVALID_TRANSITION']);
    expect(r.errors[0]!.message).toMatch(/2 traveller\(s\) .* blocking steps not done: .*documents checked/);
  });

  it('ticks off every step, and the applicant sees each one go, within a second', async () => {
    for (const [i, step] of OFFICE_STEPS.entries()) {
      const before = Date.now();
      const done = await gqlOk(COMPLETE, { i: { contingentId, applicantId: traveller.id, step } }, coordinator);
      expect(done.completeStep).toEqual({ kind: step, status: 'DONE' });
      const event = await mine.next(before);
      expect(event.delay).toBeLessThan(1000);
      expect(event.status.nextSteps.map((s) => s.step)).toEqual([...OFFICE_STEPS.slice(i + 1), 'DEPARTURE', 'ARRIVAL']);
      await gqlOk(COMPLETE, { i: { contingentId, applicantId: companion.id, step } }, coordinator);
    }
    expect(codesOf(await api.gql(COMPLETE, { i: { contingentId, applicantId: traveller.id, step: 'DOCUMENTS_CHECKED' } }, coordinator))).toEqual(['INVALID_TRANSITION']);
    expect(codesOf(await api.gql(COMPLETE, { i: { contingentId, applicantId: traveller.id, step: 'DEPARTURE' } }, coordinator))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(COMPLETE, { i: { contingentId, applicantId: bystander.id, step: 'MEDICAL_EXAM' } }, coordinator))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(COMPLETE, { i: { contingentId, applicantId: traveller.id, step: 'MEDICAL_EXAM' } }, employer.token))).toEqual(['FORBIDDEN']);
  });

  it('confirms, departs, arrives and returns; placements begin at departure and end at return', async () => {
    const travel = async (mutation: string, field: string, input: Record<string, unknown>) => {
      const before = Date.now();
      const data = await gqlOk(mutation, input, coordinator);
      const event = await mine.next(before);
      expect(event.delay).toBeLessThan(1000);
      return { contingent: data[field], status: event.status };
    };
    const confirmed = await travel(`mutation($id: ID!) { confirmContingent(id: $id) { status } }`, 'confirmContingent', { id: contingentId });
    expect(confirmed.contingent.status).toBe('CONFIRMED');
    expect(confirmed.status.contingent!.status).toBe('CONFIRMED');

    const RECORD = (name: string) => `mutation($i: RecordTravelInput!) { ${name}(input: $i) { status departedOn arrivedOn returnedOn seated } }`;
    expect(codesOf(await api.gql(RECORD('recordDeparture'), { i: { contingentId, on: futureDate(1) } }, coordinator))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(RECORD('recordArrival'), { i: { contingentId } }, coordinator))).toEqual(['INVALID_TRANSITION']);
    // Dates that cannot be are refused, reason or not; one far from the plan needs a reason (the contingent leaves
    // weeks before its planned departure here: a test cannot wait for it).
    const refusal = async (name: string, i: Record<string, unknown>) => {
      const r = await api.gql(RECORD(name), { i: { contingentId, ...i } }, coordinator);
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      return { message: r.errors[0]!.message, fields: r.errors[0]!.extensions!.fields!.map((f) => f.field) };
    };
    const EARLY = 'The test contingent leaves the day it is planned.';
    expect(await refusal('recordDeparture', { on: '2020-01-01', reason: EARLY })).toEqual({
      message: expect.stringMatching(/2020-01-01 is before the contingent was planned \(\d{4}-\d{2}-\d{2}\)/),
      fields: ['on'],
    });
    expect(await refusal('recordDeparture', {})).toEqual({ message: expect.stringMatching(/days before the planned departure .* needs a reason/), fields: ['on', 'reason'] });
    expect((await refusal('recordDeparture', { reason: 'short' })).fields).toEqual(['reason']);
    const departed = await travel(RECORD('recordDeparture'), 'recordDeparture', { i: { contingentId, reason: EARLY } });
    expect(departed.contingent).toMatchObject({ status: 'DEPARTED', departedOn: futureDate(0), seated: 2 });
    expect(departed.status).toMatchObject({ stage: 'DEPLOYED', nextSteps: [{ step: 'ARRIVAL' }], contingent: { status: 'DEPARTED' } });
    expect(codesOf(await api.gql(RECORD('recordDeparture'), { i: { contingentId } }, coordinator))).toEqual(['INVALID_TRANSITION']);
    const members = (await gqlOk(CONTINGENT, { id: contingentId }, employer.token)).contingent.members;
    expect(members.map((m: { status: string; placementStatus: string; placementId: string }) => [m.status, m.placementStatus, typeof m.placementId])).toEqual([
      ['DEPARTED', 'ACTIVE', 'string'],
      ['DEPARTED', 'ACTIVE', 'string'],
    ]);
    const order = (await gqlOk(`query($id: ID!) { jobOrder(id: $id) { status } }`, { id: orderId }, employer.token)).jobOrder;
    expect(order.status).toBe('IN_PROGRESS');

    const arrived = await travel(RECORD('recordArrival'), 'recordArrival', { i: { contingentId } });
    expect(arrived.contingent).toMatchObject({ status: 'ARRIVED', arrivedOn: futureDate(0) });
    expect(arrived.status).toMatchObject({ stage: 'DEPLOYED', nextSteps: [], contingent: { status: 'ARRIVED' } });

    expect(await refusal('recordReturn', { on: futureDate(-1), reason: EARLY })).toEqual({ message: expect.stringMatching(/is before the arrival/), fields: ['on'] });
    expect(await refusal('recordReturn', {})).toEqual({ message: expect.stringMatching(/before the contract starts/), fields: ['on', 'reason'] });
    const returned = await travel(RECORD('recordReturn'), 'recordReturn', { i: { contingentId, reason: 'Test contingent: back before the contract starts.' } });
    expect(returned.contingent).toMatchObject({ status: 'RETURNED', returnedOn: futureDate(0) });
    expect(returned.status).toMatchObject({ stage: 'RETURNED', contingent: { status: 'RETURNED' } });
    const after = (await gqlOk(CONTINGENT, { id: contingentId }, coordinator)).contingent.members;
    expect(after.map((m: { status: string; placementStatus: string }) => [m.status, m.placementStatus])).toEqual([
      ['RETURNED', 'COMPLETED'],
      ['RETURNED', 'COMPLETED'],
    ]);
    expect((await gqlOk(`query($id: ID!) { jobOrder(id: $id) { status } }`, { id: orderId }, employer.token)).jobOrder.status).toBe('COMPLETED');
  });

  it('queues a rehire decision for every returning worker: PENDING while the evaluation window is open, with no evaluation', async () => {
    const ELIGIBILITY = `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome reasons { code met message } } }`;
    for (const who of [traveller, companion]) {
      let decision = null;
      for (let i = 0; i < 100 && !decision; i++) {
        decision = (await gqlOk(ELIGIBILITY, { id: who.id }, coordinator)).rehireEligibility;
        if (!decision) await new Promise((r) => setTimeout(r, 50));
      }
      expect(decision).toMatchObject({ outcome: 'PENDING' });
      expect(decision.reasons.find((r: { code: string }) => r.code === 'EVALUATION')).toEqual({
        code: 'EVALUATION',
        met: null,
        message: expect.stringMatching(/^Waiting for the employer's evaluation \(due by \d{4}-\d{2}-\d{2}\)\.$/),
      });
    }
  });

  it('told the other applicant nothing, and the traveller nothing twice', async () => {
    await new Promise((r) => setTimeout(r, 300));
    expect(theirs.events).toEqual([]);
    expect(theirs.errors).toEqual([]);
    expect(mine.errors).toEqual([]);
    mine.drain();
    expect(mine.events.map((e) => e.status.stage)).toEqual([
      // The last: the rehire decision (PENDING) the return queued.
      'SELECTED', 'PRE_DEPARTURE', ...OFFICE_STEPS.map(() => 'PRE_DEPARTURE'), 'PRE_DEPARTURE', 'DEPLOYED', 'DEPLOYED', 'RETURNED', 'RETURNED',
    ]);
    const { myStatus } = await gqlOk(MY_STATUS, {}, bystander.token);
    expect(myStatus).toMatchObject({ stage: 'AVAILABLE', jobOrder: null });
  });

  it('lets the employer evaluate each worker once, and decides their rehire eligibility with reasons', async () => {
    const members = (await gqlOk(CONTINGENT, { id: contingentId }, employer.token)).contingent.members;
    const placementOf = (id: string) => members.find((m: { applicantId: string }) => m.applicantId === id).placementId;
    const EVALUATE = `mutation($p: ID!, $i: EvaluationInputModel!) { submitEvaluation(placementId: $p, input: $i) { evaluationId } }`;
    const scores = (overall: number) => ({ punctuality: 4, quality: overall, safety: 5, teamwork: 4, overall, wouldRehire: overall >= 3, comments: 'Careful with the animals.' });
    // Not the traveller's to do, nor another employer's, nor a score out of range.
    expect(codesOf(await api.gql(EVALUATE, { p: placementOf(traveller.id), i: scores(4) }, coordinator))).toEqual(['FORBIDDEN']);
    const stranger = await newEmployer(api, coordinator);
    expect(codesOf(await api.gql(EVALUATE, { p: placementOf(traveller.id), i: scores(4) }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(EVALUATE, { p: placementOf(traveller.id), i: scores(6) }, employer.token))).toEqual(['BAD_USER_INPUT']);

    const before = Date.now();
    await gqlOk(EVALUATE, { p: placementOf(traveller.id), i: scores(4) }, employer.token);
    expect(codesOf(await api.gql(EVALUATE, { p: placementOf(traveller.id), i: scores(5) }, employer.token))).toEqual(['CONFLICT']);
    await gqlOk(EVALUATE, { p: placementOf(companion.id), i: scores(2) }, employer.token);

    const ELIGIBILITY = `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome needsPassportRenewal policyVersion reasons { code met message } } }`;
    const decided = async (id: string) => {
      for (let i = 0; i < 100; i++) {
        const d = (await gqlOk(ELIGIBILITY, { id }, coordinator)).rehireEligibility;
        if (d && d.outcome !== 'PENDING') return d;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no decision');
    };
    const good = await decided(traveller.id);
    expect(Date.now() - before).toBeLessThan(2000);
    expect(good).toMatchObject({ outcome: 'ELIGIBLE', policyVersion: '2026-12-v2' });
    expect(good.reasons.map((r: { code: string; met: boolean }) => [r.code, r.met])).toEqual([
      ['CONTRACT_OUTCOME', true], ['EVALUATION', true], ['RETURNED_ON_TIME', true], ['NO_MISCONDUCT', true], ['PASSPORT', true],
    ]);
    const poor = await decided(companion.id);
    expect(poor.outcome).toBe('INELIGIBLE');
    expect(poor.reasons.find((r: { code: string }) => r.code === 'EVALUATION')).toEqual({ code: 'EVALUATION', met: false, message: expect.stringMatching(/score is 2 of 5/) });
    // The eligible worker is available again, and hears it live; the other is not.
    const status = async (token: string) => (await gqlOk(MY_STATUS, {}, token)).myStatus.stage;
    expect(await status(traveller.token)).toBe('AVAILABLE');
    const mine = (await gqlOk(`query { myStatus { rehireEligibility { outcome reasons { code met } } lastEvaluation { overall comments wouldRehire } } }`, {}, traveller.token)).myStatus;
    expect(mine.rehireEligibility).toMatchObject({ outcome: 'ELIGIBLE', reasons: expect.arrayContaining([{ code: 'EVALUATION', met: true }]) });
    expect(mine.lastEvaluation).toEqual({ overall: 4, comments: 'Careful with the animals.', wouldRehire: true });
    expect(await status(companion.token)).toBe('INELIGIBLE');
    expect(codesOf(await api.gql(ELIGIBILITY, { id: traveller.id }, employer.token))).toEqual(['FORBIDDEN']);
  });

  it("puts a good former worker the employer names first on its next order, and refuses another's or an ineligible one", async () => {
    const next = await approvedJobOrder(api, employer.token, coordinator, {
      title: 'Dairy worker, next season',
      iscoCode: '6121',
      destinationOccupationCode: '84120',
      positions: 2,
      requiredSkills: ['MILKING_MACHINE'],
      languages: [{ code: 'fr', level: 'B1' }],
      startDate: futureDate(400 + randomInt(200)),
      durationWeeks: 20,
    });
    const NAME = `mutation($i: RequestNamedWorkersInput!) { requestNamedWorkers(input: $i) { applicantIds matchingRunId } }`;
    const refusal = async (applicantIds: string[]) => {
      const r = await api.gql(NAME, { i: { jobOrderId: next, applicantIds } }, employer.token);
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      return r.errors[0]!.message;
    };
    expect(await refusal([companion.id])).toMatch(/is not rehire-eligible \(ineligible\)/i);
    expect(await refusal([bystander.id])).toMatch(/has not worked for this employer/);
    const stranger = await newEmployer(api, coordinator);
    expect(codesOf(await api.gql(NAME, { i: { jobOrderId: next, applicantIds: [traveller.id] } }, stranger.token))).toEqual(['NOT_FOUND']);

    const named = (await gqlOk(NAME, { i: { jobOrderId: next, applicantIds: [traveller.id] } }, employer.token)).requestNamedWorkers;
    for (let i = 0; i < 100; i++) {
      const run = (await gqlOk(`query($id: ID!) { matchingRun(id: $id) { status } }`, { id: named.matchingRunId }, coordinator)).matchingRun;
      if (run.status === 'SUCCEEDED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const edges = (await gqlOk(`query($id: ID!) { jobOrder(id: $id) { candidates(first: 5) { edges { node { applicantId rank named status } } } } }`, { id: next }, coordinator))
      .jobOrder.candidates.edges;
    expect(edges[0].node).toEqual({ applicantId: traveller.id, rank: 1, named: true, status: 'SUGGESTED' });
    expect(edges.slice(1).every((e: { node: { named: boolean } }) => !e.node.named)).toBe(true);
  });

  it('shows the rehire pool (an employer only its own former workers), the rates and a worker\'s history', async () => {
    const POOL = `query($f: RehirePoolFilter) { rehirePool(first: 50, filter: $f) { edges { node { applicantId name seasons lastOverall lastEmployerName needsPassportRenewal } } pageInfo { hasNextPage } } }`;
    const mine = (await gqlOk(POOL, {}, employer.token)).rehirePool.edges.map((e: { node: unknown }) => e.node);
    expect(mine).toEqual([expect.objectContaining({ applicantId: traveller.id, seasons: 1, lastOverall: 4, needsPassportRenewal: false, lastEmployerName: expect.stringMatching(/^Ferme Test/) })]);
    const stranger = await newEmployer(api, coordinator);
    expect((await gqlOk(POOL, {}, stranger.token)).rehirePool.edges).toEqual([]);
    const byCoordinator = (await gqlOk(POOL, { f: { employerId: employer.id, occupation: '6121' } }, coordinator)).rehirePool.edges;
    expect(byCoordinator.map((e: { node: { applicantId: string } }) => e.node.applicantId)).toEqual([traveller.id]);
    expect(codesOf(await api.gql(POOL, {}, traveller.token))).toEqual(['FORBIDDEN']);

    const rates = (await gqlOk(`query { rehireRates(groupBy: EMPLOYER) { key season placements eligible rehired rehireRate } }`, {}, coordinator)).rehireRates;
    const { startDate } = (await gqlOk(`query($id: ID!) { jobOrder(id: $id) { startDate } }`, { id: orderId }, coordinator)).jobOrder;
    // A season is the year the placement started.
    expect(rates.find((r: { key: string }) => r.key === employer.id)).toEqual({
      key: employer.id, season: Number(startDate.slice(0, 4)), placements: 2, eligible: 1, rehired: 0, rehireRate: 0,
    });
    const shares = (await gqlOk(`query { namedWorkerShare { season placements named share } }`, {}, coordinator)).namedWorkerShare;
    expect(shares[0]).toEqual(expect.objectContaining({ season: expect.any(Number), placements: expect.any(Number), named: expect.any(Number) }));

    const history = (await gqlOk(`query($id: ID!) { placementHistory(applicantId: $id) { status named evaluation { overall comments } decision { outcome reasons { code met } } } }`, { id: traveller.id }, coordinator)).placementHistory;
    expect(history).toEqual([
      { status: 'COMPLETED', named: false, evaluation: { overall: 4, comments: 'Careful with the animals.' }, decision: { outcome: 'ELIGIBLE', reasons: expect.arrayContaining([{ code: 'EVALUATION', met: true }]) } },
    ]);
    expect(codesOf(await api.gql(`query($id: ID!) { placementHistory(applicantId: $id) { status } }`, { id: traveller.id }, employer.token))).toEqual(['FORBIDDEN']);
  });
});
