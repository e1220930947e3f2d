import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { jest } from '@jest/globals';
import IORedis from 'ioredis';
import { DomainError, ErrorCode } from '@app/common';
import { loadConfig } from '@app/config';
import {
  BullMqQueueDriver,
  InProcessQueueDriver,
  QueueName,
  QueueService,
  defineJob,
  type JobContext,
  type JobStatus,
  type QueueDriver,
} from '@app/queue';
import { gate, sleep, testRedisUrl, waitForJobState } from '@app/testing';

const Q = QueueName.DEFAULT;
const FILE_PREFIX = `mltest-queue-${randomBytes(4).toString('hex')}`;
const waitForState = (driver: QueueDriver, id: string, states: JobStatus['state'][], timeoutMs = 5000) =>
  waitForJobState(driver, Q, id, states, timeoutMs);

let prefixes = 0;
const drivers: Array<{ name: string; create: () => QueueDriver; retryBackoffMs: number }> = [
  { name: 'InProcessQueueDriver', create: () => new InProcessQueueDriver(), retryBackoffMs: 200 },
  {
    name: 'BullMqQueueDriver',
    // A prefix per test, under the file's prefix: tests never see each other's jobs.
    create: () => new BullMqQueueDriver({ url: testRedisUrl(), prefix: `${FILE_PREFIX}-${++prefixes}` }),
    retryBackoffMs: 1000,
  },
];

beforeAll(() => {
  // Retries and failures are logged on purpose; keep the output readable.
  jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
});

afterAll(async () => {
  jest.restoreAllMocks();
  const redis = new IORedis(testRedisUrl());
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${FILE_PREFIX}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
});

describe.each(drivers)('queue driver contract: $name', ({ create, retryBackoffMs }) => {
  let driver: QueueDriver;

  beforeEach(() => {
    driver = create();
  });
  afterEach(async () => {
    await driver.close();
  });

  it('answers ping while open (once connected), and not after close()', async () => {
    // BullMQ's producer connects in the background and reports down until it has.
    const deadline = Date.now() + 2000;
    while (!(await driver.ping()) && Date.now() < deadline) await sleep(10);
    expect(await driver.ping()).toBe(true);
    await driver.close();
    expect(await driver.ping()).toBe(false);
  });

  it('runs a job with its name, payload and context', async () => {
    const calls: Array<{ name: string; payload: unknown; context: JobContext }> = [];
    await driver.work(Q, async (name, payload, context) => void calls.push({ name, payload, context }), 1);
    const id = await driver.add(Q, 'send-welcome', { userId: 'u1', tags: ['a', 'b'], n: 3 });
    const status = await waitForState(driver, id, ['completed']);
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('send-welcome');
    expect(calls[0].payload).toEqual({ userId: 'u1', tags: ['a', 'b'], n: 3 });
    expect(calls[0].context.id).toBe(id);
    expect(calls[0].context.attempt).toBe(1);
    expect(status).toMatchObject({ id, name: 'send-welcome', state: 'completed', attemptsMade: 1 });
  });

  it('runs a job added twice with the same job id once', async () => {
    const payloads: unknown[] = [];
    await driver.work(Q, async (_name, payload) => void payloads.push(payload), 1);
    const first = await driver.add(Q, 'reindex', { n: 1 }, { jobId: 'reindex-org-1' });
    const second = await driver.add(Q, 'reindex', { n: 2 }, { jobId: 'reindex-org-1' });
    expect(first).toBe('reindex-org-1');
    expect(second).toBe('reindex-org-1');
    await waitForState(driver, first, ['completed']);
    // Added again after it completed: still the same job, not run again.
    await driver.add(Q, 'reindex', { n: 3 }, { jobId: 'reindex-org-1' });
    await sleep(200);
    expect(payloads).toEqual([{ n: 1 }]);
  });

  it('runs a delayed job only after its delay', async () => {
    let ranAt = 0;
    await driver.work(Q, async () => void (ranAt = Date.now()), 1);
    const addedAt = Date.now();
    const id = await driver.add(Q, 'later', {}, { delayMs: 400 });
    expect((await driver.status(Q, id))?.state).toBe('delayed');
    await sleep(150);
    expect(ranAt).toBe(0);
    await waitForState(driver, id, ['completed']);
    expect(ranAt - addedAt).toBeGreaterThanOrEqual(390);
  });

  it('retries a failing job, then marks it failed with its reason', async () => {
    const attempts: number[] = [];
    await driver.work(
      Q,
      async (_name, _payload, context) => {
        attempts.push(context.attempt);
        throw new Error(`boom on attempt ${context.attempt}`);
      },
      1,
    );
    const id = await driver.add(Q, 'flaky', {}, { attempts: 2 });
    const status = await waitForState(driver, id, ['failed'], retryBackoffMs * 5 + 5000);
    expect(attempts).toEqual([1, 2]);
    expect(status).toMatchObject({ id, state: 'failed', attemptsMade: 2, failedReason: 'boom on attempt 2' });
  }, 20_000);

  it('reports state and progress through status()', async () => {
    const reported = gate();
    const finish = gate();
    await driver.work(
      Q,
      async (_name, _payload, context) => {
        await context.progress(40);
        reported.open();
        await finish.promise;
      },
      1,
    );
    const id = await driver.add(Q, 'long', { n: 1 });
    await reported.promise;
    expect(await driver.status(Q, id)).toMatchObject({ id, name: 'long', state: 'active', progress: 40 });
    finish.open();
    expect(await waitForState(driver, id, ['completed'])).toMatchObject({ state: 'completed' });
  });

  it('counts waiting and running jobs as pending, delayed ones not, and none once done', async () => {
    expect(await driver.pending(Q)).toBe(0);
    await driver.add(Q, 'later', {}, { delayMs: 60_000 });
    const first = await driver.add(Q, 'first', {});
    await driver.add(Q, 'second', {});
    expect(await driver.pending(Q)).toBe(2);
    const finish = gate();
    const started = gate();
    await driver.work(
      Q,
      async () => {
        started.open();
        await finish.promise;
      },
      1,
    );
    await started.promise;
    expect(await driver.pending(Q)).toBe(2); // one running, one waiting
    finish.open();
    await waitForState(driver, first, ['completed']);
    const deadline = Date.now() + 5000;
    while ((await driver.pending(Q)) > 0 && Date.now() < deadline) await sleep(20);
    expect(await driver.pending(Q)).toBe(0);
  });

  it('reports an unknown job as null', async () => {
    expect(await driver.status(Q, 'no-such-job')).toBeNull();
  });

  it('lets an active job finish on close()', async () => {
    const started = gate();
    let finished = false;
    await driver.work(
      Q,
      async () => {
        started.open();
        await sleep(300);
        finished = true;
      },
      1,
    );
    await driver.add(Q, 'slow', {});
    await started.promise;
    await driver.close();
    expect(finished).toBe(true);
  });
});

