import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import { Actor, DomainError, ErrorCode, Page, PageRequest, forbidden, isUuid, notFound } from '@app/common';
import { AppConfig } from '@app/config';
import { hydrateRaw, keysetPage, updateReturning } from '@app/database';
import { canSeeOrganization, organizationParty, partiesOf, startMentorshipPlaces } from '@app/profiles';
import { MentorshipErrorCode } from './mentorship-error-code';
import {
  DeclineReason,
  MentorshipEntity,
  MentorshipRequestEntity,
  NotificationKind,
  RequestSource,
  RequestStatus,
} from './mentorship.entities';
import { MentorshipsService } from './mentorships.service';
import { NotificationsService, noticeAbout } from './notifications.service';
import { MentorSuggestions, type MentorSuggestion } from './mentor-suggestions.port';
import { mentorsWantedReached } from './request-gates';
import { checkedDeclineComment, checkedRequestText } from './request-input';
import { EMAILED_SUGGESTIONS, notYetAsked, offersSuggestions } from './request-suggestions';
import { decidableFrom } from './request-transitions';
import { RequestWrites, gateError } from './request-writes';
import { whereFiltered, whereParty } from './visibility';

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

/**
 * Mentorship requests and their decisions, each one transaction: the organisation's row is
 * locked first (then the request, then the mentor), so decisions on one organisation's requests
 * are serialised and never deadlock; counters on organisations and mentors move in the same
 * transactions as the rows they count (profiles' conditional updates), and CHECK constraints back
 * them. The rules are pure (request-gates, request-transitions, request-schedule,
 * request-suggestions); the steps paths share are RequestWrites.
 */
