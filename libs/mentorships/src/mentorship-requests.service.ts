import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import {
  Actor,
  DomainError,
  ErrorCode,
  Page,
  PageRequest,
  badInput,
  forbidden,
  isUuid,
  notFound,
} from '@app/common';
import { AppConfig } from '@app/config';
import { hydrateRaw, keysetPage } from '@app/database';
import { ProfileEvents } from '@app/profiles';
import { JobOutbox } from '@app/queue';
import { MentorshipErrorCode } from './mentorship-error-code';
import {
  DeclineReason,
  MentorshipEntity,
  MentorshipRequestEntity,
  NotificationKind,
  RequestSource,
  RequestStatus,
} from './mentorship.entities';
import { REQUEST_EXPIRE, REQUEST_REMIND } from './mentorship.jobs';
import { NotificationsService } from './notifications.service';
import { MentorSuggestions, type MentorSuggestion } from './mentor-suggestions.port';
import { MentorshipGoalEntity } from './mentorship-records.entities';
import { MentorshipRecordsService } from './mentorship-records.service';
import { canSeeEconomy, whereFiltered, whereParty } from './visibility';

export interface RequestMentorshipInput {
  organizationId: string;
  mentorId: string;
  message: string;
  goals?: string[] | null;
  autoReroute?: boolean | null;
}

export interface MentorshipRequestFilter {
  status?: RequestStatus | null;
  organizationId?: string | null;
  mentorId?: string | null;
}

export const MESSAGE_MAX = 2000;
export const GOALS_MAX = 10;
export const GOAL_MAX = 200;
export const COMMENT_MAX = 1000;

/** What a decision needs to know about a request, read with its organisation and mentor. */
interface RequestParties {
  id: string;
  organization_id: string;
  mentor_id: string;
  status: RequestStatus;
  owner_id: string | null;
  economy: string;
  mentor_user_id: string;
}

const PARTIES_SQL = `
  SELECT r.id, r.organization_id, r.mentor_id, r.status, o.owner_id, o.economy, m.user_id AS mentor_user_id
    FROM mentorship_requests r
    JOIN organizations o ON o.id = r.organization_id
    JOIN mentor_profiles m ON m.id = r.mentor_id
   WHERE r.id = $1`;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Mentors an expiry e-mail names. */
const SUGGESTIONS = 3;

/**
 * Mentorship requests and their decisions. Every change runs in one transaction that locks the
 * organisation row first (then the request, then the mentor), so decisions on one
 * organisation's requests are serialised and never deadlock; counters on organisations and
 * mentors move in the same transactions as the rows they count, and CHECK constraints back them.
 */
