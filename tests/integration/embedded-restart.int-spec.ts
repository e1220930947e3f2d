import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { GraphQLClient } from '@app/testing';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** What `npm ci && npm start` does on a fresh machine, and again after a restart. */
describe('embedded default: first start, restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorlink-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const boot = async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_FORMAT: 'text' });
    const app = await createApiApp(config, { worker: true }, false);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    return { app, client: new GraphQLClient(`http://127.0.0.1:${port}`) };
  };
  const counts = async (ds: DataSource) =>
    (
      await ds.query(
        `SELECT (SELECT count(*) FROM organizations)::int AS orgs, (SELECT count(*) FROM mentor_profiles)::int AS mentors,
                (SELECT count(DISTINCT economy) FROM organizations)::int AS economies, (SELECT count(*) FROM users)::int AS users`,
      )
    )[0] as { orgs: number; mentors: number; economies: number; users: number };

  it('loads the demo data on first start, the demo logins work, and a restart keeps the data', async () => {
    const first = await boot();
    let created: string;
    try {
      const before = await counts(first.app.get(DataSource));
      expect(before).toMatchObject({ orgs: 300, mentors: 100, economies: 21 });
      for (const email of ['admin@demo.test', 'manager@demo.test', 'owner@demo.test', 'mentor@demo.test']) {
        const res = await first.client.request(
          `mutation($e: String!) { login(email: $e, password: "demo1234") { token user { email roles } } }`,
          { e: email },
        );
        expect(res.errors).toBeUndefined();
      }
      const { login } = await first.client.data(
        `mutation { login(email: "owner@demo.test", password: "demo1234") { token } }`,
      );
      const owner = first.client.withToken(login.token);
      const { createOrganization } = await owner.data(
        `mutation { createOrganization(input: { name: "Kept Across Restarts", kind: MSME, isicDivision: "10",
          economy: "PH", locality: RURAL, employees: 4, womenOwnershipPercent: 100, womanInTopManagement: true,
          languages: ["en", "tl"] }) { id womenLed } }`,
      );
      created = createOrganization.id;
    } finally {
      await first.app.close();
    }

    const second = await boot();
    try {
      const after = await counts(second.app.get(DataSource));
      // Same data, plus the one organisation; demo data not loaded a second time.
      expect(after.orgs).toBe(301);
      expect(after.mentors).toBe(100);
      const { login } = await second.client.data(
        `mutation { login(email: "owner@demo.test", password: "demo1234") { token } }`,
      );
      const { organization } = await second.client
        .withToken(login.token)
        .data(`query($id: ID!) { organization(id: $id) { name womenLed } }`, { id: created });
      expect(organization).toEqual({ name: 'Kept Across Restarts', womenLed: true });
    } finally {
      await second.app.close();
    }
  }, 120_000);
});

describe('worker process module', () => {
  it('boots without HTTP on PostgreSQL + Redis settings and shuts down cleanly', async () => {
    const { createTestDatabase, testRedisUrl } = await import('@app/testing');
    const db = await createTestDatabase();
    try {
      const config = loadConfig({
        DATABASE_URL: db.url,
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: `mltest-worker-${process.pid}`,
      });
      const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
        logger: false,
      });
      const ds = worker.get(DataSource);
      expect(ds.isInitialized).toBe(true);
      expect(
        ((await ds.query('SELECT count(*)::int AS n FROM migrations')) as Array<{ n: number }>)[0].n,
      ).toBeGreaterThan(0);
      await worker.close();
      expect(ds.isInitialized).toBe(false);
    } finally {
      await db.drop();
    }
  }, 60_000);
});
