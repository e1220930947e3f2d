import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { MatchingModule } from '@app/matching';
import { ProfilesModule } from '@app/profiles';
import { QueueService } from '@app/queue';
import { MatchingRoundsService } from './matching-rounds.service';
import { PROGRAM_ENTITIES } from './program.entities';
import { MATCHING_ROUND } from './program.jobs';
import { ProgramsService } from './programs.service';

@Module({
  imports: [TypeOrmModule.forFeature(PROGRAM_ENTITIES), AuditModule, ProfilesModule, MatchingModule],
  providers: [ProgramsService, MatchingRoundsService],
  exports: [ProgramsService, MatchingRoundsService],
})
export class ProgramsModule {}

/** The matching-round job; loaded by processes that run workers. */
@Module({ imports: [ProgramsModule] })
export class ProgramJobsModule implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly rounds: MatchingRoundsService,
  ) {}

  onModuleInit(): void {
    this.queue.register(MATCHING_ROUND, ({ roundId }, context) =>
      this.rounds.run(roundId, (percent) => context.progress(percent)),
    );
  }
}
