import type { Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { employerInput, jobOrderInput, newCoordinator, verifiedApplicant } from '../../../test/support/people';
import { employerWithLogin, seasonPlayedOut } from '../../../test/support/season-setup';
import enAuth from '../src/i18n/en/auth.json';
import enDashboard from '../src/i18n/en/dashboard.json';
import enOrders from '../src/i18n/en/orders.json';
import esAuth from '../src/i18n/es/auth.json';
import esDashboard from '../src/i18n/es/dashboard.json';
import esOrders from '../src/i18n/es/orders.json';

const CATALOGUE = { es: { auth: esAuth, d: esDashboard, o: esOrders }, en: { auth: enAuth, d: enDashboard, o: enOrders } };
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
type Status = keyof typeof enOrders.status;

/**
 * The employer's dashboard: counts per status that match the orders the employer has (made through the api), each
 * order's next step (submit a draft, correct a rejected one with the ministry's reason, review the candidates of a
 * matched one), and, for a company the ministry has not verified yet, a plain "awaiting verification" instead.
 */
describe('dashboard journey', () => {
  let stack: PortalStack;
  let coordinator: string;

  beforeAll(async () => {
    stack = await startPortalStack();
    coordinator = (await newCoordinator(stack.api)).token;
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const r = await stack.api.gql<T>(query, variables, token);
    expect(r.errors).toEqual([]);
    return r.data!;
  }

  /** An employer signed up through the api (verified unless told otherwise), with its e-mail and password. */
  async function employer(verified: boolean) {
    const input = employerInput();
    const { registerEmployer } = await stack.api
      .gql<{ registerEmployer: { id: string } }>(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input })
      .then((r) => r.data!);
    if (verified) await gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id: registerEmployer.id }, coordinator);
    const { login } = (await stack.api.gql<{ login: { accessToken: string } }>(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: input.contactEmail, password: input.password } })).data!;
    return { id: registerEmployer.id, email: input.contactEmail, password: input.password, token: login.accessToken };
  }

  async function order(token: string, title: string): Promise<string> {
    const { createJobOrder } = await gql<{ createJobOrder: { id: string } }>(`mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }`, { i: jobOrderInput({ title }) }, token);
    return createJobOrder.id;
  }
  const submit = (id: string, token: string) => gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id }, token);

  /** The order's latest matching run once the worker has finished it (approval queued it). */
  async function finishedRun(id: string, token: string): Promise<{ status: string; candidatesCount: number | null }> {
    const query = `query($id: ID!) { jobOrder(id: $id) { latestMatchingRun { status candidatesCount } } }`;
    for (let i = 0; i < 60; i++) {
      const run = (await gql<{ jobOrder: { latestMatchingRun: { status: string; candidatesCount: number | null } | null } }>(query, { id }, token)).jobOrder.latestMatchingRun;
      if (run && (run.status === 'SUCCEEDED' || run.status === 'FAILED')) return run;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('The matching run did not finish in 30 s.');
  }

  async function signIn(page: Page, lang: Lang, email: string, password: string) {
    const { auth, d } = CATALOGUE[lang];
    await page.goto('/sign-in');
    await page.getByLabel(auth.signIn.identifier).fill(email);
    await page.getByLabel(new RegExp(`^${auth.signIn.password}`)).fill(password);
    await page.getByRole('button', { name: auth.signIn.submit }).click();
    await page.getByRole('heading', { level: 1, name: d.title }).waitFor();
  }

  const tile = (page: Page, lang: Lang, status: Status, count: number) =>
    page.getByRole('listitem', { name: fill(CATALOGUE[lang].d.counts.item, { status: CATALOGUE[lang].o.status[status], count }) });
  const card = (page: Page, title: string) => page.getByRole('article').filter({ hasText: title });

  it.each<[Lang, 1280 | 375]>([
    ['en', 1280],
    ['es', 375],
  ])('in %s at %i px: counts per status and the next step of each order', async (lang, width) => {
    const { d, o } = CATALOGUE[lang];
    const company = await employer(true);
    await order(company.token, 'Draft to finish');
    const toSubmit = await order(company.token, 'Draft ready to send');
    const waiting = await order(company.token, 'Waiting for the ministry');
    await submit(waiting, company.token);
    const rejected = await order(company.token, 'Rejected for its wage');
    await submit(rejected, company.token);
    const reason = 'The wage is below the prevailing rate for Quebec.';
    await gql(`mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { id } }`, { i: { id: rejected, reason } }, coordinator);
    // An order that matches a worker registered for it: approval queues its matching run.
    await verifiedApplicant(stack.api, coordinator, { occupations: ['9212'], languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'B1' }] });
    const open = await order(company.token, 'Open and matched');
    await submit(open, company.token);
    await gql(`mutation($id: ID!) { approveJobOrder(id: $id) { id } }`, { id: open }, coordinator);
    const run = await finishedRun(open, company.token);
    expect(run.status).toBe('SUCCEEDED');

    const page = await openPage(stack, { lang, width });
    await signIn(page, lang, company.email, company.password);
    const expected: Record<Status, number> = { DRAFT: 2, SUBMITTED: 1, REJECTED: 1, OPEN: 1, FILLED: 0, IN_PROGRESS: 0, COMPLETED: 0, CANCELLED: 0 };
    for (const [status, count] of Object.entries(expected)) await tile(page, lang, status as Status, count).waitFor();
    await page.getByRole('heading', { level: 2, name: `${o.status.DRAFT} (2)` }).waitFor();

    await card(page, 'Waiting for the ministry').getByText(d.next.underReview).waitFor();
    await card(page, 'Rejected for its wage').getByText(fill(d.next.rejectedBecause, { reason })).waitFor();
    expect(await card(page, 'Rejected for its wage').getByRole('link', { name: d.next.correct }).getAttribute('href')).toBe(`/orders/${rejected}/edit`);
    const matched = card(page, 'Open and matched');
    if (run.candidatesCount) {
      const review = matched.getByRole('link', { name: fill(run.candidatesCount === 1 ? d.next.candidates_one : d.next.candidates_other, { count: run.candidatesCount }) });
      expect(await review.getAttribute('href')).toBe(`/orders/${open}/shortlist`);
    } else {
      await matched.getByText(d.next.searching).waitFor();
    }
    await expectAccessible(page, `dashboard (${lang})`);
    await screenshot(page, 'dashboard');
    if (width === 375) expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);

    // A draft's next step: review it and submit it; the counts follow.
    await card(page, 'Draft ready to send').getByRole('link', { name: d.next.submit }).click();
    await page.waitForURL(new RegExp(`/orders/${toSubmit}$`));
    await page.getByRole('button', { name: o.detail.submit }).click();
    await page.getByText(o.status.SUBMITTED, { exact: true }).first().waitFor();
    await expectAccessible(page, `order detail after submitting (${lang})`);
    await page.getByRole('link', { name: o.detail.back }).click();
    await tile(page, lang, 'DRAFT', 1).waitFor();
    await tile(page, lang, 'SUBMITTED', 2).waitFor();
    expectNoConsoleProblems(page);
  }, 120_000);

  it.each<[Lang, 1280 | 375]>([
    ['es', 375],
    ['en', 1280],
  ])('in %s at %i px: a company awaiting verification is told so instead of order actions', async (lang, width) => {
    const { d } = CATALOGUE[lang];
    const company = await employer(false);
    await order(company.token, 'Prepared before verification');
    const page = await openPage(stack, { lang, width });
    await signIn(page, lang, company.email, company.password);
    await page.getByText(d.pending.title, { exact: true }).waitFor();
    await page.getByText(d.pending.body).waitFor();
    await tile(page, lang, 'DRAFT', 1).waitFor();
    const draft = card(page, 'Prepared before verification');
    await draft.getByText(d.next.awaitingVerification).waitFor();
    expect(await draft.getByRole('link', { name: d.next.submit }).count()).toBe(0);
    await expectAccessible(page, `dashboard awaiting verification (${lang})`);
    await screenshot(page, 'dashboard-awaiting-verification');
    expectNoConsoleProblems(page);
  });

  it('in es at 1280 px: workers back from their season, evaluations due by their last day', async () => {
    const { d } = CATALOGUE.es;
    const company = await employerWithLogin(stack.api, coordinator);
    // Mobile farm plant operators: an occupation no other suite uses, so no one else's workers join this season.
    const season = await seasonPlayedOut(stack.api, coordinator, company.token, { count: 2, occupation: { isco: '8341', noc: '84120' } });
    const { jobOrder } = await gql<{ jobOrder: { status: Status } }>(`query($id: ID!) { jobOrder(id: $id) { status } }`, { id: season.orderId }, company.token);
    const { myPlacements } = await gql<{ myPlacements: { edges: { node: { evaluationState: string; evaluationClosesOn: string } }[] } }>(
      `{ myPlacements(first: 10) { edges { node { evaluationState evaluationClosesOn } } } }`,
      {},
      company.token,
    );
    const due = myPlacements.edges.map((e) => e.node).filter((p) => p.evaluationState === 'OPEN');
    expect(due).toHaveLength(2);
    const closes = due[0]!.evaluationClosesOn;
    const page = await openPage(stack, { lang: 'es' });
    await signIn(page, 'es', company.email, company.password);
    const when = new Intl.DateTimeFormat('es', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${closes}T00:00:00Z`));
    await page.getByText(fill(d.evaluations_other, { count: 2, date: when })).waitFor();
    expect(await page.getByRole('link', { name: d.evaluate }).getAttribute('href')).toBe('/evaluations');
    // The season's order is counted where the api says it stands.
    await tile(page, 'es', jobOrder.status, 1).waitFor();
    await expectAccessible(page, 'dashboard with evaluations due (es)');
    await screenshot(page, 'dashboard-evaluations-due');
    expectNoConsoleProblems(page);
  }, 120_000);
});
