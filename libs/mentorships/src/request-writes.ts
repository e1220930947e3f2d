import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import { type Actor, DomainError, isUuid, notFound } from '@app/common';
import { AppConfig } from '@app/config';
import { updateReturning } from '@app/database';
import {
  type MentorParty,
  type OrganizationParty,
  mentorParties,
  partiesOf,
  releaseOpenRequests,
  reserveOpenRequest,
} from '@app/profiles';
import { JobOutbox } from '@app/queue';
import { MentorshipErrorCode } from './mentorship-error-code';
import {
  MentorshipRequestEntity,
  NotificationKind,
  RequestSource,
  RequestStatus,
} from './mentorship.entities';
import { REQUEST_EXPIRE, REQUEST_REMIND } from './mentorship.jobs';
import type { MentorSuggestion } from './mentor-suggestions.port';
import { type Notice, NotificationsService, noticeAbout } from './notifications.service';
import { type FailedGate, firstFailedGate, tooManyOpenRequests } from './request-gates';
import { requestExpiresAt, requestJobs } from './request-schedule';
import { DECISIONS, type Decision, decidableFrom, decisionRefusal } from './request-transitions';

export type RequestFields = Pick<
  MentorshipRequestEntity,
  'requestedBy' | 'message' | 'goals' | 'autoReroute' | 'source'
>;

/** A request with its parties, the organisation's row locked. */
export interface Locked {
  request: MentorshipRequestEntity;
  organization: OrganizationParty;
  mentor: MentorParty;
}

/**
 * The steps every request path shares, each in the caller's transaction: lock and check, gate,
 * send, decide, and tell. The pure rules decide (request-gates, request-transitions,
 * request-schedule); these read and write what they decide about.
 */
@Injectable()
export class RequestWrites {
  constructor(
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: JobOutbox,
  ) {}

  /**
   * The request with its parties, the organisation's row locked (the first lock the transaction
   * takes): NOT_FOUND if the caller may not see it, FORBIDDEN if they are not the side that makes
   * this decision.
   */
  async lock(manager: EntityManager, actor: Actor, id: string, to: Decision): Promise<Locked> {
    if (!isUuid(id)) throw notFound('Mentorship request');
    const request = await manager.getRepository(MentorshipRequestEntity).findOneBy({ id });
    const parties = request && (await partiesOf(manager, request, { lock: true }));
    if (!request || !parties?.mentor) throw notFound('Mentorship request');
    const { organization, mentor } = parties;
    const refused = decisionRefusal(
      actor,
      { ownerId: organization.ownerId, mentorUserId: mentor.userId, economy: organization.economy },
      to,
    );
    if (refused) throw new DomainError(refused.code, refused.message);
    return { request, organization, mentor };
  }

  /** The first gate the pair fails now, its counts read in the caller's transaction. */
  async gate(
    manager: EntityManager,
    organization: OrganizationParty,
    mentor: MentorParty,
  ): Promise<FailedGate | null> {
    const pending = await this.pendingMentors(manager, organization.id, mentor.id);
    return this.failedGate(organization, mentor, pending.has(mentor.id));
  }

