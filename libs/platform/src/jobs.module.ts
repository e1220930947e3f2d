import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { MatchingJobsModule } from '@app/matching';
import { MentorshipJobsModule } from '@app/mentorships';
import { ProgramJobsModule } from '@app/programs';
import { QueueName, QueueService } from '@app/queue';
import { FeaturesModule } from './features.module';

/**
 * The worker side: imports every feature's job module (each registers its handlers in its own
 * onModuleInit) and, once all are registered, starts consuming. Loaded by the worker process,
 * and by the API process when it also runs a worker (embedded mode, `npm start`).
 */
@Module({ imports: [FeaturesModule, MatchingJobsModule, MentorshipJobsModule, ProgramJobsModule] })
export class JobsModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Scoring jobs one at a time per process: they share its scoring threads (the engine takes
    // one batch at a time anyway), and a shard beside another only adds load on the database
    // and the event loop; a run scales out across processes instead.
    await this.queue.startWorkers(this.config.WORKER_CONCURRENCY, { [QueueName.SCORING]: 1 });
    this.logger.log(`Worker ready (${this.queue.driverKind} queue)`);
  }
}