@Injectable()
export class MentorshipRequestsService {
  private readonly logger = new Logger('MentorshipRequests');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly writes: RequestWrites,
    private readonly mentorships: MentorshipsService,
    private readonly suggested: MentorSuggestions,
  ) {}

  async request(actor: Actor, input: RequestMentorshipInput): Promise<MentorshipRequestEntity> {
    const { message, goals } = checkedRequestText(input.message, input.goals);
    if (!isUuid(input.organizationId)) throw notFound('Organization');
    if (!isUuid(input.mentorId)) throw notFound('Mentor profile');
    return this.notifications.inTransaction(async (manager) => {
      const parties = await partiesOf(manager, input, { lock: true });
      if (!parties || !canSeeOrganization(actor, parties.organization)) throw notFound('Organization');
      const { organization, mentor } = parties;
      if (organization.ownerId !== actor.userId) {
        throw forbidden("Only the organisation's owner requests mentors for it");
      }
      if (!mentor) throw notFound('Mentor profile');
      const failed = await this.writes.gate(manager, organization, mentor);
      if (failed) throw gateError(failed);
      return this.writes.send(manager, organization, mentor, {
        requestedBy: actor.userId,
        message,
        goals,
        autoReroute: input.autoReroute ?? false,
        source: RequestSource.DIRECT,
      });
    });
  }

  async accept(actor: Actor, id: string): Promise<MentorshipRequestEntity> {
    return this.notifications.inTransaction(async (manager) => {
      const { organization, mentor } = await this.writes.lock(manager, actor, id, RequestStatus.ACCEPTED);
      const request = await this.writes.decide(manager, id, RequestStatus.ACCEPTED);
      const places = await startMentorshipPlaces(manager, request);
      if (!places.started && places.full === 'organization') {
        throw gateError(mentorsWantedReached(organization.mentorsWanted));
      }
      if (!places.started) {
        throw new DomainError(
          MentorshipErrorCode.CAPACITY_FULL,
          'You are already mentoring as many organisations as your capacity allows',
        );
      }
      const mentorship = await this.mentorships.start(manager, request);
      await this.notifications.notify(manager, {
        userId: organization.ownerId,
        kind: NotificationKind.REQUEST_ACCEPTED,
        requestId: id,
        mentorshipId: mentorship.id,
        about: noticeAbout(organization, mentor),
      });
      // The organisation has the mentors it wants: its other open requests are withdrawn.
      if (places.organization.activeMentorships >= places.organization.mentorsWanted) {
        await this.writes.closeOpen(manager, organization, RequestStatus.WITHDRAWN, null);
      }
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
    const text = checkedDeclineComment(comment);
    return this.notifications.inTransaction(async (manager) => {
      const locked = await this.writes.lock(manager, actor, id, RequestStatus.DECLINED);
      const request = await this.writes.decide(manager, id, RequestStatus.DECLINED, {
        decline_reason: reason,
        decline_comment: text,
      });
      await this.writes.decided(manager, actor.userId, { ...locked, request }, { details: { reason } });
      return request;
    });
  }

  async cancel(actor: Actor, id: string): Promise<MentorshipRequestEntity> {
    return this.notifications.inTransaction(async (manager) => {
      const locked = await this.writes.lock(manager, actor, id, RequestStatus.CANCELLED);
      const request = await this.writes.decide(manager, id, RequestStatus.CANCELLED);
      await this.writes.decided(manager, actor.userId, { ...locked, request });
      return request;
    });
  }

  /**
   * The expiry job: a request still PENDING at its expiry time becomes EXPIRED and the
   * organisation is told, with the mentors it could ask instead (with autoReroute, the request
   * goes on to the first of them who passes every gate). Applied once however often the job runs
   * (a conditional update).
   */
  async expire(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const found = await this.dataSource.getRepository(MentorshipRequestEntity).findOneBy({ id });
    if (!found || found.status !== RequestStatus.PENDING) return false;
    // Read before the transaction: the stored list is read on a connection of its own.
    const next = await this.nextMentors(found.organizationId);
    return this.notifications.inTransaction(async (manager) => {
      const parties = await partiesOf(manager, found, { lock: true });
      if (!parties?.mentor) return false;
      const expired = await updateReturning(
        manager,
        `UPDATE mentorship_requests SET status = $2, decided_at = now()
          WHERE id = $1 AND status = ANY($3::text[]) AND expires_at <= now() RETURNING id`,
        [id, RequestStatus.EXPIRED, decidableFrom(RequestStatus.EXPIRED)],
      );
      if (expired.length === 0) return false;
      this.logger.log(`Request ${id} expired`);
      await this.testDelay();
      const request = { ...found, status: RequestStatus.EXPIRED };
      await this.writes.decided(
        manager,
        null,
        { request, organization: parties.organization, mentor: parties.mentor },
        { suggestions: next.slice(0, EMAILED_SUGGESTIONS).map((r) => r.candidate.displayName) },
      );
      if (found.autoReroute) {
        // Its counts as they are now: the expired request has left its open requests.
        const organization = { ...parties.organization, openRequests: parties.organization.openRequests - 1 };
        await this.writes.reroute(manager, organization, found, next);
      }
      return true;
    });
  }

  /** The reminder job: reminds the mentor of a request still PENDING, once. */
  async remind(id: string): Promise<boolean> {
    return this.notifications.inTransaction(async (manager) => {
      const [row] = await updateReturning<{ organization_id: string; mentor_id: string }>(
        manager,
        `UPDATE mentorship_requests SET reminded_at = now()
          WHERE id = $1 AND status = 'PENDING' AND reminded_at IS NULL RETURNING organization_id, mentor_id`,
        [id],
      );
      if (!row) return false;
      this.logger.log(`Request ${id}: mentor reminded`);
      await this.testDelay();
      const parties = await partiesOf(manager, {
        organizationId: row.organization_id,
        mentorId: row.mentor_id,
      });
      if (parties?.mentor) {
        await this.notifications.notify(manager, {
          userId: parties.mentor.userId,
          kind: NotificationKind.REQUEST_REMINDER,
          requestId: id,
          about: noticeAbout(parties.organization, parties.mentor),
        });
      }
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
      await this.writes.schedule(manager, open);
      return open.length;
    });
  }

  /**
   * What an organisation is offered after a request expired or was declined: mentors from its
   * recommendations open to requests that it has not asked yet, best first. Only for those who
   * may see the organisation (its owner, program managers, admins).
   */
  async suggestions(
    actor: Actor,
    request: Pick<MentorshipRequestEntity, 'organizationId' | 'status'>,
    first: number,
  ): Promise<MentorSuggestion[]> {
    if (!offersSuggestions(request.status)) return [];
    const org = await organizationParty(this.dataSource.manager, request.organizationId);
    if (!org || !canSeeOrganization(actor, org)) return [];
    return (await this.nextMentors(request.organizationId)).slice(0, first);
  }

  /**
   * A request from a published matching round (source ROUND), in the caller's transaction: sent
   * only if the pair passes every gate now; null otherwise.
   */
  async sendForRound(
    manager: EntityManager,
    pair: { organizationId: string; mentorId: string },
    message: string,
    actorId: string,
  ): Promise<MentorshipRequestEntity | null> {
    const parties = await partiesOf(manager, pair, { lock: true });
    if (!parties?.mentor || (await this.writes.gate(manager, parties.organization, parties.mentor))) {
      return null;
    }
    return this.writes.send(manager, parties.organization, parties.mentor, {
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
    const organization = await organizationParty(manager, organizationId);
    if (organization) {
      await this.writes.closeOpen(manager, organization, RequestStatus.CANCELLED, actor.userId);
    }
  }

  async findOne(actor: Actor, id: string): Promise<MentorshipRequestEntity> {
    if (!isUuid(id)) throw notFound('Mentorship request');
    const query = this.dataSource
      .getRepository(MentorshipRequestEntity)
      .createQueryBuilder('r')
      .where('r.id = :id', { id });
    const found = await whereParty(query, 'r', actor).getOne();
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

  /** The organisation's available recommended mentors it has never asked, best first. */
  private async nextMentors(organizationId: string): Promise<MentorSuggestion[]> {
    const asked: Array<{ mentor_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT mentor_id FROM mentorship_requests WHERE organization_id = $1`,
      [organizationId],
    );
    return notYetAsked(
      await this.suggested.availableMentorsFor(organizationId),
      asked.map((r) => r.mentor_id),
    );
  }

  /** See REQUEST_JOB_TEST_DELAY_MS: lets a fault test kill a worker inside the transaction. */
  private async testDelay(): Promise<void> {
    const ms = this.config.REQUEST_JOB_TEST_DELAY_MS;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
