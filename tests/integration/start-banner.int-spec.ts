import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { PopulationLoader, generatePopulation } from '@app/seed';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { startBanner } from '../../apps/api/src/start-banner';

/**
 * What `npm start` prints last. The demo data loads only into an empty database, so the demo
 * logins are there only if it was empty once; and their password is DEMO_PASSWORD's only while
 * nobody changed it (or DEMO_PASSWORD).
 */
describe('start banner', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorlink-banner-'));
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const freshDatabase = async (): Promise<string> => {
    const db = await createTestDatabase();
    databases.push(db);
    return db.url;
  };
  /** The API on `url` with its start-up tasks run, as `npm start` has it before the banner. */
  const withApp = async (
    url: string,
    env: Record<string, string>,
    use: (app: INestApplication, banner: string) => Promise<void>,
  ): Promise<void> => {
    const config = loadConfig({
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...env,
    });
    const app = await createApiApp(config, { worker: true }, false);
    try {
      await app.init();
      await use(app, await startBanner(app, config, { worker: true, url: 'http://localhost:3999' }));
    } finally {
      await app.close();
    }
  };

  it('lists the demo logins and their password when the demo data was loaded', async () => {
    const url = await freshDatabase();
    await withApp(url, {}, async (_app, banner) => {
      expect(banner).toContain('Mentorlink is running (PostgreSQL, in-process jobs, API + worker)');
      expect(banner).toContain('Open:     http://localhost:3999/');
      expect(banner).toContain('Demo logins (password: demo1234):');
      expect(banner).toMatch(/admin@demo\.test +ADMIN\n/);
      expect(banner).toMatch(/manager@demo\.test +PROGRAM_MANAGER\n/);
      expect(banner).toMatch(/owner@demo\.test +MSME_OWNER\n/);
      expect(banner).toMatch(/mentor@demo\.test +MENTOR\n/);
      expect(banner).not.toContain('password changed');
    });
    // Started again with another DEMO_PASSWORD: the accounts keep the one they were made with.
    await withApp(url, { DEMO_PASSWORD: 'not-the-one-loaded' }, async (_app, banner) => {
      expect(banner).toContain('  Demo logins:\n');
      expect(banner).toMatch(/admin@demo\.test +ADMIN {2}\(password changed\)\n/);
      expect(banner).not.toContain('demo1234');
      expect(banner).not.toContain('not-the-one-loaded');
    });
  }, 180_000);

  it('lists no demo logins when the database held accounts before, none of them a demo login', async () => {
    const url = await freshDatabase();
    await withApp(url, { DEMO_DATA: 'false' }, async (app) => {
      await app.get(PopulationLoader).load(generatePopulation({ organizations: 20, mentors: 10, seed: 5 }));
    });
    // DEMO_DATA is on (the default), but the database is not empty: nothing demo is loaded.
    await withApp(url, {}, async (_app, banner) => {
      expect(banner).toContain('Mentorlink is running');
      expect(banner).not.toMatch(/Demo logins|@demo\.test|demo1234/);
    });
  }, 180_000);
});
