import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import { Actor, DomainError, Page, PageRequest, isUuid, notFound } from '@app/common';
import { hydrateRaw, keysetPage, updateReturning } from '@app/database';
import { ProfileEvents, endMentorshipPlaces, partiesOf } from '@app/profiles';
import { MentorshipErrorCode } from './mentorship-error-code';
import {
  MentorshipEntity,
  MentorshipRequestEntity,
  MentorshipStatus,
  NotificationKind,
} from './mentorship.entities';
import { MentorshipGoalEntity } from './mentorship-records.entities';
import { MentorshipRecordsService } from './mentorship-records.service';
import { END_REASON_MAX, checkedText, finishRefusal } from './mentorship-rules';
import { NotificationsService, noticeAbout } from './notifications.service';
import { whereFiltered, whereParty } from './visibility';

export interface MentorshipFilter {
  status?: MentorshipStatus | null;
  organizationId?: string | null;
  mentorId?: string | null;
}

/** Running mentorships: completing or ending one frees the mentor's capacity in the same transaction. */
@Injectable()
export class MentorshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly events: ProfileEvents,
    private readonly records: MentorshipRecordsService,
  ) {}

  /**
   * In the transaction accepting `request` (its places already taken): the mentorship starts with
   * the request's goals as its first, its outcome survey scheduled, and the mentor rescored
   * (capacity in use changed: they may leave organisations' recommendations).
   */
  async start(
    manager: EntityManager,
    request: Pick<MentorshipRequestEntity, 'id' | 'organizationId' | 'mentorId' | 'goals'>,
  ): Promise<MentorshipEntity> {
    const mentorship = await manager.save(
      manager.create(MentorshipEntity, {
        requestId: request.id,
        organizationId: request.organizationId,
        mentorId: request.mentorId,
      }),
    );
    await this.records.scheduleOutcomeSurveys(manager, [mentorship]);
    await this.events.mentorChanged(manager, request.mentorId);
    if (request.goals.length > 0) {
      await manager.insert(
        MentorshipGoalEntity,
        request.goals.map((title) => ({ mentorshipId: mentorship.id, title })),
      );
    }
    return mentorship;
  }

  complete(actor: Actor, id: string): Promise<MentorshipEntity> {
    return this.finish(actor, id, MentorshipStatus.COMPLETED, null);
  }

  end(actor: Actor, id: string, reason: string): Promise<MentorshipEntity> {
    return this.finish(
      actor,
      id,
      MentorshipStatus.ENDED,
      checkedText(reason, 'reason', END_REASON_MAX, true),
    );
  }

  private async finish(
    actor: Actor,
    id: string,
    status: MentorshipStatus,
    reason: string | null,
  ): Promise<MentorshipEntity> {
    if (!isUuid(id)) throw notFound('Mentorship');
    return this.notifications.inTransaction(async (manager) => {
      const mentorship = await manager.findOneBy(MentorshipEntity, { id });
      // Same lock order as requests: organisation, then the row, then the mentor.
      const parties = mentorship && (await partiesOf(manager, mentorship, { lock: true }));
      if (!mentorship || !parties?.mentor) throw notFound('Mentorship');
      const { organization, mentor } = parties;
      const who = {
        ownerId: organization.ownerId,
        mentorUserId: mentor.userId,
        economy: organization.economy,
      };
      const refused = finishRefusal(actor, who);
      if (refused) throw new DomainError(refused.code, refused.message);
      const rows = await updateReturning(
        manager,
        `UPDATE mentorships SET status = $2, ended_at = now(), end_reason = $3
          WHERE id = $1 AND status = 'ACTIVE' RETURNING id`,
        [id, status, reason],
      );
      if (rows.length === 0)
        throw new DomainError(MentorshipErrorCode.NOT_ACTIVE, 'This mentorship has already finished');
      await endMentorshipPlaces(manager, mentorship);
      // Capacity freed: the mentor may be back in organisations' recommendations.
      await this.events.mentorChanged(manager, mentor.id);
      // The other side hears of it; both are asked for feedback.
      const about = noticeAbout(organization, mentor);
      const byMentor = mentor.userId === actor.userId;
      await this.notifications.notify(
        manager,
        {
          userId: byMentor ? organization.ownerId : mentor.userId,
          kind:
            status === MentorshipStatus.COMPLETED
              ? NotificationKind.MENTORSHIP_COMPLETED
              : NotificationKind.MENTORSHIP_ENDED,
          mentorshipId: id,
          about,
        },
        ...[organization.ownerId, mentor.userId].map((userId) => ({
          userId,
          kind: NotificationKind.FEEDBACK_DUE,
          mentorshipId: id,
          about,
        })),
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action:
          status === MentorshipStatus.COMPLETED
            ? AuditAction.MENTORSHIP_COMPLETED
            : AuditAction.MENTORSHIP_ENDED,
        targetType: 'mentorship',
        targetId: id,
      });
      return manager.getRepository(MentorshipEntity).findOneByOrFail({ id });
    });
  }

  async findOne(actor: Actor, id: string): Promise<MentorshipEntity> {
    if (!isUuid(id)) throw notFound('Mentorship');
    const query = this.repository().createQueryBuilder('s').where('s.id = :id', { id });
    whereParty(query, 's', actor);
    const found = await query.getOne();
    if (!found) throw notFound('Mentorship');
    return found;
  }

  list(actor: Actor, filter: MentorshipFilter, request: PageRequest): Promise<Page<MentorshipEntity>> {
    const repository = this.repository();
    const base = whereFiltered(repository.createQueryBuilder('s'), 's', actor, filter);
    return keysetPage(base, request, {
      keyColumn: 's.started_at',
      idColumn: 's.id',
      direction: 'DESC',
      fetch: async (query) => hydrateRaw(repository.metadata, 's', await query.getRawMany()),
      positionOf: (s) => ({ key: s.startedAt.toISOString(), id: s.id }),
    });
  }

  private repository() {
    return this.dataSource.getRepository(MentorshipEntity);
  }
}
