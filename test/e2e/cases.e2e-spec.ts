import type { INestApplicationContext } from '@nestjs/common';
import { codesOf, startApi, startWorker, TestApi } from '../support/api';
import { newConsul, newCoordinator, newEmployer } from '../support/people';
import { employerWithLogin, seasonUnderway } from '../support/season-setup';

const REPORT = `mutation($i: ReportCaseInput!) { reportCase(input: $i) { id reference status severity triageSeverity triageReasons { code severity } reporterRole applicantId regionCode nextStepDueAt } }`;
const CASE = `query($id: ID!) { case(id: $id) {
  id reference categories status finding applicantId placementId reporterRole reportedBy discloseReporter description indicators severity triageReasons { code }
  referredTo assignedTo events { kind note internal actorId toStatus } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateCaseInput!) { updateCase(id: $id, input: $i) { id status severity referredTo finding } }`;
const CASES = `query($f: CaseFilterInput) { cases(first: 50, filter: $f) { edges { node { id status applicantId severity } } pageInfo { hasNextPage } } }`;

interface CaseNode {
  id: string;
  reference: string;
  categories: string[];
  status: string;
  finding: string | null;
  applicantId: string | null;
  placementId: string | null;
  reporterRole: string | null;
  reportedBy: string | null;
  discloseReporter: boolean | null;
  description: string | null;
  indicators: string[];
  severity: string | null;
  triageReasons: { code: string }[];
  referredTo: string | null;
  assignedTo: string | null;
  events: { kind: string; note: string | null; internal: boolean; actorId: string | null; toStatus: string | null }[];
}

/**
 * Protection cases through the API with a real worker abroad: the worker reports documents withheld and restricted
 * movement (CRITICAL), the employer sees the case but not who reported (unless the worker consented), the worker
 * sees no internal note, another employer and another worker get NOT_FOUND, the consul of the region follows and
 * refers it, and refused moves answer INVALID_TRANSITION.
 */
