import { randomBytes } from 'node:crypto';
import { AppConfig, ConfigValidationError, loadConfig, logLevelsUpTo } from './app-config';
import { secretWeakness } from './secret-strength';
import { parseTrustProxy } from './trust-proxy';

/** What the README tells people to run, and what the test helpers generate. */
const goodSecret = (): string => randomBytes(32).toString('base64');

const captureError = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
};

describe('loadConfig', () => {
  it('runs embedded with safe defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toBeInstanceOf(AppConfig);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.embeddedDatabase).toBe(true);
    expect(config.embeddedQueue).toBe(true);
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_DATA).toBe(true);
    expect(config.DEMO_PASSWORD).toBe('demo1234');
    expect(config.NODE_ENV).toBe('development');
    expect(config.production).toBe(false);
  });

  it('uses services when DATABASE_URL and REDIS_URL are set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/x', REDIS_URL: 'redis://r:6379' });
    expect(config.embeddedDatabase).toBe(false);
    expect(config.embeddedQueue).toBe(false);
    expect(config.DATABASE_URL).toBe('postgres://db/x');
  });

  it('treats empty URLs as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', REDIS_URL: '' });
    expect(config.embeddedDatabase).toBe(true);
    expect(config.embeddedQueue).toBe(true);
  });

  it('parses numbers from strings', () => {
    const config = loadConfig({ PORT: '8080', QUEUE_ENQUEUE_TIMEOUT_MS: '500', DATABASE_POOL_SIZE: '4' });
    expect(config.PORT).toBe(8080);
    expect(config.QUEUE_ENQUEUE_TIMEOUT_MS).toBe(500);
    expect(config.DATABASE_POOL_SIZE).toBe(4);
  });

  it.each([
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['no', false],
    ['true', true],
    ['1', true],
  ])('reads DEMO_DATA=%s as %s', (value, expected) => {
    expect(loadConfig({ DEMO_DATA: value }).DEMO_DATA).toBe(expected);
  });

  it('logs warnings and errors only unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({}).LOG_LEVEL).toBe('warn');
    expect(logLevelsUpTo(loadConfig({}).LOG_LEVEL)).toEqual(['fatal', 'error', 'warn']);
    expect(logLevelsUpTo(loadConfig({ LOG_LEVEL: 'error' }).LOG_LEVEL)).toEqual(['fatal', 'error']);
    expect(logLevelsUpTo(loadConfig({ LOG_LEVEL: 'verbose' }).LOG_LEVEL)).toEqual([
      'fatal',
      'error',
      'warn',
      'log',
      'debug',
      'verbose',
    ]);
  });

  it.each(['info', 'WARN', 'trace', ''])('rejects LOG_LEVEL=%s naming the field', (level) => {
    const err = captureError(() => loadConfig({ LOG_LEVEL: level }));
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.message).toMatch(/LOG_LEVEL/);
  });

  it('ignores variables it does not know', () => {
    const config = loadConfig({ PATH: '/usr/bin', SOMETHING_ELSE: 'x' });
    expect(config).not.toHaveProperty('SOMETHING_ELSE');
  });

  it.each(['not-a-number', '70000', '-1', '3.5'])('rejects PORT=%s naming the field', (port) => {
    const err = captureError(() => loadConfig({ PORT: port }));
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.message).toMatch(/PORT/);
  });

  it('lists every invalid field at once', () => {
    const err = captureError(() =>
      loadConfig({ PORT: 'abc', NODE_ENV: 'staging', DEMO_PASSWORD: 'short', QUEUE_ENQUEUE_TIMEOUT_MS: '5' }),
    );
    expect(err).toBeInstanceOf(ConfigValidationError);
    for (const field of ['PORT', 'NODE_ENV', 'DEMO_PASSWORD', 'QUEUE_ENQUEUE_TIMEOUT_MS']) {
      expect(err.message).toContain(field);
    }
  });

  it('rejects a JWT_SECRET shorter than 32 characters', () => {
    const err = captureError(() => loadConfig({ JWT_SECRET: 'too-short' }));
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.message).toContain('JWT_SECRET');
  });

  it('requires JWT_SECRET in production', () => {
    const err = captureError(() => loadConfig({ NODE_ENV: 'production' }));
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.message).toContain('JWT_SECRET');
  });

  it('accepts production with a JWT_SECRET', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: goodSecret() });
    expect(config.production).toBe(true);
  });

  it('refuses the test-only delays in production, and takes them elsewhere', () => {
    const secret = goodSecret();
    for (const knob of ['SCORING_SHARD_TEST_DELAY_MS', 'REQUEST_JOB_TEST_DELAY_MS']) {
      const err = captureError(() =>
        loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, [knob]: '500' }),
      );
      expect(err).toBeInstanceOf(ConfigValidationError);
      expect(err.message).toContain(`${knob}: for tests only`);
      expect(loadConfig({ NODE_ENV: 'test', [knob]: '500' })[knob as 'REQUEST_JOB_TEST_DELAY_MS']).toBe(500);
    }
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, REQUEST_JOB_TEST_DELAY_MS: '0' }).production,
    ).toBe(true);
  });

  it.each([
    ['one character repeated', 'a'.repeat(32)],
    ['one character repeated, long', 'x'.repeat(64)],
    ['a short piece repeated', 'abcdefghijklmnop'.repeat(2)],
    ['a run of neighbouring characters', 'abcdefghijklmnopqrstuvwxyz012345'],
    ['few distinct characters', 'ab12'.repeat(4) + 'ba21'.repeat(4) + '1a2b'.repeat(2)],
    ['a low-entropy mix', 'password' + 'a'.repeat(20) + 'secret12'],
  ])(
    'refuses a guessable JWT_SECRET (%s) in production and elsewhere, saying how to make one',
    (_l, secret) => {
      expect(secret.length).toBeGreaterThanOrEqual(32);
      for (const NODE_ENV of ['production', 'development']) {
        const err = captureError(() => loadConfig({ NODE_ENV, JWT_SECRET: secret }));
        expect(err).toBeInstanceOf(ConfigValidationError);
        expect(err.message).toContain('JWT_SECRET');
        expect(err.message).toContain('openssl rand -base64 32');
        expect(err.message).toContain("require('crypto').randomBytes(32).toString('base64')");
      }
    },
  );

  it('accepts every secret the usual generators print: 32 random bytes in hex, base64 or base64url', () => {
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(32);
      for (const secret of [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')]) {
        expect([secret, secretWeakness(secret)]).toEqual([secret, null]);
      }
    }
    // And a long, varied passphrase someone typed.
    expect(secretWeakness('Tr0mbone-violet_Kettle;42 orbit QUARTZ!')).toBeNull();
  });

  it('loads demo data in production only when asked to', () => {
    const secret = goodSecret();
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).DEMO_DATA).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DEMO_DATA: 'true' }).DEMO_DATA).toBe(
      true,
    );
    expect(loadConfig({ NODE_ENV: 'development' }).DEMO_DATA).toBe(true);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default: X-Forwarded-For names nobody', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const off of ['', 'false', 'off']) expect(loadConfig({ TRUST_PROXY: off }).trustProxy).toBe(false);
  });

  it('takes a list of proxy addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1, fd00::/8, loopback' }).trustProxy).toEqual(
      ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8', 'loopback'],
    );
  });

  it.each(['true', '*', '10.0.0.0/33', 'proxy.example.org', '300.1.1.1', '1', '2'])(
    'refuses TRUST_PROXY=%s naming the field',
    (value) => {
      const err = captureError(() => loadConfig({ TRUST_PROXY: value }));
      expect(err).toBeInstanceOf(ConfigValidationError);
      expect(err.message).toContain('TRUST_PROXY');
    },
  );

  it('explains why trusting every peer, or a hop count, is refused', () => {
    expect(parseTrustProxy('true')).toEqual({ error: expect.stringMatching(/choose its address/) });
    expect(parseTrustProxy('1')).toEqual({ error: expect.stringMatching(/cannot tell a proxy/) });
  });
});