  /**
   * A request that passed the gates, sent: an open-request slot taken (the conditional update
   * decides: TOO_MANY_OPEN_REQUESTS if another took the last), the row and its jobs, the mentor
   * told, the audit log.
   */
  async send(
    manager: EntityManager,
    organization: OrganizationParty,
    mentor: MentorParty,
    fields: RequestFields,
  ): Promise<MentorshipRequestEntity> {
    const limit = this.config.MAX_OPEN_REQUESTS;
    if (!(await reserveOpenRequest(manager, organization.id, limit))) {
      throw gateError(tooManyOpenRequests(limit));
    }
    const expiresAt = requestExpiresAt(Date.now(), this.config.REQUEST_EXPIRY_DAYS);
    const row = { ...fields, organizationId: organization.id, mentorId: mentor.id, expiresAt };
    const request = await manager.save(manager.create(MentorshipRequestEntity, row)).catch((err: unknown) => {
      if ((err as { constraint?: string }).constraint !== 'mentorship_requests_open_pair') throw err;
      throw new DomainError(
        MentorshipErrorCode.DUPLICATE_REQUEST,
        'There is already an open request to this mentor',
      );
    });
    await this.schedule(manager, [request]);
    await this.notifications.notify(manager, {
      userId: mentor.userId,
      kind: NotificationKind.REQUEST_RECEIVED,
      requestId: request.id,
      about: noticeAbout(organization, mentor),
    });
    await this.audit.record(manager, {
      actorId: fields.requestedBy,
      action:
        fields.source === RequestSource.REROUTE
          ? AuditAction.MENTORSHIP_REQUEST_REROUTED
          : AuditAction.MENTORSHIP_REQUESTED,
      targetType: 'mentorship_request',
      targetId: request.id,
      details: { organizationId: organization.id, mentorId: mentor.id, source: fields.source },
    });
    return request;
  }

  /**
   * autoReroute: the expired request goes on, as a request from the platform, to the first of
   * `next` who passes every gate now (all read in two round trips); the owner is told.
   * `organization` holds its counts as they are now, in this transaction.
   */
  async reroute(
    manager: EntityManager,
    organization: OrganizationParty,
    expired: Pick<MentorshipRequestEntity, 'message' | 'goals'>,
    next: readonly MentorSuggestion[],
  ): Promise<void> {
    const candidates = await mentorParties(
      manager,
      next.map((s) => s.candidate.id),
    );
    const pending = await this.pendingMentors(manager, organization.id);
    const mentor = next
      .map((s) => candidates.get(s.candidate.id))
      .find((m) => m && !this.failedGate(organization, m, pending.has(m.id)));
    if (!mentor) return;
    const sent = await this.send(manager, organization, mentor, {
      requestedBy: null,
      message: expired.message,
      goals: expired.goals,
      autoReroute: true,
      source: RequestSource.REROUTE,
    });
    await this.notifications.notify(manager, {
      userId: organization.ownerId,
      kind: NotificationKind.REQUEST_REROUTED,
      requestId: sent.id,
      about: noticeAbout(organization, mentor),
    });
  }

  /** `to`, once (a conditional update): ALREADY_DECIDED when another decision came first. */
  async decide(
    manager: EntityManager,
    id: string,
    to: Decision,
    extra: Record<string, unknown> = {},
  ): Promise<MentorshipRequestEntity> {
    const sets = Object.keys(extra).map((column, i) => `, ${column} = $${i + 4}`);
    const [row] = await updateReturning(
      manager,
      `UPDATE mentorship_requests SET status = $2, decided_at = now()${sets.join('')}
        WHERE id = $1 AND status = ANY($3::text[]) RETURNING *`,
      [id, to, decidableFrom(to), ...Object.values(extra)],
    );
    if (!row) {
      throw new DomainError(MentorshipErrorCode.ALREADY_DECIDED, 'This request has already been decided');
    }
    const repository = manager.getRepository(MentorshipRequestEntity);
    return repository.create(
      Object.fromEntries(
        repository.metadata.columns.map((c) => [c.propertyName, row[c.databaseName]]),
      ) as Partial<MentorshipRequestEntity>,
    );
  }

  /**
   * After a decision that started no mentorship: the organisation's open request released, the
   * other side told, the audit log.
   */
  async decided(
    manager: EntityManager,
    actorId: string | null,
    { request, organization, mentor }: Locked,
    extra: { details?: Record<string, unknown>; suggestions?: string[] } = {},
  ): Promise<void> {
    const rule = DECISIONS[request.status as Decision];
    await releaseOpenRequests(manager, organization.id, 1);
    await this.notifications.notify(manager, {
      userId: rule.tells === 'owner' ? organization.ownerId : mentor.userId,
      kind: rule.notification,
      requestId: request.id,
      about: noticeAbout(organization, mentor),
      suggestions: extra.suggestions,
    });
    await this.audit.record(manager, {
      actorId,
      action: rule.audit,
      targetType: 'mentorship_request',
      targetId: request.id,
      ...(extra.details ? { details: extra.details } : {}),
    });
  }

