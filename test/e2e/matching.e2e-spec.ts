import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { codesOf, startApi, startWorker, TestApi } from '../support/api';
import { approvedJobOrder, newCoordinator, newEmployer, newJobOrder, verifiedApplicant } from '../support/people';

const RUN = `mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id status policyVersion } }`;
const RUN_STATUS = `query($id: ID!) { matchingRun(id: $id) { status candidatesCount failureReason } }`;
const CANDIDATES = `query($id: ID!, $first: Int, $after: String) { jobOrder(id: $id) { candidates(first: $first, after: $after) {
  edges { cursor node { rank score status breakdown { factor points maxPoints explanation }
    applicant { reference age municipality { name } occupations skills yearsExperience } } }
  pageInfo { hasNextPage endCursor } } } }`;

/**
 * Matching end to end: the api queues a run, a real worker (BullMQ on Redis) computes it, and the shortlist is
 * read back through GraphQL as a coordinator and as the employer, who sees no name or identifier.
 */
describe('matching runs', () => {
  jest.setTimeout(30_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: string;
  let employer: { id: string; token: string };
  let orderId: string;
  const applicants: string[] = [];

  const waitForRun = async (id: string) => {
    for (let i = 0; i < 100; i++) {
      const r = await api.gql(RUN_STATUS, { id }, coordinator);
      if (['SUCCEEDED', 'FAILED'].includes(r.data!.matchingRun.status)) return r.data!.matchingRun;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the run did not finish');
  };

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    coordinator = (await newCoordinator(api)).token;
    employer = await newEmployer(api, coordinator);
    // Poultry producers with egg collection and French B1: neither other tests nor the demo data have such people.
    orderId = await approvedJobOrder(api, employer.token, coordinator, {
      title: 'Poultry worker',
      iscoCode: '6122',
      destinationOccupationCode: '84120',
      positions: 1,
      requiredSkills: ['EGG_COLLECTION'],
      preferredSkills: ['BIOSECURITY'],
      languages: [{ code: 'fr', level: 'B1' }],
      minExperienceYears: 1,
    });
    for (const [years, skills] of [
      [6, ['EGG_COLLECTION', 'BIOSECURITY']],
      [3, ['EGG_COLLECTION', 'BIOSECURITY']],
      [2, ['EGG_COLLECTION']],
      [9, ['EGG_COLLECTION']],
      [8, ['BIOSECURITY']], // lacks the required skill
      [0, ['EGG_COLLECTION']], // below the minimum experience
    ] as const) {
      const a = await verifiedApplicant(api, coordinator, {
        occupations: ['6122'],
        skills,
        yearsExperience: years,
        languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'B2' }],
      });
      applicants.push(a.id);
    }
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('queues a run at once and lets the worker compute an explained shortlist', async () => {
    const queued = await api.gql(RUN, { ids: [orderId] }, coordinator);
    expect(queued.data!.runMatching).toMatchObject({ status: 'QUEUED', policyVersion: expect.any(String) });
    const done = await waitForRun(queued.data!.runMatching.id);
    expect(done).toEqual({ status: 'SUCCEEDED', candidatesCount: 4, failureReason: null });

    const list = await api.gql(CANDIDATES, { id: orderId, first: 10 }, coordinator);
    const nodes = list.data!.jobOrder.candidates.edges.map((e: { node: Record<string, unknown> }) => e.node);
    // One position: three shown, one reserve, best first; the two who fail a hard requirement are absent.
    expect(nodes.map((n: { rank: number; status: string }) => [n.rank, n.status])).toEqual([
      [1, 'SUGGESTED'],
      [2, 'SUGGESTED'],
      [3, 'SUGGESTED'],
      [4, 'RESERVE'],
    ]);
    const scores = nodes.map((n: { score: number }) => n.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const n of nodes) {
      const lines = n.breakdown as { points: number }[];
      expect(Math.round(lines.reduce((s, l) => s + l.points, 0) * 10) / 10).toBe(n.score);
      expect((n.applicant as { skills: string[] }).skills).toContain('EGG_COLLECTION');
    }
    expect(nodes[0].applicant.yearsExperience).toBe(6);
  });

  it('gives each score line a code and params to translate, and reads lines stored before codes by their sentence', async () => {
    const LINES = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 1) { edges { node { breakdown { factor code params explanation } } } } } }`;
    const lines = async () => (await api.gql(LINES, { id: orderId }, employer.token)).data!.jobOrder.candidates.edges[0].node.breakdown;
    const best = await lines();
    // The best: 6 years, both skills, French B2 where B1 is asked, a first contract.
    expect(best.slice(0, 6)).toEqual([
      { factor: 'requiredSkills', code: 'REQUIRED_SKILLS', params: { matched: 1, asked: 1 }, explanation: '1 of 1 required skills' },
      { factor: 'preferredSkills', code: 'PREFERRED_SKILLS', params: { matched: 1, asked: 1 }, explanation: '1 of 1 preferred skills' },
      { factor: 'experience', code: 'EXPERIENCE', params: { years: 6, beyond: 5, minimum: 1 }, explanation: '6 years of experience (5 beyond the minimum of 1)' },
      { factor: 'evaluations', code: 'EVALUATIONS_FIRST_CONTRACT', params: {}, explanation: 'first contract: neutral' },
      { factor: 'returningWorker', code: 'RETURNING_NEW', params: {}, explanation: 'has not worked for this employer' },
      { factor: 'language', code: 'LANGUAGE_ABOVE_REQUIRED', params: { above: 1, required: 1 }, explanation: 'above the required level in 1 of 1 languages' },
    ]);
    // Whether anyone was deployed yet depends on what else is in the database; either way, no group's name.
    expect(best[6]).toMatchObject({ factor: 'fairness', code: expect.stringMatching(/^FAIRNESS/) });
    expect(Object.values(best[6].params ?? {}).every((value) => typeof value === 'number')).toBe(true);

    // A shortlist stored before lines had codes (the breakdown is JSON on the candidate row) still reads, by its sentence.
    await api.app.get(DataSource).query(
      `UPDATE candidate SET breakdown = (SELECT jsonb_agg(l - 'code' - 'params' ORDER BY i) FROM jsonb_array_elements(breakdown) WITH ORDINALITY AS e(l, i))
       WHERE job_order_id = $1 AND rank = 1`,
      [orderId],
    );
    const old = await lines();
    expect(old.map((l: { code: string | null; params: unknown }) => [l.code, l.params])).toEqual(best.map(() => [null, null]));
    expect(old.map((l: { explanation: string }) => l.explanation)).toEqual(best.map((l: { explanation: string }) => l.explanation));
  });

  it('shows the employer its shortlist without names or identifiers, and refuses it the applicant id', async () => {
    const own = await api.gql(CANDIDATES, { id: orderId, first: 2 }, employer.token);
    expect(own.errors).toEqual([]);
    expect(own.data!.jobOrder.candidates.edges).toHaveLength(2);
    expect(own.data!.jobOrder.candidates.pageInfo.hasNextPage).toBe(true);
    const text = JSON.stringify(own.data);
    expect(text).not.toMatch(/Hernández|María|\+503|"[0-9]{8}-[0-9]"/);
    const next = await api.gql(CANDIDATES, { id: orderId, first: 10, after: own.data!.jobOrder.candidates.pageInfo.endCursor }, employer.token);
    expect(next.data!.jobOrder.candidates.edges.map((e: { node: { rank: number } }) => e.node.rank)).toEqual([3, 4]);

    const probing = await api.gql(`query($id: ID!) { jobOrder(id: $id) { candidates(first: 1) { edges { node { applicantId } } } } }`, { id: orderId }, employer.token);
    expect(codesOf(probing)).toContain('FORBIDDEN');
    const coordinatorView = await api.gql(`query($id: ID!) { jobOrder(id: $id) { candidates(first: 1) { edges { node { applicantId } } } } }`, { id: orderId }, coordinator);
    expect(applicants).toContain(coordinatorView.data!.jobOrder.candidates.edges[0].node.applicantId);

    const other = await newEmployer(api, coordinator);
    expect(codesOf(await api.gql(CANDIDATES, { id: orderId, first: 1 }, other.token))).toEqual(['NOT_FOUND']);
  });

  it('re-runs without duplicating a candidate and keeps the same ranking for the same inputs', async () => {
    const before = (await api.gql(CANDIDATES, { id: orderId, first: 10 }, coordinator)).data!.jobOrder.candidates.edges;
    const run = (await api.gql(RUN, { ids: [orderId, orderId] }, coordinator)).data!.runMatching;
    expect(await waitForRun(run.id)).toMatchObject({ status: 'SUCCEEDED', candidatesCount: 4 });
    const after = (await api.gql(CANDIDATES, { id: orderId, first: 10 }, coordinator)).data!.jobOrder.candidates.edges;
    const shape = (edges: { node: { rank: number; score: number; applicant: { yearsExperience: number } } }[]) =>
      edges.map((e) => [e.node.rank, e.node.score, e.node.applicant.yearsExperience]);
    expect(shape(after)).toEqual(shape(before));
  });

  const SELECT = `mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status rank applicant { reference } } }`;
  const REJECT = `mutation($i: RejectCandidateInput!) { rejectCandidate(input: $i) { status } }`;
  const references = async (id: string, token: string) =>
    (await api.gql(CANDIDATES, { id, first: 10 }, token)).data!.jobOrder.candidates.edges.map(
      (e: { node: { applicant: { reference: string }; status: string } }) => ({ reference: e.node.applicant.reference, status: e.node.status }),
    );
  const openOrder = (positions: number) =>
    approvedJobOrder(api, employer.token, coordinator, { iscoCode: '6122', destinationOccupationCode: '84120', positions, requiredSkills: ['EGG_COLLECTION'], languages: [{ code: 'fr', level: 'B1' }] });

  it('lets the employer reject a candidate with a reason, and a re-run does not propose them again', async () => {
    const [, second] = await references(orderId, employer.token);
    expect(codesOf(await api.gql(REJECT, { i: { jobOrderId: orderId, applicantId: second.reference, reason: 'no' } }, employer.token))).toEqual(['BAD_USER_INPUT']);
    const rejected = await api.gql(REJECT, { i: { jobOrderId: orderId, applicantId: second.reference, reason: 'Needs experience with layer hens.' } }, employer.token);
    expect(rejected.data!.rejectCandidate.status).toBe('REJECTED');
    const run = (await api.gql(RUN, { ids: [orderId] }, coordinator)).data!.runMatching;
    await waitForRun(run.id);
    const after = await references(orderId, employer.token);
    expect(after.filter((c: { reference: string }) => c.reference === second.reference)).toEqual([{ reference: second.reference, status: 'REJECTED' }]);
  });

  it('lets the employer select by reference up to the positions, and fills the order', async () => {
    const list = (await references(orderId, employer.token)).filter((c: { status: string }) => c.status !== 'REJECTED');
    const tooMany = await api.gql(SELECT, { i: { jobOrderId: orderId, applicantIds: [list[0].reference, list[1].reference] } }, employer.token);
    expect(codesOf(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors[0]!.message).toMatch(/1 position\(s\) left; you selected 2/);
    expect(codesOf(await api.gql(SELECT, { i: { jobOrderId: orderId, applicantIds: [applicants[0]] } }, employer.token))).toEqual(['NOT_FOUND']);
    const other = await newEmployer(api, coordinator);
    expect(codesOf(await api.gql(SELECT, { i: { jobOrderId: orderId, applicantIds: [list[0].reference] } }, other.token))).toEqual(['NOT_FOUND']);

    const LEFT = `query($id: ID!) { jobOrder(id: $id) { positions positionsLeft } }`;
    expect((await api.gql(LEFT, { id: orderId }, employer.token)).data!.jobOrder).toEqual({ positions: 1, positionsLeft: 1 });
    const chosen = await api.gql(SELECT, { i: { jobOrderId: orderId, applicantIds: [list[0].reference.toLowerCase()] } }, employer.token);
    expect((await api.gql(LEFT, { id: orderId }, employer.token)).data!.jobOrder).toEqual({ positions: 1, positionsLeft: 0 });
    expect(chosen.data!.selectCandidates).toEqual([{ status: 'SELECTED', rank: 1, applicant: { reference: list[0].reference } }]);
    const order = await api.gql(`query($id: ID!) { jobOrder(id: $id) { status } }`, { id: orderId }, employer.token);
    expect(order.data!.jobOrder.status).toBe('FILLED');
    const again = await api.gql(SELECT, { i: { jobOrderId: orderId, applicantIds: [list[1].reference] } }, employer.token);
    expect(codesOf(again)).toEqual(['INVALID_TRANSITION']);
  });

  it('lets exactly one of two concurrent selections of the same applicant win', async () => {
    const [first, second] = [await openOrder(2), await openOrder(2)];
    const person = await verifiedApplicant(api, coordinator, {
      occupations: ['6122'],
      skills: ['EGG_COLLECTION'],
      yearsExperience: 4,
      languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'B2' }],
    });
    const results = await Promise.all(
      [first, second].map((jobOrderId) => api.gql(SELECT, { i: { jobOrderId, applicantIds: [person.id] } }, coordinator)),
    );
    const outcomes = results.map((r) => (r.errors.length ? codesOf(r)[0] : 'SELECTED')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'SELECTED']);
    const seen = await api.gql(`query($id: ID!) { applicant(id: $id) { status } }`, { id: person.id }, coordinator);
    expect(seen.data!.applicant.status).toBe('SELECTED');
  });

  it('queues a run by itself when a coordinator approves an order', async () => {
    const id = await newJobOrder(api, employer.token, { iscoCode: '6122', destinationOccupationCode: '84120', positions: 2, requiredSkills: ['EGG_COLLECTION'], languages: [{ code: 'fr', level: 'B1' }] });
    await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, employer.token);
    await api.gql(`mutation($id: ID!) { approveJobOrder(id: $id) { status } }`, { id }, coordinator);
    const [run] = await api.app.get(DataSource).query(`SELECT id FROM matching_run WHERE job_order_ids = ARRAY[$1]::uuid[]`, [id]);
    expect(run).toBeDefined();
    expect((await waitForRun(run.id)).status).toBe('SUCCEEDED');
  });

  it('refuses orders that are not open, and callers that are not coordinators', async () => {
    const draft = await newJobOrder(api, employer.token);
    const r = await api.gql(RUN, { ids: [draft] }, coordinator);
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors[0]!.message).toMatch(/is DRAFT/);
    expect(codesOf(await api.gql(RUN, { ids: [] }, coordinator))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(RUN, { ids: [orderId] }, employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(RUN_STATUS, { id: '00000000-0000-4000-8000-000000000000' }, coordinator))).toEqual(['NOT_FOUND']);
  });
});
