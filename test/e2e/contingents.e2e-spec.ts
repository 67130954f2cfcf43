import type { INestApplicationContext } from '@nestjs/common';
import { codesOf, startApi, startWorker, TestApi } from '../support/api';
import { addDays } from '@puente/common';
import { approvedJobOrder, newCoordinator, newEmployer, unusedStartDate, verifiedApplicant } from '../support/people';

const SCHEDULE = `mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { jobOrderId waiting } }`;
const CONTINGENTS = `query($id: ID!) { contingents(filter: { jobOrderId: $id }, first: 100) { edges { node { id reference regionCode startDate departureDate status capacity seated } } } }`;
/** The nodes of a `contingents` connection. */
const nodesOf = (r: { data: { contingents: { edges: { node: unknown }[] } } | null }) => r.data!.contingents.edges.map((e) => e.node) as { id: string; startDate: string; seated: number }[];
const RESCHEDULE = `mutation($id: ID!, $d: LocalDate!) { rescheduleContingent(id: $id, departureDate: $d) { departureDate status seated } }`;

/** Scheduling end to end: the coordinator queues it, a real worker seats the selected workers, the api reads it back. */
describe('contingents', () => {
  jest.setTimeout(30_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: string;
  let employer: { id: string; token: string };
  let orderId: string;
  const applicants: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    coordinator = (await newCoordinator(api)).token;
    employer = await newEmployer(api, coordinator);
    orderId = await approvedJobOrder(api, employer.token, coordinator, {
      iscoCode: '6122',
      destinationOccupationCode: '84120',
      positions: 3,
      requiredSkills: ['EGG_COLLECTION'],
      languages: [{ code: 'fr', level: 'B1' }],
      // A start date of this test alone: workers of every order with the same region and date travel together.
      startDate: await unusedStartDate(api, coordinator, 'CA-QC', 100, 250),
      durationWeeks: 26,
    });
    for (let i = 0; i < 3; i++) {
      const a = await verifiedApplicant(api, coordinator, {
        occupations: ['6122'],
        skills: ['EGG_COLLECTION'],
        yearsExperience: 2,
        languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'B2' }],
      });
      applicants.push(a.id);
    }
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('refuses to schedule an order with nobody selected, with a code and a reason', async () => {
    const r = await api.gql(SCHEDULE, { id: orderId }, coordinator);
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors[0]!.message).toMatch(/no selected applicant waiting for a seat/);
  });

  it('seats the selected workers in a contingent through the worker, once, and moves them to pre-departure', async () => {
    const selected = await api.gql(
      `mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`,
      { i: { jobOrderId: orderId, applicantIds: applicants } },
      coordinator,
    );
    expect(selected.errors).toEqual([]);
    const queued = await api.gql(SCHEDULE, { id: orderId }, coordinator);
    expect(queued.data!.scheduleContingents).toEqual({ jobOrderId: orderId, waiting: 3 });

    let contingents: { seated: number }[] = [];
    for (let i = 0; i < 100 && !contingents.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      contingents = nodesOf(await api.gql(CONTINGENTS, { id: orderId }, coordinator));
    }
    expect(contingents).toEqual([
      expect.objectContaining({ regionCode: 'CA-QC', status: 'PLANNED', capacity: 70, seated: 3, reference: expect.stringMatching(/^CT-CA-QC-\d{4}-\d{2}-\d{2}-01$/) }),
    ]);
    for (const id of applicants) {
      const a = await api.gql(`query($id: ID!) { applicant(id: $id) { status } }`, { id }, coordinator);
      expect(a.data!.applicant.status).toBe('PRE_DEPARTURE');
    }

    // Nobody is left waiting: a second call is refused and creates nothing.
    expect(codesOf(await api.gql(SCHEDULE, { id: orderId }, coordinator))).toEqual(['BAD_USER_INPUT']);
    expect(nodesOf(await api.gql(CONTINGENTS, { id: orderId }, coordinator))).toEqual(contingents);
  });

  it('moves a contingent to a new departure date, and refuses one after the start', async () => {
    const [k] = nodesOf(await api.gql(CONTINGENTS, { id: orderId }, coordinator));
    const earlier = addDays(k.startDate, -6);
    const moved = await api.gql(RESCHEDULE, { id: k.id, d: earlier }, coordinator);
    expect(moved.data!.rescheduleContingent).toEqual({ departureDate: earlier, status: 'PLANNED', seated: 3 });
    const late = await api.gql(RESCHEDULE, { id: k.id, d: '2099-01-01' }, coordinator);
    expect(codesOf(late)).toEqual(['BAD_USER_INPUT']);
    expect(late.errors[0]!.message).toMatch(/between today .* and the start date/);
    expect(codesOf(await api.gql(RESCHEDULE, { id: k.id, d: earlier }, employer.token))).toEqual(['FORBIDDEN']);
  });

  it('records a step as done once, and keeps departure for the contingent', async () => {
    const STEPS = `query($id: ID!) { travelSteps(applicantId: $id) { id kind dueDate status blocking completedAt } }`;
    const COMPLETE = `mutation($i: CompleteStepInput!) { completeStep(input: $i) { kind status completedAt } }`;
    const steps = (await api.gql(STEPS, { id: applicants[0] }, coordinator)).data!.travelSteps;
    expect(steps.map((st: { kind: string }) => st.kind)).toEqual([
      'DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED', 'DEPARTURE', 'ARRIVAL',
    ]);
    const [k] = nodesOf(await api.gql(CONTINGENTS, { id: orderId }, coordinator));
    const step = (kind: string, applicantId = applicants[0]) => ({ i: { contingentId: k.id, applicantId, step: kind } });
    const done = await api.gql(COMPLETE, step('DOCUMENTS_CHECKED'), coordinator);
    expect(done.data!.completeStep).toEqual({ kind: 'DOCUMENTS_CHECKED', status: 'DONE', completedAt: expect.any(String) });
    expect(codesOf(await api.gql(COMPLETE, step('DOCUMENTS_CHECKED'), coordinator))).toEqual(['INVALID_TRANSITION']);
    expect(codesOf(await api.gql(COMPLETE, step('DEPARTURE'), coordinator))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(COMPLETE, step('NOT_A_STEP'), coordinator))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(COMPLETE, step('MEDICAL_EXAM', 'not-an-id'), coordinator))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(COMPLETE, step('MEDICAL_EXAM'), employer.token))).toEqual(['FORBIDDEN']);
    const other = (await api.gql(STEPS, { id: applicants[1] }, coordinator)).data!.travelSteps;
    expect(other[0].status).toBe('PENDING');
  });

  it('keeps employers and applicants out of scheduling', async () => {
    expect(codesOf(await api.gql(SCHEDULE, { id: orderId }, employer.token))).toEqual(['FORBIDDEN']);
    // An employer reads the contingents of its own orders only.
    expect(nodesOf(await api.gql(CONTINGENTS, { id: orderId }, employer.token))).toHaveLength(1);
    const stranger = await newEmployer(api, coordinator);
    expect(nodesOf(await api.gql(CONTINGENTS, { id: orderId }, stranger.token))).toEqual([]);
    expect(codesOf(await api.gql(CONTINGENTS, { id: orderId }))).toEqual(['UNAUTHENTICATED']);
  });
});
