import { Injectable, Logger } from '@nestjs/common';
import { QueueName, QueueService, defineJob } from '@app/queue';

/**
 * Published after a profile is created, changed or deleted (ids only). Matching consumes them
 * to rescore that profile's pairs; profiles never needs to know who listens.
 */
export const ORGANIZATION_CHANGED = defineJob<{ organizationId: string }>(
  'organization-changed',
  QueueName.SCORING,
);
export const MENTOR_PROFILE_CHANGED = defineJob<{ mentorId: string }>(
  'mentor-profile-changed',
  QueueName.SCORING,
);

/** Publishes profile events after the change has committed; a queue outage never fails the change. */
@Injectable()
export class ProfileEvents {
  private readonly logger = new Logger('ProfileEvents');

  constructor(private readonly queue: QueueService) {}

  organizationChanged(organizationId: string): Promise<void> {
    return this.publish(() => this.queue.enqueue(ORGANIZATION_CHANGED, { organizationId }));
  }

  mentorChanged(mentorId: string): Promise<void> {
    return this.publish(() => this.queue.enqueue(MENTOR_PROFILE_CHANGED, { mentorId }));
  }

  private async publish(enqueue: () => Promise<string>): Promise<void> {
    try {
      await enqueue();
    } catch (err) {
      // The profile is saved; its recommendations catch up at the next full run.
      this.logger.warn(`Could not publish a profile change: ${(err as Error).message}`);
    }
  }
}
