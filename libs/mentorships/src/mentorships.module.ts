import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ProfilesModule } from '@app/profiles';
import { QueueService } from '@app/queue';
import { MENTORSHIP_ENTITIES } from './mentorship.entities';
import { REQUEST_EXPIRE, REQUEST_REMIND } from './mentorship.jobs';
import { MentorshipRequestsService } from './mentorship-requests.service';
import { MentorshipsService } from './mentorships.service';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature(MENTORSHIP_ENTITIES), AuditModule, ProfilesModule],
  providers: [MentorshipRequestsService, MentorshipsService, NotificationsService],
  exports: [MentorshipRequestsService, MentorshipsService, NotificationsService],
})
export class MentorshipsModule {}

/** Expiry and reminder handlers; loaded by processes that run workers. */
@Module({ imports: [MentorshipsModule] })
export class MentorshipJobsModule implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly requests: MentorshipRequestsService,
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
  }
}
