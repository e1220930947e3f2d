import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ScoringService } from '@app/matching';
import { DemoDataService } from '@app/seed';

/**
 * What the API does once at start (tools such as the CLI do not): load the demo data on first
 * start, then make sure stored recommendations come from the current scoring engine.
 */
@Injectable()
export class StartupTasks implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    private readonly demo: DemoDataService,
    private readonly scoring: ScoringService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.demo.loadOnFirstStart();
    try {
      const run = await this.scoring.ensureCurrent();
      if (run) this.logger.log(`Scoring run ${run.id} started: no complete run of this engine version yet`);
    } catch (err) {
      // The API serves anyway; an admin can start the run later (recomputeAllScores).
      this.logger.warn(`Could not start a scoring run: ${(err as Error).message}`);
    }
  }
}
