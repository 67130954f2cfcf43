import type { Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { employerInput, futureDate, newCoordinator } from '../../../test/support/people';
import en from '../src/i18n/en/orders.json';
import es from '../src/i18n/es/orders.json';
import enAuth from '../src/i18n/en/auth.json';
import esAuth from '../src/i18n/es/auth.json';
import enDashboard from '../src/i18n/en/dashboard.json';
import esDashboard from '../src/i18n/es/dashboard.json';

const CATALOGUE = { es: { o: es, auth: esAuth, d: esDashboard }, en: { o: en, auth: enAuth, d: enDashboard } };
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * An employer's job order from draft to approval, in the portal: the form filled step by step with the keyboard
 * alone, a draft saved and edited later, submitted, rejected by the ministry (through the api) with a reason the
 * employer reads on the order and the dashboard, corrected and submitted again, approved, seen approved.
 */
describe('job order journey', () => {
  let stack: PortalStack;
  let coordinator: string;

  beforeAll(async () => {
    stack = await startPortalStack();
    coordinator = (await newCoordinator(stack.api)).token;
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** A verified employer whose e-mail and password the test types into the sign-in page. */
  async function verifiedEmployer() {
    const input = employerInput();
    const r = await stack.api.gql<{ registerEmployer: { id: string } }>(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input });
    const id = r.data!.registerEmployer.id;
    const verified = await stack.api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id }, coordinator);
    expect(verified.errors).toEqual([]);
    return { id, email: input.contactEmail, password: input.password };
  }

  async function signIn(page: Page, lang: Lang, email: string, password: string) {
    const auth = CATALOGUE[lang].auth;
    await page.goto('/sign-in');
    await page.getByLabel(auth.signIn.identifier).fill(email);
    // The label reads "Password *" (the asterisk hidden from screen readers): matched from its start.
    await page.getByLabel(new RegExp(`^${auth.signIn.password}`)).fill(password);
    await page.getByRole('button', { name: auth.signIn.submit }).click();
    await page.getByRole('heading', { level: 1, name: CATALOGUE[lang].d.title }).waitFor();
  }

  /** Focus moves with the keyboard only: the field is reached by Tab from the previous one where the test says so. */
  async function typeInto(page: Page, label: string | RegExp, text: string) {
    const field = page.getByLabel(label).first();
    await field.focus();
    await page.keyboard.type(text);
  }

  /**
   * Types into a searchable list and takes the first match with Enter, once the list shows it. The list opens on the
   * first character, and Mantine then settles which option Enter takes on a timer; keys typed faster than the page
   * runs its timers (a busy machine runs input first) let that timer undo the highlight of the match, and Enter then
   * takes nothing. A person types slower than a timer of 0 ms; the test waits for it after the first character.
   */
  async function pick(page: Page, label: string | RegExp, search: string) {
    await typeInto(page, label, search.slice(0, 1));
    await page.getByRole('option').first().waitFor();
    await page.evaluate(() => new Promise((settled) => setTimeout(settled, 0)));
    await page.keyboard.type(search.slice(1));
    // Enter takes the highlighted option; before the list highlights one, Enter would submit the step instead.
    await page.locator('[role="option"][data-combobox-selected]').filter({ hasText: search }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('option').first().waitFor({ state: 'hidden' }).catch(() => page.keyboard.press('Escape'));
  }

  const countOf = (page: Page, lang: Lang, status: keyof typeof es.status, count: number) =>
    page.getByRole('listitem', { name: fill(CATALOGUE[lang].d.counts.item, { status: CATALOGUE[lang].o.status[status], count }) });

  it.each<[Lang, 1280 | 375]>([
    ['es', 375],
    ['en', 1280],
  ])('in %s at %i px: drafts, submits, is rejected, corrects, resubmits, is approved', async (lang, width) => {
    const { o, d } = CATALOGUE[lang];
    const f = o.form;
    const employer = await verifiedEmployer();
    const page = await openPage(stack, { lang, width });
    await signIn(page, lang, employer.email, employer.password);
    await expectAccessible(page, `dashboard, no orders (${lang})`);
    await page.getByText(d.empty).waitFor();
    await screenshot(page, 'job-order-0-dashboard-empty');

    // The form, step by step, with the keyboard alone.
    await page.goto('/orders/new');
    await page.getByRole('heading', { level: 1, name: f.newTitle }).waitFor();
    await expectAccessible(page, `order form, occupation (${lang})`);
    await pick(page, f.occupation, '9212');
    // A Canadian employer: the occupation's only NOC 2021 code is filled in.
    const destinationCode = page.getByLabel(fill(f.destinationCode, { system: 'NOC 2021' })).first();
    // Filled in as the form re-renders after the pick: wait for it (a slow machine reads it a moment later).
    await destinationCode.evaluate(
      (input) =>
        new Promise<void>((done) => {
          const deadline = Date.now() + 10_000;
          const check = () => ((input as HTMLInputElement).value || Date.now() > deadline ? done() : setTimeout(check, 50));
          check();
        }),
    );
    expect(await destinationCode.inputValue()).toBe('85100');
    // Tab walks the step in reading order: destination code, job title, positions.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(f.jobTitle).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('Dairy farm worker');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await screenshot(page, 'job-order-1-form-occupation');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: f.steps.requirements }).waitFor();
    await pick(page, f.requiredSkills, 'Milking');
    await page.keyboard.press('Escape');
    await page.getByText('Machine milking in a milking parlour').first().waitFor();
    await page.getByRole('button', { name: f.addLanguage }).focus();
    await page.keyboard.press('Space');
    await pick(page, fill(f.language, { n: 1 }), o.languageName.fr);
    await pick(page, fill(f.languageLevel, { n: 1 }), 'A2');
    await typeInto(page, f.minExperience, '1');
    await expectAccessible(page, `order form, requirements (${lang})`);
    await screenshot(page, 'job-order-2-form-requirements');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: f.steps.place }).waitFor();
    await pick(page, f.workRegion, 'Qu');
    await typeInto(page, f.workCity, 'Saint-Hyacinthe');
    await typeInto(page, f.startDate, futureDate(60));
    await page.keyboard.press('Tab');
    await typeInto(page, f.durationWeeks, '26');
    await expectAccessible(page, `order form, place and dates (${lang})`);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: f.steps.pay }).waitFor();
    await typeInto(page, fill(f.hourlyWage, { currency: 'CAD' }), '16.5');
    // The wage as the employer will read it, in the country's currency.
    await page.getByText(fill(f.wageShown, { amount: new Intl.NumberFormat(lang, { style: 'currency', currency: 'CAD', currencyDisplay: 'code' }).format(16.5) })).waitFor();
    await typeInto(page, f.hoursPerWeek, '40');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await typeInto(page, f.housingDescription, 'On-farm bunkhouse for 6 workers, 2 km from the barn');
    await page.getByRole('checkbox', { name: f.employerPaysRecruitment }).focus();
    await page.keyboard.press('Space');
    // Travel left unticked on purpose: the api refuses it and the form shows why, beside the box.
    await expectAccessible(page, `order form, pay (${lang})`);
    await screenshot(page, 'job-order-3-form-pay');
    await page.getByRole('button', { name: f.next }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: f.steps.review }).waitFor();
    await page.getByRole('cell', { name: 'Dairy farm worker' }).waitFor();
    await expectAccessible(page, `order form, review (${lang})`);
    await page.getByRole('button', { name: f.saveDraft }).focus();
    await page.keyboard.press('Enter');
    // The api's field error, beside its field, on the step that holds it.
    await page.getByRole('heading', { level: 2, name: f.steps.pay }).waitFor();
    const travel = page.getByRole('checkbox', { name: f.employerPaysTravel });
    await expect(travel.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('group', { name: f.employerPays }).getByText(/travel/i).first().waitFor();
    await screenshot(page, 'job-order-4-form-field-error');
    await travel.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: f.saveDraft }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/orders\/[0-9a-f-]+\/edit$/);
    await page.getByRole('status').filter({ hasText: f.saved }).first().waitFor();
    const orderId = /\/orders\/([0-9a-f-]+)\/edit$/.exec(page.url())![1]!;

    // The employer leaves: the draft waits on the dashboard.
    await page.goto('/');
    await countOf(page, lang, 'DRAFT', 1).waitFor();
    const card = page.getByRole('article').filter({ hasText: 'Dairy farm worker' });
    await card.getByRole('link', { name: d.next.submit }).waitFor();
    await expectAccessible(page, `dashboard with a draft (${lang})`);
    await screenshot(page, 'job-order-5-dashboard-draft');

    // Back to it later: the form holds what was saved; one change, then submitted from the review.
    await card.getByRole('link', { name: d.next.edit }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(f.editTitle.replace('{{reference}}', 'JO-')) }).waitFor();
    await expect(page.getByLabel(f.jobTitle).inputValue()).resolves.toBe('Dairy farm worker');
    await page.getByLabel(f.positions).fill('4');
    for (let step = 0; step < 4; step++) await page.getByRole('button', { name: f.next }).click();
    await page.getByRole('button', { name: f.submit }).click();
    await page.waitForURL(new RegExp(`/orders/${orderId}$`));
    await page.getByText(exact(o.status.SUBMITTED)).first().waitFor();
    await expectAccessible(page, `order detail, submitted (${lang})`);
    await screenshot(page, 'job-order-6-detail-submitted');

    // The ministry rejects it, with a reason.
    const reason = 'The wage is below the prevailing rate for Quebec.';
    const rejected = await stack.api.gql(`mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { status } }`, { i: { id: orderId, reason } }, coordinator);
    expect(rejected.errors).toEqual([]);
    await page.reload();
    await page.getByText(reason).waitFor();
    await page.getByRole('link', { name: o.detail.editResubmit }).waitFor();
    await expectAccessible(page, `order detail, rejected (${lang})`);
    await screenshot(page, 'job-order-7-detail-rejected');
    await page.goto('/');
    await countOf(page, lang, 'REJECTED', 1).waitFor();
    await countOf(page, lang, 'DRAFT', 0).waitFor();
    await page.getByText(fill(d.next.rejectedBecause, { reason })).waitFor();
    await screenshot(page, 'job-order-8-dashboard-rejected');

    // Corrected and submitted again.
    await page.getByRole('link', { name: d.next.correct }).click();
    await page.getByText(fill(f.rejectedBefore, { reason })).waitFor();
    for (let step = 0; step < 3; step++) await page.getByRole('button', { name: f.next }).click();
    await page.getByLabel(fill(f.hourlyWage, { currency: 'CAD' })).fill('17.75');
    await page.getByRole('button', { name: f.next }).click();
    await page.getByRole('button', { name: f.submit }).click();
    await page.waitForURL(new RegExp(`/orders/${orderId}$`));
    await page.getByText(exact(o.status.SUBMITTED)).first().waitFor();

    // Approved by the ministry: the employer sees it open, with the approval's date.
    const approved = await stack.api.gql(`mutation($id: ID!) { approveJobOrder(id: $id) { status approvedAt } }`, { id: orderId }, coordinator);
    expect(approved.data?.approveJobOrder.status).toBe('OPEN');
    await page.reload();
    await page.getByText(exact(o.status.OPEN)).first().waitFor();
    await page.getByText(new RegExp(o.detail.approved.split('{{')[0]!)).waitFor();
    await page.getByRole('cell', { name: new Intl.NumberFormat(lang, { style: 'currency', currency: 'CAD', currencyDisplay: 'code' }).format(17.75) }).waitFor();
    await expectAccessible(page, `order detail, approved (${lang})`);
    await screenshot(page, 'job-order-9-detail-approved');

    await page.goto('/');
    for (const [status, count] of [['OPEN', 1], ['DRAFT', 0], ['SUBMITTED', 0], ['REJECTED', 0]] as const) await countOf(page, lang, status, count).waitFor();
    await expectAccessible(page, `dashboard, order open (${lang})`);
    await screenshot(page, 'job-order-10-dashboard-open');
    if (width === 375) expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expectNoConsoleProblems(page);
  }, 360_000);
});