  /**
   * Every open request of the organisation decided at once (WITHDRAWN: it has the mentors it
   * wants; CANCELLED: it is being deleted), their mentors told, each in the audit log.
   */
  async closeOpen(
    manager: EntityManager,
    organization: OrganizationParty,
    to: RequestStatus.WITHDRAWN | RequestStatus.CANCELLED,
    actorId: string | null,
  ): Promise<void> {
    const closed = await updateReturning<{ id: string; mentor_id: string }>(
      manager,
      `UPDATE mentorship_requests SET status = $2, decided_at = now()
        WHERE organization_id = $1 AND status = ANY($3::text[]) RETURNING id, mentor_id`,
      [organization.id, to, decidableFrom(to)],
    );
    if (closed.length === 0) return;
    await releaseOpenRequests(manager, organization.id, closed.length);
    const mentors = await mentorParties(
      manager,
      closed.map((r) => r.mentor_id),
    );
    const rule = DECISIONS[to];
    await this.notifications.notify(
      manager,
      ...closed.flatMap((r): Notice[] => {
        const mentor = mentors.get(r.mentor_id);
        return mentor
          ? [
              {
                userId: mentor.userId,
                kind: rule.notification,
                requestId: r.id,
                about: noticeAbout(organization, mentor),
              },
            ]
          : [];
      }),
    );
    for (const r of closed) {
      await this.audit.record(manager, {
        actorId,
        action: rule.audit,
        targetType: 'mentorship_request',
        targetId: r.id,
        ...(to === RequestStatus.CANCELLED ? { details: { organizationDeleted: true } } : {}),
      });
    }
  }

  /** Expiry and reminder jobs, in the caller's transaction (see requestJobs). */
  async schedule(
    manager: EntityManager,
    requests: ReadonlyArray<Pick<MentorshipRequestEntity, 'id' | 'createdAt' | 'expiresAt' | 'remindedAt'>>,
  ): Promise<void> {
    const jobs = requestJobs(requests, { now: Date.now(), reminderDays: this.config.REQUEST_REMINDER_DAYS });
    for (const [job, scheduled] of [
      [REQUEST_EXPIRE, jobs.expire],
      [REQUEST_REMIND, jobs.remind],
    ] as const) {
      await this.outbox.recordAll(
        manager,
        job,
        scheduled.map((j) => ({
          payload: { requestId: j.id },
          options: { jobId: j.jobId, delayMs: j.delayMs },
        })),
      );
    }
  }

  private failedGate(
    organization: OrganizationParty,
    mentor: MentorParty,
    pendingPair: boolean,
  ): FailedGate | null {
    return firstFailedGate({
      organization,
      mentor,
      pendingPair,
      openRequestLimit: this.config.MAX_OPEN_REQUESTS,
    });
  }

  /** Mentors the organisation has a PENDING request to (only `mentorId`, if given). */
  private async pendingMentors(
    manager: EntityManager,
    organizationId: string,
    mentorId?: string,
  ): Promise<Set<string>> {
    const rows: Array<{ mentor_id: string }> = await manager.query(
      `SELECT mentor_id FROM mentorship_requests
        WHERE organization_id = $1 AND status = 'PENDING' AND ($2::uuid IS NULL OR mentor_id = $2)`,
      [organizationId, mentorId ?? null],
    );
    return new Set(rows.map((r) => r.mentor_id));
  }
}

export const gateError = (failed: FailedGate): DomainError =>
  new DomainError(failed.code, failed.message, failed.details);
