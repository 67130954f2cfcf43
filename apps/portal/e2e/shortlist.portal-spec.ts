import type { Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { approvedJobOrder, employerInput, futureDate, login, newCoordinator, verifiedApplicant } from '../../../test/support/people';
import enAuth from '../src/i18n/en/auth.json';
import enShortlist from '../src/i18n/en/shortlist.json';
import esAuth from '../src/i18n/es/auth.json';
import esShortlist from '../src/i18n/es/shortlist.json';

const CATALOGUES = { es: { auth: esAuth, s: esShortlist }, en: { auth: enAuth, s: enShortlist } };
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

// Nursery growers who prune, with French: no other test or demo order asks for these.
const NURSERY = { iscoCode: '6113', destinationOccupationCode: '85103', requiredSkills: ['PRUNING'], preferredSkills: ['PLANTING_TRANSPLANTING'], languages: [{ code: 'fr', level: 'A1' }] };
const CANDIDATES = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 100) { edges { node { applicantId status applicant { reference } } } } } }`;
const RUN = `query($id: ID!) { jobOrder(id: $id) { latestMatchingRun { status } } }`;

/**
 * The employer's shortlist: anonymised candidates ranked, each score explained in the reader's language; rejecting
 * one with a reason, selecting one (the positions left go down), and a candidate another employer's order took
 * first, explained in plain words with what to do.
 */
describe('shortlist journey', () => {
  jest.setTimeout(120_000);
  let stack: PortalStack;
  let coordinator: string;

  beforeAll(async () => {
    stack = await startPortalStack();
    coordinator = (await newCoordinator(stack.api)).token;
  });

  afterAll(async () => {
    await stack?.close();
  });

  // Response trees are read freely, as in test/support/api.ts; the schema test checks their shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function gqlOk<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const r = await stack.api.gql<T>(query, variables, token);
    if (r.errors.length) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  }

  /** A verified employer that can sign in through the portal. */
  async function employer() {
    const input = employerInput();
    const { registerEmployer } = await gqlOk<{ registerEmployer: { id: string } }>(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input }, '');
    await gqlOk(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id: registerEmployer.id }, coordinator);
    return { email: input.contactEmail, password: input.password, token: await login(stack.api, input.contactEmail, input.password) };
  }

  /** The run the approval queued, done by the worker. */
  async function waitForRun(orderId: string, token: string) {
    for (let i = 0; i < 200; i++) {
      const run = (await gqlOk(RUN, { id: orderId }, token)).jobOrder.latestMatchingRun;
      if (run?.status === 'SUCCEEDED') return;
      if (run?.status === 'FAILED') throw new Error('the matching run failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the matching run did not finish');
  }

  /** An approved order of three positions, matched, with five applicants of ours on its shortlist (applicant id → reference). */
  async function matchedOrder(company: { token: string }) {
    const applicants: string[] = [];
    for (const years of [7, 5, 4, 3, 2]) {
      const a = await verifiedApplicant(stack.api, coordinator, {
        occupations: ['6113'],
        skills: years > 4 ? ['PRUNING', 'PLANTING_TRANSPLANTING'] : ['PRUNING'],
        yearsExperience: years,
        languages: [{ code: 'es', level: 'NATIVE' }, { code: 'fr', level: 'B1' }],
      });
      applicants.push(a.id);
    }
    const orderId = await approvedJobOrder(stack.api, company.token, coordinator, {
      ...NURSERY,
      title: 'Nursery worker',
      positions: 3,
      minExperienceYears: 1,
      startDate: futureDate(120),
      durationWeeks: 24,
    });
    await waitForRun(orderId, company.token);
    const edges = (await gqlOk(CANDIDATES, { id: orderId }, coordinator)).jobOrder.candidates.edges as { node: { applicantId: string; applicant: { reference: string } } }[];
    const references = new Map(edges.filter((e) => applicants.includes(e.node.applicantId)).map((e) => [e.node.applicantId, e.node.applicant.reference]));
    expect(references.size).toBe(applicants.length);
    return { orderId, applicants, references };
  }

  async function signIn(page: Page, lang: Lang, path: string, who: { email: string; password: string }) {
    const { auth } = CATALOGUES[lang];
    await page.goto(path);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel(auth.signIn.identifier).fill(who.email);
    // The label reads "Password *" (required); the visibility toggle's name also says password, so from the start.
    await page.getByLabel(new RegExp(`^${auth.signIn.password}`)).fill(who.password);
    await page.getByRole('button', { name: auth.signIn.submit }).click();
    await page.waitForURL((url) => url.pathname === path);
  }

  /** Ready: the main list has rendered (aria-busy false) with its candidates as articles. */
  async function listReady(page: Page, lang: Lang) {
    const list = page.getByRole('list', { name: CATALOGUES[lang].s.listLabel });
    await list.and(page.locator('[aria-busy="false"]')).waitFor();
    return list;
  }

  it.each<[Lang, 375 | 1280]>([
    ['es', 1280],
    ['en', 375],
  ])('explains, rejects, selects and reports a conflict in %s at %i px', async (lang, width) => {
    const { s } = CATALOGUES[lang];
    const company = await employer();
    const { orderId, applicants, references } = await matchedOrder(company);
    const [best, second, third, , fifth] = applicants.map((id) => references.get(id)!);
    const page = await openPage(stack, { lang, width });
    await signIn(page, lang, `/orders/${orderId}/shortlist`, company);

    // The list, best first; each candidate an article named by its reference, its score explained in this language.
    const list = await listReady(page, lang);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const article = (reference: string) => list.getByRole('article', { name: reference, exact: true });
    for (const reference of references.values()) await article(reference).waitFor();
    const bestText = await article(best!).innerText();
    expect(bestText).toContain(fill(s.reason.REQUIRED_SKILLS_one, { matched: 1, asked: 1 }));
    expect(bestText).toContain(fill(s.reason.PREFERRED_SKILLS_one, { matched: 1, asked: 1 }));
    expect(bestText).toContain(fill(s.reason.EXPERIENCE_other, { years: 7, beyond: 6, minimum: 1 }));
    expect(bestText).toContain(s.reason.EVALUATIONS_FIRST_CONTRACT);
    expect(bestText).toContain(s.factor.requiredSkills);
    expect(bestText).toContain(fill(s.breakdown.points, { points: 25, max: 25 }));
    // The breakdown is a list of text beside the bars, one item per factor.
    expect(await article(best!).getByRole('list', { name: fill(s.breakdown.label, { reference: best! }) }).getByRole('listitem').count()).toBe(7);
    if (lang === 'es') expect(bestText).not.toMatch(/required skills|years of experience/);
    await page.getByRole('status').filter({ hasText: fill(s.positions.remaining_other, { count: 3, total: 3 }) }).waitFor();
    await expectAccessible(page, `shortlist (${lang})`);
    await screenshot(page, 'shortlist');

    // Rejecting asks why; without a reason (or too short for the api) it says what is wrong, beside the field.
    await article(fifth!).getByRole('button', { name: fill(s.reject.openLabel, { reference: fifth! }) }).click();
    const dialog = page.getByRole('dialog', { name: fill(s.reject.title, { reference: fifth! }) });
    await dialog.waitFor();
    const reason = dialog.getByLabel(s.reject.reason);
    await dialog.getByRole('button', { name: s.reject.submit }).click();
    await dialog.getByText(s.reject.reasonRequired).waitFor();
    // Typing clears the local message; the api's refusal of a reason too short brings it back, in this language.
    await reason.fill('Too short');
    await dialog.getByText(s.reject.reasonRequired).waitFor({ state: 'hidden' });
    await dialog.getByRole('button', { name: s.reject.submit }).click();
    await dialog.getByText(s.reject.reasonRequired).waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, `shortlist, reject dialog (${lang})`);
    await screenshot(page, 'shortlist-reject');
    await reason.fill('We need two seasons of nursery work at least.');
    await dialog.getByRole('button', { name: s.reject.submit }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: fill(s.reject.done, { reference: fifth! }) }).waitFor();
    await listReady(page, lang);
    await article(fifth!).getByText(s.status.REJECTED, { exact: true }).waitFor();

    // Selecting one: the positions left go from three to two.
    await article(best!).getByLabel(fill(s.choose, { reference: best! })).check();
    await page.getByRole('button', { name: fill(s.selectChosen_one, { count: 1 }) }).click();
    await page.getByRole('status').filter({ hasText: fill(s.selected_one, { count: 1 }) }).waitFor();
    await listReady(page, lang);
    await article(best!).getByText(s.status.SELECTED, { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: fill(s.positions.remaining_other, { count: 2, total: 3 }) }).waitFor();

    // Another employer's order takes the third candidate first (the coordinator selects them there through the api);
    // this employer, whose page still offers them, is told in plain words what happened and what to do.
    await article(third!).getByLabel(fill(s.choose, { reference: third! })).check();
    await article(second!).getByLabel(fill(s.choose, { reference: second! })).check();
    const rival = await employer();
    const rivalOrder = await approvedJobOrder(stack.api, rival.token, coordinator, { ...NURSERY, title: 'Nursery worker', positions: 1, startDate: futureDate(120), durationWeeks: 24 });
    const thirdId = [...references.entries()].find(([, ref]) => ref === third)![0];
    await gqlOk(`mutation($i: SelectCandidatesInput!) { selectCandidates(input: $i) { status } }`, { i: { jobOrderId: rivalOrder, applicantIds: [thirdId] } }, coordinator);
    await page.getByRole('button', { name: fill(s.selectChosen_other, { count: 2 }) }).click();
    const conflict = page.getByRole('alert').filter({ hasText: s.conflict.title });
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain(s.conflict.taken);
    expect(await conflict.innerText()).not.toMatch(/Exception|at .*\.ts|CONFLICT/);
    await expectAccessible(page, `shortlist, conflict (${lang})`);
    await screenshot(page, 'shortlist-conflict');
    // Nothing was selected: the second candidate is still free, two positions remain; refreshing clears the message.
    await conflict.getByRole('button', { name: s.conflict.refresh }).click();
    await conflict.waitFor({ state: 'hidden' });
    await listReady(page, lang);
    await article(second!).getByText(s.status.SUGGESTED, { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: fill(s.positions.remaining_other, { count: 2, total: 3 }) }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    expectNoConsoleProblems(page);
  });
});
