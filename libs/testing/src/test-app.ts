import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService } from '@app/accounts';
import { Role } from '@app/common';
import { AppConfig, loadConfig } from '@app/config';
import { JobOutbox } from '@app/queue';
import type { EconomyCode } from '@app/taxonomy';
import { GraphQLClient } from './graphql-client';
import { testRedisUrl } from './services';
import { createTestDatabase, type TestDatabase } from './test-database';

export type TestMode = 'embedded' | 'services';

/** Which mode the e2e suite runs in: TEST_MODE=embedded (default) or services. */
export const testMode = (): TestMode => (process.env.TEST_MODE === 'services' ? 'services' : 'embedded');

export interface TestApp {
  mode: TestMode;
  url: string;
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** An anonymous client; `.withToken()` for a signed-in one. */
  client: GraphQLClient;
  /** Signs up (or, for ADMIN / PROGRAM_MANAGER, creates directly) and returns a signed-in client. */
  signUp(role: Role, options?: { economies?: EconomyCode[]; email?: string }): Promise<SignedIn>;
  /** Waits until background jobs (rescoring after profile changes, ...) have all run. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface SignedIn {
  client: GraphQLClient;
  userId: string;
  email: string;
  password: string;
}

export type CreateApiApp = (
  config: AppConfig,
  options: { worker: boolean },
  logger: false,
) => Promise<INestApplication>;

/**
 * Boots the real API on a free port: embedded (PGlite in memory, in-process queue) or services
 * (a fresh PostgreSQL database and a Redis key prefix of its own).
 */
export async function startTestApp(
  createApiApp: CreateApiApp,
  options: { mode?: TestMode; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const mode = options.mode ?? testMode();
  let database: TestDatabase | undefined;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: ':memory:',
    THROTTLE_LIMIT: '100000',
    // Statement-counting tests see only their own: the relay runs on commits, not on a timer.
    JOB_RELAY_POLL_SECONDS: '0',
    // Suites log in (and fail on purpose) many times from 127.0.0.1; tests of the limit set it.
    LOGIN_CLIENT_MAX_FAILURES: '100000',
    ...options.env,
  };
  if (mode === 'services') {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
    env.REDIS_URL = options.env?.REDIS_URL ?? testRedisUrl();
    env.QUEUE_PREFIX = `mltest-${randomBytes(4).toString('hex')}`;
  }
  const config = loadConfig(env);
  const app = await createApiApp(config, { worker: true }, false);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const client = new GraphQLClient(url);
  const accounts = app.get(AccountsService);
  let counter = 0;
  return {
    mode,
    url,
    app,
    config,
    dataSource: app.get(DataSource),
    client,
    async signUp(role, opts = {}) {
      counter++;
      const email =
        opts.email ?? `${role.toLowerCase()}-${counter}-${randomBytes(3).toString('hex')}@test.example`;
      const password = 'correct horse battery';
      if (role === Role.ADMIN || role === Role.PROGRAM_MANAGER) {
        await accounts.ensureUser(email, password, `Test ${role} ${counter}`, [role], opts.economies ?? []);
      } else {
        await client.data(`mutation($input: RegisterInput!) { register(input: $input) { token } }`, {
          input: { email, password, displayName: `Test ${role} ${counter}`, role },
        });
      }
      const session = await accounts.login(email, password, 'test-helper');
      return { client: client.withToken(session.token), userId: session.user.id, email, password };
    },
    async settle(timeoutMs = 20_000) {
      const outbox = app.get(JobOutbox);
      const deadline = Date.now() + timeoutMs;
      // Twice idle in a row: a job that just finished may have enqueued another.
      for (let idleChecks = 0; idleChecks < 2;) {
        if (Date.now() > deadline) throw new Error('Background jobs did not settle');
        idleChecks = (await outbox.idle()) ? idleChecks + 1 : 0;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      await app.close();
      await database?.drop();
    },
  };
}
