import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DomainError, ErrorCode } from '@app/common';
import type { QueueDashboardServer } from './queue-dashboard';
import {
  QUEUE_DRIVER,
  type AddOptions,
  type JobContext,
  type JobDefinition,
  type JobStatus,
  type QueueDriver,
  QueueName,
} from './queue.port';

type Handler = (payload: unknown, context: JobContext) => Promise<void>;

/** What features use: enqueue typed jobs, register handlers, start consuming. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('Queue');
  private readonly handlers = new Map<string, { queue: QueueName; handler: Handler }>();
  private readonly consuming = new Set<QueueName>();

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    private readonly config: AppConfig,
  ) {}

  get driverKind(): QueueDriver['kind'] {
    return this.driver.kind;
  }

  /** The queue dashboard's server side, where the driver has one (BullMQ); null in-process. */
  dashboard(): QueueDashboardServer | null {
    return this.driver.dashboard?.() ?? null;
  }

  /**
   * Adds a job now. A job that a committed change needs is recorded in the change's transaction
   * instead (JobOutbox.record); this is for the outbox's relay and for jobs that jobs start.
   * Bounded by QUEUE_ENQUEUE_TIMEOUT_MS: with Redis away it fails with SERVICE_UNAVAILABLE.
   */
  enqueue<P>(job: JobDefinition<P>, payload: P, options?: AddOptions): Promise<string> {
    return this.enqueueNamed(job.queue, job.name, payload, options);
  }

  /** `enqueue` by names, for the job outbox's relay. */
  async enqueueNamed(
    queue: QueueName,
    name: string,
    payload: unknown,
    options?: AddOptions,
  ): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The job queue is not reachable')),
        this.config.QUEUE_ENQUEUE_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([this.driver.add(queue, name, payload, options), timeout]);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      this.logger.warn(`Enqueue of ${name} failed: ${(err as Error).message}`);
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The job queue is not reachable');
    } finally {
      clearTimeout(timer);
    }
  }

  /** Registers the handler of one job type; called explicitly by feature modules at start. */
  register<P>(job: JobDefinition<P>, handler: (payload: P, context: JobContext) => Promise<void>): void {
    if (this.handlers.has(job.name)) throw new Error(`Job ${job.name} already has a handler`);
    this.handlers.set(job.name, { queue: job.queue, handler: handler as Handler });
  }

  /**
   * Starts consuming every queue that has handlers (worker processes, and embedded mode),
   * `concurrency` jobs at a time unless `perQueue` says otherwise for a queue.
   */
  async startWorkers(concurrency = 2, perQueue: Partial<Record<QueueName, number>> = {}): Promise<void> {
    const queues = new Set([...this.handlers.values()].map((h) => h.queue));
    for (const queue of queues) {
      if (this.consuming.has(queue)) continue;
      this.consuming.add(queue);
      await this.driver.work(
        queue,
        (name, payload, context) => this.dispatch(name, payload, context),
        perQueue[queue] ?? concurrency,
      );
      this.logger.log(`Consuming queue "${queue}" (${this.driver.kind})`);
    }
  }

  status(job: JobDefinition<unknown>, jobId: string): Promise<JobStatus | null> {
    return this.driver.status(job.queue, jobId);
  }

  ping(): Promise<boolean> {
    return this.driver.ping();
  }

  /** True when no queue has a job waiting or running (delayed jobs aside). */
  async idle(): Promise<boolean> {
    for (const queue of Object.values(QueueName)) {
      if ((await this.driver.pending(queue)) > 0) return false;
    }
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }

  private async dispatch(name: string, payload: unknown, context: JobContext): Promise<void> {
    const entry = this.handlers.get(name);
    if (!entry) throw new Error(`No handler for job ${name}`);
    await entry.handler(payload, context);
  }
}
