import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { countQueries, startApi, TestApi } from '../support/api';
import { jobOrderInput, newCoordinator, newEmployer, newJobOrder } from '../support/people';
import { employerWithLogin } from '../support/season-setup';

// Every field of JobOrder that is a column of its own or made from columns (not the fields other libraries resolve).
const ORDER_FIELDS = `id reference employerId title iscoCode destinationOccupationSystem destinationOccupationCode positions requiredSkills
  preferredSkills languages { code level } minExperienceYears workRegion { code country name } workCity startDate durationWeeks endDate
  hourlyWage currency hoursPerWeek housingProvided housingDescription employerPaysRecruitment employerPaysTravel status statusReason
  submittedAt approvedAt createdAt employer { id legalName tradeName country region { code name } city sector status verifiedAt createdAt }`;

/**
 * Job orders are read through a read model (JOB_ORDER_READ): only the columns a query selects, its employer joined
 * in the same statement. The answers must be those of the whole entity a mutation maps, and the scoping and paging
 * those of before.
 */
describe('job orders read by selection', () => {
  let api: TestApi;
  let coordinator: string;
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let other: Awaited<ReturnType<typeof employerWithLogin>>;
  let created: Record<string, unknown>;
  const ids: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    coordinator = (await newCoordinator(api)).token;
    [employer, other] = [await employerWithLogin(api, coordinator), await employerWithLogin(api, coordinator)];
    const r = await api.gql(`mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { ${ORDER_FIELDS} } }`, { i: jobOrderInput({ requiredSkills: ['EGG_COLLECTION'], hourlyWage: 16.35 }) }, employer.token);
    expect(r.errors).toEqual([]);
    created = r.data!.createJobOrder;
    ids.push(created.id as string);
    for (let i = 0; i < 2; i++) ids.push(await newJobOrder(api, employer.token, { title: `Second order ${i}` }));
  });
  afterAll(() => api?.close());

  it('answers a read with the very values the mutation answered from the whole entity, employer included', async () => {
    const one = await api.gql(`query($id: ID!) { jobOrder(id: $id) { ${ORDER_FIELDS} } }`, { id: created.id }, employer.token);
    expect(one.errors).toEqual([]);
    expect(one.data!.jobOrder).toEqual(created);
    expect(created).toMatchObject({ hourlyWage: 16.35, requiredSkills: ['EGG_COLLECTION'], languages: [{ code: 'fr', level: 'A1' }], workRegion: { code: 'CA-QC' } });
    const list = await api.gql(`query { jobOrders(first: 10) { edges { node { ${ORDER_FIELDS} } } } }`, {}, employer.token);
    expect(list.errors).toEqual([]);
    expect(list.data!.jobOrders.edges.find((e: { node: { id: string } }) => e.node.id === created.id).node).toEqual(created);
  });

  it('answers an employer read alone as the same employer joined under its order, and as the verification answered it', async () => {
    const EMPLOYER = `id legalName tradeName country region { code name } city sector program programReference contactName contactEmail contactPhone status statusReason verifiedAt createdAt`;
    const alone = await api.gql(`query($id: ID!) { employer(id: $id) { ${EMPLOYER} } }`, { id: employer.id }, coordinator);
    const listed = await api.gql(`query { employers(first: 100, filter: { status: VERIFIED }) { edges { node { ${EMPLOYER} } } } }`, {}, coordinator);
    const under = await api.gql(`query($id: ID!) { jobOrder(id: $id) { employer { ${EMPLOYER} } } }`, { id: created.id }, coordinator);
    const pending = await newEmployer(api, coordinator, { verified: false });
    const verified = await api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { ${EMPLOYER} } }`, { id: pending.id }, coordinator);
    expect([alone.errors, listed.errors, under.errors, verified.errors]).toEqual([[], [], [], []]);
    expect(alone.data!.employer).toMatchObject({ id: employer.id, status: 'VERIFIED', verifiedAt: expect.any(String), region: { code: expect.any(String) } });
    expect(under.data!.jobOrder.employer).toEqual(alone.data!.employer);
    const nodes = listed.data!.employers.edges.map((e: { node: { id: string } }) => e.node);
    expect(nodes.find((n: { id: string }) => n.id === employer.id)).toEqual(alone.data!.employer);
    const pendingAlone = await api.gql(`query($id: ID!) { employer(id: $id) { ${EMPLOYER} } }`, { id: pending.id }, coordinator);
    expect(pendingAlone.data!.employer).toEqual(verified.data!.verifyEmployer);
    expect((await api.gql(`query($id: ID!) { employer(id: $id) { id } }`, { id: employer.id }, other.token)).errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it("runs the schema's plain fields without a resolver of their own; resolved fields and operations keep theirs", () => {
    // withPlainFields: graphql-jit reads a field without a resolver inline.
    const { schema } = api.app.get(GraphQLSchemaHost);
    const order = schema.getType('JobOrder') as import('graphql').GraphQLObjectType;
    for (const field of ['title', 'startDate', 'workRegion', 'languages']) expect(order.getFields()[field]!.resolve).toBeUndefined();
    for (const field of ['employer', 'employerStanding']) expect(order.getFields()[field]!.resolve).toEqual(expect.any(Function));
    expect(schema.getQueryType()!.getFields()['jobOrders']!.resolve).toEqual(expect.any(Function));
  });

  it('reads only the columns selected, and joins the employer only when asked', async () => {
    const ds = api.app.get(DataSource);
    const narrow = await countQueries(ds, () => api.gql(`query { jobOrders(first: 5) { edges { node { reference } } } }`, {}, employer.token));
    const statement = narrow.statements.find((q) => /FROM "job_order"/.test(q))!;
    expect(statement).toMatch(/"reference"/);
    expect(statement).not.toMatch(/"title"|"hourly_wage"|"languages"|"employer"/);
    const wide = await countQueries(ds, () => api.gql(`query { jobOrders(first: 5) { edges { node { title employer { legalName } } } } }`, {}, employer.token));
    expect(wide.statements.filter((q) => /"job_order"|"employer"/.test(q))).toEqual([expect.stringMatching(/j0\."legal_name".* FROM "job_order" t LEFT JOIN "employer" j0 /)]);
  });

  it('answers every mutation of an order as the queries read it: its selection, the employer joined', async () => {
    const id = await newJobOrder(api, employer.token, { title: 'Through its life' });
    ids.push(id);
    const { legalName, region } = created.employer as { legalName: string; region: unknown };
    const joined = { legalName, region };
    const steps: [string, string, Record<string, unknown>, string, Record<string, unknown>][] = [
      ['updateJobOrder', `mutation($i: UpdateJobOrderInput!) { updateJobOrder(input: $i) { id title employer { legalName region { code name } } } }`, { i: { jobOrderId: id, title: 'Renamed' } }, employer.token, { title: 'Renamed' }],
      ['submitJobOrder', `mutation($id: ID!) { submitJobOrder(id: $id) { id status employer { legalName region { code name } } } }`, { id }, employer.token, { status: 'SUBMITTED' }],
      ['rejectJobOrder', `mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { id status statusReason employer { legalName region { code name } } } }`, { i: { id, reason: 'Wage below the prevailing rate' } }, coordinator, { status: 'REJECTED', statusReason: 'Wage below the prevailing rate' }],
      ['updateJobOrder', `mutation($i: UpdateJobOrderInput!) { updateJobOrder(input: $i) { id status employer { legalName region { code name } } } }`, { i: { jobOrderId: id, hourlyWage: 18.5 } }, employer.token, { status: 'DRAFT' }],
      ['submitJobOrder', `mutation($id: ID!) { submitJobOrder(id: $id) { id status employer { legalName region { code name } } } }`, { id }, employer.token, { status: 'SUBMITTED' }],
      ['approveJobOrder', `mutation($id: ID!) { approveJobOrder(id: $id) { id status employer { legalName region { code name } } } }`, { id }, coordinator, { status: 'OPEN' }],
      ['cancelJobOrder', `mutation($i: CancelJobOrderInput!) { cancelJobOrder(input: $i) { id status employer { legalName region { code name } } } }`, { i: { jobOrderId: id, reason: 'Season called off' } }, employer.token, { status: 'CANCELLED' }],
    ];
    for (const [name, query, variables, token, expected] of steps) {
      const r = await api.gql(query, variables, token);
      expect(r.errors).toEqual([]);
      expect(r.data![name]).toEqual({ id, ...expected, employer: joined });
    }
  });

  it('keeps each employer to its own orders, in the list and by id', async () => {
    const mine = await api.gql(`query { jobOrders(first: 100) { edges { node { id employer { id } } } } }`, {}, other.token);
    expect(mine.errors).toEqual([]);
    expect(mine.data!.jobOrders.edges).toEqual([]);
    const theirs = await api.gql(`query($id: ID!) { jobOrder(id: $id) { id title } }`, { id: created.id }, other.token);
    expect(theirs.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    const filtered = await api.gql(`query($e: ID!) { jobOrders(first: 100, filter: { employerId: $e }) { edges { node { id } } } }`, { e: employer.id }, other.token);
    expect(filtered.data!.jobOrders.edges).toEqual([]);
  });

  it('pages newest first with its cursors, each order once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      type Page = { jobOrders: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      const r: Awaited<ReturnType<typeof api.gql<Page>>> = await api.gql<Page>(`query($a: String) { jobOrders(first: 1, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { a: after }, employer.token);
      seen.push(...r.data!.jobOrders.edges.map((e) => e.node.id));
      after = r.data!.jobOrders.pageInfo.hasNextPage ? r.data!.jobOrders.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...ids].reverse());
  });

  it('reads instants to the millisecond, as pg would have parsed them, whatever their microseconds', async () => {
    const db = api.app.get(DataSource);
    const cases: [string, string][] = [
      ['2026-03-01 10:00:00.123999+00', '2026-03-01T10:00:00.123Z'],
      ['2026-03-01 10:00:00.123000+00', '2026-03-01T10:00:00.123Z'],
      ['2026-03-01 10:00:00.000001+00', '2026-03-01T10:00:00.000Z'],
      ['2026-03-01 23:59:59.999999-06', '2026-03-02T05:59:59.999Z'],
      ['1969-07-20 20:17:40+00', '1969-07-20T20:17:40.000Z'],
      ['1969-07-20 20:17:40.5005+00', '1969-07-20T20:17:40.500Z'],
    ];
    try {
      for (const [stored, answered] of cases) {
        await db.query(`UPDATE job_order SET submitted_at = $1 WHERE id = $2`, [stored, created.id]);
        const r = await api.gql(`query($id: ID!) { jobOrder(id: $id) { submittedAt approvedAt } }`, { id: created.id }, employer.token);
        expect(r.data!.jobOrder).toEqual({ submittedAt: answered, approvedAt: null });
      }
    } finally {
      await db.query(`UPDATE job_order SET submitted_at = NULL WHERE id = $1`, [created.id]);
    }
  });
});
