import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor, Page, PageRequest, isUuid, notFound } from '@app/common';
import { keysetPage } from '@app/database';
import { AppConfig } from '@app/config';
import { EmailDispatcher } from './email-dispatcher.service';
import { EMAIL_TEMPLATES } from './email-templates';
import { NotificationEntity, NotificationKind } from './mentorship.entities';

export interface NotificationTarget {
  requestId?: string | null;
  mentorshipId?: string | null;
  /** Names of mentors suggested instead, for the e-mail of an expired request. */
  suggestions?: string[];
}

/**
 * In-app notifications, each with its e-mail in the outbox: both written in the transaction of
 * the change they report, naming objects by id (the e-mail, rendered, names the parties).
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly config: AppConfig,
    private readonly emails: EmailDispatcher,
  ) {}

  /** Runs `work` in a transaction: the change, its notifications, their e-mails and its jobs. */
  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.notifications.manager.transaction(work);
  }

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
    await this.email(manager, userId, kind, target);
  }

  /** The notification's e-mail, into the outbox in the same transaction (see EmailDispatcher). */
  private async email(
    manager: EntityManager,
    userId: string,
    kind: NotificationKind,
    target: NotificationTarget,
  ): Promise<void> {
    const [context] = await manager.query(
      `SELECT u.email, u.display_name, o.name AS organization, mu.display_name AS mentor
         FROM users u
         LEFT JOIN mentorship_requests r ON r.id = $2
         LEFT JOIN mentorships s ON s.id = $3
         LEFT JOIN organizations o ON o.id = COALESCE(s.organization_id, r.organization_id)
         LEFT JOIN mentor_profiles m ON m.id = COALESCE(s.mentor_id, r.mentor_id)
         LEFT JOIN users mu ON mu.id = m.user_id
        WHERE u.id = $1`,
      [userId, target.requestId ?? null, target.mentorshipId ?? null],
    );
    if (!context) return;
    const link = target.mentorshipId
      ? `${this.config.PUBLIC_URL}/mentorships/${target.mentorshipId}`
      : `${this.config.PUBLIC_URL}/requests/${target.requestId}`;
    const { subject, body } = EMAIL_TEMPLATES[kind]({
      recipient: context.display_name,
      organization: context.organization,
      mentor: context.mentor,
      link,
      suggestions: target.suggestions,
      expiryDays: this.config.REQUEST_EXPIRY_DAYS,
    });
    await manager.query(
      `INSERT INTO email_outbox (user_id, to_address, template, subject, body) VALUES ($1, $2, $3, $4, $5)`,
      [userId, context.email, kind, subject, body],
    );
    await this.emails.dispatchAfterCommit(manager);
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
