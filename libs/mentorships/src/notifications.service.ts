import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor, Page, PageRequest, isUuid, notFound } from '@app/common';
import { keysetPage } from '@app/database';
import { AppConfig } from '@app/config';
import { userContacts } from '@app/accounts';
import { EmailDispatcher } from './email-dispatcher.service';
import { EMAIL_TEMPLATES } from './email-templates';
import { NotificationEntity, NotificationKind } from './mentorship.entities';

/** A notification to write, with what its e-mail says. */
export interface Notice {
  /** Who is told: nobody for an unowned organisation. */
  userId: string | null;
  kind: NotificationKind;
  requestId?: string | null;
  mentorshipId?: string | null;
  /** Whom it is about, named in the e-mail: the organisation, and the mentor's account. */
  about: { organization: string; mentorUserId: string };
  /** Names of mentors suggested instead, for the e-mail of an expired request. */
  suggestions?: string[];
}

/** Whom a notice about an organisation–mentor pair is about. */
export const noticeAbout = (organization: { name: string }, mentor: { userId: string }): Notice['about'] => ({
  organization: organization.name,
  mentorUserId: mentor.userId,
});

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

  /**
   * Writes the notices and their e-mails in the caller's transaction: a few statements however
   * many there are (the contacts of everyone named are read together).
   */
  async notify(manager: EntityManager, ...notices: Notice[]): Promise<void> {
    const told = notices.filter((n): n is Notice & { userId: string } => n.userId !== null);
    if (told.length === 0) return;
    await manager.query(
      `INSERT INTO notifications (user_id, kind, request_id, mentorship_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[])`,
      [
        told.map((n) => n.userId),
        told.map((n) => n.kind),
        told.map((n) => n.requestId ?? null),
        told.map((n) => n.mentorshipId ?? null),
      ],
    );
    const contacts = await userContacts(
      manager,
      told.flatMap((n) => [n.userId, n.about.mentorUserId]),
    );
    const emails = told.flatMap((n) => {
      const to = contacts.get(n.userId);
      if (!to) return [];
      const link = n.mentorshipId
        ? `${this.config.PUBLIC_URL}/mentorships/${n.mentorshipId}`
        : `${this.config.PUBLIC_URL}/requests/${n.requestId}`;
      const { subject, body } = EMAIL_TEMPLATES[n.kind]({
        recipient: to.displayName,
        organization: n.about.organization,
        mentor: contacts.get(n.about.mentorUserId)?.displayName ?? null,
        link,
        suggestions: n.suggestions,
        expiryDays: this.config.REQUEST_EXPIRY_DAYS,
      });
      return [{ userId: n.userId, to: to.email, kind: n.kind, subject, body }];
    });
    if (emails.length === 0) return;
    await manager.query(
      `INSERT INTO email_outbox (user_id, to_address, template, subject, body)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        emails.map((e) => e.userId),
        emails.map((e) => e.to),
        emails.map((e) => e.kind),
        emails.map((e) => e.subject),
        emails.map((e) => e.body),
      ],
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
