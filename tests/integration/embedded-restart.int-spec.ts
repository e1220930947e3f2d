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
    let remindDue: string;
    let queuedRound: string;
    let expiryDue: string;
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
      // The demo mentor's two waiting requests fall due while the process is down, one for its
      // reminder and one for its expiry: their jobs lived in the in-process queue and went with it.
      const ds = first.app.get(DataSource);
      // A matching round queued just before the stop: its job goes with the process.
      const [program] = await ds.query(`SELECT id FROM programs ORDER BY name LIMIT 1`);
      [{ id: queuedRound }] = await ds.query(
        `INSERT INTO matching_rounds (program_id, algorithm, max_mentors_per_organization) VALUES ($1, 'GREEDY', 1)
         RETURNING id`,
        [program.id],
      );
      [remindDue, expiryDue] = (
        await ds.query(`SELECT id FROM mentorship_requests WHERE status = 'PENDING' ORDER BY id LIMIT 2`)
      ).map((r: { id: string }) => r.id);
      await ds.query(
        `UPDATE mentorship_requests SET created_at = now() - interval '4 days', expires_at = now() + interval '10 days'
          WHERE id = $1`,
        [remindDue],
      );
      await ds.query(
        `UPDATE mentorship_requests SET created_at = now() - interval '15 days', expires_at = now() - interval '1 day'
          WHERE id = $1`,
        [expiryDue],
      );
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
      // The restart scheduled the lost jobs again: one mentor reminded, the other request
      // expired (no reminder once the expiry is due), each once.
      const ds = second.app.get(DataSource);
      const state = async (id: string) =>
        (
          await ds.query(
            `SELECT status, reminded_at IS NOT NULL AS reminded,
                    (SELECT count(*) FROM notifications WHERE request_id = $1 AND kind = 'REQUEST_EXPIRED')::int AS expiries,
                    (SELECT count(*) FROM notifications WHERE request_id = $1 AND kind = 'REQUEST_REMINDER')::int AS reminders
               FROM mentorship_requests WHERE id = $1`,
            [id],
          )
        )[0];
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if ((await state(remindDue)).reminded && (await state(expiryDue)).status === 'EXPIRED') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(await state(remindDue)).toEqual({
        status: 'PENDING',
        reminded: true,
        expiries: 0,
        reminders: 1,
      });
      expect(await state(expiryDue)).toEqual({
        status: 'EXPIRED',
        reminded: false,
        expiries: 1,
        reminders: 0,
      });
      // And the round was computed after the restart.
      const roundDeadline = Date.now() + 10_000;
      let round: { status: string } | undefined;
      while (Date.now() < roundDeadline) {
        [round] = await ds.query(`SELECT status FROM matching_rounds WHERE id = $1`, [queuedRound]);
        if (round?.status === 'PROPOSED') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(round?.status).toBe('PROPOSED');
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
