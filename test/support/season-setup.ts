import type { TestApi } from './api';
import { approvedJobOrder, employerInput, login, unusedStartDate, verifiedApplicant } from './people';
import { until } from './processes';

const OFFICE_STEPS = ['DOCUMENTS_CHECKED', 'MEDICAL_EXAM', 'VISA_BIOMETRICS', 'ORIENTATION', 'CONTRACT_SIGNED'];
// The season is played out in one day: the program's dates are checked against reality, so each early event says why.
const SAME_DAY = 'Test season: the whole contract is played out in one day.';

async function ok<T = unknown>(api: TestApi, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const r = await api.gql<T>(query, variables, token);
  if (!r.data || r.errors.length) throw new Error(`${query.slice(0, 60)} failed: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** A verified employer whose credentials are kept: a test that moves the clock past the tokens' life signs in again. */
export async function employerWithLogin(api: TestApi, coordinatorToken: string) {
  const input = employerInput();
  const r = await ok<{ registerEmployer: { id: string } }>(api, `mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input });
  const id = r.registerEmployer.id;
  await ok(api, `mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id }, coordinatorToken);
  return { id, email: input.contactEmail, password: input.password, legalName: input.legalName, token: await login(api, input.contactEmail, input.password) };
}

/** An occupation (ISCO-08 and a NOC code it maps to) that one suite alone uses, so no one else's workers compete. */
export interface SeasonOccupation {
  isco: string;
  noc: string;
}

/** A worker of a season: who, their placement in it, and their sign-in. */
export interface SeasonWorker {
  id: string;
  name: string;
  placementId: string;
  token: string;
  nationalId: string;
  password: string;
}

/**
 * `count` workers of a profile no other test uses go abroad for this employer and are there today: an order
 * approved and matched, its workers selected, seated, every office step done, departed and arrived. Gives each
 * worker's applicant id, name and placement id, the contingent's id, and the order's id and start date.
 * `returning`: workers of an earlier season of the same occupation, available again (rehire-eligible), who go
 * too, before the `count` new ones (their placement ids are this season's).
 */
export async function seasonUnderway(
  api: TestApi,
  coordinatorToken: string,
  employerToken: string,
  { count, occupation, names = [], returning = [] }: { count: number; occupation: SeasonOccupation; names?: string[]; returning?: readonly SeasonWorker[] },
) {
  const profile = { occupations: [occupation.isco], skills: [], yearsExperience: 3, municipalityCode: 'SV-MO-NORTE', languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'A2' }] };
  // Each worker's access token too, for what a worker does abroad (reporting a case, for one), and their sign-in
  // (DUI and password) for a test that moves the clock past the token's life.
  const workers: SeasonWorker[] = returning.map((w) => ({ ...w, placementId: '' }));
  for (let i = 0; i < count; i++) {
    const [firstNames, lastNames] = (names[i] ?? `Trabajador ${i + 1}|Prueba`).split('|');
    const a = await verifiedApplicant(api, coordinatorToken, { ...profile, firstNames, lastNames });
    workers.push({ id: a.id, name: `${firstNames} ${lastNames}`, placementId: '', token: a.token, nationalId: a.nationalId, password: a.password });
  }
  // A date no contingent of the order's region (jobOrderInput's CA-QC) has yet: nobody else's workers join this one.
  const startDate = await unusedStartDate(api, coordinatorToken, 'CA-QC', 60, 600);
  const orderId = await approvedJobOrder(api, employerToken, coordinatorToken, {
    title: 'Seasonal grower',
    iscoCode: occupation.isco,
    destinationOccupationCode: occupation.noc,
    positions: workers.length,
    languages: [{ code: 'en', level: 'A1' }],
    minExperienceYears: 1,
    startDate,
    durationWeeks: 20,
  });
  await until('the shortlist', async () => {
    const run = (await ok<{ jobOrder: { latestMatchingRun: { status: string } | null } }>(api, `query($id: ID!) { jobOrder(id: $id) { latestMatchingRun { status } } }`, { id: orderId }, coordinatorToken)).jobOrder.latestMatchingRun;
    return run?.status === 'SUCCEEDED';
  });
  const ids = workers.map((w) => w.id);
  await ok(api, `mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`, { i: { jobOrderId: orderId, applicantIds: ids } }, coordinatorToken);
  await ok(api, `mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId }, coordinatorToken);
  const CONTINGENTS = `query($id: ID!) { contingents(filter: { jobOrderId: $id }, first: 5) { edges { node { id } } } }`;
  const MEMBERS = `query($id: ID!) { contingent(id: $id) { members { applicantId placementId } } }`;
  type Members = { contingent: { members: { applicantId: string; placementId: string }[] } };
  let contingentId = '';
  await until('the seating', async () => {
    contingentId = (await ok<{ contingents: { edges: { node: { id: string } }[] } }>(api, CONTINGENTS, { id: orderId }, coordinatorToken)).contingents.edges[0]?.node.id ?? '';
    return contingentId !== '' && (await ok<Members>(api, MEMBERS, { id: contingentId }, coordinatorToken)).contingent.members.length === workers.length;
    // 90 s: in a full CI run the scheduling job once took longer than the default 30 s (cause not established).
  }, 90_000);
  for (const step of OFFICE_STEPS) {
    for (const applicantId of ids) await ok(api, `mutation($i: CompleteStepInput!) { completeStep(input: $i) { status } }`, { i: { contingentId, applicantId, step } }, coordinatorToken);
  }
  await ok(api, `mutation($id: ID!) { confirmContingent(id: $id) { status } }`, { id: contingentId }, coordinatorToken);
  await ok(api, `mutation($i: RecordTravelInput!) { recordDeparture(input: $i) { status } }`, { i: { contingentId, reason: SAME_DAY } }, coordinatorToken);
  await ok(api, `mutation($i: RecordTravelInput!) { recordArrival(input: $i) { status } }`, { i: { contingentId } }, coordinatorToken);
  const { members } = (await ok<Members>(api, MEMBERS, { id: contingentId }, coordinatorToken)).contingent;
  for (const w of workers) w.placementId = members.find((m) => m.applicantId === w.id)!.placementId;
  return { orderId, startDate, contingentId, workers };
}

