import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { Role } from '@app/common';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';
import { launchBrowser, logIn, newPage, screenshot } from './browser';

/** Services mode (PostgreSQL + BullMQ): the admin opens Bull Board from the outbox page. */
describe('the queue dashboard in services mode (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: SignedIn;

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp(createApiApp, {
        mode: 'services',
        env: { WEB_DIR: resolve(__dirname, '../../dist/web') },
      }),
      launchBrowser(),
    ]);
    admin = await t.signUp(Role.ADMIN);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens Bull Board with the queues, for the admin only', async () => {
    const page = await newPage(browser, t.url);
    // Without the admin's ticket there is nothing to see.
    const refused = await page.goto('/admin/queues/');
    expect(refused?.status()).toBe(401);

    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/admin/queues/') && r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    await logIn(page, admin.email, admin.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'E-mail outbox' }).click();
    await page.getByRole('button', { name: 'Queue dashboard' }).click();
    await page.waitForURL(`${t.url}/admin/queues/`);
    expect(await page.title()).toBe('Mentorlink jobs');
    await page.getByText('scoring', { exact: true }).first().waitFor();
    await page.getByText('default', { exact: true }).first().waitFor();
    // The overview's cards: counts read from Redis through the dashboard's API.
    await page
      .getByText(/^\d+ Jobs?$/)
      .first()
      .waitFor();
    await screenshot(page, 'admin-queues');
    expect(failures).toEqual([]);
  });
});
