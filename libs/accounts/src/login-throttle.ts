import { isIP } from 'node:net';

/** The login-limit settings (LOGIN_* in AppConfig). */
export interface LoginLimits {
  /** Failures of one client on one account before each further attempt waits. */
  maxAttempts: number;
  /** The first wait, in seconds; it doubles with each further failure. */
  delaySeconds: number;
  maxDelaySeconds: number;
  /** Failures of one client across all accounts per window. */
  clientMaxFailures: number;
  windowSeconds: number;
}

/** One counter (a login_throttle row): absent, or expired, means nothing is counted. */
export interface Counter {
  failures: number;
  /** No attempt before this (pair counters only). */
  blockedUntil: Date | null;
  /** When the counter is forgotten. */
  expiresAt: Date;
}

export type AttemptDecision =
  { allowed: true; pair: Counter; client: Counter } | { allowed: false; retryAfterSeconds: number };

const live = (counter: Counter | null, now: Date): counter is Counter =>
  counter !== null && counter.expiresAt.getTime() > now.getTime();

const plus = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);

const secondsUntil = (until: Date, now: Date): number =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** Seconds the client must wait after its `failures`-th failure on one account (0: none). */
export function delayAfter(failures: number, limits: LoginLimits): number {
  if (failures < limits.maxAttempts) return 0;
  const doublings = Math.min(failures - limits.maxAttempts, 30);
  return Math.min(limits.delaySeconds * 2 ** doublings, limits.maxDelaySeconds);
}

/**
 * Whether a login attempt may check a password, given the counters of this account with this
 * client (`pair`) and of this client across accounts (`client`), and the counters to store if
 * so. The attempt is counted as a failure up front, so parallel attempts cannot slip past the
 * limits between reading and writing; a success gives it back (afterSuccess).
 *
 * - One client on one account: LOGIN_MAX_ATTEMPTS failures free, then a wait that doubles from
 *   LOGIN_DELAY_SECONDS up to LOGIN_MAX_DELAY_SECONDS. Other clients keep their own count, so
 *   an attacker slows only themself; the owner elsewhere logs in as usual.
 * - One client across accounts: at most LOGIN_CLIENT_MAX_FAILURES failures per window.
 * - Counters are keyed by what was typed, not by the account: an unknown e-mail is counted and
 *   answered exactly like a known one.
 */
export function decideAttempt(
  pair: Counter | null,
  client: Counter | null,
  now: Date,
  limits: LoginLimits,
): AttemptDecision {
  const waits: Date[] = [];
  if (live(pair, now) && pair.blockedUntil && pair.blockedUntil.getTime() > now.getTime()) {
    waits.push(pair.blockedUntil);
  }
  if (live(client, now) && client.failures >= limits.clientMaxFailures) waits.push(client.expiresAt);
  if (waits.length > 0) {
    const until = new Date(Math.max(...waits.map((d) => d.getTime())));
    return { allowed: false, retryAfterSeconds: secondsUntil(until, now) };
  }
  const failures = (live(pair, now) ? pair.failures : 0) + 1;
  const delay = delayAfter(failures, limits);
  const blockedUntil = delay > 0 ? plus(now, delay) : null;
  return {
    allowed: true,
    pair: { failures, blockedUntil, expiresAt: plus(blockedUntil ?? now, limits.windowSeconds) },
    client: live(client, now)
      ? { failures: client.failures + 1, blockedUntil: null, expiresAt: client.expiresAt }
      : { failures: 1, blockedUntil: null, expiresAt: plus(now, limits.windowSeconds) },
  };
}

/**
 * The client counter once an attempt succeeded: its up-front count is given back, and no more
 * (a success must not wipe the failures a sprayer made on other accounts).
 */
export function afterSuccess(client: Counter | null, now: Date): Counter | null {
  if (!live(client, now)) return null;
  return { ...client, failures: Math.max(0, client.failures - 1) };
}

/**
 * Who the client is, for counting: the address, with IPv4-mapped IPv6 read as IPv4 and IPv6
 * cut to its /64 (one subscriber usually has a whole /64, so single addresses would be free).
 */
export function clientKeyOf(ip: string | undefined): string {
  const address = (ip ?? '').trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address || 'unknown';
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
