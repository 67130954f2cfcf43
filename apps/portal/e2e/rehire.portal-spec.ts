import type { Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { approvedJobOrder, newCoordinator, newJobOrder } from '../../../test/support/people';
import { decided, employerWithLogin, evaluate, seasonPlayedOut } from '../../../test/support/season-setup';
import enAuth from '../src/i18n/en/auth.json';
import enRehire from '../src/i18n/en/rehire.json';
import esAuth from '../src/i18n/es/auth.json';
import esRehire from '../src/i18n/es/rehire.json';
import { formatDate } from '../src/format';

const CATALOGUES = { es: { auth: esAuth, r: esRehire }, en: { auth: enAuth, r: enRehire } };
const fill = (text: string, values: Record<string, string | number> = {}) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
const ORDER = `query($id: ID!) { jobOrder(id: $id) { reference title positions startDate } }`;
const NAMED = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 100) { edges { node { applicantId named } } } } }`;

/**
 * Rehire: the employer's former workers the api found eligible, each with their last season and the employer's
 * evaluation; some are named on one of its open orders (with or without a substitute), and the page follows the
 * request until the shortlist holds them first. A worker evaluated poorly is not offered; nor is a draft order.
 */
describe('rehire journey', () => {
  let stack: PortalStack;
  let coordinator: string;
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let season: Awaited<ReturnType<typeof seasonPlayedOut>>;
  let open: { id: string; reference: string; title: string; positions: number; startDate: string };
  let draftTitle: string;

  beforeAll(async () => {
    stack = await startPortalStack();
    coordinator = (await newCoordinator(stack.api)).token;
    employer = await employerWithLogin(stack.api, coordinator);
    const occupation = { isco: '7512', noc: '63202' };
    season = await seasonPlayedOut(stack.api, coordinator, employer.token, {
      count: 3,
      occupation,
      names: ['Rosa Elena|Martínez Soto', 'Mario|Hernández Ruiz', 'Pedro|Alvarado Cruz'],
    });
    const [rosa, mario, pedro] = season.workers;
    for (const [w, score, again] of [[rosa, 5, true], [mario, 4, true], [pedro, 2, false]] as const) {
      expect((await evaluate(stack.api, employer.token, w.placementId, score, again)).errors).toEqual([]);
    }
    expect(await decided(stack.api, coordinator, rosa.id)).toBe('ELIGIBLE');
    expect(await decided(stack.api, coordinator, mario.id)).toBe('ELIGIBLE');
    expect(await decided(stack.api, coordinator, pedro.id)).toBe('INELIGIBLE');
    const id = await approvedJobOrder(stack.api, employer.token, coordinator, {
      title: 'Bakery helper, next season',
      iscoCode: occupation.isco,
      destinationOccupationCode: occupation.noc,
      positions: 3,
      languages: [{ code: 'en', level: 'A1' }],
      durationWeeks: 20,
    });
    open = { id, ...(await stack.api.gql(ORDER, { id }, employer.token)).data!.jobOrder };
    draftTitle = 'Bakery helper, draft order';
    await newJobOrder(stack.api, employer.token, { title: draftTitle, iscoCode: occupation.isco, destinationOccupationCode: occupation.noc });
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function signIn(page: Page, lang: Lang) {
    const { auth, r } = CATALOGUES[lang];
    await page.goto('/sign-in?next=/rehire');
    await page.getByLabel(auth.signIn.identifier).fill(employer.email);
    await page.getByRole('textbox', { name: auth.signIn.password }).fill(employer.password);
    await page.getByRole('button', { name: auth.signIn.submit }).click();
    await page.getByRole('heading', { level: 1, name: r.title }).waitFor();
  }

  const namedOnOrder = async () =>
    ((await stack.api.gql(NAMED, { id: open.id }, coordinator)).data!.jobOrder.candidates.edges as { node: { applicantId: string; named: boolean } }[])
      .filter((e) => e.node.named)
      .map((e) => e.node.applicantId)
      .sort();

  /** Names one worker on the open order, answering the substitute question, and waits for the shortlist. */
  async function nameWorker(page: Page, lang: Lang, name: string, substitute: 'yes' | 'no', expectedNamed: number) {
    const { r } = CATALOGUES[lang];
    await page.getByRole('checkbox', { name: fill(r.pool.select, { name }) }).check();
    await page.getByRole('combobox', { name: r.form.order }).click();
    const option = fill(r.form.orderOption, { reference: open.reference, title: open.title, positions: open.positions, start: formatDate(open.startDate, lang) });
    expect(await page.getByRole('option', { name: draftTitle }).count()).toBe(0);
    await page.getByRole('option', { name: option }).click();
    await page.getByRole('radio', { name: substitute === 'yes' ? r.form.substituteYes : r.form.substituteNo }).check();
    await page.getByRole('button', { name: fill(r.form.submit_one, { count: 1 }) }).click();
    const result = page.getByRole('status').filter({ hasText: r.result.title });
    await result.getByText(fill(r.result.recorded_one, { count: 1, reference: open.reference })).waitFor();
    const key = expectedNamed === 1 ? r.result.onShortlist_one : r.result.onShortlist_other;
    await result.getByText(fill(key, { count: expectedNamed, reference: open.reference })).waitFor({ timeout: 30_000 });
  }

  it('en, on a desk: shows the eligible former workers with their last season and evaluation, and names one without a substitute', async () => {
    const lang = 'en';
    const { r } = CATALOGUES[lang];
    const [rosa, mario, pedro] = season.workers;
    const page = await openPage(stack, { lang });
    await signIn(page, lang);

    const rosaCard = page.getByRole('article', { name: rosa.name });
    await rosaCard.getByText(`${fill(r.pool.evaluation, { score: 5 })} · ${r.pool.wouldRehire}`).waitFor();
    await rosaCard.getByText(`${fill(r.pool.lastSeason, { season: season.startDate.slice(0, 4), employer: employer.legalName })} · ${fill(r.pool.seasons_one, { count: 1 })}`).waitFor();
    await page.getByRole('article', { name: mario.name }).getByText(`${fill(r.pool.evaluation, { score: 4 })} · ${r.pool.wouldRehire}`).waitFor();
    // Evaluated poorly, so not eligible: not offered.
    expect(await page.getByRole('article', { name: pedro.name }).count()).toBe(0);
    await expectAccessible(page, 'rehire (en)');
    await screenshot(page, 'rehire');

    // Nothing chosen: the page says what is missing and sends nothing.
    await page.getByRole('button', { name: fill(r.form.submit_other, { count: 0 }) }).click();
    await page.getByText(r.form.workersRequired).waitFor();

    await nameWorker(page, lang, rosa.name, 'no', 1);
    expect(await namedOnOrder()).toEqual([rosa.id]);
    await expectAccessible(page, 'rehire requested (en)');
    await screenshot(page, 'rehire-requested');
    expectNoConsoleProblems(page);
  });

  it('es, on a phone: names another worker accepting a substitute; the shortlist holds both first', async () => {
    const lang = 'es';
    const [rosa, mario] = season.workers;
    const page = await openPage(stack, { lang, width: 375 });
    await signIn(page, lang);
    await page.getByRole('article', { name: mario.name }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'rehire (es)');
    await screenshot(page, 'rehire');

    await nameWorker(page, lang, mario.name, 'yes', 2);
    expect(await namedOnOrder()).toEqual([rosa.id, mario.id].sort());
    await expectAccessible(page, 'rehire requested (es)');
    await screenshot(page, 'rehire-requested');
    expectNoConsoleProblems(page);
  });
});
