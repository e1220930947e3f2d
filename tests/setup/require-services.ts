// Jest's globalSetup does not go through moduleNameMapper, hence the relative path.
// eslint-disable-next-line no-restricted-imports
import { reachable, testAdminDatabaseUrl, testRedisUrl } from '../../libs/testing/src/services';

/** What tests that use real PostgreSQL and Redis miss, each with how to get it; empty when none. */
export async function missingServices(): Promise<string[]> {
  const pg = testAdminDatabaseUrl();
  const redis = testRedisUrl();
  const [pgUp, redisUp] = await Promise.all([reachable(pg, 5432), reachable(redis, 6379)]);
  const missing: string[] = [];
  if (!pgUp) {
    missing.push(
      `PostgreSQL is not reachable at ${new URL(pg).host} (set DATABASE_URL, or install and start it: ` +
        `apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, ` +
        `or docker compose -f docker/compose.yml up -d postgres)`,
    );
  }
  if (!redisUp) {
    missing.push(
      `Redis is not reachable at ${new URL(redis).host} (set REDIS_URL, or install and start it: ` +
        `apt-get install -y redis-server && redis-server --daemonize yes --save "" --appendonly no, ` +
        `or docker compose -f docker/compose.yml up -d redis)`,
    );
  }
  return missing;
}

/**
 * Integration and e2e tests use real PostgreSQL and Redis. `npm test` checks them before its
 * first tier (tests/setup/pretest.ts); this guards a tier run on its own: fail in seconds, saying
 * what is missing and how to start it, rather than time out test by test.
 */
export default async function requireServices(): Promise<void> {
  const missing = await missingServices();
  if (missing.length > 0) throw new Error(`Tests need real services:\n  - ${missing.join('\n  - ')}`);
}
