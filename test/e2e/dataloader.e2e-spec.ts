import { DataSource } from 'typeorm';
import { countQueries, startApi, TestApi } from '../support/api';
import { futureDate, newCoordinator } from '../support/people';

describe('DataLoaders keep lists at a constant number of queries', () => {
  let api: TestApi;
  let coordinator: string;
  const city = `Whitehorse-${Date.now()}`;

  beforeAll(async () => {
    api = await startApi();
    coordinator = (await newCoordinator(api)).token;
    // 100 open orders of 25 different employers, written straight to the database: this test is about reading.
    const ds = api.app.get(DataSource);
    const employers: { id: string }[] = await ds.query(
      `INSERT INTO employer (legal_name, country, region_code, city, sector, program, program_reference, contact_name, contact_email, contact_phone, status)
       SELECT 'Yukon Farm ' || n, 'CA', 'CA-YT', $1, 'AGRICULTURE', 'CA_TFWP_AGRICULTURAL', (900000000 + n + (random() * 1000000)::int)::text,
              'Contact', 'c' || n || '@yukon.example', '+18675550100', 'VERIFIED'
       FROM generate_series(1, 25) n RETURNING id`,
      [city],
    );
    await ds.query(
      `INSERT INTO job_order (reference, employer_id, title, isco_code, destination_occupation_system, destination_occupation_code, positions,
         work_region_code, work_city, start_date, duration_weeks, end_date, hourly_wage, currency, hours_per_week, housing_provided,
         employer_pays_recruitment, employer_pays_travel, status)
       SELECT 'JO-TEST-' || $1::text || '-' || n, ($2::uuid[])[1 + n % 25], 'Greenhouse labourer', '9211', 'NOC_2021', '85103', 10, 'CA-YT', $1::text,
              $3::date, 20, $3::date + 139, 17.25, 'CAD', 40, false, true, true, 'OPEN'
       FROM generate_series(1, 100) n`,
      [city, employers.map((e) => e.id), futureDate(60)],
    );
  });
  afterAll(() => api.close());

  const list = (first: number) =>
    api.gql(
      `query($first: Int) { jobOrders(first: $first, filter: { workRegionCode: "CA-YT", status: OPEN }) {
        edges { node { reference employer { legalName region { name } } } } } }`,
      { first },
      coordinator,
    );

  it('costs the same handful of queries for 10 orders and for 100 orders with their employers (joined in the same statement)', async () => {
    const ds = api.app.get(DataSource);
    await list(1); // warm the reference-data cache
    let hundred: Awaited<ReturnType<typeof list>> | undefined;
    const small = await countQueries(ds, () => list(10));
    const large = await countQueries(ds, async () => (hundred = await list(100)));
    expect(hundred!.errors).toEqual([]);
    const edges = hundred!.data!.jobOrders.edges as { node: { employer: { legalName: string } } }[];
    expect(edges).toHaveLength(100);
    expect(new Set(edges.map((e) => e.node.employer.legalName)).size).toBe(25);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(2);
    const employers = large.statements.filter((q) => /"employer"/.test(q));
    expect(employers).toHaveLength(1);
    expect(employers[0]).toMatch(/FROM "job_order" t LEFT JOIN "employer"/);
  });
});
