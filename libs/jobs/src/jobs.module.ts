import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { MatchingJobsModule } from '@app/matching';
import { QueueService } from '@app/queue';

/**
 * The worker side: imports every feature's job module (each registers its handlers in its own
 * onModuleInit) and, once all are registered, starts consuming. Loaded by the worker process,
 * and by the API process when it also runs a worker (embedded mode, `npm start`).
 */
@Module({ imports: [MatchingJobsModule] })
export class JobsModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.startWorkers(this.config.WORKER_CONCURRENCY);
    this.logger.log(`Worker ready (${this.queue.driverKind} queue)`);
  }
}
