import type { Browser } from 'playwright-core';
import type { TestApp } from '@app/testing/test-app';
import {
  PHONE,
  expectAccessible,
  launchBrowser,
  logIn,
  logOut,
  newPage,
  screenshot,
  startProduct,
} from './browser';

/** What every visitor meets: the served app, log in and out by role, the language, a phone. */
describe('the web app shell (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startProduct(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is served by the API at its own origin, with a strict content security policy', async () => {
    const response = await fetch(`${t.url}/programs/any/route`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${t.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect((await fetch(`${t.url}/assets/missing.js`)).status).toBe(404);
  });

  it('sends visitors to log in, and each demo role to its own navigation', async () => {
    const page = await newPage(browser, t.url);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'login');

    const nav = {
      'owner@demo.test': ['My organisations', 'Requests', 'Mentorships'],
      'mentor@demo.test': ['Mentor profile', 'Requests', 'Mentorships'],
      'manager@demo.test': ['Programmes', 'Requests'],
      'admin@demo.test': ['Users', 'E-mail outbox', 'Programmes'],
    };
    for (const [email, links] of Object.entries(nav)) {
      await logIn(page, email);
      const main = page.getByRole('navigation', { name: 'Main' });
      for (const link of links) await main.getByRole('link', { name: link }).waitFor();
      if (email !== 'admin@demo.test')
        expect(await main.getByRole('link', { name: 'Users' }).count()).toBe(0);
      await expectAccessible(page);
      await screenshot(page, `home-${email.split('@')[0]}`);
      await logOut(page);
    }
    await page.getByText('You have logged out.').waitFor();
  });

  it('says why a login failed, keeps the e-mail, and works in Bahasa Indonesia', async () => {
    const page = await newPage(browser, t.url);
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('owner@demo.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByText('The e-mail or password is not right.').waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe('owner@demo.test');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('id');
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByLabel('Kata sandi').fill('demo1234');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: /^Selamat datang, / }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'home-owner-id');
  });

  it('signs a new MSME owner up, straight into adding an organisation with the derived women-led status', async () => {
    const page = await newPage(browser, t.url);
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Nok Saetang');
    await page.getByLabel('E-mail').fill('nok@example.test');
    await page.getByLabel('Password').fill('a long passphrase');
    expect(
      await page.getByRole('radio', { name: 'An MSME or startup looking for mentors' }).isChecked(),
    ).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add an organisation' }).waitFor();

    await page.getByLabel('Name of the organisation').fill('Lampang Ceramics Cooperative');
    await page.getByRole('radio', { name: 'MSME', exact: true }).check();
    await page
      .getByLabel('Description')
      .fill('Hand-made celadon tableware from a ceramics cluster in Lampang.');
    await page.getByLabel('Sector (ISIC section)').selectOption('C');
    await page.getByLabel('Activity (ISIC division)').selectOption('23');
    await page.getByLabel('Economy').selectOption('TH');
    await page.getByLabel('City or town').fill('Lampang');
    await page.getByRole('radio', { name: 'Sub-regional town' }).check();
    await page.getByLabel('Number of employees').fill('12');
    await page.getByText('Size class: Small enterprise.').waitFor();
    await page.getByLabel('Share owned by women (%)').fill('60');
    await page.getByLabel('A woman is CEO, COO, President or Vice-President').check();
    await page.getByText(/women-owned: yes; women-led: yes/i).waitFor();
    await page
      .getByRole('group', { name: 'Languages you work in' })
      .getByRole('checkbox', { name: 'Thai' })
      .check();
    await expectAccessible(page);
    await screenshot(page, 'owner-organisation-form');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lampang Ceramics Cooperative' }).waitFor();
    await page.getByText('Women-led').first().waitFor();
  });

  it('works from the keyboard alone: skip link, log in, navigate', async () => {
    const page = await newPage(browser, t.url);
    await page.goto('/login');
    // The app has rendered (its script runs after the page's load event).
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    // Tab on to the e-mail field, typing as we go; Enter submits the form.
    const focusedLabel = () =>
      page.evaluate<string>(
        "document.activeElement?.labels?.[0]?.textContent ?? document.activeElement?.textContent ?? ''",
      );
    for (let i = 0; i < 10 && (await focusedLabel()) !== 'E-mail'; i++) await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('E-mail');
    await page.keyboard.type('mentor@demo.test');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Password');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    // The navigation is reachable by Tab, and Enter follows a link.
    for (let i = 0; i < 15 && (await focusedLabel()) !== 'Requests'; i++) await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Requests');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mentorship requests' }).waitFor();
  });

  it('fits a phone: the navigation folds behind a menu button', async () => {
    const page = await newPage(browser, t.url, PHONE);
    await logIn(page, 'owner@demo.test');
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'My organisations' }).isVisible()).toBe(false);
    await menu.click();
    await page.getByRole('link', { name: 'My organisations' }).waitFor();
    const overflow = await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'home-owner-phone');
  });
});
