import { addDays, todayIso } from '@puente/common';
import { StatisticsRefreshService } from '@puente/domain/statistics';
import { codesOf, startApi, TestApi } from '../support/api';
import { newApplicant, newConsul, newCoordinator, newEmployer } from '../support/people';

const STATISTICS = `query($f: StatisticsFilter!) {
  programStatistics(filter: $f) {
    from to groupBy asOf
    flows { groups { dimension key label labelEs } outflows returns stockAbroad }
    total { outflows returns stockAbroad }
    program { registeredApplicants registeredInPeriod verifiedInPeriod availableApplicants deployments medianDaysSelectionToDeparture onTimeReturnRate }
    cases { placements cases perThousand categories { category cases perThousand outcomes { outcome cases perThousand } } }
    supplyDemand { iscoCode departmentCode positionsRequested qualifiedAvailable balance }
    fairness { registrants departments { code registrants registrantShare disparityRatio } women { registrants registrantShare } }
    returnees { records byCurrency { currency medianRemittances } }
  }
}`;

/**
 * `programStatistics` over the API as a coordinator uses it, and as the other roles may not: the figures follow a
 * registration once the aggregates are refreshed (what the statistics.refresh job does), every group of a dimension
 * is listed, and a wrong filter names its field. The database is shared with other suites, so the figures read are
 * those of a group nobody else registers in (sex OTHER in Morazán) or differences.
 */
describe('program statistics', () => {
  jest.setTimeout(120_000);
  let api: TestApi;
  let coordinator: string;
  const today = todayIso();
  // A week around today: the registrations of this run fall in it whatever the clock says.
  const week = { from: addDays(today, -3), to: addDays(today, 3) };

  const ask = (filter: Record<string, unknown>, token = coordinator) => api.gql(STATISTICS, { f: filter }, token);
  const refresh = () => api.app.get(StatisticsRefreshService).refresh();

  beforeAll(async () => {
    api = await startApi();
    coordinator = (await newCoordinator(api)).token;
  });
  afterAll(() => api.close());

  it('counts a new registrant once the aggregates are refreshed, as of the refresh', async () => {
    const filter = { ...week, departmentCode: 'SV-MO', sex: 'OTHER' };
    await refresh();
    const before = await ask(filter);
    expect(before.errors).toEqual([]);
    await newApplicant(api, coordinator, { municipalityCode: 'SV-MO-NORTE', gender: 'OTHER' });
    // Not yet: the figures are the aggregates', until the refresh.
    expect((await ask(filter)).data!.programStatistics.program.registeredInPeriod).toBe(before.data!.programStatistics.program.registeredInPeriod);
    const { refreshedAt } = await refresh();
    const after = (await ask(filter)).data!.programStatistics;
    expect(after.program.registeredInPeriod).toBe(before.data!.programStatistics.program.registeredInPeriod + 1);
    expect(after.program.registeredApplicants).toBe(before.data!.programStatistics.program.registeredApplicants + 1);
    expect(new Date(after.asOf).getTime()).toBe(refreshedAt.getTime());
    // Fairness lists the one department restricted to, with its registrants.
    expect(after.fairness.departments).toEqual([expect.objectContaining({ code: 'SV-MO', registrants: after.fairness.registrants })]);
    expect(after.fairness.women).toEqual({ registrants: 0, registrantShare: 0 });
  });

  it('lists every group of the dimensions asked for, zeros included, with their names', async () => {
    const r = await ask({ ...week, groupBy: ['SEX', 'DESTINATION_COUNTRY'] });
    expect(r.errors).toEqual([]);
    const s = r.data!.programStatistics;
    expect(s).toMatchObject({ from: week.from, to: week.to, groupBy: ['SEX', 'DESTINATION_COUNTRY'] });
    expect(s.flows.map((f: { groups: { key: string }[] }) => f.groups.map((g) => g.key).join('|'))).toEqual([
      'FEMALE|US',
      'FEMALE|CA',
      'MALE|US',
      'MALE|CA',
      'OTHER|US',
      'OTHER|CA',
    ]);
    expect(s.flows[1].groups).toEqual([
      { dimension: 'SEX', key: 'FEMALE', label: 'Women', labelEs: 'Mujeres' },
      { dimension: 'DESTINATION_COUNTRY', key: 'CA', label: 'Canada', labelEs: 'Canadá' },
    ]);
    const sum = (k: 'outflows' | 'returns' | 'stockAbroad') => s.flows.reduce((n: number, f: Record<string, number>) => n + f[k], 0);
    expect([sum('outflows'), sum('returns'), sum('stockAbroad')]).toEqual([s.total.outflows, s.total.returns, s.total.stockAbroad]);
    expect(s.cases.categories).toHaveLength(10);
    expect(s.cases.categories[0].outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['PENDING', 'SUBSTANTIATED', 'UNSUBSTANTIATED']);
    expect(s.supplyDemand.length).toBeGreaterThan(0);
  });

  it('is for coordinators and administrators only', async () => {
    const employer = await newEmployer(api, coordinator);
    const applicant = await newApplicant(api, coordinator);
    const consul = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-ON'] });
    for (const token of [employer.token, applicant.token, consul.token]) expect(codesOf(await ask(week, token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await ask(week, ''))).toEqual(['UNAUTHENTICATED']);
  });

  it('names the field of a wrong filter', async () => {
    const fieldsOf = async (filter: Record<string, unknown>) => {
      const r = await ask(filter);
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      return r.errors[0].extensions!.fields;
    };
    expect(await fieldsOf({ from: week.to, to: week.from })).toEqual([{ field: 'to', message: 'must be on or after from' }]);
    expect(await fieldsOf({ from: '2015-01-01', to: '2025-12-31' })).toEqual([{ field: 'to', message: 'must be within 3660 days of from' }]);
    expect(await fieldsOf({ ...week, groupBy: ['SEX', 'AGE_GROUP', 'DEPARTMENT'] })).toEqual([{ field: 'groupBy', message: 'may name at most 2 dimensions' }]);
    expect(await fieldsOf({ ...week, destinationCountry: 'US', regionCode: 'CA-ON' })).toEqual([{ field: 'regionCode', message: 'lies in CA, not in destinationCountry US' }]);
  });
});
