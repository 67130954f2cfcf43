import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, todayIso } from '@puente/common';
import { TestFactories } from '@puente/testing';
import { codesOf, startApi, TestApi } from '../support/api';
import { adminToken, newConsul, newCoordinator } from '../support/people';

const OFFICE_STEPS = ['DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED'];
const CONTINGENT = `query($id: ID!) { contingent(id: $id) { id regionCode members { applicantId name placementId placementStatus steps { kind } } steps { step } } }`;
const CONTINGENTS = `query($f: ContingentFilterInput) { contingents(first: 100, filter: $f) { edges { node { id regionCode } } } }`;
const CREATE_STAFF = `mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { user { id role jurisdiction { countryCode regionCodes } } temporaryPassword } }`;

type Node = { id: string; regionCode: string };
const nodes = (r: { data: { contingents: { edges: { node: Node }[] } } | null }): Node[] => r.data!.contingents.edges.map((e) => e.node);

/**
 * Consuls: a consul reads the contingents (their members and placements) going to a region of their jurisdiction,
 * nothing elsewhere (NOT_FOUND, left out of lists), and no coordinator operation; an administrator opens a consul's
 * login only with a jurisdiction of real regions of one country.
 */
describe('consuls', () => {
  jest.setTimeout(60_000);
  let api: TestApi;
  let admin: string;
  let coordinator: string;
  let consul: { id: string; token: string };
  /** Contingents in the consul's regions (Quebec, Ontario) and one outside it (British Columbia). */
  const inside: { quebec: string; ontario: string } = { quebec: '', ontario: '' };
  let outside = '';
  let quebecWorkers: string[] = [];
  let outsideOrder = '';

  /** An order of `positions` selected workers in `region` on a start date of this run, seated in a contingent. */
  async function contingentIn(factories: TestFactories, region: string, positions: number): Promise<{ contingentId: string; orderId: string; applicantIds: string[] }> {
    const owner = await factories.employer();
    const { order, applicants } = await factories.filledJobOrder(owner, positions, {
      workRegionCode: region,
      // A start date nobody else's order is likely to share: workers of one region and date travel together.
      startDate: addDays(todayIso(), 200 + randomInt(400)),
    });
    const outcome = await factories.contingents(order.id);
    const contingentId = (await api.app.get(DataSource).query(`SELECT DISTINCT contingent_id AS id FROM traveller WHERE job_order_id = $1`, [order.id]))[0].id as string;
    expect(outcome).toBeDefined();
    return { contingentId, orderId: order.id, applicantIds: applicants.map((a) => a.id) };
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await adminToken(api);
    coordinator = (await newCoordinator(api)).token;
    consul = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-QC', 'CA-ON'] });
    const factories = new TestFactories(api.app);
    const quebec = await contingentIn(factories, 'CA-QC', 2);
    inside.quebec = quebec.contingentId;
    quebecWorkers = quebec.applicantIds;
    inside.ontario = (await contingentIn(factories, 'CA-ON', 1)).contingentId;
    const bc = await contingentIn(factories, 'CA-BC', 1);
    outside = bc.contingentId;
    outsideOrder = bc.orderId;

    // The Quebec contingent leaves, so its workers have placements the consul reads.
    const ok = async (query: string, variables: Record<string, unknown>) => expect(codesOf(await api.gql(query, variables, coordinator))).toEqual([]);
    for (const step of OFFICE_STEPS) await ok(`mutation($i: CompleteStepsInput!) { completeSteps(input: $i) { completed } }`, { i: { contingentId: inside.quebec, step } });
    await ok(`mutation($id: ID!) { confirmContingent(id: $id) { status } }`, { id: inside.quebec });
    await ok(`mutation($i: RecordTravelInput!) { recordDeparture(input: $i) { status } }`, {
      i: { contingentId: inside.quebec, reason: 'Test: the contingent leaves on the day it is confirmed.' },
    });
  });
  afterAll(() => api?.close());

  it('shows the consul their jurisdiction, and nobody else one', async () => {
    const me = await api.gql(`{ me { role jurisdiction { countryCode regionCodes } } }`, {}, consul.token);
    expect(me.data!.me).toEqual({ role: 'CONSUL', jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC', 'CA-ON'] } });
    expect((await api.gql(`{ me { jurisdiction { countryCode } } }`, {}, coordinator)).data!.me.jurisdiction).toBeNull();
  });

  it('a consul reads a contingent of their jurisdiction with its members, their placements and its timeline', async () => {
    const r = await api.gql(CONTINGENT, { id: inside.quebec }, consul.token);
    expect(r.errors).toEqual([]);
    expect(r.data!.contingent.regionCode).toBe('CA-QC');
    const members = r.data!.contingent.members as { applicantId: string; name: string; placementId: string | null; placementStatus: string | null }[];
    expect(members.map((m) => m.applicantId).sort()).toEqual([...quebecWorkers].sort());
    for (const m of members) {
      expect(m.name).toEqual(expect.any(String));
      expect(m.placementId).toEqual(expect.any(String));
      expect(m.placementStatus).toBe('ACTIVE');
    }
    expect(r.data!.contingent.steps.length).toBeGreaterThan(0);
    // The same as the coordinator sees.
    const theirs = await api.gql(CONTINGENT, { id: inside.quebec }, coordinator);
    expect(r.data).toEqual(theirs.data);
    expect(codesOf(await api.gql(CONTINGENT, { id: inside.ontario }, consul.token))).toEqual([]);
  });

  it('a contingent outside the jurisdiction reads as NOT_FOUND, exactly as one that does not exist', async () => {
    const theirs = await api.gql(CONTINGENT, { id: outside }, consul.token);
    const missing = await api.gql(CONTINGENT, { id: randomUUID() }, consul.token);
    expect(codesOf(theirs)).toEqual(['NOT_FOUND']);
    expect(theirs.data).toBeNull();
    expect(theirs.errors[0]!.message).toBe(missing.errors[0]!.message);
    // It exists: the coordinator reads it.
    expect((await api.gql(CONTINGENT, { id: outside }, coordinator)).data!.contingent.regionCode).toBe('CA-BC');
  });

  it('lists hold only contingents of the jurisdiction, whatever the filter asks', async () => {
    const all = nodes(await api.gql(CONTINGENTS, {}, consul.token));
    const ids = all.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([inside.quebec, inside.ontario]));
    expect(ids).not.toContain(outside);
    expect(new Set(all.map((n) => n.regionCode))).toEqual(new Set(['CA-QC', 'CA-ON']));
    expect(nodes(await api.gql(CONTINGENTS, { f: { regionCode: 'CA-BC' } }, consul.token))).toEqual([]);
    expect(nodes(await api.gql(CONTINGENTS, { f: { jobOrderId: outsideOrder } }, consul.token))).toEqual([]);
    // The coordinator's list has the one outside.
    expect(nodes(await api.gql(CONTINGENTS, { f: { jobOrderId: outsideOrder } }, coordinator)).map((n) => n.id)).toEqual([outside]);
  });

  it('a consul of other regions sees none of these', async () => {
    const elsewhere = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-NS'] });
    expect(codesOf(await api.gql(CONTINGENT, { id: inside.quebec }, elsewhere.token))).toEqual(['NOT_FOUND']);
    const ids = nodes(await api.gql(CONTINGENTS, {}, elsewhere.token)).map((n) => n.id);
    expect(ids).not.toContain(inside.quebec);
    expect(ids).not.toContain(inside.ontario);
    expect(ids).not.toContain(outside);
  });

  it.each([
    ['applicants', `{ applicants(first: 1) { edges { node { id } } } }`, {}],
    ['applicant', `query($id: ID!) { applicant(id: $id) { id } }`, () => ({ id: quebecWorkers[0] })],
    ['travelSteps', `query($id: ID!) { travelSteps(applicantId: $id) { id } }`, () => ({ id: quebecWorkers[0] })],
    ['placementHistory', `query($id: ID!) { placementHistory(applicantId: $id) { status } }`, () => ({ id: quebecWorkers[0] })],
    ['employers', `{ employers(first: 1) { edges { node { id } } } }`, {}],
    ['jobOrders', `{ jobOrders(first: 1) { edges { node { id } } } }`, {}],
    ['recordArrival', `mutation($i: RecordTravelInput!) { recordArrival(input: $i) { id } }`, () => ({ i: { contingentId: inside.quebec } })],
    ['cancelContingent', `mutation($i: CancelContingentInput!) { cancelContingent(input: $i) { id } }`, () => ({ i: { contingentId: inside.ontario, reason: 'The flight was cancelled.' } })],
    ['createStaffUser', CREATE_STAFF, () => ({ i: { email: `x-${randomUUID()}@puente.test`, role: 'CONSUL', jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC'] } } })],
  ] as const)('a consul cannot call %s (FORBIDDEN), and nothing changes', async (_name, query, variables) => {
    const vars = typeof variables === 'function' ? variables() : variables;
    const r = await api.gql(query, vars, consul.token);
    expect(codesOf(r)).toEqual(['FORBIDDEN']);
    expect(r.data?.[_name] ?? null).toBeNull();
  });

  it('the contingents a consul was refused to touch are as they were', async () => {
    const r = await api.gql(`query($id: ID!) { contingent(id: $id) { status } }`, { id: inside.quebec }, coordinator);
    expect(r.data!.contingent.status).toBe('DEPARTED');
    const o = await api.gql(`query($id: ID!) { contingent(id: $id) { status } }`, { id: inside.ontario }, coordinator);
    expect(o.data!.contingent.status).not.toBe('CANCELLED');
  });

  describe('createStaffUser', () => {
    const email = () => `consul-${randomUUID()}@puente.test`;

    it('opens a consul with a jurisdiction, kept in capitals and once each, shown on the User', async () => {
      const r = await api.gql(CREATE_STAFF, { i: { email: email(), role: 'CONSUL', jurisdiction: { countryCode: 'ca', regionCodes: ['ca-qc', 'CA-QC', 'CA-ON'] } } }, admin);
      expect(r.errors).toEqual([]);
      expect(r.data!.createStaffUser.user).toEqual(expect.objectContaining({ role: 'CONSUL', jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC', 'CA-ON'] } }));
    });

    it.each([
      ['without a jurisdiction', { role: 'CONSUL' }, 'jurisdiction.countryCode'],
      ['with no region', { role: 'CONSUL', jurisdiction: { countryCode: 'CA', regionCodes: [] } }, 'jurisdiction.regionCodes'],
      ['with a region of another country', { role: 'CONSUL', jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC', 'US-NC'] } }, 'jurisdiction.regionCodes'],
      ['with a region that does not exist', { role: 'CONSUL', jurisdiction: { countryCode: 'CA', regionCodes: ['CA-ZZ'] } }, 'jurisdiction.regionCodes'],
      ['a coordinator with a jurisdiction', { role: 'COORDINATOR', jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC'] } }, 'jurisdiction'],
    ])('refuses %s (BAD_USER_INPUT), and opens no login', async (_what, input, field) => {
      const address = email();
      const r = await api.gql(CREATE_STAFF, { i: { email: address, ...input } }, admin);
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors[0]!.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await api.app.get(DataSource).query(`SELECT 1 FROM app_user WHERE identifier = $1`, [address])).toEqual([]);
    });

    it('the database holds the same line: a consul without a jurisdiction, or anyone else with one, is refused', async () => {
      const db = api.app.get(DataSource);
      await expect(db.query(`UPDATE app_user SET jurisdiction_country = NULL, jurisdiction_regions = NULL WHERE id = $1`, [consul.id])).rejects.toThrow(/app_user_consul_has_jurisdiction/);
      await expect(db.query(`UPDATE app_user SET jurisdiction_regions = '{}' WHERE id = $1`, [consul.id])).rejects.toThrow(/app_user_jurisdiction_regions/);
      const coordinatorId = (await api.gql(`{ me { id } }`, {}, coordinator)).data!.me.id;
      await expect(db.query(`UPDATE app_user SET jurisdiction_country = 'CA', jurisdiction_regions = '{CA-QC}' WHERE id = $1`, [coordinatorId])).rejects.toThrow(
        /app_user_consul_has_jurisdiction/,
      );
    });
  });
});
