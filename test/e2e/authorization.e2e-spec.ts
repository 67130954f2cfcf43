import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { codesOf, startApi, TestApi } from '../support/api';
import {
  adminToken,
  applicantInput,
  employerInput,
  jobOrderInput,
  newApplicant,
  newConsul,
  newCoordinator,
  newEmployer,
  newJobOrder,
} from '../support/people';

type Role = 'ANONYMOUS' | 'ADMIN' | 'COORDINATOR' | 'EMPLOYER' | 'APPLICANT' | 'CONSUL';
const ROLES: Role[] = ['ANONYMOUS', 'ADMIN', 'COORDINATOR', 'EMPLOYER', 'APPLICANT', 'CONSUL'];

interface Operation {
  name: string;
  /** Who may call it. A consul (CONSUL) only reads what lies in their jurisdiction: name it only on such reads and on self-service. */
  allowed: Role[] | 'EVERYONE';
  query: string;
  /** Fresh variables for each call, owned by the caller where ownership matters. */
  variables: (role: Role) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

/**
 * The authorization matrix (docs/architecture.md, "Roles"): every operation against every role. A denied call must fail with
 * UNAUTHENTICATED (no token) or FORBIDDEN; an allowed call must not (it may still fail on the data, e.g. an
 * INVALID_TRANSITION or NOT_FOUND, which is the business rule speaking, not authorization).
 */
describe('authorization matrix', () => {
  let api: TestApi;
  const tokens = {} as Record<Role, string | undefined>;
  let coordinator: string;
  let employer: { id: string; token: string };
  let applicant: { id: string; token: string };
  let ownOrder: string;

  beforeAll(async () => {
    api = await startApi();
    coordinator = (await newCoordinator(api)).token;
    employer = await newEmployer(api, coordinator);
    applicant = await newApplicant(api, coordinator);
    ownOrder = await newJobOrder(api, employer.token);
    const consul = await newConsul(api, { countryCode: 'CA', regionCodes: ['CA-QC', 'CA-ON'] });
    Object.assign(tokens, {
      ANONYMOUS: undefined,
      ADMIN: await adminToken(api),
      COORDINATOR: coordinator,
      EMPLOYER: employer.token,
      APPLICANT: applicant.token,
      CONSUL: consul.token,
    });
  });
  afterAll(() => api.close());

  const adminCredentials = () => ({ identifier: process.env.PUENTE_ADMIN_EMAIL!, password: process.env.PUENTE_ADMIN_PASSWORD! });
  const freshRefreshToken = async () =>
    (await api.gql(`mutation($i: LoginInput!) { login(input: $i) { refreshToken } }`, { i: adminCredentials() })).data!.login.refreshToken as string;
  const freshApplicant = async () => (await newApplicant(api, coordinator)).id;
  const freshApplicantUser = async () => (await api.gql(`{ me { id } }`, {}, (await newApplicant(api, coordinator)).token)).data!.me.id as string;
  const freshEmployer = async () => (await newEmployer(api, coordinator, { verified: false })).id;
  const submittedOrder = async () => {
    const id = await newJobOrder(api, employer.token);
    await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, employer.token);
    return id;
  };

  const openOrder = async () => {
    const id = await submittedOrder();
    await api.gql(`mutation($id: ID!) { approveJobOrder(id: $id) { id } }`, { id }, coordinator);
    return id;
  };

  const operations: Operation[] = [
    { name: 'login', allowed: 'EVERYONE', query: `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, variables: () => ({ i: adminCredentials() }) },
    { name: 'refreshToken', allowed: 'EVERYONE', query: `mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { accessToken } }`, variables: async () => ({ i: { refreshToken: await freshRefreshToken() } }) },
    { name: 'signOut', allowed: 'EVERYONE', query: `mutation($i: SignOutInput) { signOut(input: $i) }`, variables: async () => ({ i: { refreshToken: await freshRefreshToken() } }) },
    { name: 'registerEmployer', allowed: 'EVERYONE', query: `mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, variables: () => ({ i: employerInput() }) },
    { name: 'me', allowed: ['ADMIN', 'COORDINATOR', 'EMPLOYER', 'APPLICANT', 'CONSUL'], query: `{ me { id } }`, variables: () => ({}) },
    { name: 'changePassword', allowed: ['ADMIN', 'COORDINATOR', 'EMPLOYER', 'APPLICANT', 'CONSUL'], query: `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`, variables: () => ({ i: { currentPassword: 'not-the-password', newPassword: 'a-new-password-2026' } }) },
    { name: 'createStaffUser', allowed: ['ADMIN'], query: `mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { user { id } } }`, variables: () => ({ i: { email: `staff-${randomUUID()}@puente.test`, role: 'COORDINATOR' } }) },
    { name: 'requestPasswordReset', allowed: 'EVERYONE', query: `mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }`, variables: () => ({ i: { email: `nobody-${randomUUID()}@puente.test` } }) },
    { name: 'resetPassword', allowed: 'EVERYONE', query: `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }`, variables: () => ({ i: { token: randomUUID(), newPassword: 'a-new-password-2026' } }) },
    { name: 'deactivateUser', allowed: ['ADMIN', 'COORDINATOR'], query: `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { id } }`, variables: async () => ({ i: { userId: await freshApplicantUser(), reason: 'The applicant asked to leave the program.' } }) },
    { name: 'reactivateUser', allowed: ['ADMIN', 'COORDINATOR'], query: `mutation($id: ID!) { reactivateUser(userId: $id) { id } }`, variables: async () => ({ id: await freshApplicantUser() }) },
    // Reference data is public: a sign-up form needs it before there is an account.
    { name: 'municipalities', allowed: 'EVERYONE', query: `{ municipalities { code department { code } } }`, variables: () => ({}) },
    { name: 'departments', allowed: 'EVERYONE', query: `{ departments { code } }`, variables: () => ({}) },
    { name: 'regions', allowed: 'EVERYONE', query: `{ regions { code } }`, variables: () => ({}) },
    { name: 'occupations', allowed: 'EVERYONE', query: `{ occupations { iscoCode } }`, variables: () => ({}) },
    { name: 'skills', allowed: 'EVERYONE', query: `{ skills { code } }`, variables: () => ({}) },
    // Public transparency: anyone checks a job offer and its employer, signed in or not.
    { name: 'publicJobOrders', allowed: 'EVERYONE', query: `{ publicJobOrders(first: 1) { edges { node { reference } } } }`, variables: () => ({}) },
    { name: 'verifiedEmployers', allowed: 'EVERYONE', query: `{ verifiedEmployers(first: 1) { edges { node { legalName } } } }`, variables: () => ({}) },
    { name: 'registerApplicant', allowed: ['COORDINATOR'], query: `mutation($i: RegisterApplicantInput!) { registerApplicant(input: $i) { applicant { id } } }`, variables: () => ({ i: applicantInput() }) },
    { name: 'verifyApplicant', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { verifyApplicant(id: $id) { id } }`, variables: async () => ({ id: await freshApplicant() }) },
    { name: 'updateApplicant', allowed: ['COORDINATOR'], query: `mutation($i: UpdateApplicantInput!) { updateApplicant(input: $i) { id } }`, variables: async () => ({ i: { id: await freshApplicant(), phone: '+50379998877' } }) },
    { name: 'issueTemporaryPassword', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { issueTemporaryPassword(applicantId: $id) { temporaryPassword } }`, variables: async () => ({ id: await freshApplicant() }) },
    // Staff who checked the original record a worker's document; never the worker themself.
    { name: 'recordDocument', allowed: ['ADMIN', 'COORDINATOR'], query: `mutation($i: RecordDocumentInput!) { recordDocument(input: $i) { id } }`, variables: async () => ({ i: { applicantId: await freshApplicant(), kind: 'MEDICAL_CERTIFICATE', issueDate: '2026-01-05', expiryDate: '2027-01-05', issuingAuthority: 'Unidad de Salud' } }) },
    { name: 'applicant', allowed: ['COORDINATOR', 'APPLICANT'], query: `query($id: ID!) { applicant(id: $id) { id } }`, variables: () => ({ id: applicant.id }) },
    { name: 'applicants', allowed: ['COORDINATOR'], query: `{ applicants(first: 1) { edges { node { id } } } }`, variables: () => ({}) },
    { name: 'verifyEmployer', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, variables: async () => ({ id: await freshEmployer() }) },
    { name: 'suspendEmployer', allowed: ['COORDINATOR'], query: `mutation($i: SuspendEmployerInput!) { suspendEmployer(input: $i) { id } }`, variables: async () => ({ i: { id: await freshEmployer(), reason: 'Recruitment fees charged to workers.' } }) },
    { name: 'employer', allowed: ['COORDINATOR', 'EMPLOYER'], query: `query($id: ID!) { employer(id: $id) { id } }`, variables: () => ({ id: employer.id }) },
    { name: 'employers', allowed: ['COORDINATOR'], query: `{ employers(first: 1) { edges { node { id } } } }`, variables: () => ({}) },
    { name: 'rateEmployer', allowed: ['APPLICANT'], query: `mutation($i: RateEmployerInput!) { rateEmployer(input: $i) { ratingId } }`, variables: () => ({ i: { placementId: randomUUID(), wagesAsAgreed: 4, hoursAsAgreed: 4, housing: 4, treatment: 4, safety: 4, wouldGoBack: 4 } }) },
    { name: 'myPlacementsToRate', allowed: ['APPLICANT'], query: `{ myPlacementsToRate { placementId } }`, variables: () => ({}) },
    { name: 'employerStanding', allowed: ['COORDINATOR', 'EMPLOYER'], query: `query($id: ID!) { employerStanding(employerId: $id) { level } }`, variables: () => ({ id: employer.id }) },
    { name: 'employerRatings', allowed: ['COORDINATOR'], query: `query($id: ID!) { employerRatings(employerId: $id, first: 1) { edges { cursor } } }`, variables: () => ({ id: employer.id }) },
    // The employer has no hold: a coordinator is answered INVALID_TRANSITION, the business rule speaking.
    { name: 'clearEmployerHold', allowed: ['COORDINATOR'], query: `mutation($i: ClearEmployerHoldInput!) { clearEmployerHold(input: $i) { id } }`, variables: () => ({ i: { employerId: employer.id, reason: 'The case was remedied and verified.' } }) },
    { name: 'createJobOrder', allowed: ['EMPLOYER'], query: `mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }`, variables: () => ({ i: jobOrderInput() }) },
    { name: 'submitJobOrder', allowed: ['EMPLOYER'], query: `mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, variables: async () => ({ id: await newJobOrder(api, employer.token) }) },
    { name: 'approveJobOrder', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { approveJobOrder(id: $id) { id } }`, variables: async () => ({ id: await submittedOrder() }) },
    { name: 'rejectJobOrder', allowed: ['COORDINATOR'], query: `mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { id } }`, variables: async () => ({ i: { id: await submittedOrder(), reason: 'Wage below the prevailing rate.' } }) },
    { name: 'jobOrder', allowed: ['COORDINATOR', 'EMPLOYER'], query: `query($id: ID!) { jobOrder(id: $id) { id employer { id } } }`, variables: () => ({ id: ownOrder }) },
    { name: 'runMatching', allowed: ['COORDINATOR'], query: `mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`, variables: async () => ({ ids: [await openOrder()] }) },
    { name: 'selectCandidates', allowed: ['COORDINATOR', 'EMPLOYER'], query: `mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`, variables: () => ({ i: { jobOrderId: ownOrder, applicantIds: ['C-00000000'] } }) },
    { name: 'rejectCandidate', allowed: ['COORDINATOR', 'EMPLOYER'], query: `mutation($i: RejectCandidateInput!) { rejectCandidate(input: $i) { status } }`, variables: () => ({ i: { jobOrderId: ownOrder, applicantId: 'C-00000000', reason: 'Not the profile we asked for.' } }) },
    { name: 'matchingRun', allowed: ['COORDINATOR', 'EMPLOYER'], query: `query($id: ID!) { matchingRun(id: $id) { id } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'scheduleContingents', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, variables: () => ({ id: ownOrder }) },
    { name: 'rescheduleContingent', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { rescheduleContingent(id: $id, departureDate: "2030-01-01") { id } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'completeStep', allowed: ['COORDINATOR'], query: `mutation($i: CompleteStepInput!) { completeStep(input: $i) { id } }`, variables: () => ({ i: { contingentId: randomUUID(), applicantId: randomUUID(), step: 'MEDICAL_EXAM' } }) },
    { name: 'withdrawTraveller', allowed: ['COORDINATOR'], query: `mutation($i: WithdrawTravellerInput!) { withdrawTraveller(input: $i) { replacementApplicantId } }`, variables: () => ({ i: { applicantId: randomUUID(), reason: 'WITHDREW', note: 'Family emergency at home.' } }) },
    { name: 'confirmContingent', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { confirmContingent(id: $id) { id } }`, variables: () => ({ id: randomUUID() }) },
    ...(['recordDeparture', 'recordArrival', 'recordReturn'] as const).map((name) => ({
      name,
      allowed: ['COORDINATOR'] as Role[],
      query: `mutation($i: RecordTravelInput!) { ${name}(input: $i) { id } }`,
      variables: () => ({ i: { contingentId: randomUUID() } }),
    })),
    { name: 'contingent', allowed: ['COORDINATOR', 'EMPLOYER', 'CONSUL'], query: `query($id: ID!) { contingent(id: $id) { id } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'endPlacement', allowed: ['COORDINATOR'], query: `mutation($i: EndPlacementInput!) { endPlacement(input: $i) { id } }`, variables: () => ({ i: { placementId: randomUUID(), outcome: 'ABANDONED', endedOn: '2026-01-05', reason: 'Left the farm without notice.' } }) },
    { name: 'recordWorkerReturn', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { recordWorkerReturn(placementId: $id, returnedOn: "2026-01-05") { id } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'submitEvaluation', allowed: ['EMPLOYER'], query: `mutation($id: ID!) { submitEvaluation(placementId: $id, input: { punctuality: 4, quality: 4, safety: 4, teamwork: 4, overall: 4, wouldRehire: true }) { evaluationId } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'reopenEvaluation', allowed: ['COORDINATOR'], query: `mutation($id: ID!) { reopenEvaluation(placementId: $id, until: "2099-01-01") { id } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'rehireEligibility', allowed: ['COORDINATOR'], query: `query($id: ID!) { rehireEligibility(applicantId: $id) { outcome } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'requestNamedWorkers', allowed: ['COORDINATOR', 'EMPLOYER'], query: `mutation($i: RequestNamedWorkersInput!) { requestNamedWorkers(input: $i) { matchingRunId } }`, variables: () => ({ i: { jobOrderId: randomUUID(), applicantIds: [randomUUID()] } }) },
    { name: 'rehirePool', allowed: ['COORDINATOR', 'EMPLOYER'], query: `{ rehirePool(first: 1) { edges { cursor } } }`, variables: () => ({}) },
    { name: 'myPlacements', allowed: ['EMPLOYER'], query: `{ myPlacements(first: 1) { edges { cursor } } }`, variables: () => ({}) },
    { name: 'rehireRates', allowed: ['COORDINATOR'], query: `{ rehireRates(groupBy: SECTOR) { key } }`, variables: () => ({}) },
    { name: 'namedWorkerShare', allowed: ['COORDINATOR'], query: `{ namedWorkerShare { season } }`, variables: () => ({}) },
    { name: 'placementHistory', allowed: ['COORDINATOR'], query: `query($id: ID!) { placementHistory(applicantId: $id) { status } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'myEvaluations', allowed: ['APPLICANT'], query: `{ myEvaluations { id } }`, variables: () => ({}) },
    { name: 'contestEvaluation', allowed: ['APPLICANT'], query: `mutation($i: ContestEvaluationInput!) { contestEvaluation(input: $i) { id } }`, variables: () => ({ i: { evaluationId: randomUUID(), statement: 'I was sick, with a doctor’s note.' } }) },
    { name: 'resolveEvaluationContest', allowed: ['COORDINATOR'], query: `mutation($i: ResolveEvaluationContestInput!) { resolveEvaluationContest(input: $i) { id } }`, variables: () => ({ i: { evaluationId: randomUUID(), decision: 'OVERTURN', reason: 'The doctor’s note covers the absences.' } }) },
    { name: 'evaluationsToReview', allowed: ['COORDINATOR'], query: `{ evaluationsToReview(first: 1) { edges { cursor } } }`, variables: () => ({}) },
    { name: 'namedAgainComparison', allowed: ['COORDINATOR'], query: `query($id: ID) { namedAgainComparison(employerId: $id) { employerId } }`, variables: () => ({ id: randomUUID() }) },
    // Returnee records: the worker their own placement's (a random placement reads NOT_FOUND, the rule speaking), staff any; never an employer or a consul.
    { name: 'recordReturneeRecord', allowed: ['APPLICANT', 'COORDINATOR', 'ADMIN'], query: `mutation($i: RecordReturneeInput!) { recordReturneeRecord(input: $i) { id } }`, variables: () => ({ i: { placementId: randomUUID(), earnings: 9000, wantsDomesticJob: false, wantsTraining: true } }) },
    { name: 'returneeRecord', allowed: ['APPLICANT', 'COORDINATOR', 'ADMIN'], query: `query($id: ID!) { returneeRecord(placementId: $id) { id } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'myReturneeRecords', allowed: ['APPLICANT'], query: `{ myReturneeRecords { id } }`, variables: () => ({}) },
    { name: 'returneesToRefer', allowed: ['COORDINATOR', 'ADMIN'], query: `{ returneesToRefer(first: 1) { edges { cursor } } }`, variables: () => ({}) },
    // Statistics: the ministry's staff only.
    { name: 'programStatistics', allowed: ['COORDINATOR', 'ADMIN'], query: `query($f: StatisticsFilter!) { programStatistics(filter: $f) { asOf total { outflows } } }`, variables: () => ({ f: { from: '2025-01-01', to: '2025-12-31', groupBy: ['SEX'] } }) },
    { name: 'referReturneeForCertification', allowed: ['COORDINATOR', 'ADMIN'], query: `mutation($i: ReferReturneeInput!) { referReturneeForCertification(input: $i) { id } }`, variables: () => ({ i: { returneeRecordId: randomUUID(), institution: 'INSAFORP' } }) },
    { name: 'myStatus', allowed: ['APPLICANT'], query: `{ myStatus { stage } }`, variables: () => ({}) },
    // Protection cases (an id no case or placement has: allowed roles are answered NOT_FOUND, the scope speaking).
    { name: 'reportCase', allowed: ['APPLICANT', 'COORDINATOR', 'CONSUL'], query: `mutation($i: ReportCaseInput!) { reportCase(input: $i) { id } }`, variables: () => ({ i: { placementId: randomUUID(), categories: ['UNPAID_WAGES'], description: 'No pay for three weeks.' } }) },
    { name: 'updateCase', allowed: ['COORDINATOR', 'CONSUL'], query: `mutation($id: ID!, $i: UpdateCaseInput!) { updateCase(id: $id, input: $i) { id } }`, variables: () => ({ id: randomUUID(), i: { transition: 'TRIAGE' } }) },
    { name: 'case', allowed: ['COORDINATOR', 'CONSUL', 'APPLICANT', 'EMPLOYER'], query: `query($id: ID!) { case(id: $id) { id } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'cases', allowed: ['COORDINATOR', 'CONSUL', 'APPLICANT', 'EMPLOYER'], query: `{ cases(first: 1) { edges { node { id } } } }`, variables: () => ({}) },
    { name: 'travelSteps', allowed: ['COORDINATOR'], query: `query($id: ID!) { travelSteps(applicantId: $id) { id } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'contingents', allowed: ['COORDINATOR', 'EMPLOYER', 'CONSUL'], query: `query($id: ID!) { contingents(filter: { jobOrderId: $id }, first: 5) { edges { node { id } } } }`, variables: () => ({ id: ownOrder }) },
    { name: 'updateJobOrder', allowed: ['COORDINATOR', 'EMPLOYER'], query: `mutation($i: UpdateJobOrderInput!) { updateJobOrder(input: $i) { id } }`, variables: async () => ({ i: { jobOrderId: await newJobOrder(api, employer.token), positions: 10 } }) },
    { name: 'cancelJobOrder', allowed: ['COORDINATOR', 'EMPLOYER'], query: `mutation($i: CancelJobOrderInput!) { cancelJobOrder(input: $i) { id } }`, variables: async () => ({ i: { jobOrderId: await newJobOrder(api, employer.token), reason: 'The season was called off.' } }) },
    { name: 'cancelContingent', allowed: ['COORDINATOR'], query: `mutation($i: CancelContingentInput!) { cancelContingent(input: $i) { id } }`, variables: () => ({ i: { contingentId: randomUUID(), reason: 'The flight was cancelled.' } }) },
    { name: 'waiveStep', allowed: ['COORDINATOR'], query: `mutation($i: WaiveStepInput!) { waiveStep(input: $i) { id } }`, variables: () => ({ i: { contingentId: randomUUID(), applicantId: randomUUID(), step: 'ORIENTATION', reason: 'Attended last season.' } }) },
    { name: 'completeSteps', allowed: ['COORDINATOR'], query: `mutation($i: CompleteStepsInput!) { completeSteps(input: $i) { completed } }`, variables: () => ({ i: { contingentId: randomUUID(), step: 'ORIENTATION' } }) },
    { name: 'jobOrders', allowed: ['COORDINATOR', 'EMPLOYER'], query: `{ jobOrders(first: 1) { edges { node { id } } } }`, variables: () => ({}) },
    { name: 'jobOrderCounts', allowed: ['COORDINATOR', 'EMPLOYER'], query: `{ jobOrderCounts { status count } }`, variables: () => ({}) },
    { name: 'auditLog', allowed: ['ADMIN'], query: `{ auditLog(first: 1) { edges { node { id } } } }`, variables: () => ({}) },
    { name: 'queueDashboardLink', allowed: ['ADMIN'], query: `mutation { queueDashboardLink { url expiresAt } }`, variables: () => ({}) },
    // Exports: the ministry's staff ask for them; every role reads its own (anyone else's is NOT_FOUND, the scope speaking).
    { name: 'requestExport', allowed: ['COORDINATOR', 'ADMIN'], query: `mutation($i: RequestExportInput!) { requestExport(input: $i) { id status } }`, variables: () => ({ i: { kind: 'CONTINGENTS', format: 'CSV', language: 'ES', contingents: { jobOrderId: ownOrder } } }) },
    { name: 'export', allowed: ['ADMIN', 'COORDINATOR', 'EMPLOYER', 'APPLICANT', 'CONSUL'], query: `query($id: ID!) { export(id: $id) { id status } }`, variables: () => ({ id: randomUUID() }) },
    { name: 'myExports', allowed: ['ADMIN', 'COORDINATOR', 'EMPLOYER', 'APPLICANT', 'CONSUL'], query: `{ myExports(first: 1) { edges { node { id } } } }`, variables: () => ({}) },
    // Two-factor sign-in: codes that can never be right ('x'), so no shared account is ever enrolled by the matrix.
    { name: 'completeLogin', allowed: ['ADMIN', 'COORDINATOR', 'EMPLOYER', 'CONSUL'], query: `mutation($i: TotpCodeInput!) { completeLogin(input: $i) { accessToken } }`, variables: () => ({ i: { code: 'x' } }) },
    { name: 'startTotpEnrolment', allowed: ['ADMIN', 'COORDINATOR', 'EMPLOYER', 'CONSUL'], query: `mutation { startTotpEnrolment { otpauthUri } }`, variables: () => ({}) },
    { name: 'confirmTotpEnrolment', allowed: ['ADMIN', 'COORDINATOR', 'EMPLOYER', 'CONSUL'], query: `mutation($i: TotpCodeInput!) { confirmTotpEnrolment(input: $i) { recoveryCodes } }`, variables: () => ({ i: { code: 'x' } }) },
    { name: 'disableTotp', allowed: ['ADMIN', 'COORDINATOR', 'EMPLOYER', 'CONSUL'], query: `mutation($i: TotpCodeInput!) { disableTotp(input: $i) { id } }`, variables: () => ({ i: { code: 'x' } }) },
    { name: 'resetTotp', allowed: ['ADMIN'], query: `mutation($i: ResetTotpInput!) { resetTotp(input: $i) { id } }`, variables: () => ({ i: { userId: randomUUID(), reason: 'Lost the phone with the authenticator app.' } }) },
  ];

  const db = () => api.app.get(DataSource);
  const auditClock = async (): Promise<Date> => (await db().query(`SELECT date_trunc('milliseconds', clock_timestamp()) AS t`))[0].t;
  const userIds = new Map<Role, string>();
  const userIdOf = async (role: Role): Promise<string> => {
    if (!userIds.has(role)) userIds.set(role, (await api.gql(`{ me { id } }`, {}, tokens[role])).data!.me.id);
    return userIds.get(role)!;
  };
  const auditOutcomes = async (operation: string, userId: string, since: Date): Promise<string[]> =>
    (await db().query(`SELECT outcome FROM audit_event WHERE action = 'mutation' AND operation = $1 AND actor_user_id = $2 AND created_at >= $3`, [operation, userId, since])).map(
      (r: { outcome: string }) => r.outcome,
    );

  const cases = operations.flatMap((op) => ROLES.map((role) => [op.name, role, op.allowed === 'EVERYONE' || op.allowed.includes(role)] as const));

  it.each(cases)('%s as %s: allowed = %s', async (name, role, allowed) => {
    const op = operations.find((o) => o.name === name)!;
    const variables = await op.variables(role);
    const since = await auditClock();
    const result = await api.gql(op.query, variables, tokens[role]);
    const codes = codesOf(result);
    if (op.query.startsWith('mutation') && role !== 'ANONYMOUS') {
      // Every mutation leaves an audit record of who called it and its outcome (audit-trail.e2e-spec walks the schema too).
      expect(await auditOutcomes(name, await userIdOf(role), since)).toContain(codes[0] ?? 'SUCCESS');
    }
    if (allowed) {
      expect(codes).not.toContain('UNAUTHENTICATED');
      expect(codes).not.toContain('FORBIDDEN');
    } else {
      expect(codes).toEqual([role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      // Nothing comes back: no data at all, or null where the field may be null.
      expect(result.data?.[name] ?? null).toBeNull();
    }
  });

  it('covers every root operation of the schema', async () => {
    const r = await api.gql(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
    const schemaFields = [...r.data!.__schema.queryType.fields, ...r.data!.__schema.mutationType.fields].map((f: { name: string }) => f.name);
    expect(operations.map((o) => o.name).sort()).toEqual(schemaFields.sort());
  });

  describe('ownership: one owner never reaches another', () => {
    let other: { id: string; token: string };
    let othersOrder: string;
    let otherApplicant: { id: string; token: string };

    beforeAll(async () => {
      other = await newEmployer(api, coordinator);
      othersOrder = await newJobOrder(api, other.token);
      otherApplicant = await newApplicant(api, coordinator);
    });

    it("an employer asking for another employer's order by id gets NOT_FOUND, as for an order that does not exist", async () => {
      const q = `query($id: ID!) { jobOrder(id: $id) { id title } }`;
      const theirs = await api.gql(q, { id: othersOrder }, employer.token);
      const missing = await api.gql(q, { id: randomUUID() }, employer.token);
      expect(codesOf(theirs)).toEqual(['NOT_FOUND']);
      expect(theirs.errors[0]!.message).toBe(missing.errors[0]!.message);
      expect(codesOf(await api.gql(q, { id: othersOrder }, coordinator))).toEqual([]);
    });

    it("an employer cannot submit another employer's order", async () => {
      const r = await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { status } }`, { id: othersOrder }, employer.token);
      expect(codesOf(r)).toEqual(['NOT_FOUND']);
      const still = await api.gql(`query($id: ID!) { jobOrder(id: $id) { status } }`, { id: othersOrder }, other.token);
      expect(still.data!.jobOrder.status).toBe('DRAFT');
    });

    it('an employer sees only its own employer record and orders, whatever the filter says', async () => {
      expect(codesOf(await api.gql(`query($id: ID!) { employer(id: $id) { id } }`, { id: other.id }, employer.token))).toEqual(['NOT_FOUND']);
      const list = await api.gql(`query($f: JobOrderFilterInput) { jobOrders(first: 100, filter: $f) { edges { node { id employerId } } } }`, {}, employer.token);
      const ids = list.data!.jobOrders.edges.map((e: { node: { employerId: string } }) => e.node.employerId);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids)).toEqual(new Set([employer.id]));
      const filtered = await api.gql(`query($f: JobOrderFilterInput) { jobOrders(first: 100, filter: $f) { edges { node { id } } } }`, { f: { employerId: other.id } }, employer.token);
      expect(filtered.data!.jobOrders.edges).toEqual([]);
      const nested = await api.gql(`query($id: ID!) { employer(id: $id) { jobOrders(first: 100) { edges { node { employerId } } } } }`, { id: employer.id }, employer.token);
      expect(new Set(nested.data!.employer.jobOrders.edges.map((e: { node: { employerId: string } }) => e.node.employerId))).toEqual(new Set([employer.id]));
    });

    it('an applicant reaches only themself', async () => {
      const q = `query($id: ID!) { applicant(id: $id) { id nationalId } }`;
      expect(codesOf(await api.gql(q, { id: otherApplicant.id }, applicant.token))).toEqual(['NOT_FOUND']);
      expect((await api.gql(q, { id: applicant.id }, applicant.token)).data!.applicant.id).toBe(applicant.id);
      expect((await api.gql(q, { id: applicant.id }, otherApplicant.token)).data).toBeNull();
    });

    it('a malformed id reads as NOT_FOUND, never as a server error', async () => {
      expect(codesOf(await api.gql(`{ jobOrder(id: "1 OR 1=1") { id } }`, {}, coordinator))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(`{ applicant(id: "x") { id } }`, {}, coordinator))).toEqual(['NOT_FOUND']);
      for (const mutation of ['verifyApplicant', 'verifyEmployer', 'approveJobOrder']) {
        expect(codesOf(await api.gql(`mutation { ${mutation}(id: "'; DROP TABLE applicant; --") { id } }`, {}, coordinator))).toEqual(['NOT_FOUND']);
      }
      expect(codesOf(await api.gql(`mutation { submitJobOrder(id: "nope") { id } }`, {}, employer.token))).toEqual(['NOT_FOUND']);
    });
  });
});
