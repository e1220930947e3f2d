import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ProfileHooks, ProfilesModule } from '@app/profiles';
import { QueueService } from '@app/queue';
import { MENTORSHIP_ENTITIES } from './mentorship.entities';
import { EmailDispatcher } from './email-dispatcher.service';
import { EMAIL_DISPATCH, OUTCOME_SURVEY, REQUEST_EXPIRE, REQUEST_REMIND } from './mentorship.jobs';
import { MentorshipRecordsService } from './mentorship-records.service';
import { MentorshipRequestsService } from './mentorship-requests.service';
import { MentorshipsService } from './mentorships.service';
import { NotificationsService } from './notifications.service';
import { RequestWrites } from './request-writes';

@Module({
  imports: [TypeOrmModule.forFeature(MENTORSHIP_ENTITIES), AuditModule, ProfilesModule],
  providers: [
    MentorshipRequestsService,
    MentorshipsService,
    MentorshipRecordsService,
    NotificationsService,
    EmailDispatcher,
    RequestWrites,
  ],
  exports: [
    MentorshipRequestsService,
    MentorshipsService,
    MentorshipRecordsService,
    NotificationsService,
    EmailDispatcher,
  ],
})
export class MentorshipsModule implements OnModuleInit {
  constructor(
    private readonly hooks: ProfileHooks,
    private readonly requests: MentorshipRequestsService,
  ) {}

  onModuleInit(): void {
    this.hooks.onOrganizationDeleting((manager, organizationId, actor) =>
      this.requests.organizationDeleting(manager, organizationId, actor),
    );
  }
}

/** Expiry, reminder, outcome-survey and e-mail handlers; loaded by processes that run workers. */
@Module({ imports: [MentorshipsModule] })
export class MentorshipJobsModule implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly requests: MentorshipRequestsService,
    private readonly records: MentorshipRecordsService,
    private readonly emails: EmailDispatcher,
  ) {}

  onModuleInit(): void {
    this.queue.register(
      REQUEST_EXPIRE,
      async ({ requestId }) => void (await this.requests.expire(requestId)),
    );
    this.queue.register(
      REQUEST_REMIND,
      async ({ requestId }) => void (await this.requests.remind(requestId)),
    );
    this.queue.register(
      OUTCOME_SURVEY,
      async ({ mentorshipId }) => void (await this.records.sendOutcomeSurvey(mentorshipId)),
    );
    this.queue.register(EMAIL_DISPATCH, async () => void (await this.emails.dispatch()));
  }
}
