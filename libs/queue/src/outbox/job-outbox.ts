import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
} from 'typeorm';
import { AppConfig } from '@app/config';
import { QueueService } from '../queue.service';
import type { AddOptions, JobDefinition, QueueName } from '../queue.port';

/** Intents relayed per database transaction. */
const BATCH = 200;
/** Longest wait between attempts while the queue is unreachable. */
const MAX_BACKOFF_MS = 5000;
/** The mark a transaction that recorded intents carries (`QueryRunner.data`). */
const RECORDED = 'jobIntentsRecorded';

interface IntentRow {
  id: string;
  queue: QueueName;
  name: string;
  payload: unknown;
  job_id: string | null;
  delay_ms: number | null;
  attempts: number | null;
}

/**
 * The transactional outbox of jobs. `record` writes a job into the caller's transaction; once it
 * commits, a relay (every API and worker process runs one) hands it to the queue and
 * deletes it, in one database transaction per batch (`FOR UPDATE SKIP LOCKED`, so relays side by
 * side take different intents). Relaying is idempotent: the job keeps its deterministic id, or
 * gets `intent-<id>`, so an intent handed over twice (a relay dying between the queue's answer and
 * its commit) makes one job. While the queue is unreachable intents wait and the relay retries.
 */
@Injectable()
export class JobOutbox
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown, EntitySubscriberInterface
{
  private readonly logger = new Logger('JobOutbox');
  private relaying = false;
  private again = false;
  private timer?: NodeJS.Timeout;
  private failures = 0;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Told of every commit of a transaction that recorded intents, so they go at once.
    this.dataSource.subscribers.push(this);
  }

  /**
   * Records a job in the caller's transaction (`manager` of `dataSource.transaction`); it reaches
   * the queue once that transaction commits, and never if it rolls back.
   */
  record<P>(
    manager: EntityManager,
    job: JobDefinition<P>,
    payload: P,
    options: AddOptions = {},
  ): Promise<void> {
    return this.recordAll(manager, job, [{ payload, options }]);
  }

  /** `record` for many jobs of one kind, in one statement. */
  async recordAll<P>(
    manager: EntityManager,
    job: JobDefinition<P>,
    jobs: ReadonlyArray<{ payload: P; options?: AddOptions }>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const now = Date.now();
    await manager.query(
      `INSERT INTO job_intents (queue, name, payload, job_id, run_at, attempts)
       SELECT $1, $2, x.payload, x.job_id, x.run_at, x.attempts
         FROM unnest($3::jsonb[], $4::text[], $5::timestamptz[], $6::smallint[])
              AS x(payload, job_id, run_at, attempts)`,
      [
        job.queue,
        job.name,
        jobs.map((j) => JSON.stringify(j.payload)),
        jobs.map((j) => j.options?.jobId ?? null),
        jobs.map((j) =>
          j.options?.delayMs && j.options.delayMs > 0 ? new Date(now + j.options.delayMs) : null,
        ),
        jobs.map((j) => j.options?.attempts ?? null),
      ],
    );
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) runner.data = { ...runner.data, [RECORDED]: true };
    else this.wake();
  }

  /** TypeORM: a transaction (or a savepoint: still active then) committed; relay what it recorded. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner as QueryRunner;
    if (runner.data?.[RECORDED] && !runner.isTransactionActive) {
      runner.data = { ...runner.data, [RECORDED]: false };
      this.wake();
    }
  }

  /**
   * Every process with the queue module relays (API and workers; SKIP LOCKED keeps them apart).
   * Command-line tools load no queue: what they record waits for the next API or worker.
   */
  onApplicationBootstrap(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Jobs recorded and not yet handed to the queue. */
  async waiting(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM job_intents`);
    return n;
  }

  /** No intent waiting and no job waiting or running (delayed jobs aside). */
  async idle(): Promise<boolean> {
    return (await this.waiting()) === 0 && (await this.queue.idle());
  }

  /** Stops relaying in this process (tests that look at what a change recorded). */
  pause(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Relays now (coalesced with a relay in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.relaying) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.relay(), ms);
    this.timer.unref();
  }

  private async relay(): Promise<void> {
    if (this.stopped || this.relaying) return;
    this.relaying = true;
    let next = this.config.JOB_RELAY_POLL_SECONDS * 1000;
    try {
      let more = true;
      while (more && !this.stopped) {
        this.again = false;
        more = (await this.relayBatch()) === BATCH || this.again;
      }
      if (this.failures > 0) this.logger.log('The job queue is reachable again; waiting jobs relayed');
      this.failures = 0;
    } catch (err) {
      this.failures++;
      next = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 5));
      if (this.failures === 1 || this.failures % 20 === 0) {
        this.logger.warn(`Jobs wait in the outbox (${(err as Error).message}); retrying`);
      }
    } finally {
      this.relaying = false;
      if (!this.stopped && (this.again || next > 0)) this.schedule(this.again ? 0 : next);
    }
  }

  /**
   * One batch, in one transaction: handed to the queue, then deleted. Where the queue fails midway
   * the ones it took are deleted and the error is thrown after the commit. Returns how many.
   */
  private async relayBatch(): Promise<number> {
    let failure: unknown;
    const count = await this.dataSource.transaction(async (manager) => {
      const rows: IntentRow[] = await manager.query(
        `SELECT id, queue, name, payload, job_id, attempts,
                CASE WHEN run_at IS NULL THEN NULL
                     ELSE greatest(0, (extract(epoch FROM run_at - now()) * 1000)::bigint) END AS delay_ms
           FROM job_intents ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      const done: string[] = [];
      for (const row of rows) {
        try {
          await this.queue.enqueueNamed(row.queue, row.name, row.payload, {
            jobId: row.job_id ?? `intent-${row.id}`,
            delayMs: row.delay_ms === null ? undefined : Number(row.delay_ms),
            attempts: row.attempts ?? undefined,
          });
        } catch (err) {
          failure = err;
          break;
        }
        done.push(row.id);
      }
      if (done.length > 0)
        await manager.query(`DELETE FROM job_intents WHERE id = ANY($1::bigint[])`, [done]);
      return rows.length;
    });
    if (failure) throw failure;
    return count;
  }
}
