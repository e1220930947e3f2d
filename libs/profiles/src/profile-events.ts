import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobOutbox, QueueName, defineJob } from '@app/queue';

/**
 * Published when a profile is created, changed or deleted (ids only). Matching consumes them
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

/**
 * Publishes profile events in the transaction of the change (the job outbox), so a change that
 * commits always reaches matching, whether or not the queue is up at that instant.
 */
@Injectable()
export class ProfileEvents {
  constructor(private readonly outbox: JobOutbox) {}

  organizationChanged(manager: EntityManager, organizationId: string): Promise<void> {
    return this.outbox.record(manager, ORGANIZATION_CHANGED, { organizationId });
  }

  mentorChanged(manager: EntityManager, mentorId: string): Promise<void> {
    return this.outbox.record(manager, MENTOR_PROFILE_CHANGED, { mentorId });
  }
}
