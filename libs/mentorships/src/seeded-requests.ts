import type { EntityManager } from 'typeorm';
import { reserveOpenRequest } from '@app/profiles';
import type { JobOutbox } from '@app/queue';
import { MentorshipRequestEntity, NotificationEntity, NotificationKind } from './mentorship.entities';
import { REQUEST_EXPIRE, REQUEST_REMIND } from './mentorship.jobs';
import { requestExpiresAt, requestJobs } from './request-schedule';

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

/**
 * PENDING requests written in the caller's transaction (the demo data's), as sent requests are:
 * each takes one of the organisation's open-request places (at most `maxOpen`), the mentor has an
 * in-app notification, and each request's expiry and reminder are recorded as the request service
 * schedules them (requestJobs). No e-mail and no audit event: nobody sent them, and seeded
 * addresses reach nobody. The other gates are the caller's to have checked. Returns the ids.
 */
export async function seedPendingRequests(
  manager: EntityManager,
  outbox: JobOutbox,
  requests: readonly SeededRequest[],
  timing: { expiryDays: number; reminderDays: number; maxOpen: number },
): Promise<string[]> {
  if (requests.length === 0) return [];
  for (const r of requests) {
    if (!(await reserveOpenRequest(manager, r.organizationId, timing.maxOpen))) {
      throw new Error(`Organisation ${r.organizationId} has no open-request place left for a seeded request`);
    }
  }
  const now = Date.now();
  const saved = await manager.save(
    requests.map((r) =>
      manager.create(MentorshipRequestEntity, {
        organizationId: r.organizationId,
        mentorId: r.mentorId,
        requestedBy: r.requestedBy,
        message: r.message,
        goals: r.goals,
        expiresAt: requestExpiresAt(now, timing.expiryDays),
      }),
    ),
  );
  await manager.insert(
    NotificationEntity,
    saved.map((s, i) => ({
      userId: requests[i].mentorUserId,
      kind: NotificationKind.REQUEST_RECEIVED,
      requestId: s.id,
    })),
  );
  const jobs = requestJobs(saved, { now, reminderDays: timing.reminderDays });
  const record = (job: typeof REQUEST_EXPIRE, list: typeof jobs.expire) =>
    outbox.recordAll(
      manager,
      job,
      list.map((j) => ({ payload: { requestId: j.id }, options: { jobId: j.jobId, delayMs: j.delayMs } })),
    );
  await record(REQUEST_EXPIRE, jobs.expire);
  await record(REQUEST_REMIND, jobs.remind);
  return saved.map((s) => s.id);
}
