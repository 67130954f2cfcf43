import type { Page } from 'playwright-core';
import { addDays, todayIso } from '@puente/common';
import { clockShiftedQueues } from '../../../test/support/api';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { moveClockTo } from '../../../test/support/clock';
import { login, newCoordinator } from '../../../test/support/people';
import { employerWithLogin, evaluate, seasonPlayedOut } from '../../../test/support/season-setup';
import enAuth from '../src/i18n/en/auth.json';
import enEvaluations from '../src/i18n/en/evaluations.json';
import esAuth from '../src/i18n/es/auth.json';
import esEvaluations from '../src/i18n/es/evaluations.json';
import { formatDate } from '../src/format';

const CATALOGUES = { es: { auth: esAuth, ev: esEvaluations }, en: { auth: enAuth, ev: enEvaluations } };
/** A catalogue string with its {{placeholders}} filled, as i18next does. */
const fill = (text: string, values: Record<string, string | number> = {}) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

/**
 * End of season: the employer's workers with their evaluation windows. Each is evaluated once, in the window; the
 * evaluation then reads back, and no form is offered again; a worker whose window closed shows no form; an
 * evaluation someone else sent first is refused by the api, and the page says so plainly.
 */
describe('evaluations journey', () => {
  let stack: PortalStack;
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let employerToken: string;
  let season: Awaited<ReturnType<typeof seasonPlayedOut>>;
  let until: string;

  beforeAll(async () => {
    stack = await startPortalStack(clockShiftedQueues('portal-evaluations'));
    const coordinator = await newCoordinator(stack.api);
    employer = await employerWithLogin(stack.api, coordinator.token);
    season = await seasonPlayedOut(stack.api, coordinator.token, employer.token, {
      count: 3,
      occupation: { isco: '6111', noc: '85101' },
      names: ['Ana María|Pérez Rivas', 'José Luis|Gómez Cruz', 'Carmen|Díaz Flores'],
    });
    // A month later (the api runs in this process, its "today" moves with the test clock): every window has closed;
    // the ministry reopens two of them, the third stays closed.
    moveClockTo(Date.now() + 31 * 86_400_000);
    const coordinatorToken = await login(stack.api, coordinator.email, coordinator.password);
    employerToken = await login(stack.api, employer.email, employer.password);
    until = addDays(todayIso(), 10);
    for (const w of season.workers.slice(0, 2)) {
      const r = await stack.api.gql(`mutation($id: ID!, $u: LocalDate!) { reopenEvaluation(placementId: $id, until: $u) { id } }`, { id: w.placementId, u: until }, coordinatorToken);
      expect(r.errors).toEqual([]);
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function signIn(page: Page, lang: Lang) {
    const { auth } = CATALOGUES[lang];
    await page.goto('/sign-in?next=/evaluations');
    await page.getByLabel(auth.signIn.identifier).fill(employer.email);
    await page.getByRole('textbox', { name: auth.signIn.password }).fill(employer.password);
    await page.getByRole('button', { name: auth.signIn.submit }).click();
    await page
      .getByRole('heading', { level: 1, name: CATALOGUES[lang].ev.title })
      .waitFor({ timeout: 15_000 })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\nThe page at ${page.url()} shows:\n${await page.locator('body').innerText()}`);
      });
  }

  /** Fills the evaluation form of a worker's card with one score everywhere. */
  async function fillEvaluation(page: Page, lang: Lang, name: string, score: number, comments: string) {
    const { ev } = CATALOGUES[lang];
    const card = page.getByRole('article', { name });
    await card.getByRole('button', { name: fill(ev.card.evaluate, { name }) }).click();
    const form = card.getByRole('form', { name: fill(ev.form.label, { name }) });
    for (const key of ['overall', 'punctuality', 'quality', 'safety', 'teamwork'] as const) {
      await form.getByRole('radiogroup', { name: ev.scores[key] }).getByText(String(score), { exact: true }).click();
    }
    await form.getByRole('radiogroup', { name: fill(ev.form.wouldRehire, { name }) }).getByRole('radio', { name: ev.form.yes }).check();
    await form.getByLabel(ev.form.comments).fill(comments);
    return form;
  }

  it('es, on a phone: shows the windows, evaluates one worker once, and offers no form where the window closed', async () => {
    const lang = 'es';
    const { ev } = CATALOGUES[lang];
    const [ana, , carmen] = season.workers;
    const page = await openPage(stack, { lang, width: 375 });
    await signIn(page, lang);

    const anaCard = page.getByRole('article', { name: ana.name });
    await anaCard.getByText(fill(ev.card.dueBy, { date: formatDate(until, lang, 'long') })).waitFor();
    const carmenCard = page.getByRole('article', { name: carmen.name });
    await carmenCard.getByText(ev.state.CLOSED, { exact: true }).waitFor();
    expect(await carmenCard.getByRole('button').count()).toBe(0);
    expect(await carmenCard.getByRole('form').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'evaluations (es)');
    await screenshot(page, 'evaluations');

    // An incomplete form is not sent: each missing rating says so beside it.
    await anaCard.getByRole('button', { name: fill(ev.card.evaluate, { name: ana.name }) }).click();
    await anaCard.getByRole('button', { name: ev.form.submit }).click();
    expect(await anaCard.getByText(ev.form.scoreRequired).count()).toBe(5);
    await anaCard.getByRole('button', { name: ev.form.cancel }).click();

    const form = await fillEvaluation(page, lang, ana.name, 4, 'Muy puntual y cuidadosa con el equipo.');
    await expectAccessible(page, 'evaluation form (es)');
    await screenshot(page, 'evaluations-form');
    await form.getByRole('button', { name: ev.form.submit }).click();

    const evaluated = page.getByRole('article', { name: ana.name });
    await evaluated.getByRole('status').getByText(fill(ev.card.saved, { name: ana.name })).waitFor();
    await evaluated.getByText(ev.state.EVALUATED, { exact: true }).waitFor();
    expect(await evaluated.getByText(fill(ev.summary.outOf, { score: 4 })).count()).toBe(5);
    await evaluated.getByText('Muy puntual y cuidadosa con el equipo.').waitFor();
    // Evaluated once: no button, no form for this worker any more.
    expect(await evaluated.getByRole('button').count()).toBe(0);
    expect(await evaluated.getByRole('form').count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: fill(ev.groups.EVALUATED_one, { count: 1 }) }).waitFor();
    await expectAccessible(page, 'evaluated (es)');
    await screenshot(page, 'evaluations-done');
    expectNoConsoleProblems(page);
  });

  it('en, on a desk: the evaluation reads back, and one sent first elsewhere is refused plainly', async () => {
    const lang = 'en';
    const { ev } = CATALOGUES[lang];
    const [ana, jose] = season.workers;
    const page = await openPage(stack, { lang });
    await signIn(page, lang);

    const anaCard = page.getByRole('article', { name: ana.name });
    await anaCard.getByText(ev.state.EVALUATED, { exact: true }).waitFor();
    expect(await anaCard.getByText(fill(ev.summary.outOf, { score: 4 })).count()).toBe(5);
    expect(await anaCard.getByRole('button').count()).toBe(0);
    await page.getByRole('article', { name: jose.name }).getByText(fill(ev.card.dueBy, { date: formatDate(until, lang, 'long') })).waitFor();
    await expectAccessible(page, 'evaluations (en)');
    await screenshot(page, 'evaluations');

    const form = await fillEvaluation(page, lang, jose.name, 5, 'Excellent season.');
    // Meanwhile the evaluation arrives by another way: the api accepts it once.
    expect((await evaluate(stack.api, employerToken, jose.placementId, 3, true)).errors).toEqual([]);
    await form.getByRole('button', { name: ev.form.submit }).click();

    const joseCard = page.getByRole('article', { name: jose.name });
    const refusal = joseCard.getByRole('alert');
    await refusal.getByText(ev.card.refused).waitFor();
    await refusal.getByText('This placement has been evaluated already; an evaluation is submitted once.').waitFor();
    await joseCard.getByText(ev.card.refusal.CONFLICT).waitFor();
    // The card now shows the evaluation that counts, read-only.
    await joseCard.getByText(ev.state.EVALUATED, { exact: true }).waitFor();
    expect(await joseCard.getByText(fill(ev.summary.outOf, { score: 3 })).count()).toBe(5);
    expect(await joseCard.getByRole('form').count()).toBe(0);
    await expectAccessible(page, 'refused (en)');
    await screenshot(page, 'evaluations-refused');
    expectNoConsoleProblems(page);
  });
});