describe('protection cases', () => {
  jest.setTimeout(180_000);
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: { token: string; id: string };
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let stranger: { id: string; token: string };
  let consulQC: { token: string; id: string };
  let consulON: { token: string; id: string };
  let season: Awaited<ReturnType<typeof seasonUnderway>>;
  let critical: { id: string };

  const caseAs = async (token: string, id: string) => api.gql<{ case: CaseNode }>(CASE, { id }, token);
  const ok = async <T>(p: Promise<{ data?: T | null; errors: unknown[] }>): Promise<T> => {
    const r = await p;
    expect(r.errors).toEqual([]);
    return r.data!;
  };

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    coordinator = await newCoordinator(api);
    employer = await employerWithLogin(api, coordinator.token);
    stranger = await newEmployer(api, coordinator.token);
    consulQC = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-QC'] });
    consulON = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-ON'] });
    // The order's work region is CA-QC (jobOrderInput's default): the QC consul's jurisdiction.
    season = await seasonUnderway(api, coordinator.token, employer.token, { count: 2, occupation: { isco: '9312', noc: '75110' } });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('takes the worker\'s report of documents withheld with restricted movement as CRITICAL, with its reasons', async () => {
    const [w] = season.workers;
    const { reportCase } = await ok(
      api.gql<{ reportCase: CaseNode & { triageSeverity: string; regionCode: string; nextStepDueAt: string } }>(REPORT, {
        i: {
          placementId: w.placementId,
          categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'],
          indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS', 'RESTRICTION_OF_MOVEMENT'],
          description: 'The supervisor took our passports on arrival and we may not leave the farm.',
        },
      }, w.token),
    );
    expect(reportCase).toMatchObject({ status: 'REPORTED', severity: 'CRITICAL', triageSeverity: 'CRITICAL', reporterRole: 'APPLICANT', applicantId: w.id, regionCode: 'CA-QC' });
    expect(reportCase.triageReasons[0]).toEqual({ code: 'DOCUMENTS_AND_MOVEMENT', severity: 'CRITICAL' });
    expect(Date.parse(reportCase.nextStepDueAt) - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    critical = reportCase;
  });

  it('shows the employer the case, its categories and status, but never who reported, without the worker\'s consent', async () => {
    const seen = (await ok(caseAs(employer.token, critical.id))).case;
    expect(seen).toMatchObject({ id: critical.id, categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'], status: 'REPORTED', finding: null });
    expect(seen).toMatchObject({ applicantId: null, placementId: null, reporterRole: null, reportedBy: null, discloseReporter: null, description: null, severity: null, indicators: [], events: [] });
    const raw = JSON.stringify(seen);
    for (const w of season.workers) {
      expect(raw).not.toContain(w.id);
      expect(raw).not.toContain(w.placementId);
    }
    // Filtering by the worker would tell the employer who reported: the filter is not applied to an employer.
    const listed = (await ok(api.gql<{ cases: { edges: { node: { id: string; applicantId: string | null } }[] } }>(CASES, { f: { applicantId: season.workers[1].id } }, employer.token))).cases.edges;
    expect(listed.map((e) => e.node)).toContainEqual({ id: critical.id, status: 'REPORTED', applicantId: null, severity: null });
  });

  it('shows the employer the worker when the worker consented', async () => {
    const [, w] = season.workers;
    const { reportCase } = await ok(
      api.gql<{ reportCase: { id: string } }>(REPORT, { i: { placementId: w.placementId, categories: ['HOUSING'], description: 'Twelve of us share one room with no heating.', discloseReporter: true } }, w.token),
    );
    expect((await ok(caseAs(employer.token, reportCase.id))).case).toMatchObject({ applicantId: w.id, placementId: w.placementId, reporterRole: 'APPLICANT', description: null, severity: null });
  });

  it('gives another employer and another worker NOT_FOUND, for the case and for the placement', async () => {
    expect(codesOf(await caseAs(stranger.token, critical.id))).toEqual(['NOT_FOUND']);
    expect(codesOf(await caseAs(season.workers[1].token, critical.id))).toEqual(['NOT_FOUND']);
    expect(codesOf(await caseAs(consulON.token, critical.id))).toEqual(['NOT_FOUND']);
    const other = await api.gql(REPORT, { i: { placementId: season.workers[0].placementId, categories: ['OTHER'], description: 'Reporting for someone else.' } }, season.workers[1].token);
    expect(codesOf(other)).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(REPORT, { i: { placementId: season.workers[0].placementId, categories: ['OTHER'], description: 'An employer cannot report.' } }, employer.token))).toEqual(['FORBIDDEN']);
    const strangerList = (await ok(api.gql<{ cases: { edges: { node: { id: string } }[] } }>(CASES, {}, stranger.token))).cases.edges;
    expect(strangerList.map((e) => e.node.id)).not.toContain(critical.id);
  });

  it('lets the consul of the region follow and refer it; refused moves are INVALID_TRANSITION; the worker sees no internal note', async () => {
    expect(codesOf(await api.gql(UPDATE, { id: critical.id, i: { transition: 'INVESTIGATE' } }, consulQC.token))).toEqual(['INVALID_TRANSITION']);
    expect(codesOf(await api.gql(UPDATE, { id: critical.id, i: { transition: 'CLOSE' } }, coordinator.token))).toEqual(['INVALID_TRANSITION']);
    expect(codesOf(await api.gql(UPDATE, { id: critical.id, i: { severity: 'LOW', severityReason: 'Seems less serious now.' } }, coordinator.token))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(UPDATE, { id: critical.id, i: { transition: 'TRIAGE' } }, employer.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(UPDATE, { id: critical.id, i: { transition: 'TRIAGE' } }, season.workers[0].token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(UPDATE, { id: critical.id, i: { transition: 'TRIAGE' } }, consulON.token))).toEqual(['NOT_FOUND']);

    await ok(api.gql(UPDATE, { id: critical.id, i: { transition: 'TRIAGE', note: 'Employer has a previous complaint on file.', internal: true } }, consulQC.token));
    await ok(api.gql(UPDATE, { id: critical.id, i: { note: 'We have your report; the consulate will call you today.', internal: false, assignTo: consulQC.id } }, consulQC.token));
    const referred = await ok(api.gql<{ updateCase: CaseNode }>(UPDATE, { id: critical.id, i: { transition: 'REFER', referredTo: 'CNESST (Québec labour standards)' } }, consulQC.token));
    expect(referred.updateCase).toMatchObject({ status: 'REFERRED', referredTo: 'CNESST (Québec labour standards)', severity: 'CRITICAL' });
    expect(codesOf(await api.gql(UPDATE, { id: critical.id, i: { transition: 'REFER', referredTo: 'Again' } }, consulQC.token))).toEqual(['INVALID_TRANSITION']);

    const staff = (await ok(caseAs(coordinator.token, critical.id))).case;
    expect(staff.events.map((e) => e.kind)).toEqual(['REPORTED', 'NOTE', 'TRANSITION', 'ASSIGNED', 'NOTE', 'TRANSITION']);
    expect(staff).toMatchObject({ assignedTo: consulQC.id, reporterRole: 'APPLICANT', applicantId: season.workers[0].id });
    const own = (await ok(caseAs(season.workers[0].token, critical.id))).case;
    expect(own.events.map((e) => e.note)).toEqual([null, null, 'We have your report; the consulate will call you today.', null]);
    expect(own.events.every((e) => !e.internal && e.actorId === null)).toBe(true);
    expect(JSON.stringify(own)).not.toContain('previous complaint');
    expect(own).toMatchObject({ status: 'REFERRED', description: expect.stringMatching(/passports/), assignedTo: null });

    const theirs = (await ok(api.gql<{ cases: { edges: { node: { id: string } }[] } }>(CASES, { f: { status: 'REFERRED' } }, consulQC.token))).cases.edges.map((e) => e.node.id);
    expect(theirs).toContain(critical.id);
    const onList = (await ok(api.gql<{ cases: { edges: { node: { id: string } }[] } }>(CASES, {}, consulON.token))).cases.edges.map((e) => e.node.id);
    expect(onList).not.toContain(critical.id);
  });

  it('decides the case: the employer sees the outcome, still without the reporter', async () => {
    expect(codesOf(await api.gql(UPDATE, { id: critical.id, i: { transition: 'SUBSTANTIATE' } }, coordinator.token))).toEqual(['BAD_USER_INPUT']);
    const decided = await ok(api.gql<{ updateCase: CaseNode }>(UPDATE, { id: critical.id, i: { transition: 'SUBSTANTIATE', finding: 'EMPLOYER' } }, coordinator.token));
    expect(decided.updateCase).toMatchObject({ status: 'SUBSTANTIATED', finding: 'EMPLOYER' });
    expect((await ok(caseAs(employer.token, critical.id))).case).toMatchObject({ status: 'SUBSTANTIATED', finding: 'EMPLOYER', applicantId: null, reporterRole: null });
  });
});
