import { randomBytes } from 'node:crypto';
import { AccountsService } from '@app/accounts';
import { Role } from '@app/common';
import { startTestApp, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const PASSWORD = 'correct horse battery';

/** `{ sectors { divisions { section { divisions ... { code } } } } }`, `depth` fields deep. */
function sectorsQuery(depth: number): string {
  let inner = 'code';
  for (let level = depth - 1; level >= 2; level--) {
    inner = `${level % 2 === 0 ? 'divisions' : 'section'} { ${inner} }`;
  }
  return `{ sectors { ${inner} } }`;
}

const registerField = (alias: string, email: string, selection = 'token'): string =>
  `${alias}: register(input: { email: "${email}", password: "${PASSWORD}", displayName: "Alias", role: MENTOR }) { ${selection} }`;

describe(`security (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;

  /** Accounts whose email contains the tag, straight from the database. */
  const accountsTagged = async (tag: string): Promise<number> =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE $1`, [
        `%${tag}%`,
      ])) as Array<{
        n: number;
      }>
    )[0].n;
  const loginCode = async (email: string): Promise<unknown> =>
    (
      await t.client.request(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        {
          e: email,
          p: PASSWORD,
        },
      )
    ).errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  }, 60_000);
  afterAll(() => t?.close());

  describe('operation limits', () => {
    it('answers a query at the depth limit, and rejects a deeper one with 400 QUERY_LIMIT_EXCEEDED', async () => {
      const max = t.config.GRAPHQL_MAX_DEPTH;
      const ok = await t.client.request(sectorsQuery(max));
      expect(ok.status).toBe(200);
      expect(ok.errors).toBeUndefined();

      const res = await t.client.request(sectorsQuery(max + 1));
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED' });
      expect(res.errors?.[0]?.message).toMatch(/depth limit/i);
    });

    it('accepts 15 aliases and rejects 16 with 400 QUERY_LIMIT_EXCEEDED', async () => {
      const max = t.config.GRAPHQL_MAX_ALIASES;
      expect(max).toBe(15);
      const aliased = (n: number): string =>
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: economies { code }`).join(' ')} }`;
      const ok = await t.client.request(aliased(max));
      expect(ok.status).toBe(200);
      expect(Object.keys(ok.data ?? {})).toHaveLength(max);

      const res = await t.client.request(aliased(max + 1));
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
      expect(res.errors?.[0]?.message).toMatch(/aliases limit/i);
    });

    it('runs no resolver of an operation over the alias limit: aliased registrations create no account', async () => {
      const tag = randomBytes(4).toString('hex');
      const emails = Array.from(
        { length: t.config.GRAPHQL_MAX_ALIASES + 1 },
        (_, i) => `alias-${tag}-${i}@test.example`,
      );
      const res = await t.client.request(
        `mutation { ${emails.map((e, i) => registerField(`r${i}`, e)).join(' ')} }`,
      );
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
      expect(await accountsTagged(tag)).toBe(0);
      expect(await loginCode(emails[0])).toBe('INVALID_CREDENTIALS');

      // The same mutation within the limit does create accounts: the check above could fail.
      const within = emails.slice(0, 2);
      const ok = await t.client.request(
        `mutation { ${within.map((e, i) => registerField(`r${i}`, e)).join(' ')} }`,
      );
      expect(ok.errors).toBeUndefined();
      expect(await accountsTagged(tag)).toBe(2);
    });

    it('rejects an operation over the token limit with 400 QUERY_LIMIT_EXCEEDED before running it', async () => {
      const tag = randomBytes(4).toString('hex');
      const email = `tokens-${tag}@test.example`;
      const padding = 'id '.repeat(t.config.GRAPHQL_MAX_TOKENS);
      const res = await t.client.request(
        `mutation { ${registerField('r', email, `token user { ${padding} }`)} }`,
      );
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED' });
      expect(res.errors?.[0]?.message).toContain(String(t.config.GRAPHQL_MAX_TOKENS));
      expect(await accountsTagged(tag)).toBe(0);
      expect(await loginCode(email)).toBe('INVALID_CREDENTIALS');
    });

    it('keeps an ordinary syntax error a parse failure, not a limit', async () => {
      const res = await t.client.request(`{ economies { code }`);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });
  });

  describe('HTTP transport', () => {
    const economiesUrl = (): string =>
      `${t.url}/graphql?query=${encodeURIComponent('{ economies { code } }')}`;

    it('blocks a simple GET (no preflight header, no JSON content type) as potential CSRF', async () => {
      const res = await fetch(economiesUrl());
      expect(res.status).toBe(400);
      const body = (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);

      // The same GET with Apollo's preflight header is answered.
      const allowed = await fetch(economiesUrl(), { headers: { 'apollo-require-preflight': 'true' } });
      expect(allowed.status).toBe(200);
      expect(((await allowed.json()) as { data: { economies: unknown[] } }).data.economies).toHaveLength(21);
    });

    it('blocks a text/plain POST, and does not run its mutation', async () => {
      const email = `csrf-${randomBytes(4).toString('hex')}@test.example`;
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: `mutation { ${registerField('r', email)} }` }),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain('"token"');
      expect(await loginCode(email)).toBe('INVALID_CREDENTIALS');
    });

    it('does not run a mutation sent with GET', async () => {
      const email = `get-${randomBytes(4).toString('hex')}@test.example`;
      const query = encodeURIComponent(`mutation { ${registerField('r', email)} }`);
      const res = await fetch(`${t.url}/graphql?query=${query}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await loginCode(email)).toBe('INVALID_CREDENTIALS');
    });

    it('rejects batched requests (a JSON array body) and runs none of them', async () => {
      const tag = randomBytes(4).toString('hex');
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { query: `mutation { ${registerField('r', `batch-${tag}-1@test.example`)} }` },
          { query: `mutation { ${registerField('r', `batch-${tag}-2@test.example`)} }` },
        ]),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as unknown;
      expect(Array.isArray(body)).toBe(false);
      expect(JSON.stringify(body)).toMatch(/batching/i);
      expect(await accountsTagged(tag)).toBe(0);
    });

    it('masks unexpected errors: no message, no stack, code INTERNAL_SERVER_ERROR', async () => {
      const secret = 'connect ECONNREFUSED 10.1.2.3:5432 password=hunter2';
      const accounts = t.app.get(AccountsService);
      const spy = jest.spyOn(accounts, 'me').mockRejectedValueOnce(new Error(secret));
      try {
        const user = await t.signUp(Role.MENTOR);
        const res = await user.client.request(`{ me { id } }`);
        expect(res.errors).toHaveLength(1);
        expect(res.errors?.[0]?.message).toBe('Internal server error');
        expect(res.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        expect(JSON.stringify(res)).not.toMatch(/10\.1\.2\.3|hunter2|ECONNREFUSED|stacktrace/);
        expect(spy).toHaveBeenCalledTimes(1);
        // The next call reaches the real service again.
        expect((await user.client.data(`{ me { id } }`)).me.id).toBe(user.userId);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('health', () => {
    it('reports the database and the queue up, with the kinds of this mode', async () => {
      const res = await fetch(`${t.url}/health`);
      expect(res.status).toBe(200);
      const embedded = t.mode === 'embedded';
      expect(await res.json()).toEqual({
        status: 'ok',
        database: { status: 'up', kind: embedded ? 'pglite' : 'postgres' },
        queue: { status: 'up', kind: embedded ? 'in-process' : 'bullmq' },
        jobsWaiting: 0,
      });
      expect(t.config.embeddedDatabase).toBe(embedded);
    });
  });

  describe('development mode', () => {
    it('allows introspection', async () => {
      const res = await t.client.request<{ __schema: { types: Array<{ name: string }> } }>(
        `{ __schema { types { name } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.__schema.types.map((type) => type.name)).toEqual(
        expect.arrayContaining(['Organization', 'MentorProfile', 'User']),
      );
    });

    it('serves the Apollo landing page to browsers', async () => {
      const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect((await res.text()).toLowerCase()).toContain('apollo');
    });

    it('suggests field names in validation errors', async () => {
      const res = await t.client.request(`{ economie { code } }`);
      expect(res.errors?.[0]?.message).toMatch(/Did you mean "economies"/);
    });
  });

  describe('production mode', () => {
    let prod: TestApp;

    beforeAll(async () => {
      prod = await startTestApp(createApiApp, { env: { NODE_ENV: 'production' } });
    }, 60_000);
    afterAll(() => prod?.close());

    it('runs in production mode', () => {
      expect(prod.config.production).toBe(true);
    });

    it('refuses introspection', async () => {
      const res = await prod.client.request(`{ __schema { types { name } } }`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typeRes = await prod.client.request(`{ __type(name: "User") { fields { name } } }`);
      expect(typeRes.data ?? null).toBeNull();
      expect(typeRes.errors?.length).toBeGreaterThan(0);
    });

    it('does not serve the Apollo landing page', async () => {
      const res = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      const body = await res.text();
      expect(res.status !== 200 || !/apollo/i.test(body)).toBe(true);
      expect(body).not.toMatch(/<html/i);
    });

    it('hides field suggestions', async () => {
      const res = await prod.client.request(`{ economie { code } }`);
      expect(res.errors?.[0]?.message).not.toMatch(/economies/);
    });

    it('still answers ordinary requests', async () => {
      const { economies } = await prod.client.data(`{ economies { code } }`);
      expect(economies).toHaveLength(21);
    });
  });
});
