import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';
import { chromiumPath } from './chromium-path';

export const SCREENSHOTS = resolve(__dirname, '../../artifacts/screenshots');
export const DEMO_PASSWORD = 'demo1234';

/** The whole product as a newcomer gets it: embedded, demo data, the built app at /. */
export async function startProduct(): Promise<TestApp> {
  const t = await startTestApp(createApiApp, {
    mode: 'embedded',
    env: { DEMO_DATA: 'true', DEMO_PASSWORD, WEB_DIR: resolve(__dirname, '../../dist/web') },
  });
  // The first full scoring run, started at boot: recommendations are there once it is done.
  await t.settle(120_000);
  return t;
}

/**
 * Debian's Chromium, headless. Background networking off: this machine's network is closed and
 * Chromium would otherwise keep trying to reach Google's hosts.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-GB' });
  const page = await context.newPage();
  // Uncaught errors in the app and content-security-policy refusals, checked on every key page.
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      problems.push(`CSP: ${message.text()}`);
  });
  pageProblems.set(page, problems);
  return page;
}

const pageProblems = new WeakMap<Page, string[]>();

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now, every violation named; and no
 * uncaught error or content-security-policy refusal since the page opened.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
  expect(pageProblems.get(page) ?? []).toEqual([]);
}

/** Saves a full-page screenshot under artifacts/screenshots (kept by CI as the run's record). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
