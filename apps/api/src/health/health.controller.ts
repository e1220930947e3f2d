import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { DatabaseHealth } from '@app/database';
import { JobOutbox, QueueService } from '@app/queue';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; kind: 'pglite' | 'postgres' };
  queue: { status: 'up' | 'down'; kind: 'in-process' | 'bullmq' };
  /** Jobs that committed changes recorded and the queue has not taken yet (null: unknown). */
  jobsWaiting: number | null;
}

@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly queue: QueueService,
    private readonly outbox: JobOutbox,
    private readonly config: AppConfig,
  ) {}

  /**
   * 200 when the database and the queue both answer, 503 otherwise; says which one failed, and
   * how many jobs wait in the outbox for the queue (they are kept, and relayed once it answers).
   */
  @Get()
  async health(): Promise<HealthReport> {
    const [db, queue] = await Promise.all([this.database.check(), this.queue.ping()]);
    const jobsWaiting = db ? await this.outbox.waiting().catch(() => null) : null;
    const report: HealthReport = {
      status: db && queue ? 'ok' : 'degraded',
      database: { status: db ? 'up' : 'down', kind: this.config.embeddedDatabase ? 'pglite' : 'postgres' },
      queue: { status: queue ? 'up' : 'down', kind: this.queue.driverKind },
      jobsWaiting,
    };
    if (!(db && queue)) throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
