import type { AddressInfo } from 'node:net';
import type { Locator } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { codesOf } from '../../../test/support/api';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { employerInput, login, newCoordinator } from '../../../test/support/people';
import enAccount from '../src/i18n/en/account.json';
import enAuth from '../src/i18n/en/auth.json';
import enCommon from '../src/i18n/en/common.json';
import esAccount from '../src/i18n/es/account.json';
import esAuth from '../src/i18n/es/auth.json';
import esCommon from '../src/i18n/es/common.json';

const CATALOGUES = { es: { auth: esAuth, account: esAccount, common: esCommon }, en: { auth: enAuth, account: enAccount, common: enCommon } };
const ME = `{ me { identifier } }`;

/** A real SMTP relay in this process: the api mails the reset links through it, the test reads them. */
async function startRelay(): Promise<{ url: string; mails: { to: string[]; text: string }[]; stop: () => Promise<void> }> {
  const mails: { to: string[]; text: string }[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, session, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        // Soft line breaks and escapes of quoted-printable undone, so the link reads whole.
        const text = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/=\r\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

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

/**
 * An employer's own account in the portal: who is signed in, changing the password (other sessions end, this one
 * goes on), forgetting it (a neutral answer, a link by e-mail that sets a new one once) and signing in again.
 */
describe('account journey', () => {
  let stack: PortalStack;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let coordinatorToken: string;

  beforeAll(async () => {
    relay = await startRelay();
    // The api mails through the relay: the stack reads its configuration from the environment when it boots.
    const saved = process.env['SMTP_URL'];
    process.env['SMTP_URL'] = relay.url;
    try {
      stack = await startPortalStack();
    } finally {
      if (saved === undefined) delete process.env['SMTP_URL'];
      else process.env['SMTP_URL'] = saved;
    }
    coordinatorToken = (await newCoordinator(stack.api)).token;
  });

  afterAll(async () => {
    await stack?.close();
    await relay?.stop();
  });

  /** A verified employer registered through the api; its contact e-mail and password sign it in. */
  async function verifiedEmployer() {
    const input = employerInput();
    const r = await stack.api.gql<{ registerEmployer: { id: string } }>(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, {
      i: input,
    });
    const id = r.data!.registerEmployer.id;
    await stack.api.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id }, coordinatorToken);
    return { email: input.contactEmail, password: input.password, legalName: input.legalName };
  }

  /** The reset token of the next e-mail to `email`, waiting up to 5 s. */
  async function resetTokenFor(email: string, seen: number): Promise<string> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const mine = relay.mails.filter((m) => m.to.includes(email));
      if (mine.length > seen) {
        const token = /\/reset-password#token=([A-Za-z0-9_-]+)/.exec(mine[seen]!.text)?.[1];
        if (!token) throw new Error('no reset link in the e-mail');
        return token;
      }
      if (Date.now() > deadline) throw new Error('no e-mail to the address within 5 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it.each<[Lang, 375 | 1280]>([
    ['es', 1280],
    ['en', 375],
  ])('shows who is signed in and changes the password in %s at %i px', async (lang, width) => {
    const { auth: a, account: acc, common } = CATALOGUES[lang];
    const employer = await verifiedEmployer();
    const page = await openPage(stack, { lang, width });

    // The account page asks for sign-in first, then comes back.
    await page.goto('/account');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/account');
    await page.getByLabel(a.signIn.identifier).fill(employer.email);
    await page.getByRole('textbox', { name: a.signIn.password, exact: true }).fill(employer.password);
    await page.getByRole('button', { name: a.signIn.submit }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByRole('heading', { level: 1, name: acc.title }).waitFor();

    const who = page.getByRole('table');
    await who.getByText(acc.employerStatus.VERIFIED).waitFor();
    expect(await who.getByRole('row').filter({ hasText: acc.who.identifier }).innerText()).toContain(employer.email);
    expect(await who.getByRole('row').filter({ hasText: acc.who.role }).innerText()).toContain(acc.roles.EMPLOYER);
    expect(await who.getByRole('row').filter({ hasText: acc.who.company }).innerText()).toContain(employer.legalName);
    expect(await page.getByText(acc.mustChange.title).count()).toBe(0);
    await expectAccessible(page, `account (${lang})`);
    await screenshot(page, 'account');

    const current = page.getByLabel(acc.password.current);
    const fresh = page.getByRole('textbox', { name: acc.password.new, exact: true });
    const confirm = page.getByLabel(acc.password.confirm);
    const submit = page.getByRole('button', { name: acc.password.submit });

    // The repeated password must match (the form says so), and the api refuses a wrong current password beside it.
    await current.fill('not my password at all');
    await fresh.fill(`${employer.password} nueva`);
    await confirm.fill('something else entirely');
    await submit.click();
    expect(await shownProblem(confirm)).toContain(acc.password.mismatch);
    await confirm.fill(`${employer.password} nueva`);
    await submit.click();
    await page.getByRole('alert').filter({ hasText: acc.password.failed }).waitFor();
    expect(await shownProblem(current)).toMatch(/not correct/);
    await expectAccessible(page, `account, password refused (${lang})`);
    await screenshot(page, 'account-password-refused');

    // Another session of the same account, opened before the change, ends with it; this one carries on.
    const otherSession = await login(stack.api, employer.email, employer.password);
    const newPassword = `${employer.password} nueva`;
    await current.fill(employer.password);
    await submit.click();
    await page.getByRole('status').filter({ hasText: acc.password.changed }).waitFor();
    expect(await current.inputValue()).toBe('');
    expect(codesOf(await stack.api.gql(ME, {}, otherSession))).toEqual(['UNAUTHENTICATED']);
    await screenshot(page, 'account-password-changed');

    // A reload keeps the person signed in (the refresh cookie the change set), on the same page.
    await page.reload();
    await page.getByRole('table').getByText(employer.email).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');

    // Signed out, the old password no longer works and the new one does.
    // On a phone, signing out is in the menu.
    if (await page.getByRole('button', { name: common.nav.menu }).isVisible()) await page.getByRole('button', { name: common.nav.menu }).click();
    await page.getByRole('button', { name: common.nav.signOut }).click();
    await page.getByRole('heading', { level: 2, name: a.signIn.title }).waitFor();
    await page.getByLabel(a.signIn.identifier).fill(employer.email);
    await page.getByRole('textbox', { name: a.signIn.password, exact: true }).fill(employer.password);
    await page.getByRole('button', { name: a.signIn.submit }).click();
    await page.getByRole('alert').filter({ hasText: a.signIn.failed }).waitFor();
    await page.getByRole('textbox', { name: a.signIn.password, exact: true }).fill(newPassword);
    await page.getByRole('button', { name: a.signIn.submit }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expectNoConsoleProblems(page);
  });

  it.each<[Lang, 375 | 1280]>([
    ['es', 375],
    ['en', 1280],
  ])('resets a forgotten password through the e-mailed link in %s at %i px', async (lang, width) => {
    const { auth: a } = CATALOGUES[lang];
    const employer = await verifiedEmployer();
    const page = await openPage(stack, { lang, width });

    await page.goto('/sign-in');
    await page.getByRole('link', { name: a.signIn.forgot }).click();
    await page.getByRole('heading', { level: 2, name: a.forgot.title }).waitFor();
    await expectAccessible(page, `forgot password (${lang})`);
    await screenshot(page, 'forgot-password');

    // An address without an account gets the very same answer, and no e-mail.
    const nobody = `nobody-${Date.now()}@nowhere.example`;
    await page.getByLabel(a.forgot.email).fill(nobody);
    await page.getByRole('button', { name: a.forgot.submit }).click();
    const neutral = await page.getByRole('status').innerText();
    expect(neutral).toBe(a.forgot.sent.replace('{{email}}', nobody));
    await page.goto('/forgot-password');
    const seen = relay.mails.filter((m) => m.to.includes(employer.email)).length;
    await page.getByLabel(a.forgot.email).fill(employer.email);
    await page.getByRole('button', { name: a.forgot.submit }).click();
    expect(await page.getByRole('status').innerText()).toBe(a.forgot.sent.replace('{{email}}', employer.email));
    await page.getByRole('heading', { level: 2, name: a.forgot.sentTitle }).waitFor();
    await expectAccessible(page, `reset link sent (${lang})`);
    await screenshot(page, 'forgot-password-sent');
    expect(relay.mails.some((m) => m.to.includes(nobody))).toBe(false);

    // The link: the token travels in the fragment, which the page then clears from the address bar.
    const token = await resetTokenFor(employer.email, seen);
    await page.goto(`/reset-password#token=${token}`);
    await page.getByRole('heading', { level: 2, name: a.reset.title }).waitFor();
    await page.waitForURL((url) => url.hash === '');
    await expectAccessible(page, `reset password (${lang})`);
    await screenshot(page, 'reset-password');

    // Too short: the api's policy says why beside the field, and the link stays usable.
    const fresh = page.getByRole('textbox', { name: a.reset.newPassword, exact: true });
    await fresh.fill('corta');
    await page.getByLabel(a.reset.confirm).fill('corta');
    await page.getByRole('button', { name: a.reset.submit }).click();
    await page.getByRole('alert').waitFor();
    expect(await shownProblem(fresh)).toMatch(/at least 12 characters/);

    const newPassword = `olvidada y recuperada ${Date.now()}`;
    await fresh.fill(newPassword);
    await page.getByLabel(a.reset.confirm).fill(newPassword);
    await page.getByRole('button', { name: a.reset.submit }).click();
    await page.getByRole('heading', { level: 2, name: a.reset.doneTitle }).waitFor();
    await expectAccessible(page, `password reset done (${lang})`);
    await screenshot(page, 'reset-password-done');

    await page.getByRole('link', { name: a.reset.signIn }).click();
    await page.getByLabel(a.signIn.identifier).fill(employer.email);
    await page.getByRole('textbox', { name: a.signIn.password, exact: true }).fill(newPassword);
    await page.getByRole('button', { name: a.signIn.submit }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(codesOf(await stack.api.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { identifier: employer.email, password: employer.password } }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    // The link worked once: opened again, it is refused and the page offers a new one.
    const again = await openPage(stack, { lang, width });
    await again.goto(`/reset-password#token=${token}`);
    await again.getByRole('textbox', { name: a.reset.newPassword, exact: true }).fill(`${newPassword} otra vez`);
    await again.getByLabel(a.reset.confirm).fill(`${newPassword} otra vez`);
    await again.getByRole('button', { name: a.reset.submit }).click();
    await again.getByRole('alert').waitFor();
    await again.getByRole('link', { name: a.reset.requestNew }).waitFor();
    expect(await fieldProblem(again.getByRole('textbox', { name: a.reset.newPassword, exact: true }))).toBeNull();
    expectNoConsoleProblems(page);
    expectNoConsoleProblems(again);
  });

  it('says a link without its token is incomplete', async () => {
    const page = await openPage(stack, { lang: 'es' });
    await page.goto('/reset-password');
    expect(await page.getByRole('alert').innerText()).toBe(esAuth.reset.noToken);
    await page.getByRole('link', { name: esAuth.reset.requestNew }).click();
    await page.getByRole('heading', { level: 2, name: esAuth.forgot.title }).waitFor();
    expectNoConsoleProblems(page);
  });
});


