import type { EntityManager } from 'typeorm';
import { addOpenRequests } from '@app/profiles';
import type { JobOutbox } from '@app/queue';
import { MentorshipRequestEntity, NotificationEntity, NotificationKind } from './mentorship.entities';
import { REQUEST_EXPIRE, REQUEST_REMIND } from './mentorship.jobs';

/** A request a data set starts with, from the organisation's owner to the mentor. */
export interface SeededRequest {
  organizationId: string;
  /** The organisation's owner, who sends it. */
  requestedBy: string;
  mentorId: string;
  /** The mentor's account, told of the request. */
  mentorUserId: string;
  message: string;
  goals: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * PENDING requests written in the caller's transaction (the demo data's), as sent requests are:
 * the organisation's open-request counter moves with them, the mentor has an in-app notification,
 * and each request's expiry and reminder are recorded with the ids the request service gives
 * them. No e-mail and no audit event: nobody sent them, and seeded addresses reach nobody.
 * Gates are the caller's to have checked. Returns the requests' ids, in order.
 */
export async function seedPendingRequests(
  manager: EntityManager,
  outbox: JobOutbox,
  requests: readonly SeededRequest[],
  timing: { expiryDays: number; reminderDays: number },
): Promise<string[]> {
  if (requests.length === 0) return [];
  const now = Date.now();
  const saved = await manager.save(
    requests.map((r) =>
      manager.create(MentorshipRequestEntity, {
        organizationId: r.organizationId,
        mentorId: r.mentorId,
        requestedBy: r.requestedBy,
        message: r.message,
        goals: r.goals,
        expiresAt: new Date(now + timing.expiryDays * DAY_MS),
      }),
    ),
  );
  const perOrganization = new Map<string, number>();
  for (const r of requests)
    perOrganization.set(r.organizationId, (perOrganization.get(r.organizationId) ?? 0) + 1);
  for (const [organizationId, count] of perOrganization)
    await addOpenRequests(manager, organizationId, count);
  await manager.insert(
    NotificationEntity,
    saved.map((s, i) => ({
      userId: requests[i].mentorUserId,
      kind: NotificationKind.REQUEST_RECEIVED,
      requestId: s.id,
    })),
  );
  await outbox.recordAll(
    manager,
    REQUEST_EXPIRE,
    saved.map((s) => ({
      payload: { requestId: s.id },
      options: { jobId: `request-expire-${s.id}`, delayMs: s.expiresAt.getTime() - now },
    })),
  );
  const remindAt = now + timing.reminderDays * DAY_MS;
  await outbox.recordAll(
    manager,
    REQUEST_REMIND,
    saved
      .filter((s) => remindAt < s.expiresAt.getTime())
      .map((s) => ({
        payload: { requestId: s.id },
        options: { jobId: `request-remind-${s.id}`, delayMs: remindAt - now },
      })),
  );
  return saved.map((s) => s.id);
}
