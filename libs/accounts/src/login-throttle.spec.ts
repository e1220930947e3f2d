import {
  afterSuccess,
  clientKeyOf,
  decideAttempt,
  delayAfter,
  type Counter,
  type LoginLimits,
} from './login-throttle';

const LIMITS: LoginLimits = {
  maxAttempts: 5,
  delaySeconds: 1,
  maxDelaySeconds: 900,
  clientMaxFailures: 30,
  windowSeconds: 900,
};
const T0 = new Date('2030-01-01T00:00:00Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

/** Runs attempts through decideAttempt as the service would (each allowed one stored). */
function simulate(times: number[], limits = LIMITS): Array<'try' | number> {
  let pair: Counter | null = null;
  let client: Counter | null = null;
  return times.map((t) => {
    const decision = decideAttempt(pair, client, at(t), limits);
    if (!decision.allowed) return decision.retryAfterSeconds;
    ({ pair, client } = decision);
    return 'try';
  });
}

describe('delayAfter', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [14, 512],
    [15, 900],
    [1000, 900],
  ])('waits after failure %i: %i s', (failures, seconds) => {
    expect(delayAfter(failures, LIMITS)).toBe(seconds);
  });
});

describe('decideAttempt', () => {
  it('allows LOGIN_MAX_ATTEMPTS attempts at once, then makes the next wait a doubling delay', () => {
    expect(simulate([0, 0, 0, 0, 0, 0])).toEqual(['try', 'try', 'try', 'try', 'try', 1]);
    // After the 5th failure: 1 s; after the 6th: 2 s; after the 7th: 4 s.
    expect(simulate([0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 7])).toEqual([
      'try',
      'try',
      'try',
      'try',
      'try',
      'try',
      2,
      1,
      'try',
      3,
      2,
      'try',
    ]);
  });

  it('never allows more than LOGIN_MAX_ATTEMPTS immediate attempts however many arrive together', () => {
    const results = simulate(Array<number>(50).fill(0));
    expect(results.filter((r) => r === 'try')).toHaveLength(LIMITS.maxAttempts);
  });

  it('forgets a pair LOGIN_WINDOW_SECONDS after its last failure or the end of its wait', () => {
    expect(simulate([0, 0, 0, 0, 899, 899 + 900])).toEqual(['try', 'try', 'try', 'try', 'try', 'try']);
    // The 5th failure at 899 s set a 1 s wait; the count would run on until 900 s past it.
    const pair = decideAttempt(null, null, at(0), LIMITS);
    expect(pair.allowed && pair.pair.expiresAt).toEqual(at(900));
  });

  it('stops a client after LOGIN_CLIENT_MAX_FAILURES failures across accounts until its window ends', () => {
    let client: Counter | null = null;
    for (let i = 0; i < LIMITS.clientMaxFailures; i++) {
      // A different account each time: a fresh pair counter.
      const d = decideAttempt(null, client, at(i), LIMITS);
      expect(d.allowed).toBe(true);
      if (d.allowed) client = d.client;
    }
    expect(decideAttempt(null, client, at(100), LIMITS)).toEqual({
      allowed: false,
      retryAfterSeconds: 800,
    });
    expect(decideAttempt(null, client, at(900), LIMITS).allowed).toBe(true);
  });

  it('answers the longer wait when both the pair and the client must wait', () => {
    const pair: Counter = { failures: 5, blockedUntil: at(10), expiresAt: at(910) };
    const client: Counter = { failures: 30, blockedUntil: null, expiresAt: at(300) };
    expect(decideAttempt(pair, client, at(0), LIMITS)).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });
});

describe('afterSuccess', () => {
  it('gives back the one up-front count, never more', () => {
    const client: Counter = { failures: 12, blockedUntil: null, expiresAt: at(500) };
    expect(afterSuccess(client, at(0))).toEqual({ ...client, failures: 11 });
    expect(afterSuccess({ ...client, failures: 0 }, at(0))?.failures).toBe(0);
    expect(afterSuccess(client, at(600))).toBeNull();
  });
});

describe('clientKeyOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('counts %s as %s', (ip, key) => {
    expect(clientKeyOf(ip)).toBe(key);
  });
});
