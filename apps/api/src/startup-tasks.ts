import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ScoringService } from '@app/matching';
import { EmailDispatcher, MentorshipRecordsService, MentorshipRequestsService } from '@app/mentorships';
import { MatchingRoundsService } from '@app/programs';
import { DemoDataService } from '@app/seed';

/**
 * What each API process does once at start (tools such as the CLI do not): load the demo data on
 * first start, make sure stored recommendations come from the current scoring engine, and record
 * again (through the job outbox) the jobs an in-process queue lost with the last stop: open
 * requests' expiry and reminders, outcome surveys, unsent e-mails, unfinished matching rounds. On
 * BullMQ their deterministic job ids make that a no-op.
 */
@Injectable()
export class StartupTasks implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    private readonly demo: DemoDataService,
    private readonly scoring: ScoringService,
    private readonly requests: MentorshipRequestsService,
    private readonly records: MentorshipRecordsService,
    private readonly emails: EmailDispatcher,
    private readonly rounds: MatchingRoundsService,
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
    try {
      // Open requests' expiry and reminder jobs: the embedded queue lost them at the last stop.
      const open = await this.requests.rescheduleOpen();
      if (open > 0) this.logger.log(`Expiry and reminders scheduled for ${open} open requests`);
      const surveys = await this.records.rescheduleSurveys();
      if (surveys > 0) this.logger.log(`Outcome surveys scheduled for ${surveys} mentorships`);
      // E-mails written before the last stop and not sent yet.
      await this.emails.soon();
      const rounds = await this.rounds.resumeUnfinished();
      if (rounds > 0) this.logger.log(`${rounds} unfinished matching rounds queued again`);
    } catch (err) {
      this.logger.warn(`Could not schedule again the jobs of the last run: ${(err as Error).message}`);
    }
  }
}
