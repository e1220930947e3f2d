import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { DatabaseHealth } from '@app/database';
import { QueueService } from '@app/queue';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; kind: 'pglite' | 'postgres' };
  queue: { status: 'up' | 'down'; kind: 'in-process' | 'bullmq' };
}

@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  /** 200 when the database and the queue both answer, 503 otherwise; says which one failed. */
  @Get()
  async health(): Promise<HealthReport> {
    const [db, queue] = await Promise.all([this.database.check(), this.queue.ping()]);
    const report: HealthReport = {
      status: db && queue ? 'ok' : 'degraded',
      database: { status: db ? 'up' : 'down', kind: this.config.embeddedDatabase ? 'pglite' : 'postgres' },
      queue: { status: queue ? 'up' : 'down', kind: this.queue.driverKind },
    };
    if (!(db && queue)) throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
