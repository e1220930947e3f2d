import { randomBytes } from 'node:crypto';
import { DatabaseHealth } from '@app/database';
import { startTestApp, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

interface Body {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * Requests refused by the HTTP layer before GraphQL sees them still answer as GraphQL: an
 * `errors` list whose `extensions.code` a client can act on.
 */
describe(`HTTP errors on /graphql (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  }, 60_000);
  afterAll(() => t?.close());

  const post = async (
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<{ status: number; type: string | null; body: Body }> => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Body };
  };

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE, and runs nothing in it', async () => {
    const email = `big-${randomBytes(4).toString('hex')}@test.example`;
    const res = await post(
      JSON.stringify({
        query: `mutation($input: RegisterInput!) { register(input: $input) { token } }`,
        variables: {
          input: { email, password: 'correct horse battery', displayName: 'Big', role: 'MENTOR' },
          padding: 'x'.repeat(1024 * 1024),
        },
      }),
    );
    expect(res.status).toBe(413);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      { message: expect.stringMatching(/too large/i), extensions: { code: 'PAYLOAD_TOO_LARGE' } },
    ]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
      email,
    ]);
    expect(n).toBe(0);
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST', async () => {
    const res = await post('{"query": "{ economies { code } }"');
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.body.errors).toEqual([
      { message: expect.stringMatching(/not valid JSON/i), extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('answers an empty JSON body with 400 BAD_REQUEST', async () => {
    const res = await post('');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('answers with the GraphQL response media type when the client asks for it', async () => {
    const res = await post('{', {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
    });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/graphql-response\+json/);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('answers a content type it does not read with 415 BAD_REQUEST', async () => {
    const res = await post('<query/>', { 'content-type': 'application/xml' });
    expect(res.status).toBe(415);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('answers a POST without a query with Apollo’s BAD_REQUEST, the same code', async () => {
    const res = await post(JSON.stringify({ variables: {} }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('keeps /health’s own 503 report, naming what is down', async () => {
    const spy = jest.spyOn(t.app.get(DatabaseHealth), 'check').mockResolvedValue(false);
    try {
      const res = await fetch(`${t.url}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: 'degraded',
        database: { status: 'down', kind: t.mode === 'embedded' ? 'pglite' : 'postgres' },
        queue: { status: 'up', kind: t.mode === 'embedded' ? 'in-process' : 'bullmq' },
        // Unknown while the database is down: the outbox lives there.
        jobsWaiting: null,
      });
    } finally {
      spy.mockRestore();
    }
  });

  it('leaves other routes’ errors as they were', async () => {
    const res = await fetch(`${t.url}/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(((await res.json()) as Body).errors).toBeUndefined();
  });
});
