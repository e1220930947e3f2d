import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@app/common';

/** Runs in the transaction that deletes the organisation, before the row goes; may refuse. */
export type OrganizationDeletingHook = (
  manager: EntityManager,
  organizationId: string,
  actor: Actor,
) => Promise<void>;

/**
 * Lets features that keep records about profiles take part in their changes without profiles
 * depending on them: mentorships, say, refuse the deletion of an organisation in a running
 * mentorship and cancel its open requests in the same transaction.
 */
@Injectable()
export class ProfileHooks {
  private readonly deleting: OrganizationDeletingHook[] = [];

  onOrganizationDeleting(hook: OrganizationDeletingHook): void {
    this.deleting.push(hook);
  }

  async organizationDeleting(manager: EntityManager, organizationId: string, actor: Actor): Promise<void> {
    for (const hook of this.deleting) await hook(manager, organizationId, actor);
  }
}