describe('BullMqQueueDriver connections', () => {
  /** Connections Redis sees under a client name, so other test files sharing Redis do not count. */
  async function clientsNamed(name: string): Promise<number> {
    const admin = new IORedis(testRedisUrl());
    try {
      const list = (await admin.client('LIST')) as string;
      return list.split('\n').filter((line) => line.includes(` name=${name} `)).length;
    } finally {
      admin.disconnect();
    }
  }

  it('releases every Redis connection it opened on close()', async () => {
    const name = `${FILE_PREFIX}-conn`;
    const url = new URL(testRedisUrl());
    url.searchParams.set('connectionName', name);
    const driver = new BullMqQueueDriver({ url: url.toString(), prefix: `${FILE_PREFIX}-${++prefixes}` });
    await driver.work(Q, async () => undefined, 1);
    const id = await driver.add(Q, 'one', {});
    await waitForState(driver, id, ['completed']);
    expect(await clientsNamed(name)).toBeGreaterThanOrEqual(2);
    await driver.close();
    // QUIT and disconnect complete asynchronously; give them a moment.
    const deadline = Date.now() + 2000;
    while ((await clientsNamed(name)) > 0 && Date.now() < deadline) await sleep(20);
    expect(await clientsNamed(name)).toBe(0);
  });
});

describe('QueueService.enqueue', () => {
  const JOB = defineJob<{ userId: string }>('test-job', QueueName.DEFAULT);

  it('enqueues through a reachable driver', async () => {
    const driver = new BullMqQueueDriver({ url: testRedisUrl(), prefix: `${FILE_PREFIX}-${++prefixes}` });
    const service = new QueueService(driver, loadConfig({ QUEUE_ENQUEUE_TIMEOUT_MS: '500' }));
    try {
      const id = await service.enqueue(JOB, { userId: 'u1' }, { jobId: 'job-1' });
      expect(id).toBe('job-1');
      expect(await service.status(JOB, id)).toMatchObject({ id, name: 'test-job', state: 'waiting' });
    } finally {
      await service.onApplicationShutdown();
    }
  });

  it('fails with SERVICE_UNAVAILABLE within the timeout when Redis is not there, without hanging', async () => {
    const driver = new BullMqQueueDriver({ url: 'redis://127.0.0.1:6390', prefix: `${FILE_PREFIX}-absent` });
    const service = new QueueService(driver, loadConfig({ QUEUE_ENQUEUE_TIMEOUT_MS: '500' }));
    try {
      const started = Date.now();
      let caught: unknown;
      try {
        await service.enqueue(JOB, { userId: 'u1' });
      } catch (err) {
        caught = err;
      }
      const elapsed = Date.now() - started;
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
      expect(elapsed).toBeLessThan(500 + 1000);
      expect(await service.ping()).toBe(false);
    } finally {
      await service.onApplicationShutdown();
    }
  }, 10_000);
});
