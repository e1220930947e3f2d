import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '@app/testing/test-app';
import { PHONE, expectAccessible, launchBrowser, logIn, newPage, screenshot, startProduct } from './browser';

/**
 * Each role's main journey in Chromium, on the demo data of `npm start`, in order: the owner
 * asks the demo mentor, the mentor accepts it and declines another, the owner runs the
 * mentorship, the programme manager runs, compares and publishes rounds and reads the report,
 * the admin changes a role and opens the outbox. axe checks every key page; screenshots go to
 * artifacts/screenshots.
 */
describe('the main journey of each role (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let ownerOrganization = '';

  beforeAll(async () => {
    [t, browser] = await Promise.all([startProduct(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });

  it('MSME owner: organisation, recommendations with their breakdown, interest, a request', async () => {
    const page = await newPage(browser, t.url);
    await logIn(page, 'owner@demo.test');
    await main(page).getByRole('link', { name: 'My organisations' }).click();
    await page.getByRole('heading', { level: 1, name: 'My organisations' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'owner-organisations');

    const first = page.getByRole('heading', { level: 2 }).getByRole('link').first();
    ownerOrganization = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: ownerOrganization }).waitFor();
    await page.getByRole('heading', { name: 'Recommended mentors' }).waitFor();
    const mentor = page.getByRole('article', { name: 'Demo Mentor' });
    await mentor.waitFor();
    expect(await mentor.getByRole('meter').count()).toBe(6);
    await mentor.getByText(/^Match score: \d+ \/ 100$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'owner-recommendations');

    const interested = mentor.getByRole('button', { name: 'Interested', exact: true });
    await interested.click();
    await page.waitForFunction(
      (el) => el?.getAttribute('aria-pressed') === 'true',
      await interested.elementHandle(),
    );
    // The mark is kept: it is there after a reload.
    await page.reload();
    await page
      .getByRole('article', { name: 'Demo Mentor' })
      .getByRole('button', { name: 'Interested', exact: true })
      .and(page.locator('[aria-pressed="true"]'))
      .waitFor();

    await page
      .getByRole('article', { name: 'Demo Mentor' })
      .getByRole('button', { name: 'Request mentorship' })
      .click();
    const form = page.getByRole('form', { name: 'Ask Demo Mentor for mentoring' });
    await form
      .getByLabel('Your message')
      .fill('We roast coffee in a small town and want our first buyer abroad.');
    await form.getByLabel('Goal 1').fill('A first export order');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Send request' }).click();
    await page.getByText(/Your request was sent to Demo Mentor/).waitFor();
    await page.getByRole('link', { name: 'View your request' }).click();
    await page.getByRole('heading', { level: 1, name: `Request from ${ownerOrganization}` }).waitFor();
    await page.getByText('Waiting for an answer').first().waitFor();
    await screenshot(page, 'owner-request');
  });

  it('MSME owner on a phone: the recommendations reflow and stay accessible', async () => {
    const page = await newPage(browser, t.url, PHONE);
    await logIn(page, 'owner@demo.test');
    await page.getByRole('button', { name: 'Menu' }).click();
    await main(page).getByRole('link', { name: 'My organisations' }).click();
    await page.getByRole('heading', { level: 2 }).getByRole('link').first().click();
    await page.getByRole('article', { name: 'Demo Mentor' }).waitFor();
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')).toBe(
      false,
    );
    await expectAccessible(page);
    await screenshot(page, 'owner-recommendations-phone');
  });

  it('mentor: a request with the pair’s breakdown, accept one, decline another with a reason', async () => {
    const page = await newPage(browser, t.url);
    await logIn(page, 'mentor@demo.test');
    await main(page).getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentorship requests' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'mentor-requests');

    await page.getByRole('link', { name: `Request from ${ownerOrganization}` }).click();
    await page.getByRole('heading', { level: 1, name: `Request from ${ownerOrganization}` }).waitFor();
    const match = page.getByRole('region', { name: 'How well you match' });
    await match.getByText(/^Score \d+ of 100$/).waitFor();
    expect(await match.getByRole('meter').count()).toBe(6);
    await expectAccessible(page);
    await screenshot(page, 'mentor-request');
    await page.getByRole('button', { name: 'Accept request' }).click();
    await page.getByText('You accepted the request: the mentorship has started.').waitFor();
    expect(await page.getByRole('link', { name: 'Open the mentorship' }).getAttribute('href')).toMatch(
      /^\/mentorships\/[0-9a-f-]{36}$/,
    );

    await page.getByRole('link', { name: 'All requests' }).click();
    const others = page.getByRole('link', { name: /^Request from / });
    await others.first().waitFor();
    let declined = false;
    for (let i = 0; i < (await others.count()) && !declined; i++) {
      const name = (await others.nth(i).textContent())!;
      if (name.includes(ownerOrganization)) continue;
      await others.nth(i).click();
      await page.getByRole('button', { name: 'Decline request…' }).click();
      await page.getByRole('heading', { name: 'Decline this request' }).waitFor();
      // No reason chosen: nothing is sent.
      await page.getByRole('button', { name: 'Confirm decline' }).click();
      await page.getByText('Choose a reason.').waitFor();
      await page.getByRole('radio', { name: 'The timing does not suit me' }).check();
      await page.getByLabel('Comment for the organisation (optional)').fill('Fully booked until March.');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Confirm decline' }).click();
      await page.getByText('You declined the request. The organisation has been told.').waitFor();
      declined = true;
    }
    expect(declined).toBe(true);

    await main(page).getByRole('link', { name: 'Mentor profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'My mentor profile' }).waitFor();
    await page.getByRole('meter', { name: 'Places taken' }).waitFor();
    await page.getByText(/^1 of \d+ places taken$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'mentor-profile');
  });

  it('MSME owner: the mentorship page — a goal and a session', async () => {
    const page = await newPage(browser, t.url);
    await logIn(page, 'owner@demo.test');
    await main(page).getByRole('link', { name: 'Mentorships' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentorships' }).waitFor();
    await page.getByRole('link', { name: `${ownerOrganization} with Demo Mentor` }).click();
    await page
      .getByRole('heading', { level: 1, name: `Mentorship: ${ownerOrganization} with Demo Mentor` })
      .waitFor();
    // The request's goal came with it.
    await page.getByText('A first export order').first().waitFor();
    await page.getByLabel('New goal').fill('A price list for distributors');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByLabel('Status of “A price list for distributors”').waitFor();
    await page.getByLabel('Length in minutes').fill('60');
    await page.getByLabel('Notes').fill('Went through the export checklist.');
    await page.getByRole('button', { name: 'Log session' }).click();
    await page.getByText('Session logged.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'owner-mentorship');
  });

  it('programme manager: a round with a target, its progress, review and publish; a comparison; the report', async () => {
    const page = await newPage(browser, t.url);
    await logIn(page, 'manager@demo.test');
    await main(page).getByRole('link', { name: 'Programmes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'manager-programmes');
    await page.getByRole('link', { name: 'Forum II — Thailand (2019)', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Forum II — Thailand (2019)' }).waitFor();
    await page.getByRole('region', { name: 'Cohort' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'manager-programme');
    const programme = page.url();

    // An impossible target fails with the highest share reachable.
    await page.getByRole('radio', { name: 'Optimal' }).check();
    await page.getByLabel('Minimum share of pairs with women-led organisations (%)').fill('100');
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByText('Round status: Failed').waitFor();
    await page
      .getByRole('alert')
      .getByText(/highest share reachable/)
      .waitFor();
    await screenshot(page, 'manager-round-infeasible');

    await page.goto(programme);
    await page.getByRole('radio', { name: 'Optimal' }).check();
    await page.getByLabel('Minimum share of pairs with women-led organisations (%)').fill('40');
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('heading', { level: 1, name: 'Optimal matching round' }).waitFor();
    await page.getByText('Round status: Proposed').waitFor();
    await page.getByRole('region', { name: 'Summary' }).waitFor();
    const pairs = page.getByRole('region', { name: /^Pairs \(\d+\)$/ });
    await pairs.getByText('Score breakdown').first().click();
    await pairs.getByRole('meter').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'manager-round');
    await page.getByRole('button', { name: 'Publish round' }).click();
    await page.getByRole('button', { name: 'Yes, publish and send the requests' }).click();
    await page.getByText(/^Published: \d+ mentorship requests sent\.$/).waitFor();
    await page.getByText('Round status: Published').waitFor();

    await page.goto(programme);
    await page.getByRole('button', { name: 'Compare algorithms' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare algorithms' }).waitFor();
    await page.getByText('All three rounds are done.').waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'The three algorithms on the same cohort and settings' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'manager-compare');

    await page.goto(programme);
    await page.getByRole('link', { name: 'Programme report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report: Forum II — Thailand (2019)' }).waitFor();
    await page.getByRole('region', { name: 'Totals' }).waitFor();
    await page.getByRole('region', { name: 'Month by month' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'manager-report');
    await page.getByLabel('Women-led', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/womenLed=/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toMatch(/^programme-report-.+\.csv$/);
  });

  it('admin: users and roles, the outbox, and why there is no queue dashboard embedded', async () => {
    const page = await newPage(browser, t.url);
    await logIn(page, 'admin@demo.test');
    await main(page).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-users');
    await page.getByLabel('Name or e-mail contains').fill('mentor@demo.test');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Change roles for Demo Mentor' }).click();
    const roles = page.getByRole('form', { name: 'Roles of Demo Mentor' });
    await roles.getByRole('checkbox', { name: 'Programme manager' }).check();
    await roles.getByRole('checkbox', { name: 'Thailand' }).check();
    await roles.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText(/The roles of Demo Mentor are saved/).waitFor();

    await main(page).getByRole('link', { name: 'E-mail outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-mail outbox' }).waitFor();
    // The journeys above wrote e-mails (no SMTP_URL: they wait here).
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-outbox');
    // Embedded: the page knows beforehand that there is no dashboard, and offers no button.
    await page.getByText(/^Not available here: .*embedded mode/).waitFor();
    expect(await page.getByRole('button', { name: 'Queue dashboard' }).count()).toBe(0);
  });
});
