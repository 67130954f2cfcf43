import { codesOf, startApi, TestApi } from '../support/api';
import { newCoordinator, newEmployer, newJobOrder } from '../support/people';

/**
 * A mutation must not take a second pooled connection while its transaction holds a row lock: under load every
 * connection ends up held by a transaction waiting for one more, and nothing moves until the connection wait runs
 * out (found by bench:api's mix: 10 req/s, p99 5 s, SERVICE_UNAVAILABLE). With a pool of two, concurrent
 * corrections of one order make that happen at once if any path does it.
 */
describe('concurrent mutations on a small pool', () => {
  let api: TestApi;
  let employer: { token: string };

  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: '2', DATABASE_CONNECT_TIMEOUT_MS: '3000' });
    const coordinator = (await newCoordinator(api)).token;
    employer = await newEmployer(api, coordinator);
  });
  afterAll(() => api?.close());

  it('corrects one draft order from eight requests at once, each answered, none waiting for a connection', async () => {
    const id = await newJobOrder(api, employer.token);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api.gql(`mutation($i: UpdateJobOrderInput!) { updateJobOrder(input: $i) { hoursPerWeek } }`, { i: { jobOrderId: id, hoursPerWeek: 40 + i } }, employer.token)),
    );
    expect(answers.map(codesOf)).toEqual(Array(8).fill([]));
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
