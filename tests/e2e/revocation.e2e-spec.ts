import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Role } from '@app/common';
import { loadConfig } from '@app/config';
import { GraphQLClient } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const ME = `{ me { id roles managedEconomies { code } } }`;
const USERS = `query { users(first: 5) { totalCount } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id roles } }`;
const UPDATE_ROLES = `mutation($id: ID!, $input: UpdateUserRolesInput!) { updateUserRoles(id: $id, input: $input) { id roles } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ORGS = `query { organizations(first: 1) { totalCount } }`;
const OPEN = `mutation { openQueueDashboard { url expiresAt } }`;

const services = process.env.TEST_MODE === 'services';
const unique = (label: string): string => `${label}-${randomBytes(4).toString('hex')}@test.example`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Role changes take effect on the next request: tokens carry the user's token version, which
 * every role change bumps; a request with an older one is UNAUTHENTICATED.
 */
describe(`token revocation on role changes (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let root: SignedIn;

  const demote = (id: string, roles: string[], managedEconomies?: string[]) =>
    root.client.data(UPDATE_ROLES, {
      id,
      input: { roles, ...(managedEconomies ? { managedEconomies } : {}) },
    });
  const relogin = async (user: SignedIn, client = t.client): Promise<GraphQLClient> => {
    const { login } = await client.data(LOGIN, { email: user.email, password: user.password });
    return client.withToken(login.token);
  };

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    root = await t.signUp(Role.ADMIN);
  }, 60_000);
  afterAll(() => t?.close());

  it("ends a demoted admin's token at once: no more listing users or creating admins", async () => {
    const admin = await t.signUp(Role.ADMIN);
    expect((await admin.client.data(USERS)).users.totalCount).toBeGreaterThan(0);

    await demote(admin.userId, ['MENTOR']);

    const listed = await admin.client.request(USERS);
    expect(listed.data ?? null).toBeNull();
    expect(listed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(listed.errors?.[0]?.message).toMatch(/sign in again/);

    const email = unique('sneaky-admin');
    const created = await admin.client.request(CREATE_USER, {
      input: { email, password: 'a long enough password', displayName: 'Sneaky', roles: ['ADMIN'] },
    });
    expect(created.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const rows = (await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
      email,
    ])) as Array<{ n: number }>;
    expect(rows[0].n).toBe(0);
    // Every request with the old token, not only admin ones.
    expect(await admin.client.errorCode(ME)).toBe('UNAUTHENTICATED');

    // Signing in again gives a token with the new roles.
    const again = await relogin(admin);
    expect((await again.data(ME)).me.roles).toEqual(['MENTOR']);
    expect(await again.errorCode(USERS)).toBe('FORBIDDEN');
  });

  it("ends a program manager's token when their economies change, and only theirs", async () => {
    const pm = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH', 'PH'] });
    const other = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    expect(await pm.client.errorCode(ORGS)).toBeUndefined();

    await demote(pm.userId, ['PROGRAM_MANAGER'], ['PH']);

    expect(await pm.client.errorCode(ORGS)).toBe('UNAUTHENTICATED');
    expect(await other.client.errorCode(ORGS)).toBeUndefined();
    expect((await (await relogin(pm)).data(ME)).me.managedEconomies).toEqual([{ code: 'PH' }]);
  });

  it('keeps sessions when an update changes nothing', async () => {
    const mentor = await t.signUp(Role.MENTOR);
    await demote(mentor.userId, ['MENTOR']);
    expect((await mentor.client.data(ME)).me.id).toBe(mentor.userId);
  });

  it('treats a stale token as anonymous on public fields (login still works with it)', async () => {
    const owner = await t.signUp(Role.MSME_OWNER);
    await demote(owner.userId, ['MENTOR']);
    // The web app may still send the old token when the user signs in again.
    const res = await owner.client.request(LOGIN, { email: owner.email, password: owner.password });
    expect(res.errors).toBeUndefined();
    expect((await owner.client.data(`{ economies { code } }`)).economies).toHaveLength(21);
  });

  if (!services) return;

  it("ends a demoted admin's queue dashboard ticket and cookie", async () => {
    const admin = await t.signUp(Role.ADMIN);
    const open = async (): Promise<string> => {
      const { openQueueDashboard } = await admin.client.data(OPEN);
      const opened = await fetch(`${t.url}${openQueueDashboard.url}`, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      return opened.headers.get('set-cookie')!.split(';')[0];
    };
    const cookie = await open();
    const { openQueueDashboard: spare } = await admin.client.data(OPEN);
    expect((await fetch(`${t.url}/admin/queues/`, { headers: { cookie } })).status).toBe(200);

    await demote(admin.userId, ['MENTOR']);

    expect((await fetch(`${t.url}/admin/queues/`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${t.url}/admin/queues/api/queues`, { headers: { cookie } })).status).toBe(401);
    // A ticket taken before the change opens nothing either.
    expect((await fetch(`${t.url}${spare.url}`, { redirect: 'manual' })).status).toBe(401);
  });

  describe('across API processes on one database', () => {
    let second: INestApplication;
    let secondUrl: string;

    beforeAll(async () => {
      // Another API process on the same PostgreSQL: its own cache of token versions.
      const config = loadConfig({
        NODE_ENV: 'test',
        DEMO_DATA: 'false',
        JWT_SECRET: t.config.JWT_SECRET!,
        DATA_DIR: ':memory:',
        THROTTLE_LIMIT: '100000',
        DATABASE_URL: t.config.DATABASE_URL!,
        REDIS_URL: t.config.REDIS_URL!,
        QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      });
      second = await createApiApp(config, { worker: false }, false);
      await second.listen(0, '127.0.0.1');
      secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    }, 60_000);
    afterAll(() => second?.close());

    it('refuses the old token in the other process within TOKEN_VERSION_CACHE_MS', async () => {
      const cacheMs = t.config.TOKEN_VERSION_CACHE_MS;
      expect(cacheMs).toBeGreaterThanOrEqual(2000);
      expect(cacheMs).toBeLessThanOrEqual(5000);
      const admin = await t.signUp(Role.ADMIN);
      const elsewhere = new GraphQLClient(secondUrl, admin.client.token);
      // The other process has read (and cached) the current version.
      expect((await elsewhere.data(USERS)).users.totalCount).toBeGreaterThan(0);

      // The role change goes through the first process.
      await demote(admin.userId, ['MENTOR']);
      const changedAt = Date.now();
      let code: string | undefined;
      while (
        (code = await elsewhere.errorCode(USERS)) === undefined &&
        Date.now() - changedAt < cacheMs + 2000
      ) {
        await sleep(100);
      }
      expect(code).toBe('UNAUTHENTICATED');
      expect(Date.now() - changedAt).toBeLessThanOrEqual(cacheMs + 500);
      // A fresh login made through the second process carries the new roles there and here.
      const again = await relogin(admin, new GraphQLClient(secondUrl));
      expect(await again.errorCode(USERS)).toBe('FORBIDDEN');
      expect(await t.client.withToken(again.token).errorCode(USERS)).toBe('FORBIDDEN');
    });
  });
});
