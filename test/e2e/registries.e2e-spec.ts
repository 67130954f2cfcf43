import { codesOf, GqlResult, startApi, TestApi } from '../support/api';

type ApplicantPage = { applicants: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
import {
  applicantInput,
  employerInput,
  futureDate,
  jobOrderInput,
  login,
  newApplicant,
  newCoordinator,
  newEmployer,
  newJobOrder,
  randomDui,
} from '../support/people';

const REGISTER_APPLICANT = `mutation($i: RegisterApplicantInput!) {
  registerApplicant(input: $i) { temporaryPassword applicant { id nationalId status age municipality { name department { code } } languages { code level } } }
}`;
const APPLICANTS = `query($f: ApplicantFilterInput, $first: Int, $after: String) {
  applicants(filter: $f, first: $first, after: $after) { edges { cursor node { id nationalId } } pageInfo { hasNextPage endCursor } }
}`;

describe('registries through the API', () => {
  let api: TestApi;
  let coordinator: string;

  beforeAll(async () => {
    api = await startApi();
    coordinator = (await newCoordinator(api)).token;
  });
  afterAll(() => api.close());

  describe('applicants', () => {
    it('registers an applicant who signs in with the DUI and the temporary password', async () => {
      const input = applicantInput({ nationalId: randomDui().replace('-', '') });
      const r = await api.gql(REGISTER_APPLICANT, { i: input }, coordinator);
      expect(r.errors).toEqual([]);
      const { applicant, temporaryPassword } = r.data!.registerApplicant;
      expect(applicant.status).toBe('REGISTERED');
      expect(applicant.nationalId).toBe(`${input.nationalId.slice(0, 8)}-${input.nationalId.slice(8)}`);
      expect(applicant.municipality).toEqual({ name: 'Santa Ana Norte', department: { code: 'SV-SA' } });
      expect(applicant.age).toBeGreaterThanOrEqual(30);

      // The DUI signs in with or without its dash.
      const token = await login(api, input.nationalId, temporaryPassword);
      const me = await api.gql(`{ me { role applicantId mustChangePassword } }`, {}, token);
      expect(me.data!.me).toEqual({ role: 'APPLICANT', applicantId: applicant.id, mustChangePassword: true });
      const own = `query($id: ID!) { applicant(id: $id) { id passportNumber } }`;
      expect(codesOf(await api.gql(own, { id: applicant.id }, token))).toEqual(['FORBIDDEN']);
      const changed = await api.gql(
        `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
        { i: { currentPassword: temporaryPassword, newPassword: 'mi-nueva-clave-segura' } },
        token,
      );
      const after = changed.data!.changePassword.accessToken;
      expect((await api.gql(own, { id: applicant.id }, after)).data!.applicant.id).toBe(applicant.id);
      expect(await login(api, applicant.nationalId, 'mi-nueva-clave-segura')).toEqual(expect.any(String));
    });

    it('refuses bad input with BAD_USER_INPUT naming every field, and writes nothing', async () => {
      const nationalId = '00016297-4';
      const r = await api.gql(
        REGISTER_APPLICANT,
        { i: applicantInput({ nationalId, birthDate: futureDate(-365 * 17), phone: '7123-4567', occupations: ['0000'], passportExpiry: futureDate(-1) }) },
        coordinator,
      );
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors[0]!.extensions!.fields!.map((f) => f.field)).toEqual(['nationalId', 'birthDate', 'phone', 'occupations[0]', 'passportExpiry']);
      const listed = await api.gql(APPLICANTS, { f: { nationalId } }, coordinator);
      expect(listed.data!.applicants.edges).toEqual([]);
    });

    it('refuses a second registration of the same DUI with CONFLICT, leaving no second login', async () => {
      const first = applicantInput();
      expect((await api.gql(REGISTER_APPLICANT, { i: first }, coordinator)).errors).toEqual([]);
      const again = await api.gql(REGISTER_APPLICANT, { i: applicantInput({ nationalId: first.nationalId }) }, coordinator);
      expect(codesOf(again)).toEqual(['CONFLICT']);
      expect(again.errors[0]!.extensions!.fields).toEqual([{ field: 'nationalId', message: 'is already registered' }]);
    });

    it('verifies an applicant with a valid passport into AVAILABLE, once', async () => {
      const { id } = await newApplicant(api, coordinator);
      const verify = `mutation($id: ID!) { verifyApplicant(id: $id) { status verifiedAt } }`;
      const r = await api.gql(verify, { id }, coordinator);
      expect(r.data!.verifyApplicant.status).toBe('AVAILABLE');
      const twice = await api.gql(verify, { id }, coordinator);
      expect(codesOf(twice)).toEqual(['INVALID_TRANSITION']);
      expect(twice.errors[0]!.message).toMatch(/Cannot verify this applicant: it is AVAILABLE/);
    });

    it('keeps an applicant without a passport VERIFIED, not available for matching', async () => {
      const { id } = await newApplicant(api, coordinator, { passportNumber: null, passportExpiry: null });
      const r = await api.gql(`mutation($id: ID!) { verifyApplicant(id: $id) { status } }`, { id }, coordinator);
      expect(r.data!.verifyApplicant.status).toBe('VERIFIED');
    });

    it('filters by municipality, occupation and all listed skills, and pages without repeats', async () => {
      const municipalityCode = 'SV-MO-NORTE';
      const skills = ['MILKING_MACHINE', 'CATTLE_HANDLING'];
      const made = [];
      for (let i = 0; i < 5; i++) made.push((await newApplicant(api, coordinator, { municipalityCode, occupations: ['9212'], skills })).id);
      await newApplicant(api, coordinator, { municipalityCode, occupations: ['9212'], skills: ['MILKING_MACHINE'] });

      const filter = { municipalityCode, occupation: '9212', skills };
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: GqlResult<ApplicantPage> = await api.gql<ApplicantPage>(
          APPLICANTS,
          { f: filter, first: 2, after },
          coordinator,
        );
        seen.push(...page.data!.applicants.edges.map((e) => e.node.id));
        after = page.data!.applicants.pageInfo.hasNextPage ? page.data!.applicants.pageInfo.endCursor : null;
      } while (after);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(made));
      expect(seen.length).toBeGreaterThanOrEqual(5);
      // Every applicant returned has both skills: the sixth, with one of them, is not there.
      const nodes = await api.gql(`query($f: ApplicantFilterInput) { applicants(filter: $f, first: 100) { edges { node { skills municipality { code } } } } }`, { f: filter }, coordinator);
      for (const { node } of nodes.data!.applicants.edges) {
        expect(node.skills).toEqual(expect.arrayContaining(skills));
        expect(node.municipality.code).toBe(municipalityCode);
      }
    });

    it('refuses a forged cursor with BAD_USER_INPUT', async () => {
      const r = await api.gql(APPLICANTS, { first: 5, after: 'bm90LWEtY3Vyc29y' }, coordinator);
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('employers and job orders', () => {
    it('signs an employer up as PENDING_VERIFICATION; it may draft but not submit until verified', async () => {
      const employer = await newEmployer(api, coordinator, { verified: false });
      const own = await api.gql(`query($id: ID!) { employer(id: $id) { status } }`, { id: employer.id }, employer.token);
      expect(own.data!.employer.status).toBe('PENDING_VERIFICATION');

      const orderId = await newJobOrder(api, employer.token);
      const submit = `mutation($id: ID!) { submitJobOrder(id: $id) { status submittedAt } }`;
      const refused = await api.gql(submit, { id: orderId }, employer.token);
      expect(codesOf(refused)).toEqual(['FORBIDDEN']);
      expect(refused.errors[0]!.message).toMatch(/waiting for verification/);

      await api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { status } }`, { id: employer.id }, coordinator);
      const submitted = await api.gql(submit, { id: orderId }, employer.token);
      expect(submitted.data!.submitJobOrder.status).toBe('SUBMITTED');
    });

    it('walks an order DRAFT → SUBMITTED → OPEN, and refuses out-of-order steps with INVALID_TRANSITION', async () => {
      const employer = await newEmployer(api, coordinator);
      const id = await newJobOrder(api, employer.token);
      const approve = `mutation($id: ID!) { approveJobOrder(id: $id) { status approvedAt } }`;
      expect(codesOf(await api.gql(approve, { id }, coordinator))).toEqual(['INVALID_TRANSITION']);
      await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, employer.token);
      const approved = await api.gql(approve, { id }, coordinator);
      expect(approved.data!.approveJobOrder.status).toBe('OPEN');
      expect(codesOf(await api.gql(approve, { id }, coordinator))).toEqual(['INVALID_TRANSITION']);
      const reject = await api.gql(`mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { status } }`, { i: { id, reason: 'Wage below the prevailing rate' } }, coordinator);
      expect(codesOf(reject)).toEqual(['INVALID_TRANSITION']);
    });

    it('rejects a submitted order with a reason the employer sees', async () => {
      const employer = await newEmployer(api, coordinator);
      const id = await newJobOrder(api, employer.token);
      await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, employer.token);
      const reject = `mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { status statusReason } }`;
      expect(codesOf(await api.gql(reject, { i: { id, reason: 'no' } }, coordinator))).toEqual(['BAD_USER_INPUT']);
      await api.gql(reject, { i: { id, reason: 'The housing description is missing the inspection date.' } }, coordinator);
      const seen = await api.gql(`query($id: ID!) { jobOrder(id: $id) { status statusReason } }`, { id }, employer.token);
      expect(seen.data!.jobOrder).toEqual({ status: 'REJECTED', statusReason: 'The housing description is missing the inspection date.' });
    });

    it('validates orders: positions, wage, dates, codes and the Employer Pays declaration', async () => {
      const employer = await newEmployer(api, coordinator);
      const create = `mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }`;
      const fieldsOf = async (overrides: Record<string, unknown>) => {
        const r = await api.gql(create, { i: jobOrderInput(overrides) }, employer.token);
        expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
        return r.errors[0]!.extensions!.fields!.map((f) => f.field);
      };
      expect(await fieldsOf({ positions: 0 })).toEqual(['positions']);
      expect(await fieldsOf({ positions: 501 })).toEqual(['positions']);
      expect(await fieldsOf({ hourlyWage: 0 })).toEqual(['hourlyWage']);
      expect(await fieldsOf({ startDate: futureDate(3) })).toEqual(['startDate']);
      expect(await fieldsOf({ destinationOccupationCode: '45-2093.00', workRegionCode: 'US-FL' })).toEqual(['destinationOccupationCode', 'workRegionCode']);
      expect(await fieldsOf({ employerPaysRecruitment: false })).toEqual(['employerPaysRecruitment']);
      expect(await fieldsOf({ requiredSkills: ['WELDING'] })).toEqual(['requiredSkills[0]']);
      const ok = await api.gql(`mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { reference currency endDate status destinationOccupationSystem } }`, { i: jobOrderInput({ positions: 500, startDate: '2027-04-01', durationWeeks: 1 }) }, employer.token);
      expect(ok.data!.createJobOrder).toEqual({ reference: expect.stringMatching(/^JO-\d{4}-\d{6}$/), currency: 'CAD', endDate: '2027-04-07', status: 'DRAFT', destinationOccupationSystem: 'NOC_2021' });
    });

    it('refuses a duplicate program reference with CONFLICT', async () => {
      const input = employerInput();
      const register = `mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`;
      expect((await api.gql(register, { i: input })).errors).toEqual([]);
      const again = await api.gql(register, { i: employerInput({ programReference: input.programReference }) });
      expect(codesOf(again)).toEqual(['CONFLICT']);
    });

    it('suspends an employer: its users are signed out and can no longer create or submit orders, and coordinators filter by status', async () => {
      const employer = await newEmployer(api, coordinator);
      const draft = await newJobOrder(api, employer.token);
      const suspend = `mutation($i: SuspendEmployerInput!) { suspendEmployer(input: $i) { status statusReason } }`;
      const r = await api.gql(suspend, { i: { id: employer.id, reason: 'Substantiated case: passports retained by the supervisor.' } }, coordinator);
      expect(r.data!.suspendEmployer.status).toBe('SUSPENDED');
      expect(codesOf(await api.gql(`mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }`, { i: jobOrderInput() }, employer.token))).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id: draft }, employer.token))).toEqual(['UNAUTHENTICATED']);
      const listed = await api.gql(`{ employers(first: 100, filter: { status: SUSPENDED, country: CA }) { edges { node { id status } } } }`, {}, coordinator);
      expect(listed.data!.employers.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(employer.id);
      expect(listed.data!.employers.edges.every((e: { node: { status: string } }) => e.node.status === 'SUSPENDED')).toBe(true);
    });
  });
});
