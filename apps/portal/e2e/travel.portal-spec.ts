import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { approvedJobOrder, employerInput, futureDate, login, newCoordinator, verifiedApplicant } from '../../../test/support/people';
import enAuth from '../src/i18n/en/auth.json';
import enTravel from '../src/i18n/en/travel.json';
import esAuth from '../src/i18n/es/auth.json';
import esTravel from '../src/i18n/es/travel.json';

const CATALOGUES = { es: { auth: esAuth, tr: esTravel }, en: { auth: enAuth, tr: enTravel } };
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
const LOCALES: Record<Lang, string> = { es: 'es', en: 'en' };
const longDate = (iso: string, lang: Lang) => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

const CANDIDATES = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 100) { edges { node { applicantId applicant { reference } } } } } }`;
const CONTINGENTS = `query($id: ID!) { contingents(filter: { jobOrderId: $id }, first: 5) { edges { node { id reference departureDate } } } }`;
const COMPLETE = `mutation($i: CompleteStepInput!) { completeStep(input: $i) { status } }`;

/**
 * The employer follows its workers' travel: contingents with planned and actual dates, each worker's status and
 * steps done; another employer sees none of it.
 */
describe('travel journey', () => {
  jest.setTimeout(120_000);
  let stack: PortalStack;
  let coordinator: string;
  let company: { email: string; password: string; token: string };
  let other: { email: string; password: string; token: string };
  let contingent: { id: string; reference: string; departureDate: string };
  const workers = [
    { firstNames: 'Rosa Elena', lastNames: 'Martínez Cruz' },
    { firstNames: 'José Luis', lastNames: 'Ramírez Flores' },
  ];

  // Response trees are read freely, as in test/support/api.ts; the schema test checks their shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function gqlOk<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const r = await stack.api.gql<T>(query, variables, token);
    if (r.errors.length) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  }

  async function employer() {
    const input = employerInput();
    const { registerEmployer } = await gqlOk<{ registerEmployer: { id: string } }>(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input }, '');
    await gqlOk(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id: registerEmployer.id }, coordinator);
    return { email: input.contactEmail, password: input.password, token: await login(stack.api, input.contactEmail, input.password) };
  }

  async function poll<T>(what: string, read: () => Promise<T | null>): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const value = await read();
      if (value) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${what} did not happen`);
  }

  beforeAll(async () => {
    stack = await startPortalStack();
    coordinator = (await newCoordinator(stack.api)).token;
    company = await employer();
    other = await employer();
    // Tree-fruit pickers on ladders bound for Saskatchewan, on a random date: no other test's workers join this contingent.
    const applicantIds: string[] = [];
    for (const names of workers) {
      const a = await verifiedApplicant(stack.api, coordinator, {
        ...names,
        occupations: ['6112'],
        skills: ['FRUIT_PICKING_LADDER'],
        yearsExperience: 3,
        languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'B1' }],
      });
      applicantIds.push(a.id);
    }
    const orderId = await approvedJobOrder(stack.api, company.token, coordinator, {
      title: 'Orchard worker',
      iscoCode: '6112',
      destinationOccupationCode: '85101',
      positions: 2,
      requiredSkills: ['FRUIT_PICKING_LADDER'],
      languages: [{ code: 'en', level: 'A2' }],
      workRegionCode: 'CA-SK',
      workCity: 'Saskatoon',
      startDate: futureDate(70 + randomInt(250)),
      durationWeeks: 20,
    });
    const references = await poll('the shortlist', async () => {
      const edges = (await gqlOk(CANDIDATES, { id: orderId }, coordinator)).jobOrder.candidates.edges as { node: { applicantId: string; applicant: { reference: string } } }[];
      const mine = edges.filter((e) => applicantIds.includes(e.node.applicantId)).map((e) => e.node.applicant.reference);
      return mine.length === applicantIds.length ? mine : null;
    });
    await gqlOk(`mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`, { i: { jobOrderId: orderId, applicantIds: references } }, company.token);
    await gqlOk(`mutation($id: ID!) { scheduleContingents(jobOrderId: $id) { waiting } }`, { id: orderId }, coordinator);
    contingent = await poll('the seating', async () => (await gqlOk(CONTINGENTS, { id: orderId }, coordinator)).contingents.edges[0]?.node ?? null);
    // The first worker is two steps along; the second has not started.
    for (const step of ['DOCUMENTS_CHECKED', 'MEDICAL_EXAM']) {
      await gqlOk(COMPLETE, { i: { contingentId: contingent.id, applicantId: applicantIds[0], step } }, coordinator);
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function signIn(page: Page, lang: Lang, who: { email: string; password: string }) {
    const { auth } = CATALOGUES[lang];
    await page.goto('/travel');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel(auth.signIn.identifier).fill(who.email);
    // The label reads "Password *" (required); the visibility toggle's name also says password, so from the start.
    await page.getByLabel(new RegExp(`^${auth.signIn.password}`)).fill(who.password);
    await page.getByRole('button', { name: auth.signIn.submit }).click();
    await page.waitForURL((url) => url.pathname === '/travel');
  }

  it.each<[Lang, 375 | 1280]>([
    ['es', 375],
    ['en', 1280],
  ])('shows the contingent, its dates and each worker’s steps in %s at %i px', async (lang, width) => {
    const { tr } = CATALOGUES[lang];
    const page = await openPage(stack, { lang, width });
    await signIn(page, lang, company);
    await page.getByRole('heading', { level: 1, name: tr.title }).waitFor();
    const list = page.getByRole('list', { name: tr.listLabel });
    await list.and(page.locator('[aria-busy="false"]')).waitFor({ state: 'attached' });

    const card = list.getByRole('article', { name: contingent.reference, exact: true });
    await card.waitFor();
    expect(await card.innerText()).toContain(fill(tr.contingent.destination, { region: 'Saskatchewan' }));
    const dates = card.getByRole('table', { name: fill(tr.dates.caption, { reference: contingent.reference }) });
    const departure = await dates.getByRole('row', { name: new RegExp(`^${tr.dates.departure}`) }).innerText();
    expect(departure).toContain(longDate(contingent.departureDate, lang));
    expect(departure).toContain(tr.dates.notYet);
    expect(await card.getByText(tr.status.PLANNED, { exact: true }).count()).toBe(1);

    const [ahead, behind] = workers.map((w) => card.getByRole('article', { name: `${w.firstNames} ${w.lastNames}` }));
    expect(await ahead!.innerText()).toContain(fill(tr.progress.done_other, { done: 2, count: 7 }));
    expect(await behind!.innerText()).toContain(fill(tr.progress.done_other, { done: 0, count: 7 }));
    expect(await ahead!.getByText(tr.traveller.SEATED, { exact: true }).count()).toBe(1);
    const bar = ahead!.getByRole('progressbar', { name: fill(tr.progress.label, { name: `${workers[0]!.firstNames} ${workers[0]!.lastNames}`, done: 2, total: 7 }) });
    expect(await bar.getAttribute('aria-valuenow')).toBe('29');

    // The steps themselves, one by one, on request.
    await ahead!.getByText(fill(tr.progress.details, { name: `${workers[0]!.firstNames} ${workers[0]!.lastNames}` })).click();
    await ahead!.getByText(tr.step.MEDICAL_EXAM).waitFor();
    expect(await ahead!.getByText(tr.stepStatus.DONE, { exact: true }).count()).toBe(2);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    await expectAccessible(page, `travel (${lang})`);
    await screenshot(page, 'travel');
    expectNoConsoleProblems(page);
  });

  it('shows another employer none of it', async () => {
    const { tr } = CATALOGUES.es;
    const page = await openPage(stack, { lang: 'es' });
    await signIn(page, 'es', other);
    // An empty list has no height: attached, not visible.
    await page.getByRole('list', { name: tr.listLabel }).and(page.locator('[aria-busy="false"]')).waitFor({ state: 'attached' });
    await page.getByText(tr.empty).waitFor();
    expect(await page.getByText(contingent.reference).count()).toBe(0);
    expect(await page.getByText(workers[0]!.lastNames).count()).toBe(0);
    await expectAccessible(page, 'travel, nothing yet (es)');
    await screenshot(page, 'travel-empty');
    expectNoConsoleProblems(page);
  });
});
