import { availableParallelism } from 'node:os';
import { Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { MENTOR_PROFILE_CHANGED, ORGANIZATION_CHANGED, ProfilesModule } from '@app/profiles';
import { QueueService } from '@app/queue';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MATCHING_ENTITIES } from './entities';
import { RecommendationStore } from './lists/recommendation.store';
import { RecommendationsService } from './lists/recommendations.service';
import { ScoringEngine } from './engine/scoring-engine';
import { MatchInterestsService } from './interests/match-interests.service';
import { SHARD_ATTEMPTS, ScoringService } from './lists/scoring.service';
import { SCORING_RUN, SCORING_SHARD } from './lists/scoring.jobs';

/** Scores, stored recommendations, full runs and interest signals (services; no job handlers). */
@Module({
  imports: [TypeOrmModule.forFeature(MATCHING_ENTITIES), ProfilesModule],
  providers: [
    RecommendationStore,
    RecommendationsService,
    ScoringService,
    MatchInterestsService,
    {
      provide: ScoringEngine,
      inject: [AppConfig],
      // Threads start on first use: an API process that never scores never starts them. By
      // default one core is left for the event loop and the database.
      useFactory: (config: AppConfig) =>
        new ScoringEngine({
          threads:
            config.SCORING_THREADS > 0 ? config.SCORING_THREADS : Math.max(1, availableParallelism() - 1),
          nice: config.SCORING_NICE,
        }),
    },
  ],
  exports: [RecommendationsService, ScoringService, MatchInterestsService],
})
export class MatchingModule implements OnApplicationShutdown {
  constructor(@Inject(ScoringEngine) private readonly engine: ScoringEngine) {}

  async onApplicationShutdown(): Promise<void> {
    await this.engine.close();
  }
}

/** The scoring job handlers, registered explicitly; loaded by processes that run workers. */
@Module({ imports: [MatchingModule] })
export class MatchingJobsModule implements OnModuleInit {
  private readonly logger = new Logger('ScoringJobs');

  constructor(
    private readonly queue: QueueService,
    private readonly scoring: ScoringService,
  ) {}

  onModuleInit(): void {
    this.queue.register(ORGANIZATION_CHANGED, ({ organizationId }) =>
      this.scoring.rescoreOrganization(organizationId),
    );
    this.queue.register(MENTOR_PROFILE_CHANGED, ({ mentorId }) => this.scoring.rescoreMentor(mentorId));
    this.queue.register(SCORING_RUN, ({ runId }) => this.scoring.planRun(runId));
    this.queue.register(SCORING_SHARD, async ({ runId, shard }, context) => {
      try {
        await this.scoring.runShard(runId, shard, (fraction) =>
          context.progress(Math.round(fraction * 100)).catch(() => undefined),
        );
      } catch (err) {
        if (context.attempt >= SHARD_ATTEMPTS) {
          this.logger.error(`Shard ${shard} of run ${runId} failed for good: ${(err as Error).message}`);
          await this.scoring.failRun(runId, `Shard ${shard} failed: ${(err as Error).message}`);
        }
        throw err;
      }
    });
  }
}
