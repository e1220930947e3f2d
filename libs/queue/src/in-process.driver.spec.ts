import { Logger } from '@nestjs/common';
import { jest } from '@jest/globals';
import { gate, sleep, waitForJobState } from '@app/testing';
import { InProcessQueueDriver } from './in-process.driver';
import { QueueName, type JobContext, type JobStatus } from './queue.port';

const Q = QueueName.DEFAULT;
const waitForState = (
  driver: InProcessQueueDriver,
  id: string,
  states: JobStatus['state'][],
  timeoutMs = 3000,
) => waitForJobState(driver, Q, id, states, timeoutMs);

describe('InProcessQueueDriver', () => {
  let driver: InProcessQueueDriver;

  beforeAll(() => {
    // Retries and failures are logged on purpose here; keep the test output readable.
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  beforeEach(() => {
    driver = new InProcessQueueDriver();
  });
  afterEach(async () => {
    await driver.close();
  });

  it('runs a job with its name, payload and context', async () => {
    const calls: Array<{ name: string; payload: unknown; context: JobContext }> = [];
    await driver.work(Q, async (name, payload, context) => void calls.push({ name, payload, context }), 1);
    const id = await driver.add(Q, 'send-welcome', { userId: 'u1', tags: ['a'] });
    const status = await waitForState(driver, id, ['completed']);
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('send-welcome');
    expect(calls[0].payload).toEqual({ userId: 'u1', tags: ['a'] });
    expect(calls[0].context.id).toBe(id);
    expect(calls[0].context.attempt).toBe(1);
    expect(status).toMatchObject({
      id,
      name: 'send-welcome',
      state: 'completed',
      progress: 100,
      attemptsMade: 1,
    });
  });

  it('uses the given job id, and runs a job added twice with the same id once', async () => {
    let runs = 0;
    await driver.work(Q, async () => void runs++, 1);
    const first = await driver.add(Q, 'reindex', { n: 1 }, { jobId: 'reindex-org-1' });
    const second = await driver.add(Q, 'reindex', { n: 2 }, { jobId: 'reindex-org-1' });
    expect(first).toBe('reindex-org-1');
    expect(second).toBe('reindex-org-1');
    await waitForState(driver, first, ['completed']);
    await sleep(50);
    expect(runs).toBe(1);
    // still recognised once completed
    await driver.add(Q, 'reindex', { n: 3 }, { jobId: 'reindex-org-1' });
    await sleep(50);
    expect(runs).toBe(1);
  });

  it('gives jobs without an id distinct ids', async () => {
    const a = await driver.add(Q, 'x', {});
    const b = await driver.add(Q, 'x', {});
    expect(a).not.toBe(b);
  });

  it('holds a delayed job until its delay has passed', async () => {
    let ranAt = 0;
    await driver.work(Q, async () => void (ranAt = Date.now()), 1);
    const addedAt = Date.now();
    const id = await driver.add(Q, 'later', {}, { delayMs: 150 });
    expect((await driver.status(Q, id))?.state).toBe('delayed');
    await sleep(60);
    expect(ranAt).toBe(0);
    expect((await driver.status(Q, id))?.state).toBe('delayed');
    await waitForState(driver, id, ['completed']);
    expect(ranAt - addedAt).toBeGreaterThanOrEqual(145);
  });

  it('holds a job delayed longer than the longest timer Node sets (six months) until it is due', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      let ran = false;
      await driver.work(Q, async () => void (ran = true), 1);
      const day = 24 * 60 * 60 * 1000;
      const id = await driver.add(Q, 'survey', {}, { delayMs: 182 * day });
      await jest.advanceTimersByTimeAsync(30 * day);
      expect(ran).toBe(false);
      await jest.advanceTimersByTimeAsync(151 * day);
      expect(ran).toBe(false);
      expect((await driver.status(Q, id))?.state).toBe('delayed');
      await jest.advanceTimersByTimeAsync(1 * day);
      expect(ran).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps jobs added before any worker and runs them once a handler is registered', async () => {
    const seen: unknown[] = [];
    const id = await driver.add(Q, 'early', { n: 1 });
    await sleep(20);
    expect((await driver.status(Q, id))?.state).toBe('waiting');
    await driver.work(Q, async (_n, payload) => void seen.push(payload), 1);
    await waitForState(driver, id, ['completed']);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('retries a failing job up to its attempts, then marks it failed with the reason', async () => {
    const attempts: number[] = [];
    await driver.work(
      Q,
      async (_name, _payload, context) => {
        attempts.push(context.attempt);
        throw new Error(`boom ${context.attempt}`);
      },
      1,
    );
    const id = await driver.add(Q, 'flaky', {}, { attempts: 3 });
    const status = await waitForState(driver, id, ['failed'], 5000);
    expect(attempts).toEqual([1, 2, 3]);
    expect(status).toMatchObject({ state: 'failed', attemptsMade: 3, failedReason: 'boom 3' });
    await sleep(100);
    expect(attempts).toHaveLength(3);
  });

  it('completes a job that succeeds on a retry', async () => {
    await driver.work(
      Q,
      async (_name, _payload, context) => {
        if (context.attempt === 1) throw new Error('transient');
      },
      1,
    );
    const id = await driver.add(Q, 'flaky-once', {}, { attempts: 2 });
    const status = await waitForState(driver, id, ['completed', 'failed'], 3000);
    expect(status).toMatchObject({ state: 'completed', attemptsMade: 2 });
  });

  it('makes progress reported by the handler visible through status()', async () => {
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
    const id = await driver.add(Q, 'long', {});
    await reported.promise;
    expect(await driver.status(Q, id)).toMatchObject({ state: 'active', progress: 40 });
    finish.open();
    expect(await waitForState(driver, id, ['completed'])).toMatchObject({ progress: 100 });
  });

  it('returns null for an unknown job', async () => {
    expect(await driver.status(Q, 'nope')).toBeNull();
  });

  it('runs no more jobs at once than the concurrency', async () => {
    let active = 0;
    let peak = 0;
    await driver.work(
      Q,
      async () => {
        active++;
        peak = Math.max(peak, active);
        await sleep(20);
        active--;
      },
      2,
    );
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => driver.add(Q, 'c', { i })));
    for (const id of ids) await waitForState(driver, id, ['completed']);
    expect(peak).toBe(2);
  });

  it('close() waits for an active job to finish', async () => {
    const started = gate();
    let finished = false;
    await driver.work(
      Q,
      async () => {
        started.open();
        await sleep(100);
        finished = true;
      },
      1,
    );
    const id = await driver.add(Q, 'slow', {});
    await started.promise;
    await driver.close();
    expect(finished).toBe(true);
    expect((await driver.status(Q, id))?.state).toBe('completed');
  });

  it('refuses new jobs after close()', async () => {
    await driver.close();
    await expect(driver.add(Q, 'late', {})).rejects.toThrow(/closed/);
    expect(await driver.ping()).toBe(false);
  });

  it('copies the payload: later changes to the caller’s object do not reach the handler', async () => {
    let seen: unknown;
    const payload = { userId: 'u1', nested: { tags: ['a'] } };
    const id = await driver.add(Q, 'copy', payload);
    payload.userId = 'changed';
    payload.nested.tags.push('b');
    await driver.work(Q, async (_name, p) => void (seen = p), 1);
    await waitForState(driver, id, ['completed']);
    expect(seen).toEqual({ userId: 'u1', nested: { tags: ['a'] } });
  });
});
