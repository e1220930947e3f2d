import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor, Page, PageRequest, isUuid, notFound } from '@app/common';
import { keysetPage } from '@app/database';
import { NotificationEntity, NotificationKind } from './mentorship.entities';

export interface NotificationTarget {
  requestId?: string | null;
  mentorshipId?: string | null;
}

/** In-app notifications: written in the transaction of the change they report. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
  ) {}

  async notify(
    manager: EntityManager,
    userId: string | null,
    kind: NotificationKind,
    target: NotificationTarget,
  ): Promise<void> {
    if (!userId) return; // an unowned organisation has nobody to tell
    await manager.query(
      `INSERT INTO notifications (user_id, kind, request_id, mentorship_id) VALUES ($1, $2, $3, $4)`,
      [userId, kind, target.requestId ?? null, target.mentorshipId ?? null],
    );
  }

  /** The caller's own, newest first. */
  list(actor: Actor, unreadOnly: boolean, request: PageRequest): Promise<Page<NotificationEntity>> {
    const base = this.notifications
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: actor.userId });
    if (unreadOnly) base.andWhere('n.read_at IS NULL');
    return keysetPage(base, request, {
      keyColumn: 'n.created_at',
      idColumn: 'n.id',
      direction: 'DESC',
      fetch: (query) => query.getMany(),
      positionOf: (n) => ({ key: n.createdAt.toISOString(), id: n.id }),
    });
  }

  /** Marks one of the caller's notifications read (again: no change). */
  async markRead(actor: Actor, id: string): Promise<NotificationEntity> {
    if (!isUuid(id)) throw notFound('Notification');
    await this.notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId: actor.userId })
      .execute();
    const found = await this.notifications.findOneBy({ id, userId: actor.userId });
    if (!found) throw notFound('Notification');
    return found;
  }
}
