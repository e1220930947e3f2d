import { randomBytes } from 'node:crypto';
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { Client } from 'pg';
import { Role } from '@app/common';
import {
  createTestDatabase,
  organizationInput,
  testAdminDatabaseUrl,
  testRedisUrl,
  type TestDatabase,
} from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const ORGS = `query { organizations(first: 5) { totalCount nodes { id name } } }`;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;

async function admin(): Promise<Client> {
  const client = new Client({ connectionString: testAdminDatabaseUrl() });
  await client.connect();
  return client;
}

/**
 * A TCP relay in front of the shared PostgreSQL: closing it is, for the API, the database going
 * away (connections reset, new ones refused), without stopping a server other tests use.
 */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((inbound) => {
      const outbound = new Socket();
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      outbound.connect(this.target.port, this.target.host);
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('close', () => outbound.destroy());
      outbound.on('close', () => inbound.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('database faults', () => {
  describe('connections PostgreSQL closes (pg_terminate_backend)', () => {
    let t: TestApp;
    let owner: SignedIn;
    let dbName: string;

    beforeAll(async () => {
      t = await startTestApp(createApiApp, { mode: 'services' });
      dbName = (await t.dataSource.query(`SELECT current_database() AS name`))[0].name;
      owner = await t.signUp(Role.MSME_OWNER);
      await owner.client.data(CREATE_ORG, { input: organizationInput({ name: 'Before the fault' }) });
      await t.settle();
    }, 60_000);
    afterAll(() => t?.close());

    /**
     * Terminates the API's backends: those waiting on a lock (and waits until they are gone), or
     * all of them without waiting, so the next request may still find one in the pool.
     */
    async function terminate(pg: Client, onlyWaiting = false): Promise<number> {
      const { rows } = await pg.query(
        `SELECT pg_terminate_backend(pid, $2) AS done FROM pg_stat_activity
          WHERE datname = $1 AND application_name = 'mentorlink' AND pid <> pg_backend_pid()
            AND ($3::boolean IS FALSE OR wait_event_type = 'Lock')`,
        [dbName, onlyWaiting ? 5000 : 0, onlyWaiting],
      );
      return rows.length;
    }

    /** Runs `send` while the organizations table is locked, and terminates the backend it waits on. */
    async function terminatedMidQuery<T>(send: () => Promise<T>): Promise<T> {
      const [pg, lockHolder] = [await admin(), new Client({ connectionString: t.config.DATABASE_URL })];
      await lockHolder.connect();
      try {
        await lockHolder.query('BEGIN');
        await lockHolder.query('LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE');
        const answer = send();
        for (let waited = 0; (await terminate(pg, true)) === 0; waited += 20) {
          if (waited > 10_000) throw new Error('The API never waited on the lock');
          await new Promise((r) => setTimeout(r, 20));
        }
        await lockHolder.query('ROLLBACK');
        return await answer;
      } finally {
        await lockHolder.end();
        await pg.end();
      }
    }

    it('answers a query normally when its connection is terminated under it (retried once)', async () => {
      const res = await terminatedMidQuery(() => owner.client.request(ORGS));
      expect(res.errors).toBeUndefined();
      expect(res.status).toBe(200);
      expect(res.data?.organizations.totalCount).toBe(1);
    });

    it('answers queries normally after every backend of the API was terminated between requests', async () => {
      const pg = await admin();
      try {
        for (let round = 0; round < 5; round++) {
          // Several connections in the pool, then all of them closed by the server.
          await Promise.all(Array.from({ length: 4 }, () => owner.client.data(ORGS)));
          expect(await terminate(pg)).toBeGreaterThan(0);
          const answers = await Promise.all(Array.from({ length: 4 }, () => owner.client.request(ORGS)));
          for (const res of answers) {
            expect([res.status, res.errors]).toEqual([200, undefined]);
            expect(res.data?.organizations.totalCount).toBe(1);
          }
        }
      } finally {
        await pg.end();
      }
    });

    it('does not retry a mutation: SERVICE_UNAVAILABLE (HTTP 503), nothing written, and it can be sent again', async () => {
      const name = `Fault ${randomBytes(4).toString('hex')}`;
      const res = await terminatedMidQuery(() =>
        owner.client.request(CREATE_ORG, { input: organizationInput({ name }) }),
      );
      expect(res.status).toBe(503);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } })]);
      const count = async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM organizations WHERE name = $1`, [name]))[0]
          .n;
      expect(await count()).toBe(0);
      await owner.client.data(CREATE_ORG, { input: organizationInput({ name }) });
      expect(await count()).toBe(1);
    });
  });

  describe('a database that cannot be reached', () => {
    let t: TestApp;
    let database: TestDatabase;
    let relay: Relay;
    let owner: SignedIn;

    beforeAll(async () => {
      database = await createTestDatabase();
      const url = new URL(database.url);
      relay = new Relay({ host: url.hostname, port: Number(url.port) || 5432 });
      await relay.open();
      url.port = String(relay.port);
      t = await startTestApp(createApiApp, {
        mode: 'embedded',
        env: {
          DATABASE_URL: url.toString(),
          REDIS_URL: testRedisUrl(),
          QUEUE_PREFIX: `mltest-${randomBytes(4).toString('hex')}`,
        },
      });
      owner = await t.signUp(Role.MSME_OWNER);
      await owner.client.data(CREATE_ORG, { input: organizationInput() });
      await t.settle();
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      await relay?.close();
      await database?.drop();
    });

    it('answers 503 SERVICE_UNAVAILABLE while it is down, /health says so, and recovers by itself', async () => {
      await relay.close();

      const res = await owner.client.request(ORGS);
      expect(res.status).toBe(503);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toEqual([
        expect.objectContaining({ path: ['organizations'], extensions: { code: 'SERVICE_UNAVAILABLE' } }),
      ]);
      expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);

      const mutation = await owner.client.request(CREATE_ORG, { input: organizationInput({ name: 'Down' }) });
      expect(mutation.status).toBe(503);
      expect(mutation.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

      const health = await fetch(`${t.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', database: { status: 'down' } });

      await relay.open();
      const back = await owner.client.data(ORGS);
      expect(back.organizations.totalCount).toBe(1);
      const healthy = await fetch(`${t.url}/health`);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
    });
  });
});
