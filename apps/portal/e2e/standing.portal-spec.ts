import type { Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';
import { newCoordinator } from '../../../test/support/people';
import { until } from '../../../test/support/processes';
import { employerWithLogin, seasonUnderway } from '../../../test/support/season-setup';
import enAuth from '../src/i18n/en/auth.json';
import enCommon from '../src/i18n/en/common.json';
import enStanding from '../src/i18n/en/standing.json';
import esAuth from '../src/i18n/es/auth.json';
import esCommon from '../src/i18n/es/common.json';
import esStanding from '../src/i18n/es/standing.json';

const CATALOGUES = { es: { auth: esAuth, common: esCommon, st: esStanding }, en: { auth: enAuth, common: enCommon, st: enStanding } };
/** A catalogue string with its {{placeholders}} filled, as i18next does. */
const fill = (text: string, values: Record<string, string | number> = {}) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

const REPORT = `mutation($i: ReportCaseInput!) { reportCase(input: $i) { id reference severity } }`;
const UPDATE_CASE = `mutation($id: ID!, $i: UpdateCaseInput!) { updateCase(id: $id, input: $i) { id status } }`;
const STANDING = `query($id: ID!) { employerStanding(employerId: $id) { level } }`;

/**
 * The employer's standing, as the api decided it: a worker abroad reports documents withheld and movement
 * restricted, a coordinator substantiates the case against the employer, and the employer's page shows BLOCKED
 * with the hold and every reason, no rating aggregate (and why), and the cases against it without the reporter;
 * a second worker who agreed to be named is named. The order's page shows the level beside the order's status.
 */
describe('standing journey', () => {
  let stack: PortalStack;
  let employer: Awaited<ReturnType<typeof employerWithLogin>>;
  let season: Awaited<ReturnType<typeof seasonUnderway>>;
  let critical: { id: string; reference: string };
  let housing: { id: string; reference: string };

  beforeAll(async () => {
    stack = await startPortalStack();
    const { api } = stack;
    const coordinator = await newCoordinator(api);
    employer = await employerWithLogin(api, coordinator.token);
    // Cleaners: an occupation no other suite uses, so nobody else's workers join this season.
    season = await seasonUnderway(api, coordinator.token, employer.token, {
      count: 2,
      occupation: { isco: '9112', noc: '65310' },
      names: ['Rosa Elena|Martínez Ayala', 'Mario Ernesto|Hernández Chávez'],
    });
    const ok = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
      const r = await api.gql<T>(query, variables, token);
      expect(r.errors).toEqual([]);
      return r.data!;
    };
    const [rosa, mario] = season.workers;
    // Rosa reports, without letting the employer know who: documents withheld with movement restricted is CRITICAL.
    critical = (
      await ok<{ reportCase: { id: string; reference: string; severity: string } }>(
        REPORT,
        {
          i: {
            placementId: rosa.placementId,
            categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'],
            indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS', 'RESTRICTION_OF_MOVEMENT'],
            description: 'The supervisor keeps our passports and locks the gate of the farm at night.',
            discloseReporter: false,
          },
        },
        rosa.token,
      )
    ).reportCase;
    for (const transition of ['TRIAGE', 'INVESTIGATE']) await ok(UPDATE_CASE, { id: critical.id, i: { transition } }, coordinator.token);
    await ok(UPDATE_CASE, { id: critical.id, i: { transition: 'SUBSTANTIATE', finding: 'EMPLOYER', note: 'Confirmed by the labour inspector.' } }, coordinator.token);
    // Mario reports too, and lets the employer know it was him.
    housing = (
      await ok<{ reportCase: { id: string; reference: string } }>(
        REPORT,
        { i: { placementId: mario.placementId, categories: ['HOUSING'], description: 'Twelve of us share one room with no heating.', discloseReporter: true } },
        mario.token,
      )
    ).reportCase;
    // The hold is placed with the decision; the worker recomputes the standing.
    await until('the standing BLOCKED', async () => (await ok<{ employerStanding: { level: string } }>(STANDING, { id: employer.id }, coordinator.token)).employerStanding.level === 'BLOCKED');
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function signIn(page: Page, lang: Lang) {
    const { auth, st } = CATALOGUES[lang];
    await page.goto('/sign-in?next=/standing');
    await page.getByLabel(auth.signIn.identifier).fill(employer.email);
    await page.getByRole('textbox', { name: auth.signIn.password }).fill(employer.password);
    await page.getByRole('button', { name: auth.signIn.submit }).click();
    await page
      .getByRole('heading', { level: 1, name: st.title })
      .waitFor({ timeout: 15_000 })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\nThe page at ${page.url()} shows:\n${await page.locator('body').innerText()}`);
      });
  }

  /** What the standing page must show in `lang`, and never show. */
  async function expectStanding(page: Page, lang: Lang) {
    const { st } = CATALOGUES[lang];
    const [rosa, mario] = season.workers;
    const level = page.getByRole('region', { name: st.level.heading });
    await level.getByText(st.level.BLOCKED, { exact: true }).waitFor();
    await level.getByText(st.levelMeaning.BLOCKED).waitFor();
    // The hold, and what it means for the employer's orders.
    const hold = page.getByRole('alert').filter({ hasText: st.hold.title });
    await hold.getByText(st.hold.meaning).waitFor();
    await hold.getByText(st.hold.decision).waitFor();

    // Every reason, met or not or not yet judged: the hold and the substantiated case are not met.
    const reason = (code: keyof typeof st.reason) => page.getByRole('article', { name: st.reason[code].title });
    await reason('APPROVAL_HOLD').getByText(st.reasons.notMet, { exact: true }).waitFor();
    await reason('APPROVAL_HOLD').getByText(fill(st.reasons.gives, { level: st.level.BLOCKED })).waitFor();
    await reason('SUBSTANTIATED_CASES').getByText(st.reasons.notMet, { exact: true }).waitFor();
    await reason('SUBSTANTIATED_CASES').getByText('1 case(s) against the employer substantiated, 1 of them critical.').waitFor();
    await reason('SUBSTANTIATED_CASES').getByText(fill(st.reasons.gives, { level: st.level.AT_RISK })).waitFor();
    await reason('RATINGS').getByText(st.reasons.notJudged, { exact: true }).waitFor();
    await reason('EARLY_TERMINATIONS').getByText(st.reasons.notJudged, { exact: true }).waitFor();
    await reason('NO_SHOWS').getByText(st.reasons.notJudged, { exact: true }).waitFor();
    await reason('REHIRE_RATE').getByText(st.reasons.notJudged, { exact: true }).waitFor();

    // No aggregate under the minimum, and the page says why.
    const ratings = page.getByRole('region', { name: st.ratings.title });
    await ratings.getByText(st.ratings.none).waitFor();
    expect(await ratings.getByRole('table').count()).toBe(0);

    // The cases against the employer: reference, category, status, outcome; the reporter only with consent.
    const cases = page.getByRole('region', { name: st.cases.title });
    const criticalCard = cases.getByRole('article', { name: fill(st.cases.reference, { reference: critical.reference }) });
    await criticalCard.getByText(`${st.cases.category.DOCUMENTS_WITHHELD}, ${st.cases.category.MOVEMENT_RESTRICTED}`).waitFor();
    await criticalCard.getByText(st.cases.status.SUBSTANTIATED, { exact: true }).waitFor();
    await criticalCard.getByText(st.cases.finding.EMPLOYER).waitFor();
    expect(await criticalCard.getByText(st.cases.reporter, { exact: true }).count()).toBe(0);
    expect(await criticalCard.getByText(st.cases.worker, { exact: true }).count()).toBe(0);
    const housingCard = cases.getByRole('article', { name: fill(st.cases.reference, { reference: housing.reference }) });
    await housingCard.getByText(st.cases.category.HOUSING, { exact: true }).waitFor();
    await housingCard.getByText(st.cases.outcome.PENDING).waitFor();
    await housingCard.getByText(st.cases.reporterRole.APPLICANT, { exact: true }).waitFor();
    await housingCard.getByText(mario.name).waitFor();
    // Neither Rosa's name nor what she wrote reaches the employer.
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(rosa.name);
    expect(text).not.toContain('passports');
  }

  it('es, on a phone: BLOCKED with the hold, every reason and the cases, the reporter only with consent', async () => {
    const lang = 'es';
    const page = await openPage(stack, { lang, width: 375 });
    await signIn(page, lang);
    await expectStanding(page, lang);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'standing (es)');
    await screenshot(page, 'standing');

    // The order's page shows the level beside its status, and leads to the standing.
    const { st } = CATALOGUES[lang];
    await page.goto(`/orders/${season.orderId}`);
    const badge = page.getByRole('link', { name: fill(st.badgeLink, { level: st.level.BLOCKED }) });
    await badge.getByText(fill(st.badge, { level: st.level.BLOCKED })).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'order with standing (es)');
    await screenshot(page, 'order-standing');
    await badge.click();
    await page.getByRole('heading', { level: 1, name: st.title }).waitFor();
    expectNoConsoleProblems(page);
  });

  it('en, on a desk: reached from the navigation, the same standing in English', async () => {
    const lang = 'en';
    const { st, common } = CATALOGUES[lang];
    const page = await openPage(stack, { lang });
    await signIn(page, lang);
    await page.goto('/');
    await page.getByRole('navigation', { name: common.nav.label }).getByRole('link', { name: common.nav.standing }).click();
    await page.getByRole('heading', { level: 1, name: st.title }).waitFor();
    await expectStanding(page, lang);
    await expectAccessible(page, 'standing (en)');
    await screenshot(page, 'standing');

    await page.goto(`/orders/${season.orderId}`);
    await page.getByRole('link', { name: fill(st.badgeLink, { level: st.level.BLOCKED }) }).waitFor();
    await expectAccessible(page, 'order with standing (en)');
    await screenshot(page, 'order-standing');
    expectNoConsoleProblems(page);
  });
});
