import type { INestApplicationContext } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, todayIso } from '@puente/common';
import { codesOf, startApi, startWorker, TestApi } from '../support/api';
import { approvedJobOrder, futureDate, newCoordinator, newEmployer, newJobOrder, verifiedApplicant } from '../support/people';

const UPDATE = `mutation($i: UpdateJobOrderInput!) { updateJobOrder(input: $i) { id status title positions endDate statusReason } }`;
const CANCEL_ORDER = `mutation($i: CancelJobOrderInput!) { cancelJobOrder(input: $i) { id status statusReason } }`;
const CANCEL_CONTINGENT = `mutation($i: CancelContingentInput!) { cancelContingent(input: $i) { id status seated } }`;
const WAIVE = `mutation($i: WaiveStepInput!) { waiveStep(input: $i) { kind status note } }`;
const COMPLETE_ALL = `mutation($i: CompleteStepsInput!) { completeSteps(input: $i) { completed } }`;
const SELECT = `mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`;
const SCHEDULE = `mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`;
const LIST = `query($f: ContingentFilterInput, $first: Int, $after: String) { contingents(filter: $f, first: $first, after: $after) {
  edges { node { id reference status seated departureDate regionCode } } pageInfo { hasNextPage endCursor } } }`;
const CONTINGENT = `query($id: ID!) { contingent(id: $id) { id status seated members { applicantId status steps { kind status note } } } }`;
const RECORD = (name: string) => `mutation($i: RecordTravelInput!) { ${name}(input: $i) { status } }`;
const OFFICE_STEPS = ['DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED'];

interface NotificationRow {
  audience: string;
  applicant_id: string | null;
  employer_id: string | null;
  kind: string;
  subject: string;
  body: string;
}

/**
 * The office's corrections through the API with a real worker: editing and cancelling orders, cancelling a
 * contingent and seating its workers again, waiving and bulk-completing steps, listing contingents, and what the
 * employer hears (approved, rejected, shortlist ready, evaluations due), each notice recorded once.
 */
