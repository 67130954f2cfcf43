import type { Locator, Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { login, newCoordinator } from '../../../test/support/people';
import enAccount from '../src/i18n/en/account.json';
import enAuth from '../src/i18n/en/auth.json';
import enCommon from '../src/i18n/en/common.json';
import esAccount from '../src/i18n/es/account.json';
import esAuth from '../src/i18n/es/auth.json';
import esCommon from '../src/i18n/es/common.json';

const CATALOGUES = { es: { auth: esAuth, account: esAccount, common: esCommon }, en: { auth: enAuth, account: enAccount, common: enCommon } };

/** What the page says about a field as it is now: null when it is not marked invalid, else all that describes it. */
async function fieldProblem(field: Locator): Promise<string | null> {
  if ((await field.getAttribute('aria-invalid')) !== 'true') return null;
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

/** The problem a field is about to show (after a submit): waits for it to be marked invalid first. */
async function shownProblem(field: Locator): Promise<string | null> {
  await field.and(field.page().locator('[aria-invalid="true"]')).waitFor({ timeout: 10_000 });
  return fieldProblem(field);
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * An employer signs its company up in the portal: the form shows the api's refusals beside their fields, the
 * registration ends on the awaiting-verification screen, the employer can already sign in (its account page says
 * the company awaits verification), and once a coordinator verifies it the account page says so.
 */
describe('employer sign-up journey', () => {
  let stack: PortalStack;
  let coordinatorToken: string;

  beforeAll(async () => {
    stack = await startPortalStack();
    coordinatorToken = (await newCoordinator(stack.api)).token;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it.each<[Lang, 375 | 1280]>([
    ['es', 375],
    ['en', 1280],
  ])('signs a company up in %s at %i px, then signs in before and after verification', async (lang, width) => {
    const { auth: a, account: acc, common } = CATALOGUES[lang];
    const suffix = Math.random().toString(36).slice(2, 10);
    const email = `contratacion-${suffix}@granja.example`;
    const password = `una frase larga ${suffix}`;
    const legalName = `Granja Los Pinos ${suffix} LLC`;
    const page = await openPage(stack, { lang, width });

    await page.goto('/sign-in');
    await page.getByRole('link', { name: a.signIn.signUp }).click();
    await page.getByRole('heading', { level: 2, name: a.signUp.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-up');
    await expectAccessible(page, `sign-up (${lang})`);
    await screenshot(page, 'sign-up');

    // Nothing filled in: each required field says so beside it, the optional trade name does not.
    const submit = page.getByRole('button', { name: a.signUp.submit });
    await submit.click();
    expect(await shownProblem(page.getByLabel(a.signUp.legalName))).toContain(a.signUp.required);
    expect(await shownProblem(page.getByLabel(a.signUp.contactPhone))).toContain(a.signUp.required);
    expect(await fieldProblem(page.getByLabel(a.signUp.tradeName))).toBeNull();

    await page.getByLabel(a.signUp.legalName).fill(legalName);
    await choose(page, page.getByRole('combobox', { name: a.signUp.sector }), a.signUp.sectors.AGRICULTURE);
    // The state list follows the country: Florida is offered for the United States, not for Canada.
    await choose(page, page.getByRole('combobox', { name: a.signUp.country }), a.signUp.countries.CA);
    await page.getByRole('combobox', { name: a.signUp.province }).click();
    expect(await page.getByRole('option', { name: 'Florida' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await choose(page, page.getByRole('combobox', { name: a.signUp.country }), a.signUp.countries.US);
    await choose(page, page.getByRole('combobox', { name: a.signUp.state }), 'Florida');
    await page.getByLabel(a.signUp.city).fill('Immokalee');
    await choose(page, page.getByRole('combobox', { name: a.signUp.program, exact: true }), a.signUp.programs.US_H2A);
    await page.getByLabel(a.signUp.programReference).fill(`H-300-26012-${String(Date.now()).slice(-6)}`);
    await page.getByLabel(a.signUp.contactName).fill('María Hernández');
    await page.getByLabel(a.signUp.contactEmail).fill(email);
    // Not in international format: the api refuses it, and says why beside the phone field.
    await page.getByLabel(a.signUp.contactPhone).fill('239 555 0142');
    await page.getByRole('textbox', { name: a.signUp.password, exact: true }).fill(password);
    await submit.click();
    await page.getByRole('alert').filter({ hasText: a.signUp.failed }).waitFor();
    expect(await shownProblem(page.getByLabel(a.signUp.contactPhone))).toMatch(/international format/);
    expect(await fieldProblem(page.getByLabel(a.signUp.contactEmail))).toBeNull();
    await expectAccessible(page, `sign-up with errors (${lang})`);
    await screenshot(page, 'sign-up-errors');

    await page.getByLabel(a.signUp.contactPhone).fill('+12395550142');
    await submit.click();
    await page.getByRole('heading', { level: 2, name: a.registered.title }).waitFor();
    const status = page.getByRole('status').filter({ hasText: a.registered.status });
    expect(await status.innerText()).toContain(email);
    expect(await page.getByRole('listitem').allInnerTexts()).toEqual([a.registered.next1, a.registered.next2, a.registered.next3]);
    await expectAccessible(page, `awaiting verification (${lang})`);
    await screenshot(page, 'sign-up-registered');

    // The api holds the company as awaiting verification.
    const employerToken = await login(stack.api, email, password);
    const me = await stack.api.gql<{ me: { employerId: string } }>(`{ me { employerId } }`, {}, employerToken);
    const employerId = me.data!.me.employerId;
    const before = await stack.api.gql(`query($id: ID!) { employer(id: $id) { legalName status } }`, { id: employerId }, employerToken);
    expect(before.data?.employer).toEqual({ legalName, status: 'PENDING_VERIFICATION' });

    // Signing in before verification works; the account page says the company awaits verification.
    await page.getByRole('link', { name: a.registered.signIn }).click();
    await signIn(page, a, email, password);
    await openAccount(page, common, width);
    const company = page.getByRole('row').filter({ hasText: acc.who.company });
    await company.getByText(acc.employerStatus.PENDING_VERIFICATION).waitFor();
    expect(await company.innerText()).toContain(legalName);
    expect(await page.getByText(acc.who.pending).isVisible()).toBe(true);
    await expectAccessible(page, `account, awaiting verification (${lang})`);
    await screenshot(page, 'sign-up-account-pending');
    // On a phone, signing out is in the menu.
    if (await page.getByRole('button', { name: common.nav.menu }).isVisible()) await page.getByRole('button', { name: common.nav.menu }).click();
    await page.getByRole('button', { name: common.nav.signOut }).click();
    await page.getByRole('heading', { level: 2, name: a.signIn.title }).waitFor();

    // A coordinator verifies the company; the employer signs in again and sees it verified.
    const verified = await stack.api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { status } }`, { id: employerId }, coordinatorToken);
    expect(verified.data?.verifyEmployer).toEqual({ status: 'VERIFIED' });
    await signIn(page, a, email, password);
    await openAccount(page, common, width);
    await page.getByRole('row').filter({ hasText: acc.who.company }).getByText(acc.employerStatus.VERIFIED).waitFor();
    expect(await page.getByText(acc.who.pending).count()).toBe(0);
    await screenshot(page, 'sign-up-account-verified');
    expectNoConsoleProblems(page);
  });

  it('shows that the e-mail is taken beside the e-mail field', async () => {
    const a = esAuth;
    const suffix = Math.random().toString(36).slice(2, 10);
    const email = `rh-${suffix}@ferme.example`;
    const first = await stack.api.gql(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, {
      i: {
        legalName: `Ferme ${suffix} inc.`,
        country: 'CA',
        regionCode: 'CA-QC',
        city: 'Saint-Hyacinthe',
        sector: 'LIVESTOCK',
        program: 'CA_SAWP',
        programReference: String(Date.now()).slice(-9),
        contactName: 'Julie Tremblay',
        contactEmail: email,
        contactPhone: '+14505550123',
        password: `mot de passe ${suffix}`,
      },
    });
    expect(first.errors).toEqual([]);

    const page = await openPage(stack, { lang: 'es' });
    await page.goto('/sign-up');
    await page.getByLabel(a.signUp.legalName).fill(`Ferme ${suffix} deux inc.`);
    await choose(page, page.getByRole('combobox', { name: a.signUp.sector }), a.signUp.sectors.LIVESTOCK);
    await choose(page, page.getByRole('combobox', { name: a.signUp.country }), a.signUp.countries.CA);
    await page.getByRole('combobox', { name: a.signUp.province }).fill('Queb');
    await page.getByRole('option', { name: 'Quebec' }).click();
    await page.getByLabel(a.signUp.city).fill('Saint-Hyacinthe');
    await choose(page, page.getByRole('combobox', { name: a.signUp.program, exact: true }), a.signUp.programs.CA_SAWP);
    await page.getByLabel(a.signUp.programReference).fill(String(Date.now() + 7).slice(-9));
    await page.getByLabel(a.signUp.contactName).fill('Julie Tremblay');
    await page.getByLabel(a.signUp.contactEmail).fill(email);
    await page.getByLabel(a.signUp.contactPhone).fill('+14505550123');
    await page.getByRole('textbox', { name: a.signUp.password, exact: true }).fill(`autre mot de passe ${suffix}`);
    await page.getByRole('button', { name: a.signUp.submit }).click();
    await page.getByRole('alert').filter({ hasText: a.signUp.failed }).waitFor();
    expect(await shownProblem(page.getByLabel(a.signUp.contactEmail))).toMatch(/already registered/);
    expect(await page.getByRole('heading', { name: a.registered.title }).count()).toBe(0);
    expectNoConsoleProblems(page);
  });
});

async function signIn(page: Page, a: typeof esAuth, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: a.signIn.title }).waitFor();
  await page.getByLabel(a.signIn.identifier).fill(email);
  await page.getByRole('textbox', { name: a.signIn.password, exact: true }).fill(password);
  await page.getByRole('button', { name: a.signIn.submit }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Through the navigation, as a person would: on a phone it sits behind the menu button. */
async function openAccount(page: Page, common: typeof esCommon, width: number): Promise<void> {
  if (width === 375) await page.getByRole('button', { name: common.nav.menu }).click();
  await page.getByRole('link', { name: common.nav.account }).click();
  await page.waitForURL((url) => url.pathname === '/account');
}

