import { Logger } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { Queue, Worker, type Job } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import { QueueDashboardServer } from './queue-dashboard';
import { QueueName, type AddOptions, type JobStatus, type QueueDriver, type RawHandler } from './queue.port';

export interface BullMqDriverOptions {
  url: string;
  prefix: string;
  /** How long a silent worker keeps its job before another may take it. */
  lockDurationMs?: number;
}

const STATES: Record<string, JobStatus['state']> = {
  waiting: 'waiting',
  'waiting-children': 'waiting',
  prioritized: 'waiting',
  delayed: 'delayed',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
};

/** BullMQ on Redis: durable, shared by any number of worker processes. */
export class BullMqQueueDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMqQueue');
  /** Producer connection: fails fast while Redis is away instead of queueing commands. */
  private readonly producer: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  /** Workers' own connections: BullMQ does not close a connection it was handed. */
  private readonly workerConnections: Redis[] = [];

  constructor(private readonly options: BullMqDriverOptions) {
    this.producer = new IORedis(options.url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    this.producer.on('error', (err: Error) => this.logger.warn(`Redis: ${err.message}`));
  }

  async add(queue: QueueName, name: string, payload: unknown, options: AddOptions = {}): Promise<string> {
    const job = await this.queue(queue).add(name, payload, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: options.attempts ?? 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return job.id as string;
  }

  async work(queue: QueueName, handler: RawHandler, concurrency: number): Promise<void> {
    const connection = new IORedis(this.options.url, { maxRetriesPerRequest: null });
    this.workerConnections.push(connection);
    const worker = new Worker(
      queue,
      async (job: Job) => {
        await handler(job.name, job.data, {
          id: job.id as string,
          attempt: job.attemptsMade + 1,
          progress: (percent) => job.updateProgress(percent),
        });
      },
      {
        connection,
        prefix: this.options.prefix,
        concurrency,
        // A worker killed mid-job loses its lock; another takes the job after this long.
        lockDuration: this.options.lockDurationMs ?? 30_000,
        stalledInterval: Math.floor((this.options.lockDurationMs ?? 30_000) / 2),
      },
    );
    worker.on('error', (err) => this.logger.warn(`Worker ${queue}: ${err.message}`));
    worker.on('failed', (job, err) =>
      this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
    );
    this.workers.push(worker);
    await worker.waitUntilReady();
  }

  async status(queue: QueueName, jobId: string): Promise<JobStatus | null> {
    // State first, then the job: two reads, so a job that reached a final state is never
    // reported with the data of an earlier attempt.
    const state = await this.queue(queue).getJobState(jobId);
    if (state === 'unknown') return null;
    const job = await this.queue(queue).getJob(jobId);
    if (!job) return null;
    return {
      id: job.id as string,
      name: job.name,
      state: STATES[state] ?? 'unknown',
      progress: typeof job.progress === 'number' ? job.progress : 0,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason || undefined,
    };
  }

  async pending(queue: QueueName): Promise<number> {
    const counts = await this.queue(queue).getJobCounts(
      'waiting',
      'active',
      'prioritized',
      'waiting-children',
    );
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.producer.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    for (const connection of this.workerConnections) connection.disconnect();
    this.producer.disconnect();
  }

  /** Bull Board over every queue, made on first use. */
  dashboard(): QueueDashboardServer {
    if (!this.board) {
      this.board = new QueueDashboardServer();
      createBullBoard({
        queues: Object.values(QueueName).map((name) => new BullMQAdapter(this.queue(name))),
        serverAdapter: this.board,
        options: { uiConfig: { boardTitle: 'Mentorlink jobs' } },
      });
    }
    return this.board;
  }

  private board?: QueueDashboardServer;

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producer, prefix: this.options.prefix });
      queue.on('error', (err: Error) => this.logger.warn(`Queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }
}