@Injectable()
export class MentorshipRequestsService {
  private readonly logger = new Logger('MentorshipRequests');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly events: ProfileEvents,
    private readonly outbox: JobOutbox,
    private readonly records: MentorshipRecordsService,
    private readonly suggested: MentorSuggestions,
  ) {}

  async request(actor: Actor, input: RequestMentorshipInput): Promise<MentorshipRequestEntity> {
    const message = input.message.trim();
    const goals = (input.goals ?? []).map((g) => g.trim()).filter((g) => g.length > 0);
    if (message.length === 0) throw badInput('message must not be empty', { field: 'message' });
    if (message.length > MESSAGE_MAX)
      throw badInput(`message is longer than ${MESSAGE_MAX} characters`, { field: 'message' });
    if (goals.length > GOALS_MAX) throw badInput(`at most ${GOALS_MAX} goals`, { field: 'goals' });
    if (goals.some((g) => g.length > GOAL_MAX))
      throw badInput(`a goal is longer than ${GOAL_MAX} characters`, { field: 'goals' });
    if (!isUuid(input.organizationId)) throw notFound('Organization');
    if (!isUuid(input.mentorId)) throw notFound('Mentor profile');

    return this.notifications.inTransaction(async (manager) => {
      // The organisation row first: it orders every change to this organisation's requests.
      const [org] = await manager.query(
        `SELECT id, owner_id, economy, languages, open_requests FROM organizations WHERE id = $1 FOR UPDATE`,
        [input.organizationId],
      );
      if (!org || !canSeeOrganization(actor, org)) throw notFound('Organization');
      if (org.owner_id !== actor.userId) {
        throw forbidden("Only the organisation's owner requests mentors for it");
      }
      const [mentor] = await manager.query(
        `SELECT id, user_id, languages, accepting_requests, capacity, active_mentorships
           FROM mentor_profiles WHERE id = $1`,
        [input.mentorId],
      );
      if (!mentor) throw notFound('Mentor profile');
      if (mentor.user_id === actor.userId)
        throw new DomainError(MentorshipErrorCode.NOT_ELIGIBLE, 'You cannot mentor yourself');
      const shared = (org.languages as string[]).some((l) => (mentor.languages as string[]).includes(l));
      if (!shared)
        throw new DomainError(
          MentorshipErrorCode.NOT_ELIGIBLE,
          'The organisation and the mentor share no language',
        );
      if (!mentor.accepting_requests) {
        throw new DomainError(MentorshipErrorCode.NOT_ELIGIBLE, 'This mentor is not taking requests now');
      }
      if (mentor.active_mentorships >= mentor.capacity) {
        throw new DomainError(MentorshipErrorCode.CAPACITY_FULL, 'This mentor has no capacity left');
      }
      const [open] = await manager.query(
        `SELECT 1 FROM mentorship_requests WHERE organization_id = $1 AND mentor_id = $2 AND status = 'PENDING'`,
        [org.id, mentor.id],
      );
      if (open)
        throw new DomainError(
          MentorshipErrorCode.DUPLICATE_REQUEST,
          'There is already an open request to this mentor',
        );
      const limit = this.config.MAX_OPEN_REQUESTS;
      const counted = await manager.query(
        `UPDATE organizations SET open_requests = open_requests + 1
          WHERE id = $1 AND open_requests < $2 RETURNING open_requests`,
        [org.id, limit],
      );
      if (counted[0].length === 0) {
        throw new DomainError(
          MentorshipErrorCode.TOO_MANY_OPEN_REQUESTS,
          `An organisation may have at most ${limit} open requests; cancel one or wait for an answer`,
          { limit },
        );
      }
      const request = await this.insert(manager, {
        organizationId: org.id,
        mentorId: mentor.id,
        requestedBy: actor.userId,
        message,
        goals,
        autoReroute: input.autoReroute ?? false,
        source: RequestSource.DIRECT,
      });
      await this.notifications.notify(manager, mentor.user_id, NotificationKind.REQUEST_RECEIVED, {
        requestId: request.id,
      });
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_REQUESTED,
        targetType: 'mentorship_request',
        targetId: request.id,
        details: { organizationId: org.id, mentorId: mentor.id },
      });
      return request;
    });
  }

  async accept(actor: Actor, id: string): Promise<MentorshipRequestEntity> {
    return this.notifications.inTransaction(async (manager) => {
      const parties = await this.partiesFor(manager, actor, id, 'mentor');
      await lockOrganization(manager, parties.organization_id);
      const request = await decide(manager, id, RequestStatus.ACCEPTED);
      const fits = await manager.query(
        `UPDATE mentor_profiles SET active_mentorships = active_mentorships + 1
          WHERE id = $1 AND active_mentorships < capacity RETURNING active_mentorships`,
        [parties.mentor_id],
      );
      if (fits[0].length === 0) {
        throw new DomainError(
          MentorshipErrorCode.CAPACITY_FULL,
          'You are already mentoring as many organisations as your capacity allows',
        );
      }
      const mentorship = await manager.save(
        manager.create(MentorshipEntity, {
          requestId: id,
          organizationId: parties.organization_id,
          mentorId: parties.mentor_id,
        }),
      );
      await this.records.scheduleOutcomeSurveys(manager, [mentorship]);
      // Capacity in use changed: the mentor may leave organisations' recommendations.
      await this.events.mentorChanged(manager, parties.mentor_id);
      // The request's goals are the mentorship's first.
      if (request.goals.length > 0) {
        await manager.insert(
          MentorshipGoalEntity,
          request.goals.map((title) => ({ mentorshipId: mentorship.id, title })),
        );
      }
      const [[org]] = await manager.query(
        `UPDATE organizations
            SET open_requests = open_requests - 1, active_mentorships = active_mentorships + 1
          WHERE id = $1 RETURNING active_mentorships, mentors_wanted`,
        [parties.organization_id],
      );
      await this.notifications.notify(manager, parties.owner_id, NotificationKind.REQUEST_ACCEPTED, {
        requestId: id,
        mentorshipId: mentorship.id,
      });
      if (org.active_mentorships >= org.mentors_wanted)
        await this.withdrawOpen(manager, parties.organization_id);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_REQUEST_ACCEPTED,
        targetType: 'mentorship_request',
        targetId: id,
        details: { mentorshipId: mentorship.id },
      });
      return request;
    });
  }

  async decline(
    actor: Actor,
    id: string,
    reason: DeclineReason,
    comment?: string | null,
  ): Promise<MentorshipRequestEntity> {
    const text = comment?.trim() || null;
    if (text && text.length > COMMENT_MAX)
      throw badInput(`comment is longer than ${COMMENT_MAX} characters`, { field: 'comment' });
    return this.notifications.inTransaction(async (manager) => {
      const parties = await this.partiesFor(manager, actor, id, 'mentor');
      await lockOrganization(manager, parties.organization_id);
      const request = await decide(manager, id, RequestStatus.DECLINED, {
        decline_reason: reason,
        decline_comment: text,
      });
      await releaseOpen(manager, parties.organization_id, 1);
      await this.notifications.notify(manager, parties.owner_id, NotificationKind.REQUEST_DECLINED, {
        requestId: id,
      });
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_REQUEST_DECLINED,
        targetType: 'mentorship_request',
        targetId: id,
        details: { reason },
      });
      return request;
    });
  }

  async cancel(actor: Actor, id: string): Promise<MentorshipRequestEntity> {
    return this.notifications.inTransaction(async (manager) => {
      const parties = await this.partiesFor(manager, actor, id, 'owner');
      await lockOrganization(manager, parties.organization_id);
      const request = await decide(manager, id, RequestStatus.CANCELLED);
      await releaseOpen(manager, parties.organization_id, 1);
      await this.notifications.notify(manager, parties.mentor_user_id, NotificationKind.REQUEST_CANCELLED, {
        requestId: id,
      });
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_REQUEST_CANCELLED,
        targetType: 'mentorship_request',
        targetId: id,
      });
      return request;
    });
  }

  /**
   * The expiry job: a request still PENDING at its expiry time becomes EXPIRED and the
   * organisation is told. Applied once however often the job runs (a conditional update).
   */
  async expire(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const [request] = await this.dataSource.query(
      `SELECT organization_id, status, auto_reroute, message, goals FROM mentorship_requests WHERE id = $1`,
      [id],
    );
    if (!request || request.status !== RequestStatus.PENDING) return false;
    // Read before the transaction: the stored list is read on a connection of its own.
    const next = await this.nextMentors(request.organization_id);
    return this.notifications.inTransaction(async (manager) => {
      const [parties] = (await manager.query(PARTIES_SQL, [id])) as RequestParties[];
      if (!parties || parties.status !== RequestStatus.PENDING) return false;
      await lockOrganization(manager, parties.organization_id);
      const [rows] = await manager.query(
        `UPDATE mentorship_requests SET status = 'EXPIRED', decided_at = now()
          WHERE id = $1 AND status = 'PENDING' AND expires_at <= now() RETURNING id`,
        [id],
      );
      if (rows.length === 0) return false;
      this.logger.log(`Request ${id} expired`);
      await this.testDelay();
      await releaseOpen(manager, parties.organization_id, 1);
      await this.notifications.notify(manager, parties.owner_id, NotificationKind.REQUEST_EXPIRED, {
        requestId: id,
        suggestions: next.slice(0, SUGGESTIONS).map((r) => r.candidate.displayName),
      });
      await this.audit.record(manager, {
        actorId: null,
        action: AuditAction.MENTORSHIP_REQUEST_EXPIRED,
        targetType: 'mentorship_request',
        targetId: id,
      });
      if (request.auto_reroute) {
        for (const candidate of next) {
          if (await this.sendOn(manager, parties, candidate.candidate.id, request)) break;
        }
      }
      return true;
    });
  }

  /**
   * What an organisation is offered after a request expired or was declined: mentors from its
   * recommendations open to requests that it has not asked yet, best first. Only for those who
   * may see the organisation's recommendations (its owner, program managers, admins).
   */
  async suggestions(
    actor: Actor,
    request: Pick<MentorshipRequestEntity, 'organizationId' | 'status'>,
    first: number,
  ): Promise<MentorSuggestion[]> {
    if (request.status !== RequestStatus.EXPIRED && request.status !== RequestStatus.DECLINED) return [];
    const [org] = await this.dataSource.query(`SELECT owner_id, economy FROM organizations WHERE id = $1`, [
      request.organizationId,
    ]);
    if (!org || !canSeeOrganization(actor, org)) return [];
    return (await this.nextMentors(request.organizationId)).slice(0, first);
  }

  /** The organisation's available recommended mentors it has never asked, best first. */
  private async nextMentors(organizationId: string): Promise<MentorSuggestion[]> {
    const asked: Array<{ mentor_id: string }> = await this.dataSource.query(
      `SELECT mentor_id FROM mentorship_requests WHERE organization_id = $1`,
      [organizationId],
    );
    const skip = new Set(asked.map((r) => r.mentor_id));
    return (await this.suggested.availableMentorsFor(organizationId)).filter(
      (r) => !skip.has(r.candidate.id),
    );
  }

  /**
   * autoReroute: the expired request goes on to `mentorId` if the pair still passes every gate
   * now (checked in this transaction), as a new request from the platform. Undefined if not.
   */
  private async sendOn(
    manager: EntityManager,
    parties: RequestParties,
    mentorId: string,
    request: { message: string; goals: string[] },
  ): Promise<MentorshipRequestEntity | undefined> {
    const sent = await this.sendFromPlatform(manager, parties.organization_id, mentorId, {
      requestedBy: null,
      message: request.message,
      goals: request.goals,
      autoReroute: true,
      source: RequestSource.REROUTE,
    });
    if (!sent) return undefined;
    await this.notifications.notify(manager, parties.owner_id, NotificationKind.REQUEST_REROUTED, {
      requestId: sent.id,
    });
    return sent;
  }

  /**
   * A request the platform sends (a reroute, a published round), in the caller's transaction:
   * only if the pair still passes every gate and the organisation has room for another open
   * request; null otherwise. The mentor is told and the audit log has it.
   */
  private async sendFromPlatform(
    manager: EntityManager,
    organizationId: string,
    mentorId: string,
    fields: Pick<MentorshipRequestEntity, 'requestedBy' | 'message' | 'goals' | 'autoReroute' | 'source'>,
  ): Promise<MentorshipRequestEntity | null> {
    const [mentor] = await manager.query(
      `SELECT m.id, m.user_id FROM mentor_profiles m, organizations o
        WHERE m.id = $1 AND o.id = $2 AND m.accepting_requests AND m.active_mentorships < m.capacity
          AND m.languages && o.languages AND m.user_id IS DISTINCT FROM o.owner_id
          AND NOT EXISTS (SELECT 1 FROM mentorship_requests r
                           WHERE r.organization_id = o.id AND r.mentor_id = m.id AND r.status = 'PENDING')`,
      [mentorId, organizationId],
    );
    if (!mentor) return null;
    const [counted] = await manager.query(
      `UPDATE organizations SET open_requests = open_requests + 1
        WHERE id = $1 AND open_requests < $2 RETURNING open_requests`,
      [organizationId, this.config.MAX_OPEN_REQUESTS],
    );
    if (counted.length === 0) return null;
    const sent = await this.insert(manager, { organizationId, mentorId: mentor.id, ...fields });
    await this.notifications.notify(manager, mentor.user_id, NotificationKind.REQUEST_RECEIVED, {
      requestId: sent.id,
    });
    await this.audit.record(manager, {
      actorId: fields.requestedBy,
      action:
        fields.source === RequestSource.REROUTE
          ? AuditAction.MENTORSHIP_REQUEST_REROUTED
          : AuditAction.MENTORSHIP_REQUESTED,
      targetType: 'mentorship_request',
      targetId: sent.id,
      details: { organizationId, mentorId: mentor.id, source: fields.source },
    });
    return sent;
  }

  /** The reminder job: reminds the mentor of a request still PENDING, once. */
  async remind(id: string): Promise<boolean> {
    return this.notifications.inTransaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE mentorship_requests SET reminded_at = now()
          WHERE id = $1 AND status = 'PENDING' AND reminded_at IS NULL RETURNING mentor_id`,
        [id],
      );
      if (rows.length === 0) return false;
      this.logger.log(`Request ${id}: mentor reminded`);
      await this.testDelay();
      const [mentor] = await manager.query(`SELECT user_id FROM mentor_profiles WHERE id = $1`, [
        rows[0].mentor_id,
      ]);
      await this.notifications.notify(manager, mentor?.user_id ?? null, NotificationKind.REQUEST_REMINDER, {
        requestId: id,
      });
      return true;
    });
  }

  /**
   * At start: schedules expiry and reminder jobs for every PENDING request again. The embedded
   * queue keeps delayed jobs in memory only; on BullMQ the deterministic job ids make this a
   * no-op. Returns how many requests were scheduled.
   */
  async rescheduleOpen(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const open = await manager.getRepository(MentorshipRequestEntity).find({
        where: { status: RequestStatus.PENDING },
        select: { id: true, createdAt: true, expiresAt: true, remindedAt: true },
      });
      await this.schedule(manager, open);
      return open.length;
    });
  }

  async findOne(actor: Actor, id: string): Promise<MentorshipRequestEntity> {
    if (!isUuid(id)) throw notFound('Mentorship request');
    const query = this.dataSource
      .getRepository(MentorshipRequestEntity)
      .createQueryBuilder('r')
      .where('r.id = :id', { id });
    whereParty(query, 'r', actor);
    const found = await query.getOne();
    if (!found) throw notFound('Mentorship request');
    return found;
  }

  /** Requests the caller may see: theirs as owner or mentor, their economies as program manager. */
  list(
    actor: Actor,
    filter: MentorshipRequestFilter,
    request: PageRequest,
  ): Promise<Page<MentorshipRequestEntity>> {
    const repository = this.dataSource.getRepository(MentorshipRequestEntity);
    const base = whereFiltered(repository.createQueryBuilder('r'), 'r', actor, filter);
    return keysetPage(base, request, {
      keyColumn: 'r.created_at',
      idColumn: 'r.id',
      direction: 'DESC',
      fetch: async (query) => hydrateRaw(repository.metadata, 'r', await query.getRawMany()),
      positionOf: (r) => ({ key: r.createdAt.toISOString(), id: r.id }),
    });
  }

  /** The mentorship an accepted request started, if any (visible with the request). */
  mentorshipOf(requestId: string): Promise<MentorshipEntity | null> {
    return this.dataSource.getRepository(MentorshipEntity).findOneBy({ requestId });
  }

  private async insert(
    manager: EntityManager,
    fields: Pick<
      MentorshipRequestEntity,
      'organizationId' | 'mentorId' | 'requestedBy' | 'message' | 'goals' | 'autoReroute' | 'source'
    >,
  ): Promise<MentorshipRequestEntity> {
    const expiresAt = new Date(Date.now() + this.config.REQUEST_EXPIRY_DAYS * DAY_MS);
    try {
      const request = await manager.save(manager.create(MentorshipRequestEntity, { ...fields, expiresAt }));
      await this.schedule(manager, [request]);
      return request;
    } catch (err) {
      if ((err as { constraint?: string }).constraint === 'mentorship_requests_open_pair') {
        throw new DomainError(
          MentorshipErrorCode.DUPLICATE_REQUEST,
          'There is already an open request to this mentor',
        );
      }
      throw err;
    }
  }

  /** Every other open request of the organisation: WITHDRAWN, their mentors told. */
  private async withdrawOpen(manager: EntityManager, organizationId: string): Promise<void> {
    const [withdrawn] = await manager.query(
      `UPDATE mentorship_requests r SET status = 'WITHDRAWN', decided_at = now()
         FROM mentor_profiles m
        WHERE r.organization_id = $1 AND r.status = 'PENDING' AND m.id = r.mentor_id
        RETURNING r.id, m.user_id`,
      [organizationId],
    );
    if (withdrawn.length === 0) return;
    await releaseOpen(manager, organizationId, withdrawn.length);
    for (const row of withdrawn as Array<{ id: string; user_id: string }>) {
      await this.notifications.notify(manager, row.user_id, NotificationKind.REQUEST_WITHDRAWN, {
        requestId: row.id,
      });
      await this.audit.record(manager, {
        actorId: null,
        action: AuditAction.MENTORSHIP_REQUEST_WITHDRAWN,
        targetType: 'mentorship_request',
        targetId: row.id,
      });
    }
  }

  /**
   * The request with its parties, if the caller may see it (NOT_FOUND otherwise) and is the
   * side that decides (FORBIDDEN otherwise).
   */
  private async partiesFor(
    manager: EntityManager,
    actor: Actor,
    id: string,
    side: 'mentor' | 'owner',
  ): Promise<RequestParties> {
    if (!isUuid(id)) throw notFound('Mentorship request');
    const [parties] = (await manager.query(PARTIES_SQL, [id])) as RequestParties[];
    const visible =
      parties &&
      (parties.owner_id === actor.userId ||
        parties.mentor_user_id === actor.userId ||
        canSeeOrganization(actor, parties));
    if (!visible) throw notFound('Mentorship request');
    if (side === 'mentor' && parties.mentor_user_id !== actor.userId) {
      throw forbidden('Only the mentor the request is addressed to answers it');
    }
    if (side === 'owner' && parties.owner_id !== actor.userId) {
      throw forbidden("Only the organisation's owner cancels its requests");
    }
    return parties;
  }

  /**
   * A request from a published matching round (source ROUND), in the caller's transaction: sent
   * only if the pair still passes every gate and the organisation has room for another open
   * request; null otherwise.
   */
  async sendForRound(
    manager: EntityManager,
    { organizationId, mentorId }: { organizationId: string; mentorId: string },
    message: string,
    actorId: string,
  ): Promise<MentorshipRequestEntity | null> {
    await lockOrganization(manager, organizationId);
    return this.sendFromPlatform(manager, organizationId, mentorId, {
      requestedBy: actorId,
      message,
      goals: [],
      autoReroute: false,
      source: RequestSource.ROUND,
    });
  }

  /** Pairs among these organisations with a running mentorship or a pending request. */
  async pairsInProgress(
    organizationIds: readonly string[],
  ): Promise<Array<{ organizationId: string; mentorId: string }>> {
    const rows: Array<{ organization_id: string; mentor_id: string }> = await this.dataSource.query(
      `SELECT organization_id, mentor_id FROM mentorships WHERE status = 'ACTIVE' AND organization_id = ANY($1::uuid[])
       UNION SELECT organization_id, mentor_id FROM mentorship_requests WHERE status = 'PENDING' AND organization_id = ANY($1::uuid[])`,
      [organizationIds],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, mentorId: r.mentor_id }));
  }

  /**
   * In the transaction deleting an organisation: refused while it has running mentorships (they
   * hold a mentor's capacity and its outcomes are still to come); its open requests are
   * cancelled and their mentors told.
   */
  async organizationDeleting(manager: EntityManager, organizationId: string, actor: Actor): Promise<void> {
    const [{ active }] = await manager.query(
      `SELECT count(*)::int AS active FROM mentorships WHERE organization_id = $1 AND status = 'ACTIVE'`,
      [organizationId],
    );
    if (active > 0) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `This organisation has ${active} running mentorship(s); complete or end them before deleting it`,
        { activeMentorships: active },
      );
    }
    const [cancelled] = await manager.query(
      `UPDATE mentorship_requests r SET status = 'CANCELLED', decided_at = now()
         FROM mentor_profiles m
        WHERE r.organization_id = $1 AND r.status = 'PENDING' AND m.id = r.mentor_id
        RETURNING r.id, m.user_id`,
      [organizationId],
    );
    for (const row of cancelled as Array<{ id: string; user_id: string }>) {
      await this.notifications.notify(manager, row.user_id, NotificationKind.REQUEST_CANCELLED, {
        requestId: row.id,
      });
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_REQUEST_CANCELLED,
        targetType: 'mentorship_request',
        targetId: row.id,
        details: { organizationDeleted: true },
      });
    }
  }

  /** See REQUEST_JOB_TEST_DELAY_MS: lets a fault test kill a worker inside the transaction. */
  private async testDelay(): Promise<void> {
    const ms = this.config.REQUEST_JOB_TEST_DELAY_MS;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /**
   * Expiry and reminder jobs, in the caller's transaction: deterministic ids, so scheduling twice
   * schedules once.
   */
  private async schedule(
    manager: EntityManager,
    requests: ReadonlyArray<Pick<MentorshipRequestEntity, 'id' | 'createdAt' | 'expiresAt' | 'remindedAt'>>,
  ): Promise<void> {
    const now = Date.now();
    await this.outbox.recordAll(
      manager,
      REQUEST_EXPIRE,
      requests.map((r) => ({
        payload: { requestId: r.id },
        options: { jobId: `request-expire-${r.id}`, delayMs: Math.max(0, r.expiresAt.getTime() - now) },
      })),
    );
    // No reminder for a request whose expiry is already due: it expires instead.
    const remind = requests
      .filter((r) => !r.remindedAt && now < r.expiresAt.getTime())
      .map((r) => ({ r, at: r.createdAt.getTime() + this.config.REQUEST_REMINDER_DAYS * DAY_MS }))
      .filter(({ r, at }) => at < r.expiresAt.getTime());
    await this.outbox.recordAll(
      manager,
      REQUEST_REMIND,
      remind.map(({ r, at }) => ({
        payload: { requestId: r.id },
        options: { jobId: `request-remind-${r.id}`, delayMs: Math.max(0, at - now) },
      })),
    );
  }
}

function canSeeOrganization(actor: Actor, org: { owner_id: string | null; economy: string }): boolean {
  return org.owner_id === actor.userId || canSeeEconomy(actor, org.economy);
}

async function lockOrganization(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query('SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE', [organizationId]);
}

/** PENDING → `status`, once: ALREADY_DECIDED when another decision came first. */
async function decide(
  manager: EntityManager,
  id: string,
  status: RequestStatus,
  extra: Record<string, unknown> = {},
): Promise<MentorshipRequestEntity> {
  const sets = Object.keys(extra).map((column, i) => `, ${column} = $${i + 3}`);
  const [rows] = await manager.query(
    `UPDATE mentorship_requests SET status = $2, decided_at = now()${sets.join('')}
      WHERE id = $1 AND status = 'PENDING' RETURNING *`,
    [id, status, ...Object.values(extra)],
  );
  if (rows.length === 0) {
    throw new DomainError(MentorshipErrorCode.ALREADY_DECIDED, 'This request has already been decided');
  }
  const repository = manager.getRepository(MentorshipRequestEntity);
  return repository.create(
    Object.fromEntries(
      repository.metadata.columns.map((c) => [c.propertyName, rows[0][c.databaseName]]),
    ) as Partial<MentorshipRequestEntity>,
  );
}

async function releaseOpen(manager: EntityManager, organizationId: string, count: number): Promise<void> {
  await manager.query(`UPDATE organizations SET open_requests = open_requests - $2 WHERE id = $1`, [
    organizationId,
    count,
  ]);
}
