import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import {
  Actor,
  DomainError,
  Page,
  PageRequest,
  badInput,
  forbidden,
  isAdmin,
  isUuid,
  notFound,
} from '@app/common';
import { hydrateRaw, keysetPage } from '@app/database';
import { ProfileEvents } from '@app/profiles';
import { MentorshipErrorCode } from './mentorship-error-code';
import { MentorshipEntity, MentorshipStatus, NotificationKind } from './mentorship.entities';
import { NotificationsService } from './notifications.service';
import { canSeeEconomy, whereFiltered, whereParty } from './visibility';

export interface MentorshipFilter {
  status?: MentorshipStatus | null;
  organizationId?: string | null;
  mentorId?: string | null;
}

export const END_REASON_MAX = 1000;

/** Running mentorships: completing or ending one frees the mentor's capacity in the same transaction. */
@Injectable()
export class MentorshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly events: ProfileEvents,
  ) {}

  complete(actor: Actor, id: string): Promise<MentorshipEntity> {
    return this.finish(actor, id, MentorshipStatus.COMPLETED, null);
  }

  end(actor: Actor, id: string, reason: string): Promise<MentorshipEntity> {
    const text = reason.trim();
    if (text.length === 0) throw badInput('reason must not be empty', { field: 'reason' });
    if (text.length > END_REASON_MAX)
      throw badInput(`reason is longer than ${END_REASON_MAX} characters`, { field: 'reason' });
    return this.finish(actor, id, MentorshipStatus.ENDED, text);
  }

  private async finish(
    actor: Actor,
    id: string,
    status: MentorshipStatus,
    reason: string | null,
  ): Promise<MentorshipEntity> {
    if (!isUuid(id)) throw notFound('Mentorship');
    return this.notifications.inTransaction(async (manager) => {
      const [parties] = await manager.query(
        `SELECT s.organization_id, s.mentor_id, o.owner_id, o.economy, m.user_id AS mentor_user_id
           FROM mentorships s
           JOIN organizations o ON o.id = s.organization_id
           JOIN mentor_profiles m ON m.id = s.mentor_id
          WHERE s.id = $1`,
        [id],
      );
      const isOwner = parties?.owner_id === actor.userId;
      const isMentor = parties?.mentor_user_id === actor.userId;
      if (!parties || !(isOwner || isMentor || canSeeEconomy(actor, parties.economy)))
        throw notFound('Mentorship');
      if (!isOwner && !isMentor && !isAdmin(actor)) {
        throw forbidden('Only the mentor, the organisation’s owner or an admin finishes a mentorship');
      }
      // Same lock order as requests: organisation, then the row, then the mentor.
      await manager.query('SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE', [parties.organization_id]);
      const [rows] = await manager.query(
        `UPDATE mentorships SET status = $2, ended_at = now(), end_reason = $3
          WHERE id = $1 AND status = 'ACTIVE' RETURNING id`,
        [id, status, reason],
      );
      if (rows.length === 0)
        throw new DomainError(MentorshipErrorCode.NOT_ACTIVE, 'This mentorship has already finished');
      await manager.query(
        `UPDATE mentor_profiles SET active_mentorships = active_mentorships - 1 WHERE id = $1`,
        [parties.mentor_id],
      );
      await manager.query(
        `UPDATE organizations SET active_mentorships = active_mentorships - 1 WHERE id = $1`,
        [parties.organization_id],
      );
      const kind =
        status === MentorshipStatus.COMPLETED
          ? NotificationKind.MENTORSHIP_COMPLETED
          : NotificationKind.MENTORSHIP_ENDED;
      // The other side hears of it; both are asked for feedback.
      // Capacity freed: the mentor may be back in organisations' recommendations.
      await this.events.mentorChanged(manager, parties.mentor_id);
      await this.notifications.notify(manager, isMentor ? parties.owner_id : parties.mentor_user_id, kind, {
        mentorshipId: id,
      });
      for (const userId of [parties.owner_id, parties.mentor_user_id]) {
        await this.notifications.notify(manager, userId, NotificationKind.FEEDBACK_DUE, { mentorshipId: id });
      }
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
