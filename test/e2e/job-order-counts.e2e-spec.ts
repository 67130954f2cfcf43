import { startApi, TestApi } from '../support/api';
import { newCoordinator, newEmployer, newJobOrder } from '../support/people';

type Counts = { status: string; count: number }[];
const COUNTS = `{ jobOrderCounts { status count } }`;

/** jobOrderCounts: the portal's dashboard counts without paging through every order; an employer counts only its own. */
describe('jobOrderCounts', () => {
  let api: TestApi;
  let coordinator: string;

  beforeAll(async () => {
    api = await startApi();
    coordinator = (await newCoordinator(api)).token;
  });
  afterAll(() => api.close());

  const countsOf = async (token: string): Promise<Record<string, number>> => {
    const r = await api.gql<{ jobOrderCounts: Counts }>(COUNTS, {}, token);
    expect(r.errors).toEqual([]);
    return Object.fromEntries(r.data!.jobOrderCounts.map((c) => [c.status, c.count]));
  };

  it("counts an employer's own orders by status, never another's", async () => {
    const mine = await newEmployer(api, coordinator);
    const other = await newEmployer(api, coordinator);
    expect(await countsOf(mine.token)).toEqual({});

    await newJobOrder(api, mine.token);
    const submitted = await newJobOrder(api, mine.token);
    const rejected = await newJobOrder(api, mine.token);
    await newJobOrder(api, other.token);
    for (const id of [submitted, rejected]) await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, mine.token);
    await api.gql(`mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { id } }`, { i: { id: rejected, reason: 'The wage is below the prevailing wage.' } }, coordinator);

    expect(await countsOf(mine.token)).toEqual({ DRAFT: 1, SUBMITTED: 1, REJECTED: 1 });
    expect(await countsOf(other.token)).toEqual({ DRAFT: 1 });
    // The coordinator counts everyone's: at least these (other suites add theirs to the same database).
    const all = await countsOf(coordinator);
    expect(all['DRAFT']).toBeGreaterThanOrEqual(2);
    expect(all['REJECTED']).toBeGreaterThanOrEqual(1);
  });

  it('is refused without a session', async () => {
    const anonymous = await api.gql(COUNTS);
    expect(anonymous.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
