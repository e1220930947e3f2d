import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@app/common';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const OPEN = `mutation { openQueueDashboard { url expiresAt } }`;

/** The browser app served at / by the API, and the admins' queue dashboard beside it. */
describe(`the web app and the queue dashboard (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let dir: string;
  let admin: SignedIn;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    // A stand-in build: index.html and one hashed asset large enough to be compressed.
    dir = mkdtempSync(join(tmpdir(), 'mentorlink-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app-abc123.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), script);
    t = await startTestApp(createApiApp, { env: { WEB_DIR: dir } });
    admin = await t.signUp(Role.ADMIN);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app shell for every app path, and files with the right caching', async () => {
    for (const path of ['/', '/login', '/programs/123/report?economy=TH']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toMatch(
        /default-src 'self'.*frame-ancestors 'none'/,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('/assets/app-abc123.js');
    }
    const plain = await fetch(`${t.url}/assets/app-abc123.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    // fetch decodes what it asked for: the body is the same either way.
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${t.url}/assets/app-abc123.js`, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(await res.text()).toBe(script);
    }
    const etag = plain.headers.get('etag')!;
    const again = await fetch(`${t.url}/assets/app-abc123.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${t.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.url}/%E0%A4%A`)).status).toBe(400);
    // The API is still the API.
    expect((await t.client.data(`{ economies { code } }`)).economies.length).toBe(21);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  if (process.env.TEST_MODE !== 'services') {
    it('has no queue dashboard in embedded mode, and says why', async () => {
      expect(await admin.client.errorCode(OPEN)).toBe('CONFLICT');
    });
    return;
  }

  it('opens Bull Board to admins through a one-minute ticket and a path-scoped cookie', async () => {
    const owner = await t.signUp(Role.MSME_OWNER);
    expect(await owner.client.errorCode(OPEN)).toBe('FORBIDDEN');
    expect((await fetch(`${t.url}/admin/queues/`)).status).toBe(401);
    expect((await fetch(`${t.url}/admin/queues/api/queues`)).status).toBe(401);
    // A bearer token is not a dashboard session.
    const bearer = await fetch(`${t.url}/admin/queues/`, {
      headers: { cookie: `mentorlink_queues=${admin.client.token}` },
    });
    expect(bearer.status).toBe(401);

    const { openQueueDashboard } = await admin.client.data(OPEN);
    expect(openQueueDashboard.url).toMatch(/^\/admin\/queues\/\?ticket=/);
    const opened = await fetch(`${t.url}${openQueueDashboard.url}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/admin/queues/');
    const setCookie = opened.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^mentorlink_queues=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=3600/,
    );
    const cookie = setCookie.split(';')[0];

    const page = await fetch(`${t.url}/admin/queues/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Mentorlink jobs</title>');
    const api = await fetch(`${t.url}/admin/queues/api/queues?activeQueue=default`, { headers: { cookie } });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: Array<{ name: string }> }).queues
      .map((q) => q.name)
      .sort();
    expect(names).toEqual(['default', 'scoring']);
    const css = /href="(static\/css\/[^"]+)"/.exec(
      await (await fetch(`${t.url}/admin/queues/`, { headers: { cookie } })).text(),
    )![1];
    const stylesheet = await fetch(`${t.url}/admin/queues/${css}`, { headers: { cookie } });
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(
      (await fetch(`${t.url}/admin/queues/static/../../package.json`, { headers: { cookie } })).status,
    ).toBe(404);

    // The dashboard session is not a bearer token either.
    const session = decodeURIComponent(cookie.split('=')[1]);
    expect(await t.client.withToken(session).errorCode(`{ me { id } }`)).toBe('UNAUTHENTICATED');
    // A ticket cannot be replayed as the session, nor a tampered one accepted.
    const ticket = new URL(openQueueDashboard.url, t.url).searchParams.get('ticket')!;
    expect(
      (await fetch(`${t.url}/admin/queues/`, { headers: { cookie: `mentorlink_queues=${ticket}` } })).status,
    ).toBe(401);
    expect((await fetch(`${t.url}/admin/queues/?ticket=${ticket}x`, { redirect: 'manual' })).status).toBe(
      401,
    );
  });
});
