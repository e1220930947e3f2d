import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Role } from '@app/common';
import { startTestApp, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const unique = (label: string): string => `${label}-${randomBytes(4).toString('hex')}@test.example`;

interface Answer {
  code: string | undefined;
  retryAfterSeconds: unknown;
  token: string | undefined;
  ms: number;
}

/**
 * A GraphQL request from a given local address: Linux routes all of 127.0.0.0/8 to the loopback
 * interface, so 127.0.0.2, 127.0.0.3, … are real, distinct clients of a server on 127.0.0.1.
 */
function postFrom(
  url: string,
  from: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/graphql`,
      {
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function loginFrom(
  t: TestApp,
  from: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  const { json } = await postFrom(t.url, from, { query: LOGIN, variables: { email, password } }, headers);
  const ms = performance.now() - started;
  const error = json.errors?.[0];
  return {
    code: error?.extensions?.code,
    retryAfterSeconds: error?.extensions?.retryAfterSeconds,
    token: json.data?.login?.token,
    ms,
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const CEILING = 12;
const DELAY = 30;

describe(`login limits (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    // A first delay long enough that a slow machine never outlasts it between two requests.
    t = await startTestApp(createApiApp, {
      env: { LOGIN_CLIENT_MAX_FAILURES: String(CEILING), LOGIN_DELAY_SECONDS: String(DELAY) },
    });
  }, 60_000);
  afterAll(() => t?.close());

  it('lets the owner log in from another client while one client hammers the account', async () => {
    const owner = await t.signUp(Role.MSME_OWNER);
    const attacker = '127.0.0.2';
    const home = '127.0.0.3';
    const answers: Answer[] = [];
    for (let i = 0; i < 10; i++) answers.push(await loginFrom(t, attacker, owner.email, `guess ${i}`));
    expect(answers.slice(0, 5).map((a) => a.code)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(answers.slice(5).map((a) => a.code)).toEqual(Array(5).fill('TOO_MANY_ATTEMPTS'));

    // The owner, from home, is not affected; a mistake there still leaves them room.
    expect((await loginFrom(t, home, owner.email, 'a typo')).code).toBe('INVALID_CREDENTIALS');
    const mine = await loginFrom(t, home, owner.email, owner.password);
    expect(mine.code).toBeUndefined();
    expect(mine.token).toEqual(expect.any(String));

    // The attacker cannot even try the right password meanwhile, and is told how long to wait.
    const blocked = await loginFrom(t, attacker, owner.email, owner.password);
    expect(blocked).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', token: undefined, retryAfterSeconds: DELAY });
  });

  it('makes the hammering client wait a growing delay, not a lockout: after it, a guess is checked again', async () => {
    const owner = await t.signUp(Role.MENTOR);
    const client = '127.0.0.4';
    /** Lets the waits run out, as time would (the rows are keyed by HMACs, so all of them). */
    const waitOut = () =>
      t.dataSource.query(
        `UPDATE login_throttle SET blocked_until = clock_timestamp() WHERE blocked_until > clock_timestamp()`,
      );
    for (let i = 0; i < 5; i++)
      expect((await loginFrom(t, client, owner.email, 'wrong')).code).toBe('INVALID_CREDENTIALS');
    expect(await loginFrom(t, client, owner.email, owner.password)).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: DELAY,
    });
    await waitOut();
    // The wait is over: this (wrong) guess is checked, and doubles the next wait.
    expect((await loginFrom(t, client, owner.email, 'wrong again')).code).toBe('INVALID_CREDENTIALS');
    expect(await loginFrom(t, client, owner.email, owner.password)).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: 2 * DELAY,
    });
    await waitOut();
    expect((await loginFrom(t, client, owner.email, 'and again')).code).toBe('INVALID_CREDENTIALS');
    expect((await loginFrom(t, client, owner.email, owner.password)).retryAfterSeconds).toBe(4 * DELAY);
    await waitOut();
    expect((await loginFrom(t, client, owner.email, owner.password)).token).toEqual(expect.any(String));
    // A success starts this client afresh on the account.
    for (let i = 0; i < 5; i++)
      expect((await loginFrom(t, client, owner.email, 'wrong')).code).toBe('INVALID_CREDENTIALS');
  });

  it('answers unknown and known e-mails alike: the same codes and waits, in similar time', async () => {
    const known = await t.signUp(Role.MSME_OWNER);
    const nobody = unique('nobody');
    const knownAnswers: Answer[] = [];
    const unknownAnswers: Answer[] = [];
    // Interleaved, so a busy moment of the machine falls on both alike.
    for (let i = 0; i < 8; i++) {
      knownAnswers.push(await loginFrom(t, '127.0.0.5', known.email, `wrong ${i}`));
      unknownAnswers.push(await loginFrom(t, '127.0.0.6', nobody, `wrong ${i}`));
    }
    const shape = (a: Answer): unknown[] => [a.code, a.retryAfterSeconds ?? null];
    expect(unknownAnswers.map(shape)).toEqual(knownAnswers.map(shape));
    expect(knownAnswers.map((a) => a.code)).toEqual([
      ...Array(5).fill('INVALID_CREDENTIALS'),
      ...Array(3).fill('TOO_MANY_ATTEMPTS'),
    ]);
    // Both verify an Argon2 hash: a wrong password costs about as much as an unknown e-mail.
    const knownMs = median(knownAnswers.slice(0, 5).map((a) => a.ms));
    const unknownMs = median(unknownAnswers.slice(0, 5).map((a) => a.ms));
    expect(Math.max(knownMs, unknownMs) / Math.min(knownMs, unknownMs)).toBeLessThan(3);
  });

  it('stops a client spraying many accounts at LOGIN_CLIENT_MAX_FAILURES, for every account', async () => {
    const sprayer = '127.0.0.7';
    const real = await t.signUp(Role.MENTOR);
    const targets = [real.email, ...Array.from({ length: CEILING - 1 }, (_, i) => unique(`spray${i}`))];
    for (const email of targets) {
      expect((await loginFrom(t, sprayer, email, 'Summer2024!')).code).toBe('INVALID_CREDENTIALS');
    }
    // Even the right password of an untouched account is not checked from this client now.
    const other = await t.signUp(Role.MSME_OWNER);
    const refused = await loginFrom(t, sprayer, other.email, other.password);
    expect(refused).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', token: undefined });
    expect(refused.retryAfterSeconds).toBeGreaterThan(t.config.LOGIN_WINDOW_SECONDS - 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(t.config.LOGIN_WINDOW_SECONDS);
    // Other clients are not affected.
    expect((await loginFrom(t, '127.0.0.8', other.email, other.password)).token).toEqual(expect.any(String));
    expect((await loginFrom(t, '127.0.0.8', real.email, real.password)).token).toEqual(expect.any(String));
  });

  it('counts parallel attempts atomically: never more than the ceiling are checked', async () => {
    const sprayer = '127.0.0.9';
    const answers = await Promise.all(
      Array.from({ length: CEILING + 8 }, (_, i) => loginFrom(t, sprayer, unique(`parallel${i}`), 'guess')),
    );
    const codes = answers.map((a) => a.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(CEILING);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(8);
  });

  it('lets aliased logins in one request count one attempt each, and check none past the limit', async () => {
    const client = '127.0.0.10';
    const user = await t.signUp(Role.MSME_OWNER);
    const guesses = Array.from(
      { length: 6 },
      (_, i) => `g${i}: login(email: "${unique(`alias${i}`)}", password: "nope") { token }`,
    );
    const { json } = await postFrom(t.url, client, {
      query: `mutation($email: String!, $password: String!) { ${guesses.join(' ')} right: login(email: $email, password: $password) { token } }`,
      variables: { email: user.email, password: user.password },
    });
    // A failed (non-null) login ends the operation: one guess is checked, and counted.
    expect(json.data ?? null).toBeNull();
    expect(json.errors.map((e: { path: string[] }) => e.path[0])).toEqual(['g0']);
    for (let i = 1; i < CEILING; i++) {
      expect((await loginFrom(t, client, unique('more'), 'nope')).code).toBe('INVALID_CREDENTIALS');
    }
    expect((await loginFrom(t, client, user.email, user.password)).code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('gives a successful login back its count, but never a sprayer’s other failures', async () => {
    const client = '127.0.0.11';
    const mine = await t.signUp(Role.MENTOR);
    for (let i = 0; i < CEILING - 1; i++) {
      expect((await loginFrom(t, client, unique('x'), 'nope')).code).toBe('INVALID_CREDENTIALS');
      // Logging into one's own account between guesses does not reset the client's count.
      expect((await loginFrom(t, client, mine.email, mine.password)).token).toEqual(expect.any(String));
    }
    expect((await loginFrom(t, client, unique('x'), 'nope')).code).toBe('INVALID_CREDENTIALS');
    expect((await loginFrom(t, client, mine.email, mine.password)).code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('ignores X-Forwarded-For by default: a client cannot pass for others', async () => {
    expect(t.config.trustProxy).toBe(false);
    const sprayer = '127.0.0.12';
    for (let i = 0; i < CEILING; i++) {
      const answer = await loginFrom(t, sprayer, unique('xff'), 'nope', {
        'x-forwarded-for': `198.51.100.${i + 1}`,
      });
      expect(answer.code).toBe('INVALID_CREDENTIALS');
    }
    const next = await loginFrom(t, sprayer, unique('xff'), 'nope', { 'x-forwarded-for': '198.51.100.200' });
    expect(next.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('stores no e-mail or address in clear', async () => {
    const rows = (await t.dataSource.query(`SELECT key FROM login_throttle`)) as Array<{ key: Uint8Array }>;
    expect(rows.length).toBeGreaterThan(0);
    const text = rows.map((r) => Buffer.from(r.key).toString('latin1')).join('\n');
    expect(text).not.toMatch(/@test\.example|127\.0\.0/);
  });
});

describe(`client addresses behind a proxy (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  it('ignores X-Forwarded-For from 127.0.0.1 by default for the request throttle too', async () => {
    const t = await startTestApp(createApiApp, { env: { THROTTLE_LIMIT: '4' } });
    try {
      const query = { query: '{ economies { code } }' };
      const codes: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const { json } = await postFrom(t.url, '127.0.0.1', query, {
          'x-forwarded-for': `203.0.113.${i + 1}`,
        });
        codes.push(json.errors?.[0]?.extensions?.code);
      }
      expect(codes).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        'TOO_MANY_REQUESTS',
        'TOO_MANY_REQUESTS',
      ]);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY naming the proxy, counts the forwarded clients apart, and only from that proxy', async () => {
    const t = await startTestApp(createApiApp, {
      env: { TRUST_PROXY: '127.0.0.20', LOGIN_CLIENT_MAX_FAILURES: '3' },
    });
    try {
      const user = await t.signUp(Role.MENTOR);
      const viaProxy = (client: string) => ({ 'x-forwarded-for': client });
      for (let i = 0; i < 3; i++) {
        expect((await loginFrom(t, '127.0.0.20', unique('p'), 'nope', viaProxy('198.51.100.1'))).code).toBe(
          'INVALID_CREDENTIALS',
        );
      }
      expect(
        (await loginFrom(t, '127.0.0.20', user.email, user.password, viaProxy('198.51.100.1'))).code,
      ).toBe('TOO_MANY_ATTEMPTS');
      // Another client behind the same proxy.
      expect(
        (await loginFrom(t, '127.0.0.20', user.email, user.password, viaProxy('198.51.100.2'))).token,
      ).toEqual(expect.any(String));
      // A peer that is not the proxy cannot name a client.
      for (let i = 0; i < 3; i++) {
        await loginFrom(t, '127.0.0.21', unique('q'), 'nope', viaProxy(`198.51.100.${10 + i}`));
      }
      expect(
        (await loginFrom(t, '127.0.0.21', user.email, user.password, viaProxy('198.51.100.99'))).code,
      ).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await t.close();
    }
  });
});
