import fs from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApi, startWorker, type TestApi } from './api';

/** The portal's browser tests (apps/portal/e2e/*.portal-spec.ts): the real api serving the built portal, the real worker, Chromium. */
export interface PortalStack {
  api: TestApi;
  worker: INestApplicationContext;
  browser: Browser;
  /** The api's origin, which serves the portal at `/` (no trailing slash). */
  baseUrl: string;
  close(): Promise<void>;
}

export type Lang = 'es' | 'en';

// Headless and offline: without the background-networking flags Chromium reaches for Google's services.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOCALES: Record<Lang, string> = { es: 'es-SV', en: 'en-US' };
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'apps', 'portal', 'screenshots');

/** What each page opened by openPage heard: console errors and warnings, uncaught errors. */
const pages = new WeakMap<Page, { lang: Lang; problems: string[] }>();

/**
 * Boots the api (serving apps/portal/dist, built by `npm test`) and the worker in-process, and launches Chromium;
 * `env` overrides variables for both (a suite that moves the clock gives them queues of their own).
 */
export async function startPortalStack(env: Record<string, string> = {}): Promise<PortalStack> {
  const api = await startApi(env);
  let worker: INestApplicationContext | undefined;
  try {
    worker = await startWorker(env);
    const browser = await chromium.launch({ executablePath: process.env.PUENTE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const started = worker;
    return {
      api,
      worker: started,
      browser,
      baseUrl: api.url,
      async close() {
        await browser.close();
        await started.close();
        await api.close();
      },
    };
  } catch (error) {
    await worker?.close();
    await api.close();
    throw error;
  }
}

/**
 * A page in a context of its own: the browser's locale is `lang` (the portal's language detector reads it), the
 * viewport a desk (1280) or a phone (375). Relative URLs go to the portal: `page.goto('/')`.
 */
export async function openPage(stack: PortalStack, { lang, width = 1280 }: { lang: Lang; width?: 1280 | 375 }): Promise<Page> {
  const context = await stack.browser.newContext({
    baseURL: stack.baseUrl,
    locale: LOCALES[lang],
    viewport: { width, height: width === 375 ? 812 : 800 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const { url, lineNumber } = message.location();
    problems.push(`console ${message.type()}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  pages.set(page, { lang, problems });
  return page;
}

/** Fails listing every console error or warning and uncaught error the page had since openPage. */
export function expectNoConsoleProblems(page: Page): void {
  const { problems } = watched(page);
  if (problems.length) throw new Error(`The page at ${page.url()} reported:\n${problems.join('\n')}`);
}

/** Runs axe (WCAG 2.0 A and AA, 2.1 AA) on the page as it is; fails listing every serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const lines = serious.map((v) => `${v.id} (${v.impact}): ${v.help}; at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    throw new Error(`${label}: ${serious.length} serious accessibility violation(s)\n${lines.join('\n')}`);
  }
}

/** A full-page PNG in apps/portal/screenshots/<lang>/<name>.png (git-ignored); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, watched(page).lang, `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

function watched(page: Page) {
  const state = pages.get(page);
  if (!state) throw new Error('This page was not opened with openPage().');
  return state;
}
