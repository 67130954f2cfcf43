import { randomBytes, randomInt } from 'node:crypto';
import { addDays, todayIso } from '@puente/common';
import { duiWithCheckDigit } from '@puente/domain/applicants';
import { applicantDraft, employerDraft } from '@puente/testing';
import type { GqlClient, GqlResult } from './api';

/** Each test makes its own people: nothing depends on order or on shared fixtures. */
export const randomDui = () => duiWithCheckDigit(String(randomInt(100_000_000)).padStart(8, '0'));
const tag = () => randomBytes(4).toString('hex');

/** Today (El Salvador's calendar day, as the API counts it) plus `days`. */
export function futureDate(days: number): string {
  return addDays(todayIso(), days);
}

type ContingentPage = { contingents: { edges: { node: { startDate: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/**
 * A start date in [today + from, today + from + span) that no contingent of `regionCode` has yet: workers of every
 * order with the same region and start date travel together, and the midnight check reruns suites in one database,
 * so a random date alone collides now and then.
 */
export async function unusedStartDate(api: GqlClient, coordinatorToken: string, regionCode: string, from: number, span: number): Promise<string> {
  const taken = new Set<string>();
  let after: string | null = null;
  do {
    const page: GqlResult<ContingentPage> = await api.gql<ContingentPage>(
      `query($f: ContingentFilterInput, $a: String) { contingents(filter: $f, first: 100, after: $a) { edges { node { startDate } } pageInfo { hasNextPage endCursor } } }`,
      { f: { regionCode }, a: after },
      coordinatorToken,
    );
    const { contingents }: ContingentPage = dataOf(page, 'listing contingents');
    contingents.edges.forEach((e) => taken.add(e.node.startDate));
    after = contingents.pageInfo.hasNextPage ? contingents.pageInfo.endCursor : null;
  } while (after);
  const free = Array.from({ length: span }, (_, i) => futureDate(from + i)).filter((d) => !taken.has(d));
  if (!free.length) throw new Error(`every start date in ${regionCode} from ${from} to ${from + span} days out has a contingent`);
  return free[randomInt(free.length)]!;
}

function dataOf<T>(result: { data: T | null; errors: { message: string }[] }, what: string): T {
  if (!result.data || result.errors.length) throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function login(api: GqlClient, identifier: string, password: string): Promise<string> {
  const r = await api.gql<{ login: { accessToken: string } }>(
    `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`,
    { i: { identifier, password } },
  );
  return dataOf(r, `login of ${identifier}`).login.accessToken;
}

/** Signs in with a temporary password and replaces it, as a new user must before anything else. */
async function firstSignIn(api: GqlClient, identifier: string, temporaryPassword: string): Promise<{ token: string; password: string }> {
  const password = `changed-${tag()}-passphrase`;
  const r = await api.gql<{ changePassword: { accessToken: string } }>(
    `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
    { i: { currentPassword: temporaryPassword, newPassword: password } },
    await login(api, identifier, temporaryPassword),
  );
  return { token: dataOf(r, `changePassword of ${identifier}`).changePassword.accessToken, password };
}

export async function adminToken(api: GqlClient): Promise<string> {
  return login(api, process.env.PUENTE_ADMIN_EMAIL!, process.env.PUENTE_ADMIN_PASSWORD!);
}

export async function newCoordinator(
  api: GqlClient,
): Promise<{ token: string; id: string; email: string; password: string; temporaryPassword: string }> {
  const email = `coordinator-${tag()}@puente.test`;
  const r = await api.gql<{ createStaffUser: { user: { id: string }; temporaryPassword: string } }>(
    `mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { user { id } temporaryPassword } }`,
    { i: { email, role: 'COORDINATOR' } },
    await adminToken(api),
  );
  const created = dataOf(r, 'createStaffUser').createStaffUser;
  return { id: created.user.id, email, temporaryPassword: created.temporaryPassword, ...(await firstSignIn(api, email, created.temporaryPassword)) };
}

/** A consul (opened by the administrator) with a jurisdiction, signed in after changing the temporary password. */
export async function newConsul(
  api: GqlClient,
  jurisdiction: { countryCode: string; regionCodes: string[] } = { countryCode: 'CA', regionCodes: ['CA-QC'] },
): Promise<{ token: string; id: string; email: string; password: string; temporaryPassword: string }> {
  const email = `consul-${tag()}@puente.test`;
  const r = await api.gql<{ createStaffUser: { user: { id: string }; temporaryPassword: string } }>(
    `mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { user { id } temporaryPassword } }`,
    { i: { email, role: 'CONSUL', jurisdiction } },
    await adminToken(api),
  );
  const created = dataOf(r, 'createStaffUser').createStaffUser;
  return { id: created.user.id, email, temporaryPassword: created.temporaryPassword, ...(await firstSignIn(api, email, created.temporaryPassword)) };
}

export function employerInput(overrides: Record<string, unknown> = {}) {
  const t = tag();
  return {
    ...employerDraft(randomInt(1_000_000, 999_999_999), { sector: 'LIVESTOCK', contactEmail: `rh-${t}@ferme.example` }),
    legalName: `Ferme Test ${t} inc.`,
    password: `password-${t}-long`,
    ...overrides,
  };
}

/** Signs an employer up through the public mutation; verified by a coordinator unless told otherwise. */
export async function newEmployer(api: GqlClient, coordinatorToken: string, opts: { verified?: boolean } = {}) {
  const input = employerInput();
  const r = await api.gql<{ registerEmployer: { id: string } }>(
    `mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`,
    { i: input },
  );
  const id = dataOf(r, 'registerEmployer').registerEmployer.id;
  if (opts.verified !== false) {
    dataOf(await api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id }, coordinatorToken), 'verifyEmployer');
  }
  return { id, token: await login(api, input.contactEmail, input.password) };
}

export function jobOrderInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Livestock labourer – dairy',
    iscoCode: '9212',
    destinationOccupationCode: '85100',
    positions: 12,
    requiredSkills: [],
    preferredSkills: [],
    languages: [{ code: 'fr', level: 'A1' }],
    minExperienceYears: 1,
    workRegionCode: 'CA-QC',
    workCity: 'Saint-Hyacinthe',
    startDate: futureDate(90),
    durationWeeks: 52,
    hourlyWage: 16.1,
    hoursPerWeek: 45,
    housingProvided: true,
    housingDescription: 'On-farm bunkhouse for 24 workers',
    employerPaysRecruitment: true,
    employerPaysTravel: true,
    ...overrides,
  };
}

export async function newJobOrder(api: GqlClient, employerToken: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const r = await api.gql<{ createJobOrder: { id: string } }>(
    `mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }`,
    { i: jobOrderInput(overrides) },
    employerToken,
  );
  return dataOf(r, 'createJobOrder').createJobOrder.id;
}

export function applicantInput(overrides: Record<string, unknown> = {}) {
  return {
    ...applicantDraft(0, {
      nationalId: randomDui(),
      occupations: ['9211'],
      yearsExperience: 4,
      passportNumber: `A${randomInt(10_000_000, 99_999_999)}`,
      passportExpiry: futureDate(900),
    }),
    ...overrides,
  };
}

/** Registers an applicant at a coordinator's desk and signs them in with the temporary password. */
export async function newApplicant(api: GqlClient, coordinatorToken: string, overrides: Record<string, unknown> = {}) {
  const input = applicantInput(overrides);
  const r = await api.gql<{ registerApplicant: { applicant: { id: string }; temporaryPassword: string } }>(
    `mutation($i: RegisterApplicantInput!) { registerApplicant(input: $i) { applicant { id } temporaryPassword } }`,
    { i: input },
    coordinatorToken,
  );
  const { applicant, temporaryPassword } = dataOf(r, 'registerApplicant').registerApplicant;
  return { id: applicant.id, nationalId: input.nationalId, ...(await firstSignIn(api, input.nationalId, temporaryPassword)) };
}

/** An order as the employer writes it, submitted and approved by the coordinator: OPEN, matched by itself. */
export async function approvedJobOrder(api: GqlClient, employerToken: string, coordinatorToken: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await newJobOrder(api, employerToken, overrides);
  dataOf(await api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, employerToken), 'submitJobOrder');
  dataOf(await api.gql(`mutation($id: ID!) { approveJobOrder(id: $id) { id } }`, { id }, coordinatorToken), 'approveJobOrder');
  return id;
}

/** A registered applicant the coordinator has verified: AVAILABLE when the passport is valid. */
export async function verifiedApplicant(api: GqlClient, coordinatorToken: string, overrides: Record<string, unknown> = {}) {
  const applicant = await newApplicant(api, coordinatorToken, overrides);
  dataOf(await api.gql(`mutation($id: ID!) { verifyApplicant(id: $id) { status } }`, { id: applicant.id }, coordinatorToken), 'verifyApplicant');
  return applicant;
}
