import type { Page } from 'playwright-core';
import { codesOf } from '../../../test/support/api';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { employerInput, newCoordinator } from '../../../test/support/people';
import enAccount from '../src/i18n/en/account.json';
import enAuth from '../src/i18n/en/auth.json';
import enCommon from '../src/i18n/en/common.json';
import esAccount from '../src/i18n/es/account.json';
import esAuth from '../src/i18n/es/auth.json';
import esCommon from '../src/i18n/es/common.json';

const CATALOGUES = { es: { auth: esAuth, account: esAccount, common: esCommon }, en: { auth: enAuth, account: enAccount, common: enCommon } };
type Catalogue = (typeof CATALOGUES)[Lang];
const REFRESH_COOKIE = 'puente_refresh';
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

/**
 * The session as a browser holds it: the access token only in memory, the refresh token in an httpOnly cookie; a
 * reload keeps the person signed in, signing out ends it for good (reload and back show no data), and a session
 * that ends underneath the page sends the person to sign in and back to the page they were on.
 */
describe('session in the browser', () => {
  let stack: PortalStack;
  let coordinatorToken: string;

  beforeAll(async () => {
    stack = await startPortalStack();
    coordinatorToken = (await newCoordinator(stack.api)).token;
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function verifiedEmployer() {
    const input = employerInput();
    const r = await stack.api.gql<{ registerEmployer: { id: string } }>(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, {
      i: input,
    });
    const id = r.data!.registerEmployer.id;
    await stack.api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id }, coordinatorToken);
    return { id, email: input.contactEmail, password: input.password };
  }

  /** Fills the sign-in form and returns the access token the api answered with (read off the wire). */
  async function signIn(page: Page, c: Catalogue, email: string, password: string): Promise<string> {
    await page.getByRole('heading', { level: 2, name: c.auth.signIn.title }).waitFor();
    await page.getByLabel(c.auth.signIn.identifier).fill(email);
    await page.getByRole('textbox', { name: c.auth.signIn.password, exact: true }).fill(password);
    const answered = page.waitForResponse((res) => res.url().endsWith('/graphql') && (res.request().postData() ?? '').includes('PortalLogin'));
    await page.getByRole('button', { name: c.auth.signIn.submit }).click();
    const body = (await (await answered).json()) as { data: { login: { accessToken: string } } };
    return body.data.login.accessToken;
  }

  async function goTo(page: Page, c: Catalogue, width: number, link: string, pathname: string): Promise<void> {
    if (width === 375) await page.getByRole('button', { name: c.common.nav.menu }).click();
    await page.getByRole('link', { name: link }).click();
    await page.waitForURL((url) => url.pathname === pathname);
  }

  it.each<[Lang, 375 | 1280]>([
    ['es', 375],
    ['en', 1280],
  ])('keeps tokens out of reach, survives a reload and ends on sign-out in %s at %i px', async (lang, width) => {
    const c = CATALOGUES[lang];
    const employer = await verifiedEmployer();
    const page = await openPage(stack, { lang, width });

    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/');
    await expectAccessible(page, `sign-in (${lang})`);
    await screenshot(page, 'session-sign-in');
    const accessToken = await signIn(page, c, employer.email, employer.password);
    await page.waitForURL((url) => url.pathname === '/');

    // The access token is in memory only; the refresh token is a cookie no script can read.
    const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    expect(stored).not.toContain(accessToken);
    expect(stored).not.toMatch(JWT);
    const cookie = (await page.context().cookies()).find((k) => k.name === REFRESH_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    expect(stored).not.toContain(cookie!.value);
    expect(await page.evaluate(() => document.cookie)).not.toContain(REFRESH_COOKIE);

    // A reload keeps the person signed in, on the page they were on.
    await goTo(page, c, width, c.common.nav.account, '/account');
    await page.getByRole('table').getByText(employer.email).waitFor();
    await page.reload();
    await page.getByRole('table').getByText(employer.email).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await expectAccessible(page, `account after reload (${lang})`);
    await screenshot(page, 'session-after-reload');

    // Signed out (from another page, so the account page is one step back in the history).
    const refreshed = (await page.context().cookies()).find((k) => k.name === REFRESH_COOKIE)!.value;
    await goTo(page, c, width, c.common.nav.dashboard, '/');
    // On a phone, signing out is in the menu.
    if (await page.getByRole('button', { name: c.common.nav.menu }).isVisible()) await page.getByRole('button', { name: c.common.nav.menu }).click();
    await page.getByRole('button', { name: c.common.nav.signOut }).click();
    await page.getByRole('heading', { level: 2, name: c.auth.signIn.title }).waitFor();
    expect((await page.context().cookies()).some((k) => k.name === REFRESH_COOKIE)).toBe(false);
    // The refresh token it held is revoked, not only forgotten by the browser.
    const reuse = await stack.api.gql(`mutation($i: RefreshTokenInput) { refreshToken(input: $i) { accessToken } }`, { i: { refreshToken: refreshed } });
    expect(codesOf(reuse)).toEqual(['UNAUTHENTICATED']);

    await page.reload();
    await page.getByRole('heading', { level: 2, name: c.auth.signIn.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/account');
    await page.getByRole('heading', { level: 2, name: c.auth.signIn.title }).waitFor();
    expect(await page.getByText(employer.email).count()).toBe(0);
    expect(await page.getByRole('heading', { name: c.account.title }).count()).toBe(0);
    expectNoConsoleProblems(page);
  });

  it.each<[Lang, 375 | 1280]>([
    ['es', 1280],
    ['en', 375],
  ])('after the session ends underneath it, returns to the page it was on once signed in again, in %s at %i px', async (lang, width) => {
    const c = CATALOGUES[lang];
    const employer = await verifiedEmployer();
    const page = await openPage(stack, { lang, width });
    // Signed in onto a page that asks the api nothing (an unknown address), so no request of its own notices the
    // end of the session before the navigation does.
    await page.goto('/sign-in?next=/nothing-here');
    await signIn(page, c, employer.email, employer.password);
    await page.getByRole('heading', { level: 1, name: c.common.notFound.title }).waitFor();

    // The session ends while the page is open: the refresh cookie is gone and the ministry ends every session of
    // the company (a suspension, lifted at once), so the token in memory is refused too.
    await page.context().clearCookies();
    const suspended = await stack.api.gql(
      `mutation($i: SuspendEmployerInput!) { suspendEmployer(input: $i) { status } }`,
      { i: { id: employer.id, reason: 'Documentos en revisión (prueba)' } },
      coordinatorToken,
    );
    expect(suspended.data?.suspendEmployer).toEqual({ status: 'SUSPENDED' });
    const reinstated = await stack.api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { status } }`, { id: employer.id }, coordinatorToken);
    expect(reinstated.data?.verifyEmployer).toEqual({ status: 'VERIFIED' });

    // The next page asks the api, is refused, and the portal asks the person to sign in, saying why.
    if (width === 375) await page.getByRole('button', { name: c.common.nav.menu }).click();
    await page.getByRole('link', { name: c.common.nav.account }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/account');
    await page.getByRole('status').filter({ hasText: c.auth.signIn.expired }).waitFor();
    expect(new URL(page.url()).searchParams.get('expired')).toBe('1');
    expect(await page.getByText(employer.email).count()).toBe(0);
    await expectAccessible(page, `sign-in after the session ended (${lang})`);
    await screenshot(page, 'session-expired');

    await signIn(page, c, employer.email, employer.password);
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByRole('table').getByText(employer.email).waitFor();
    expectNoConsoleProblems(page);
  });
});

