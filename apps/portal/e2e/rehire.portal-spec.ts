import type { Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { approvedJobOrder, newCoordinator, newJobOrder } from '../../../test/support/people';
import { until } from '../../../test/support/processes';
import { decided, employerWithLogin, evaluate, seasonPlayedOut } from '../../../test/support/season-setup';
import enAuth from '../src/i18n/en/auth.json';
import enRehire from '../src/i18n/en/rehire.json';
import esAuth from '../src/i18n/es/auth.json';
import esRehire from '../src/i18n/es/rehire.json';
import { formatDate } from '../src/format';

const CATALOGUES = { es: { auth: esAuth, r: esRehire }, en: { auth: enAuth, r: enRehire } };
const fill = (text: string, values: Record<string, string | number> = {}) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
const ORDER = `query($id: ID!) { jobOrder(id: $id) { reference title positions startDate status } }`;
const NAMED = `query($id: ID!) { jobOrder(id: $id) { candidates(first: 100) { edges { node { applicantId named } } } } }`;

/**
 * Rehire: the employer's former workers the api found eligible, each with their last season and the employer's
 * evaluation; one is named on an open order without a substitute (the page follows the request until the
 * shortlist holds her first), another on a draft for next season (placed first once it is approved). A worker
 * evaluated poorly is not offered.
 */
describe('rehire journey', () => {
  let stack: PortalStack;
  let coordinator: string;
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let season: Awaited<ReturnType<typeof seasonPlayedOut>>;
  type Order = { id: string; reference: string; title: string; positions: number; startDate: string; status: string };
  let open: Order;
  let draft: Order;

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
    // A new order for next season, not submitted yet.
    const draftId = await newJobOrder(stack.api, employer.token, {
      title: 'Bakery helper, draft for next season',
      iscoCode: occupation.isco,
      destinationOccupationCode: occupation.noc,
      positions: 2,
      languages: [{ code: 'en', level: 'A1' }],
      durationWeeks: 20,
    });
    draft = { id: draftId, ...(await stack.api.gql(ORDER, { id: draftId }, employer.token)).data!.jobOrder };
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

  const namedOnOrder = async (order: Order) =>
    ((await stack.api.gql(NAMED, { id: order.id }, coordinator)).data!.jobOrder.candidates.edges as { node: { applicantId: string; named: boolean } }[])
      .filter((e) => e.node.named)
      .map((e) => e.node.applicantId)
      .sort();

  /** Names one worker on an order, answering the substitute question; gives the request's result. */
  async function nameWorker(page: Page, lang: Lang, name: string, order: Order, substitute: 'yes' | 'no') {
    const { r } = CATALOGUES[lang];
    await page.getByRole('checkbox', { name: fill(r.pool.select, { name }) }).check();
    await page.getByRole('combobox', { name: r.form.order }).click();
    const label = (o: Order) =>
      fill(r.form.orderOption, { reference: o.reference, title: o.title, positions: o.positions, start: formatDate(o.startDate, lang), status: r.orderStatus[o.status as 'OPEN' | 'DRAFT'] });
    // Both the open order and the draft for next season are offered.
    await page.getByRole('option', { name: label(open === order ? draft : open) }).waitFor();
    await page.getByRole('option', { name: label(order) }).click();
    await page.getByRole('radio', { name: substitute === 'yes' ? r.form.substituteYes : r.form.substituteNo }).check();
    await page.getByRole('button', { name: fill(r.form.submit_one, { count: 1 }) }).click();
    const result = page.getByRole('status').filter({ hasText: r.result.title });
    await result.getByText(fill(r.result.recorded_one, { count: 1, reference: order.reference })).waitFor();
    return result;
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

    const result = await nameWorker(page, lang, rosa.name, open, 'no');
    // The run the request queued ends, and the shortlist holds her first.
    await result.getByText(fill(r.result.onShortlist_one, { count: 1, reference: open.reference })).waitFor({ timeout: 30_000 });
    expect(await namedOnOrder(open)).toEqual([rosa.id]);
    await expectAccessible(page, 'rehire requested (en)');
    await screenshot(page, 'rehire-requested');
    expectNoConsoleProblems(page);
  });

  it('es, on a phone: names another worker on the draft for next season, accepting a substitute; its approval places him first', async () => {
    const lang = 'es';
    const { r } = CATALOGUES[lang];
    const [, mario] = season.workers;
    const page = await openPage(stack, { lang, width: 375 });
    await signIn(page, lang);
    await page.getByRole('article', { name: mario.name }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'rehire (es)');
    await screenshot(page, 'rehire');

    const result = await nameWorker(page, lang, mario.name, draft, 'yes');
    await result.getByText(r.result.notApproved).waitFor();
    await expectAccessible(page, 'rehire requested (es)');
    await screenshot(page, 'rehire-requested');
    expectNoConsoleProblems(page);

    // What the page promised: once the order is submitted and approved, its matching places him first.
    expect((await stack.api.gql(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id: draft.id }, employer.token)).errors).toEqual([]);
    expect((await stack.api.gql(`mutation($id: ID!) { approveJobOrder(id: $id) { id } }`, { id: draft.id }, coordinator)).errors).toEqual([]);
    await until('the approval’s matching run', async () => {
      const run = await stack.api.gql(`query($id: ID!) { jobOrder(id: $id) { latestMatchingRun { status } } }`, { id: draft.id }, coordinator);
      return run.data?.jobOrder.latestMatchingRun?.status === 'SUCCEEDED';
    });
    expect(await namedOnOrder(draft)).toEqual([mario.id]);
  });
});