describe('office operations', () => {
  jest.setTimeout(60_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let coordinator: string;
  let employer: { id: string; token: string };
  let stranger: { id: string; token: string };
  const applicants: { id: string; token: string }[] = [];
  // A region and start date of this suite alone: workers of every order with the same pair travel together.
  const startDate = futureDate(120 + randomInt(400));
  const orderInput = (overrides: Record<string, unknown> = {}) => ({
    iscoCode: '6122',
    destinationOccupationCode: '84120',
    positions: 2,
    requiredSkills: ['EGG_COLLECTION'],
    languages: [{ code: 'fr', level: 'B1' }],
    workRegionCode: 'CA-NL',
    startDate,
    durationWeeks: 20,
    ...overrides,
  });

  const ok = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const r = await api.gql(query, variables, token);
    if (r.errors.length) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  };
  const notices = (where: string, params: unknown[]): Promise<NotificationRow[]> =>
    ds.query(`SELECT audience, applicant_id, employer_id, kind, subject, body FROM notification WHERE ${where} ORDER BY created_at, id`, params);
  const audits = (entityId: string): Promise<{ action: string; reason: string | null; fields: string[]; actor_role: string }[]> =>
    ds.query(`SELECT action, reason, fields, actor_role FROM audit_event WHERE entity_id = $1 ORDER BY created_at, id`, [entityId]);
  const statusOf = async (applicantId: string) => (await ok(`query($id: ID!) { applicant(id: $id) { status } }`, { id: applicantId }, coordinator)).applicant.status;
  const until = async <T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const v = await read();
      if (done(v)) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const contingentsOf = async (jobOrderId: string, token = coordinator) =>
    (await ok(LIST, { f: { jobOrderId }, first: 100 }, token)).contingents.edges.map((e: { node: { id: string } }) => e.node) as {
      id: string;
      reference: string;
      status: string;
      seated: number;
    }[];
  /** An open order with two of the suite's workers selected and seated by the worker; returns its contingent. */
  const seatedOrder = async (workers: { id: string }[]) => {
    const orderId = await approvedJobOrder(api, employer.token, coordinator, orderInput());
    await ok(SELECT, { i: { jobOrderId: orderId, applicantIds: workers.map((w) => w.id) } }, coordinator);
    await ok(SCHEDULE, { id: orderId }, coordinator);
    const [k] = await until(() => contingentsOf(orderId), (ks) => ks.some((k) => k.status === 'PLANNED' && k.seated >= workers.length), 'seating');
    return { orderId, contingentId: k.id };
  };

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    ds = api.app.get(DataSource);
    coordinator = (await newCoordinator(api)).token;
    employer = await newEmployer(api, coordinator);
    stranger = await newEmployer(api, coordinator);
    for (let i = 0; i < 4; i++) {
      applicants.push(
        await verifiedApplicant(api, coordinator, {
          occupations: ['6122'],
          skills: ['EGG_COLLECTION'],
          yearsExperience: 3,
          languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'B2' }],
        }),
      );
    }
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('edits a draft with the rules of a new order, refuses what is not the caller’s or not editable, and reopens a rejected order as a draft', async () => {
    const id = await newJobOrder(api, employer.token, orderInput());
    const edited = (await ok(UPDATE, { i: { jobOrderId: id, title: 'Egg collection – spring', positions: 3, durationWeeks: 10 } }, employer.token)).updateJobOrder;
    expect(edited).toMatchObject({ status: 'DRAFT', title: 'Egg collection – spring', positions: 3, endDate: addDays(startDate, 69) });
    expect(await audits(id)).toEqual([{ action: 'update-job-order', reason: null, fields: ['title', 'positions', 'durationWeeks'], actor_role: 'EMPLOYER' }]);

    const bad = await api.gql(UPDATE, { i: { jobOrderId: id, positions: 0, startDate: futureDate(3) } }, employer.token);
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors[0]!.extensions!.fields!.map((f: { field: string }) => f.field)).toEqual(['positions', 'startDate']);
    const cleared = await api.gql(UPDATE, { i: { jobOrderId: id, title: null } }, employer.token);
    expect(cleared.errors[0]!.extensions!.fields).toEqual([{ field: 'title', message: expect.stringMatching(/cannot be removed/) }]);
    expect(codesOf(await api.gql(UPDATE, { i: { jobOrderId: id, positions: 4 } }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(UPDATE, { i: { jobOrderId: id, positions: 4 } }, applicants[0].token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(UPDATE, { i: { jobOrderId: randomUUID(), positions: 4 } }, coordinator))).toEqual(['NOT_FOUND']);

    await ok(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, employer.token);
    const submitted = await api.gql(UPDATE, { i: { jobOrderId: id, positions: 4 } }, employer.token);
    expect(codesOf(submitted)).toEqual(['INVALID_TRANSITION']);
    expect(submitted.errors[0]!.message).toMatch(/is SUBMITTED; only a DRAFT or REJECTED order can be edited\. It is waiting for the ministry/);

    const reason = 'The wage is below the prevailing rate for New Brunswick.';
    await ok(`mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { status } }`, { i: { id, reason } }, coordinator);
    const reopened = (await ok(UPDATE, { i: { jobOrderId: id, hourlyWage: 17.5 } }, coordinator)).updateJobOrder;
    expect(reopened.status).toBe('DRAFT');
    await ok(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, employer.token);
    await ok(`mutation($id: ID!) { approveJobOrder(id: $id) { status } }`, { id }, coordinator);
    const open = await api.gql(UPDATE, { i: { jobOrderId: id, positions: 4 } }, employer.token);
    expect(codesOf(open)).toEqual(['INVALID_TRANSITION']);
    expect(open.errors[0]!.message).toMatch(/cancelJobOrder/);

    // The employer heard the rejection (with the reason) and the approval, once each.
    const told = await notices(`employer_id = $1 AND kind IN ('JOB_ORDER_REJECTED', 'JOB_ORDER_APPROVED') AND body LIKE '%' || (SELECT reference FROM job_order WHERE id = $2) || '%'`, [employer.id, id]);
    expect(told.map((n) => [n.audience, n.kind])).toEqual([
      ['EMPLOYER', 'JOB_ORDER_REJECTED'],
      ['EMPLOYER', 'JOB_ORDER_APPROVED'],
    ]);
    expect(told[0]!.body).toContain(reason);
    expect((await audits(id)).map((a) => [a.action, a.actor_role])).toEqual([
      ['update-job-order', 'EMPLOYER'],
      ['reject-job-order', 'COORDINATOR'],
      ['update-job-order', 'COORDINATOR'],
      ['approve-job-order', 'COORDINATOR'],
    ]);
    // Its shortlist would hold the suite's workers from the next orders: an open order cancelled releases them.
    await ok(CANCEL_ORDER, { i: { jobOrderId: id, reason: 'Test order: replaced by the next ones.' } }, employer.token);
  });

  it('tells the employer once when the matching run of its order has a shortlist, with counts and no worker data', async () => {
    const orderId = await approvedJobOrder(api, employer.token, coordinator, orderInput());
    const [{ reference }] = await ds.query(`SELECT reference FROM job_order WHERE id = $1`, [orderId]);
    const runs = await until(
      () => ds.query(`SELECT status, candidates_count, failure_reason FROM matching_run WHERE $1 = ANY(job_order_ids)`, [orderId]),
      (r: { status: string; candidates_count: number }[]) => r.length > 0 && r.every((x) => x.status === 'SUCCEEDED' || x.status === 'FAILED'),
      'the matching run',
    );
    expect(runs[0]).toMatchObject({ status: 'SUCCEEDED', candidates_count: expect.any(Number) });
    expect(runs[0].candidates_count).toBeGreaterThan(0);
    const ready = await until(() => notices(`kind = 'SHORTLIST_READY' AND subject = $1`, [`Shortlist ready: ${reference}`]), (n) => n.length > 0, 'the shortlist notice');
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({ audience: 'EMPLOYER', employer_id: employer.id, body: expect.stringMatching(/shortlist of \d+ candidate\(s\) and \d+ reserve\(s\) for 2 position\(s\)/) });
    const names: { first_names: string }[] = await ds.query(`SELECT first_names FROM applicant WHERE id = ANY($1)`, [applicants.map((a) => a.id)]);
    for (const n of names) expect(ready[0].body).not.toContain(n.first_names);
    // Matching it again is another run: one more notice, never two for the same run.
    await ok(`mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`, { ids: [orderId] }, coordinator);
    const again = await until(() => notices(`kind = 'SHORTLIST_READY' AND subject = $1`, [`Shortlist ready: ${reference}`]), (n) => n.length > 1, 'the second run');
    expect(again).toHaveLength(2);
    await ok(CANCEL_ORDER, { i: { jobOrderId: orderId, reason: 'Test order: the suite is done with it.' } }, coordinator);
  });

  it('cancels an order with a reason: candidates and selections released, seats cancelled, workers available and told', async () => {
    const workers = applicants.slice(0, 2);
    const { orderId, contingentId } = await seatedOrder(workers);
    for (const w of workers) expect(await statusOf(w.id)).toBe('PRE_DEPARTURE');

    expect((await api.gql(CANCEL_ORDER, { i: { jobOrderId: orderId, reason: 'short' } }, employer.token)).errors[0]!.extensions!.fields).toEqual([
      { field: 'reason', message: 'must be 10 to 2000 characters' },
    ]);
    expect(codesOf(await api.gql(CANCEL_ORDER, { i: { jobOrderId: orderId, reason: 'We no longer need workers.' } }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(CANCEL_ORDER, { i: { jobOrderId: orderId, reason: 'We no longer need workers.' } }, workers[0].token))).toEqual(['FORBIDDEN']);

    const reason = 'The harvest failed after the frost; no work this season.';
    const cancelled = (await ok(CANCEL_ORDER, { i: { jobOrderId: orderId, reason } }, employer.token)).cancelJobOrder;
    expect(cancelled).toEqual({ id: orderId, status: 'CANCELLED', statusReason: reason });
    for (const w of workers) expect(await statusOf(w.id)).toBe('AVAILABLE');
    const held: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM candidate WHERE job_order_id = $1 AND status IN ('SUGGESTED', 'RESERVE', 'SELECTED')`, [orderId]);
    expect(held[0].n).toBe(0);
    const seats: { status: string; open: number }[] = await ds.query(
      `SELECT t.status, (SELECT count(*)::int FROM travel_step s WHERE s.traveller_id = t.id AND s.status IN ('PENDING', 'OVERDUE', 'INFEASIBLE')) AS open FROM traveller t WHERE t.job_order_id = $1`,
      [orderId],
    );
    expect(seats).toEqual([
      { status: 'CANCELLED', open: 0 },
      { status: 'CANCELLED', open: 0 },
    ]);
    expect((await ok(CONTINGENT, { id: contingentId }, coordinator)).contingent).toMatchObject({ seated: 0, members: [] });

    const told = await notices(`dedupe_key LIKE 'job-order-cancelled:' || $1 || '%'`, [orderId]);
    expect(told.map((n) => n.audience).sort()).toEqual(['APPLICANT', 'APPLICANT', 'COORDINATORS', 'EMPLOYER']);
    expect(told.filter((n) => n.audience === 'APPLICANT').map((n) => n.applicant_id).sort()).toEqual(workers.map((w) => w.id).sort());
    expect(told.find((n) => n.audience === 'COORDINATORS')!.body).toMatch(/2 selected worker\(s\) made available again, 2 seat\(s\) cancelled in 1 contingent/);
    expect((await audits(orderId)).at(-1)).toEqual({ action: 'cancel-job-order', reason, fields: [], actor_role: 'EMPLOYER' });

    const twice = await api.gql(CANCEL_ORDER, { i: { jobOrderId: orderId, reason } }, coordinator);
    expect(codesOf(twice)).toEqual(['INVALID_TRANSITION']);
    expect(twice.errors[0]!.message).toMatch(/is CANCELLED; only a DRAFT, SUBMITTED, REJECTED, OPEN or FILLED order can be cancelled/);
  });

  let second: { orderId: string; first: string; again: string };

  it('cancels a contingent: its workers stay selected, are told, and the next scheduling seats them in a new contingent', async () => {
    const workers = applicants.slice(2, 4);
    const { orderId, contingentId } = await seatedOrder(workers);
    const reason = 'The charter flight was withdrawn by the airline.';
    expect(codesOf(await api.gql(CANCEL_CONTINGENT, { i: { contingentId, reason } }, employer.token))).toEqual(['FORBIDDEN']);
    expect((await api.gql(CANCEL_CONTINGENT, { i: { contingentId, reason: '' } }, coordinator)).errors[0]!.extensions!.fields).toEqual([
      { field: 'reason', message: 'must be 10 to 2000 characters' },
    ]);

    expect((await ok(CANCEL_CONTINGENT, { i: { contingentId, reason } }, coordinator)).cancelContingent).toEqual({ id: contingentId, status: 'CANCELLED', seated: 0 });
    for (const w of workers) expect(await statusOf(w.id)).toBe('SELECTED');
    const selected: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM candidate WHERE job_order_id = $1 AND status = 'SELECTED'`, [orderId]);
    expect(selected[0].n).toBe(2);
    const told = await notices(`dedupe_key LIKE 'contingent-cancelled:' || $1 || '%'`, [contingentId]);
    expect(told.map((n) => n.audience).sort()).toEqual(['APPLICANT', 'APPLICANT', 'COORDINATORS']);
    expect(await audits(contingentId)).toEqual([{ action: 'cancel-contingent', reason, fields: [], actor_role: 'COORDINATOR' }]);
    expect(codesOf(await api.gql(CANCEL_CONTINGENT, { i: { contingentId, reason } }, coordinator))).toEqual(['INVALID_TRANSITION']);

    expect((await ok(SCHEDULE, { id: orderId }, coordinator)).scheduleContingents.waiting).toBe(2);
    const ks = await until(() => contingentsOf(orderId), (ks) => ks.some((k) => k.id !== contingentId && k.seated === 2), 'seating again');
    const fresh = ks.find((k) => k.id !== contingentId)!;
    expect(ks.map((k) => k.id)).toEqual([fresh.id, contingentId]);
    expect(fresh).toMatchObject({ status: 'PLANNED', seated: 2 });
    expect(ks.find((k) => k.id === contingentId)).toMatchObject({ status: 'CANCELLED', seated: 0 });
    for (const w of workers) expect(await statusOf(w.id)).toBe('PRE_DEPARTURE');
    second = { orderId, first: contingentId, again: fresh.id };
  });

  it('waives a step with a reason and completes a step kind for the whole contingent at once', async () => {
    const [a, b] = applicants.slice(2, 4);
    const k = second.again;
    const waive = (step: string, reason = 'Medical exam done last season, still valid.', applicantId = a.id) => ({ i: { contingentId: k, applicantId, step, reason } });
    expect(codesOf(await api.gql(WAIVE, waive('MEDICAL_EXAM'), employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(WAIVE, waive('DEPARTURE'), coordinator))).toEqual(['BAD_USER_INPUT']);
    expect((await api.gql(WAIVE, waive('MEDICAL_EXAM', 'no'), coordinator)).errors[0]!.extensions!.fields).toEqual([{ field: 'reason', message: 'must be 10 to 2000 characters' }]);
    expect(codesOf(await api.gql(WAIVE, waive('MEDICAL_EXAM', undefined, randomUUID()), coordinator))).toEqual(['NOT_FOUND']);

    const waived = (await ok(WAIVE, waive('MEDICAL_EXAM'), coordinator)).waiveStep;
    expect(waived).toEqual({ kind: 'MEDICAL_EXAM', status: 'WAIVED', note: 'Waived: Medical exam done last season, still valid.' });
    expect(codesOf(await api.gql(WAIVE, waive('MEDICAL_EXAM'), coordinator))).toEqual(['INVALID_TRANSITION']);
    const members = (await ok(CONTINGENT, { id: k }, coordinator)).contingent.members;
    expect(members.find((m: { applicantId: string }) => m.applicantId === a.id).steps.find((s: { kind: string }) => s.kind === 'MEDICAL_EXAM').status).toBe('WAIVED');
    const mine = (await ok(`{ myStatus { nextSteps { step } } }`, {}, a.token)).myStatus.nextSteps.map((s: { step: string }) => s.step);
    expect(mine).not.toContain('MEDICAL_EXAM');
    expect(mine).toContain('DOCUMENTS_CHECKED');

    const complete = (step: string, applicantIds?: string[]) => ({ i: { contingentId: k, step, applicantIds } });
    expect((await ok(COMPLETE_ALL, complete('DOCUMENTS_CHECKED', [a.id]), coordinator)).completeSteps.completed).toBe(1);
    expect((await ok(COMPLETE_ALL, complete('DOCUMENTS_CHECKED', [a.id]), coordinator)).completeSteps.completed).toBe(0);
    expect((await ok(COMPLETE_ALL, complete('DOCUMENTS_CHECKED'), coordinator)).completeSteps.completed).toBe(1);
    // The waived step stays waived: only the other worker's exam is done.
    expect((await ok(COMPLETE_ALL, complete('MEDICAL_EXAM'), coordinator)).completeSteps.completed).toBe(1);
    const outsider = await api.gql(COMPLETE_ALL, complete('ORIENTATION', [b.id, applicants[0].id]), coordinator);
    expect(codesOf(outsider)).toEqual(['BAD_USER_INPUT']);
    expect(outsider.errors[0]!.extensions!.fields!.map((f: { field: string }) => f.field)).toEqual(['applicantIds']);
    expect(outsider.errors[0]!.message).toMatch(/^Not seated in CT-CA-NL-.*: María José Hernández López\./);
    expect(codesOf(await api.gql(COMPLETE_ALL, complete('ARRIVAL'), coordinator))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(COMPLETE_ALL, complete('ORIENTATION'), employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(COMPLETE_ALL, { i: { contingentId: randomUUID(), step: 'ORIENTATION' } }, coordinator))).toEqual(['NOT_FOUND']);
    for (const step of ['VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED']) {
      expect((await ok(COMPLETE_ALL, complete(step), coordinator)).completeSteps.completed).toBe(2);
    }
    const audit = (await audits(k)).filter((e) => e.action === 'complete-steps');
    expect(audit.map((e) => e.fields)).toEqual([['DOCUMENTS_CHECKED'], ['DOCUMENTS_CHECKED'], ['DOCUMENTS_CHECKED'], ['MEDICAL_EXAM'], ['VISA_BIOMETRICS'], ['ORIENTATION'], ['CONTRACT_SIGNED']]);
    const waiveAudit: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'waive-step' AND reason = $1`, ['Medical exam done last season, still valid.']);
    expect(waiveAudit[0].n).toBe(1);

    // The waiver does not block confirmation.
    expect((await ok(`mutation($id: ID!) { confirmContingent(id: $id) { status } }`, { id: k }, coordinator)).confirmContingent.status).toBe('CONFIRMED');
    expect(OFFICE_STEPS).toHaveLength(5);
  });

  it('tells the employer how many workers to evaluate, and by when, once per end (an early end and the return)', async () => {
    const k = second.again;
    const early = 'Test contingent: leaves before the planned date.';
    await ok(RECORD('recordDeparture'), { i: { contingentId: k, reason: early } }, coordinator);
    await ok(RECORD('recordArrival'), { i: { contingentId: k } }, coordinator);
    // Once its workers have left, neither the order nor the contingent can be cancelled.
    const late = await api.gql(CANCEL_ORDER, { i: { jobOrderId: second.orderId, reason: 'We changed our mind too late.' } }, employer.token);
    expect(codesOf(late)).toEqual(['INVALID_TRANSITION']);
    expect(late.errors[0]!.message).toMatch(/cannot be cancelled: its workers have departed/);
    expect(codesOf(await api.gql(CANCEL_CONTINGENT, { i: { contingentId: k, reason: 'The flight was cancelled.' } }, coordinator))).toEqual(['INVALID_TRANSITION']);
    const placements: { id: string }[] = await ds.query(`SELECT p.id FROM placement p JOIN traveller t ON t.id = p.traveller_id WHERE t.contingent_id = $1 ORDER BY p.id`, [k]);
    expect(placements).toHaveLength(2);
    const today = todayIso();
    await ok(
      `mutation($i: EndPlacementInput!) { endPlacement(input: $i) { status } }`,
      { i: { placementId: placements[0].id, outcome: 'ABANDONED', endedOn: today, reason: 'Left the farm without notice.' } },
      coordinator,
    );
    await ok(RECORD('recordReturn'), { i: { contingentId: k, reason: 'Test contingent: back before the contract starts.' } }, coordinator);

    const due = await notices(`kind = 'EVALUATIONS_DUE' AND employer_id = $1`, [employer.id]);
    expect(due).toHaveLength(2);
    const deadline = addDays(today, 30);
    for (const n of due) {
      expect(n).toMatchObject({ audience: 'EMPLOYER', subject: `Evaluations due by ${deadline}: 1 worker(s)` });
      expect(n.body).toMatch(new RegExp(`1 worker\\(s\\) of JO-\\d{4}-\\d{6} ended their placement on ${today}\\. Please evaluate each of them by ${deadline}`));
      expect(n.body).not.toMatch(/María|Hernández/);
    }
    expect(codesOf(await api.gql(RECORD('recordReturn'), { i: { contingentId: k } }, coordinator))).toEqual(['INVALID_TRANSITION']);
    expect(await notices(`kind = 'EVALUATIONS_DUE' AND employer_id = $1`, [employer.id])).toHaveLength(2);
  });

  it('lists contingents by filter, a page at a time; an employer only those carrying its workers, an applicant none', async () => {
    const { orderId, first, again } = second;
    const page1 = (await ok(LIST, { f: { jobOrderId: orderId }, first: 1 }, coordinator)).contingents;
    expect(page1.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([again]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(LIST, { f: { jobOrderId: orderId }, first: 1, after: page1.pageInfo.endCursor }, coordinator)).contingents;
    expect(page2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([first]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const byStatus = (await ok(LIST, { f: { status: 'CANCELLED', regionCode: 'CA-NL', departureFrom: futureDate(0), departureTo: startDate }, first: 100 }, coordinator)).contingents;
    const ids = byStatus.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(first);
    expect(ids).not.toContain(again);
    expect(byStatus.edges.every((e: { node: { status: string; regionCode: string } }) => e.node.status === 'CANCELLED' && e.node.regionCode === 'CA-NL')).toBe(true);
    expect((await ok(LIST, { f: { status: 'RETURNED', departureTo: addDays(todayIso(), -1), jobOrderId: orderId }, first: 10 }, coordinator)).contingents.edges).toEqual([]);

    expect((await contingentsOf(orderId, employer.token)).map((k) => k.id)).toEqual([again, first]);
    const own = (await ok(LIST, { first: 100 }, employer.token)).contingents.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(own).toEqual(expect.arrayContaining([again, first]));
    expect(await contingentsOf(orderId, stranger.token)).toEqual([]);
    expect((await ok(LIST, { first: 100 }, stranger.token)).contingents.edges).toEqual([]);
    expect(codesOf(await api.gql(LIST, { first: 1 }, applicants[0].token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(LIST, { first: 101 }, coordinator))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(LIST, { first: 1, after: 'not-a-cursor' }, coordinator))).toEqual(['BAD_USER_INPUT']);
  });
});