/** The contingent of `seasonUnderway` comes home today. */
export async function contingentHome(api: TestApi, coordinatorToken: string, contingentId: string): Promise<void> {
  await ok(api, `mutation($i: RecordTravelInput!) { recordReturn(input: $i) { status } }`, { i: { contingentId, reason: SAME_DAY } }, coordinatorToken);
}

/** `seasonUnderway`, and the contingent comes back today. */
export async function seasonPlayedOut(...args: Parameters<typeof seasonUnderway>) {
  const season = await seasonUnderway(...args);
  await contingentHome(args[0], args[1], season.contingentId);
  return season;
}

/** The employer evaluates a placement with the same score everywhere. */
export function evaluate(api: TestApi, employerToken: string, placementId: string, score: number, wouldRehire: boolean) {
  return api.gql(`mutation($p: ID!, $i: EvaluationInputModel!) { submitEvaluation(placementId: $p, input: $i) { evaluationId } }`, {
    p: placementId,
    i: { punctuality: score, quality: score, safety: score, teamwork: score, overall: score, wouldRehire },
  }, employerToken);
}

/** Waits for the rehire decision on the worker's season and gives its outcome. */
export async function decided(api: TestApi, coordinatorToken: string, applicantId: string): Promise<string> {
  let outcome = 'PENDING';
  await until('the rehire decision', async () => {
    const r = await ok<{ rehireEligibility: { outcome: string } | null }>(api, `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome } }`, { id: applicantId }, coordinatorToken);
    outcome = r.rehireEligibility?.outcome ?? 'PENDING';
    return outcome !== 'PENDING';
  });
  return outcome;
}
