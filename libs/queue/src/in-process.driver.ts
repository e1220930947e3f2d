import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type {
  AddOptions,
  JobContext,
  JobState,
  JobStatus,
  QueueDriver,
  QueueName,
  RawHandler,
} from './queue.port';

interface Job {
  id: string;
  name: string;
  payload: unknown;
  state: JobState;
  progress: number;
  attemptsMade: number;
  attempts: number;
  runAt: number;
  failedReason?: string;
}

interface QueueState {
  jobs: Map<string, Job>;
  ready: Job[];
  handler?: RawHandler;
  concurrency: number;
  active: number;
}

/** Finished jobs kept per queue so a repeated id is still recognised (as BullMQ keeps them). */
const KEEP_FINISHED = 10_000;
const RETRY_BACKOFF_MS = 200;
/** Node's longest timer (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs jobs in this process, with BullMQ's semantics where they matter to callers: dedupe by
 * job id, delays, retries, progress. Nothing survives a restart; that is the embedded trade-off.
 */
export class InProcessQueueDriver implements QueueDriver {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessQueue');
  private readonly queues = new Map<QueueName, QueueState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  async add(queue: QueueName, name: string, payload: unknown, options: AddOptions = {}): Promise<string> {
    if (this.closed) throw new Error('Queue is closed');
    const state = this.queue(queue);
    const id = options.jobId ?? randomUUID();
    if (state.jobs.has(id)) return id;
    const delay = Math.max(0, options.delayMs ?? 0);
    const job: Job = {
      id,
      name,
      // A copy, as Redis would hold: later changes by the caller do not reach the job.
      payload: structuredClone(payload),
      state: delay > 0 ? 'delayed' : 'waiting',
      progress: 0,
      attemptsMade: 0,
      attempts: Math.max(1, options.attempts ?? 3),
      runAt: Date.now() + delay,
    };
    state.jobs.set(id, job);
    this.schedule(queue, job, delay);
    return id;
  }

  async work(queue: QueueName, handler: RawHandler, concurrency: number): Promise<void> {
    const state = this.queue(queue);
    state.handler = handler;
    state.concurrency = Math.max(1, concurrency);
    this.pump(queue);
  }

  async status(queue: QueueName, jobId: string): Promise<JobStatus | null> {
    const job = this.queues.get(queue)?.jobs.get(jobId);
    if (!job) return null;
    const { id, name, state, progress, attemptsMade, failedReason } = job;
    return { id, name, state, progress, attemptsMade, failedReason };
  }

  async pending(queue: QueueName): Promise<number> {
    const state = this.queues.get(queue);
    return state ? state.ready.length + state.active : 0;
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private queue(name: QueueName): QueueState {
    let state = this.queues.get(name);
    if (!state) {
      state = { jobs: new Map(), ready: [], concurrency: 1, active: 0 };
      this.queues.set(name, state);
    }
    return state;
  }

  private schedule(queue: QueueName, job: Job, delay: number): void {
    const enqueue = (): void => {
      job.state = 'waiting';
      this.queue(queue).ready.push(job);
      this.pump(queue);
    };
    if (delay <= 0) {
      enqueue();
      return;
    }
    // Node fires a timer longer than about 24.8 days at once: wait in steps no longer than that.
    const step = Math.min(delay, MAX_TIMER_MS);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (delay > step) this.schedule(queue, job, delay - step);
      else enqueue();
    }, step);
    timer.unref();
    this.timers.add(timer);
  }

  private pump(queue: QueueName): void {
    const state = this.queue(queue);
    const handler = state.handler;
    if (!handler || this.closed) return;
    while (state.active < state.concurrency && state.ready.length > 0) {
      const job = state.ready.shift() as Job;
      state.active++;
      const run = this.run(queue, job, handler).finally(() => {
        state.active--;
        this.running.delete(run);
        this.pump(queue);
      });
      this.running.add(run);
    }
  }

  private async run(queue: QueueName, job: Job, handler: RawHandler): Promise<void> {
    job.state = 'active';
    job.attemptsMade++;
    const context: JobContext = {
      id: job.id,
      attempt: job.attemptsMade,
      progress: async (percent) => {
        job.progress = Math.max(0, Math.min(100, percent));
      },
    };
    try {
      // Yield first so an enqueue on the request path returns before the job runs.
      await new Promise((resolve) => setImmediate(resolve));
      await handler(job.name, job.payload, context);
      job.state = 'completed';
      job.progress = 100;
      this.trim(queue);
    } catch (err) {
      job.failedReason = err instanceof Error ? err.message : String(err);
      if (job.attemptsMade < job.attempts && !this.closed) {
        this.logger.warn(`Job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}); retrying`);
        job.state = 'delayed';
        this.schedule(queue, job, RETRY_BACKOFF_MS * 2 ** (job.attemptsMade - 1));
      } else {
        this.logger.error(`Job ${job.name} ${job.id} failed after ${job.attemptsMade} attempts`);
        job.state = 'failed';
        this.trim(queue);
      }
    }
  }

  private trim(queue: QueueName): void {
    const jobs = this.queue(queue).jobs;
    if (jobs.size <= KEEP_FINISHED) return;
    for (const [id, job] of jobs) {
      if (jobs.size <= KEEP_FINISHED) break;
      if (job.state === 'completed' || job.state === 'failed') jobs.delete(id);
    }
  }
}
