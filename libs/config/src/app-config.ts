import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';
import { SECRET_HOWTO, secretWeakness } from './secret-strength';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? !['false', '0', 'no', 'off', ''].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** LOG_LEVEL's values, most severe first. */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelSetting = (typeof LOG_LEVELS)[number];

/** The levels a logger prints at LOG_LEVEL `level`: that one and every more severe one. */
export function logLevelsUpTo(level: LogLevelSetting): Array<'fatal' | LogLevelSetting> {
  return ['fatal', ...LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1)];
}

/**
 * Every setting the product reads, validated once at boot. Defaults are safe offline:
 * with nothing set, the product runs embedded (PGlite under DATA_DIR, in-process jobs).
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** HTTP port of the API. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** PostgreSQL connection string; unset means embedded PGlite under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Redis connection string; unset means the in-process job queue. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  /** The built browser app (`npm run build:web`), served at /. Not there: the API runs alone. */
  @IsString()
  WEB_DIR = './dist/web';

  /** Where embedded mode keeps its database and generated secrets. */
  @IsString()
  DATA_DIR = './data';

  /**
   * Outgoing mail server, e.g. smtp://user:pass@mail.example.org:587 (smtps:// for TLS). Unset:
   * e-mails stay in the outbox table, which admins read (emailOutbox).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every e-mail. */
  @IsString()
  MAIL_FROM = 'Mentorlink <no-reply@mentorlink.invalid>';

  /** Where people open the product: links in e-mails start with it. */
  @IsString()
  @Matches(/^https?:\/\/[^\s]+[^/]$/, {
    message: 'PUBLIC_URL must be an http(s) URL without a trailing slash',
  })
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * Signing secret for access tokens; generated and kept in DATA_DIR when unset (not in
   * production). Must look random: 32+ characters, varied, no repeats or runs (secret-strength.ts).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'strongSecret',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && secretWeakness(value) === null,
      defaultMessage: (args) => `JWT_SECRET ${secretWeakness(String(args?.value))}; ${SECRET_HOWTO}`,
    },
  })
  JWT_SECRET?: string;

  /** Access token lifetime in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  /** Load the demo dataset on first start (empty database). Off by default in production. */
  @Transform(toBool)
  @IsBoolean()
  DEMO_DATA = true;

  @IsString()
  @MinLength(8)
  DEMO_PASSWORD = 'demo1234';

  /**
   * Milliseconds a process trusts what it last read of a user's token version. A role change
   * (or, later, disabling) made through another process reaches this one within this time; 0
   * reads the database on every request. At most 5 s: "the next request", give or take.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5000)
  TOKEN_VERSION_CACHE_MS = 3000;

  /**
   * Failed logins to one account from one client (IP) before each further attempt from that
   * client must wait a growing delay. Other clients are not affected, so nobody can lock the
   * owner out.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ATTEMPTS = 5;

  /** The first delay, in seconds; it doubles with each further failure. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_DELAY_SECONDS = 1;

  /** The longest delay between attempts of one client on one account. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_DELAY_SECONDS = 15 * 60;

  /**
   * Failed logins from one client (IP) to any accounts within LOGIN_WINDOW_SECONDS; beyond it the
   * client gets TOO_MANY_ATTEMPTS for every account until the window ends (password spraying).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_CLIENT_MAX_FAILURES = 30;

  /**
   * How long failures are remembered: a client's window across accounts, and for one account,
   * the time after its last failure (or the end of its delay) when its count starts again.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 15 * 60;

  /**
   * Which peers may name the client in X-Forwarded-For (login limits and THROTTLE_LIMIT count
   * per client): empty (default) trusts none; else a comma-separated list of the proxies'
   * addresses and CIDR ranges (trust-proxy.ts).
   */
  @IsString()
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && 'value' in parseTrustProxy(value),
      defaultMessage: (args) => {
        const parsed = parseTrustProxy(String(args?.value));
        return `TRUST_PROXY: ${'error' in parsed ? parsed.error : 'invalid'}`;
      },
    },
  })
  TRUST_PROXY = '';

  /** Requests per client (IP) per THROTTLE_TTL_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LIMIT = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_TTL_SECONDS = 60;

  /** GraphQL operation limits, enforced before any resolver runs. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  GRAPHQL_MAX_DEPTH = 8;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  GRAPHQL_MAX_ALIASES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  GRAPHQL_MAX_TOKENS = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_COST = 20000;

  /** Pool size per process in services mode. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DATABASE_POOL_SIZE = 10;

  /** Time an enqueue on the request path may take before it fails with a clear error. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  QUEUE_ENQUEUE_TIMEOUT_MS = 3000;

  /**
   * How often a process looks for recorded jobs it was not told about (written by a process that
   * stopped before relaying them); 0: only on its own commits and at start.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  JOB_RELAY_POLL_SECONDS = 30;

  /** Prefix for BullMQ keys, so several deployments (or test runs) can share one Redis. */
  @IsString()
  QUEUE_PREFIX = 'mentorlink';

  /** Jobs a worker process runs at once, per queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WORKER_CONCURRENCY = 2;

  /**
   * A job is another worker's to take once its worker has been silent this long (a process
   * killed mid-job). BullMQ's lock duration; stalled jobs are checked at half of it.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  QUEUE_LOCK_DURATION_MS = 30_000;

  /** Length of each stored recommendation list (top K per organisation and per mentor). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  RECOMMENDATIONS_K = 50;

  /** Profiles per shard of a full scoring run (one job each). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SCORING_SHARD_SIZE = 2000;

  /** Worker threads scoring runs in, per process; 0: one per core but one. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SCORING_THREADS = 0;

  /**
   * OS niceness (0-19) of background work: scoring threads in every process, and the whole of
   * a separate worker process. Requests and the database go first on a busy machine; an idle
   * machine still gives scoring all it has.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(19)
  SCORING_NICE = 19;

  /** Open (PENDING) mentorship requests an organisation may have at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  MAX_OPEN_REQUESTS = 3;

  /** Days a mentor has to answer a request before it expires. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REQUEST_EXPIRY_DAYS = 14;

  /** Days after which a mentor who has not answered is reminded (once). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REQUEST_REMINDER_DAYS = 3;

  /** Days after a mentorship starts when the organisation is asked for its outcomes (six months). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTCOME_SURVEY_DAYS = 182;

  /**
   * The share (percent) of its main thread a process gives a full run's reading, encoding and
   * writing, in slices of about 2 ms: the API with its in-process worker answers requests on
   * that thread meanwhile. A separate worker process serves no requests and takes all of its
   * own (it sets 100 unless this is set).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SCORING_MAIN_THREAD_PERCENT = 25;

  /**
   * Testing only: each shard holds its transaction open this long before it commits, so fault
   * tests can kill a worker mid-shard. Leave at 0.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SCORING_SHARD_TEST_DELAY_MS = 0;

  /**
   * Testing only: expiry and reminder jobs hold their transaction open this long before they
   * commit, so fault tests can kill a worker in the middle of one. Leave at 0.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REQUEST_JOB_TEST_DELAY_MS = 0;

  /** Interface the API listens on. */
  @IsString()
  HOST = '0.0.0.0';

  @IsIn(['json', 'text'])
  LOG_FORMAT: 'json' | 'text' = 'text';

  /** The least severe messages logged; below `warn`, start-up lists every module and route. */
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelSetting = 'warn';

  get embeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }

  get embeddedQueue(): boolean {
    return !this.REDIS_URL;
  }

  /** TRUST_PROXY as Fastify takes it (validated at load). */
  get trustProxy(): TrustProxy {
    const parsed = parseTrustProxy(this.TRUST_PROXY);
    return 'value' in parsed ? parsed.value : false;
  }

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class ConfigValidationError extends Error {}

/** Settings that exist for fault tests: they hold transactions open on purpose. */
const TEST_ONLY_SETTINGS = ['SCORING_SHARD_TEST_DELAY_MS', 'REQUEST_JOB_TEST_DELAY_MS'] as const;

/** Builds the configuration from an environment, failing with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined) raw[key] = env[key];
  // Demo accounts have a published password: production loads them only when asked to.
  if (raw.NODE_ENV === 'production' && raw.DEMO_DATA === undefined) raw.DEMO_DATA = 'false';
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ConfigValidationError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (config.production && !config.JWT_SECRET) {
    throw new ConfigValidationError('Invalid configuration:\n  JWT_SECRET is required in production');
  }
  const testKnobs = TEST_ONLY_SETTINGS.filter((key) => config[key] !== 0);
  if (config.production && testKnobs.length > 0) {
    throw new ConfigValidationError(
      `Invalid configuration:\n  ${testKnobs.join(', ')}: for tests only, refused when NODE_ENV=production`,
    );
  }
  return config;
}
