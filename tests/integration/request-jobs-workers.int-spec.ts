import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { REQUEST_EXPIRE, REQUEST_REMIND } from '@app/mentorships';
import { QueueModule, QueueService } from '@app/queue';
import { PopulationLoader, generatePopulation } from '@app/seed';
import { createTestDatabase, sleep, testRedisUrl, type TestDatabase } from '@app/testing';
import { spawnWorker, waitForWorkers, type WorkerProcess } from '@app/testing/worker-processes';

const REQUESTS = 6;

/**
 * Expiry and reminder jobs on BullMQ, with the worker holding them killed by SIGKILL in the
 * middle of one: another worker takes them over once their locks lapse, and every request ends
 * up expired and reminded exactly once — none lost, none applied twice.
 */
describe('request expiry and reminder jobs across worker processes (BullMQ, kill -9)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const workers: WorkerProcess[] = [];
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_FORMAT: 'json',
    // The test reads the process's log lines.
    LOG_LEVEL: 'log',
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `mltest-requests-${randomBytes(4).toString('hex')}`,
    QUEUE_LOCK_DURATION_MS: '2000',
    WORKER_CONCURRENCY: '1',
  };

  function startWorker(name: string): WorkerProcess {
    const worker = spawnWorker(name, { ...env, REQUEST_JOB_TEST_DELAY_MS: '600' });
    workers.push(worker);
    return worker;
  }

  const waitFor = (what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number) =>
    waitForWorkers(what, condition, timeoutMs, workers);

  const jobsStarted = (w: WorkerProcess): number =>
    [...w.output().matchAll(/Request \S+ (expired|: mentor reminded)/g)].length;

  beforeAll(async () => {
    db = await createTestDatabase();
    env.DATABASE_URL = db.url;
    const config = loadConfig(env);
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule] })
    class ProducerModule {}
    app = await NestFactory.createApplicationContext(ProducerModule, { logger: false });
    const population = generatePopulation({ organizations: REQUESTS, mentors: 2, seed: 5 });
    await new PopulationLoader(app.get(DataSource)).load(population);
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await app?.close();
    await db?.drop();
  });

  it('loses none and applies none twice when the worker holding them is killed', async () => {
    const ds = app.get(DataSource);
    // Every organisation gets an owner and one open request, due to expire shortly.
    const [owner] = await ds.query(
      `INSERT INTO users (email, password_hash, display_name, roles)
       VALUES ('owner@jobs.test', 'x', 'Owner', '{MSME_OWNER}') RETURNING id`,
    );
    await ds.query(`UPDATE organizations SET owner_id = $1, open_requests = 1`, [owner.id]);
    const requests: Array<{ id: string }> = await ds.query(
      `INSERT INTO mentorship_requests (organization_id, mentor_id, message, expires_at)
       SELECT o.id, (SELECT id FROM mentor_profiles ORDER BY id LIMIT 1), 'Help', now() + interval '2 seconds'
         FROM organizations o RETURNING id`,
    );
    expect(requests).toHaveLength(REQUESTS);

    const a = startWorker('A');
    await waitFor('worker A', () => a.output().includes('Worker ready'), 60_000);
    const queue = app.get(QueueService);
    for (const { id } of requests) {
      await queue.enqueue(REQUEST_REMIND, { requestId: id }, { jobId: `request-remind-${id}`, delayMs: 200 });
      await queue.enqueue(
        REQUEST_EXPIRE,
        { requestId: id },
        { jobId: `request-expire-${id}`, delayMs: 2500 },
      );
      // Enqueued twice: the deterministic ids make the second a no-op.
      await queue.enqueue(
        REQUEST_EXPIRE,
        { requestId: id },
        { jobId: `request-expire-${id}`, delayMs: 2500 },
      );
    }

    // Job payloads hold ids only: read them back from Redis as BullMQ stored them.
    const redis = new Redis(testRedisUrl());
    try {
      const keys = (await redis.keys(`${env.QUEUE_PREFIX}:default:request-*`)).filter(
        (k) => k.split(':').length === 3,
      );
      expect(keys).toHaveLength(REQUESTS * 2);
      for (const key of keys) {
        const data = JSON.parse((await redis.hget(key, 'data')) as string);
        expect(Object.keys(data)).toEqual(['requestId']);
        expect(data.requestId).toMatch(/^[0-9a-f-]{36}$/);
      }
    } finally {
      redis.disconnect();
    }

    // A is inside its second job's transaction (600 ms each, one at a time) when it dies.
    await waitFor('worker A to be inside a job', () => jobsStarted(a) >= 2, 20_000);
    a.child.kill('SIGKILL');
    const b = startWorker('B');

    await waitFor(
      'every request to expire',
      async () => {
        const [{ n }] = await ds.query(
          `SELECT count(*)::int AS n FROM mentorship_requests WHERE status = 'EXPIRED'`,
        );
        return n === REQUESTS;
      },
      60_000,
    );
    // B took over work A had started.
    expect(jobsStarted(b)).toBeGreaterThan(0);
    await sleep(500);

    const perRequest = await ds.query(
      `SELECT r.id, r.reminded_at IS NOT NULL AS reminded,
              (SELECT count(*) FROM notifications n WHERE n.request_id = r.id AND n.kind = 'REQUEST_REMINDER')::int AS reminders,
              (SELECT count(*) FROM notifications n WHERE n.request_id = r.id AND n.kind = 'REQUEST_EXPIRED')::int AS expiries,
              (SELECT count(*) FROM audit_events e WHERE e.target_id = r.id::text AND e.action = 'mentorship_request.expired')::int AS audited
         FROM mentorship_requests r ORDER BY r.id`,
    );
    for (const row of perRequest) {
      expect(row).toEqual({ id: row.id, reminded: true, reminders: 1, expiries: 1, audited: 1 });
    }
    const [{ open }] = await ds.query(`SELECT sum(open_requests)::int AS open FROM organizations`);
    expect(open).toBe(0);
  }, 120_000);
});
