import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessible, expectNoConsoleProblems, openPage, screenshot, startPortalStack, type Lang, type PortalStack } from '../../../test/support/browser';

/** Whatever the first page is, React has put some text in #root. */
const rendered = (page: Page) => page.locator('#root').filter({ hasText: /\S/ }).waitFor();

/**
 * The harness every portal journey stands on: the api serves the built portal, Chromium loads it in the language
 * asked for, axe runs on it and a screenshot is written. Asserts only what any first page has.
 */
describe('portal test harness', () => {
  let stack: PortalStack;

  beforeAll(async () => {
    stack = await startPortalStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('serves the built portal and its hashed assets from the api', async () => {
    const res = await fetch(`${stack.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    // The script the built index.html loads is there too (the dist served, not the sources' index.html).
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${stack.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it.each<Lang>(['es', 'en'])('loads in %s without console problems, passes axe and is captured', async (lang) => {
    const page = await openPage(stack, { lang });
    await page.goto('/');
    await rendered(page);
    await page.waitForLoadState('networkidle');
    expect(await page.title()).not.toBe('');
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await expectAccessible(page, `first page (${lang})`);
    const file = await screenshot(page, 'harness-first-page');
    expect(path.relative(path.resolve(__dirname, '..'), file)).toBe(path.join('screenshots', lang, 'harness-first-page.png'));
    expect(fs.statSync(file).size).toBeGreaterThan(1_000);
    expectNoConsoleProblems(page);
  });

  it('fits a phone', async () => {
    const page = await openPage(stack, { lang: 'es', width: 375 });
    await page.goto('/');
    await rendered(page);
    // No sideways scrolling at 375 px.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expectNoConsoleProblems(page);
  });
});
