import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { Actor, Page, PageRequest, forbidden, isAdmin } from '@app/common';
import { AppConfig } from '@app/config';
import { keysetPage, updateReturning } from '@app/database';
import { EmailOutboxEntity } from './email-outbox.entity';
import { JobOutbox } from '@app/queue';
import { EMAIL_DISPATCH } from './mentorship.jobs';

/** Sends attempts per e-mail before it is left for an admin to look at. */
export const EMAIL_ATTEMPTS = 5;
/** A claim older than this is taken again: its dispatcher died before reporting back. */
const CLAIM_TIMEOUT = '5 minutes';
const BATCH = 20;
/** Marks a transaction that has recorded its dispatch job (`QueryRunner.data`). */
const DISPATCH_RECORDED = 'emailDispatchRecorded';

/**
 * Sends the outbox through SMTP_URL. Each batch is claimed in a short transaction (SKIP LOCKED,
 * so dispatchers side by side take different rows) and sent outside it, so no connection is
 * held while a mail server answers. A dispatcher that dies after sending but before reporting
 * back may send that e-mail again once its claim times out: delivery is at least once.
 */
@Injectable()
export class EmailDispatcher implements OnModuleDestroy {
  private readonly logger = new Logger('Email');
  private transport?: Transporter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly jobs: JobOutbox,
  ) {}

  /**
   * In a transaction that writes e-mails: a dispatch job once it commits (one per transaction;
   * each dispatch sends whatever is due).
   */
  async dispatchAfterCommit(manager: EntityManager): Promise<void> {
    const runner = manager.queryRunner;
    if (runner?.data?.[DISPATCH_RECORDED]) return;
    await this.jobs.record(manager, EMAIL_DISPATCH, {});
    if (runner) runner.data = { ...runner.data, [DISPATCH_RECORDED]: true };
  }

  /** A dispatch now: at start, for e-mails written before the last stop and not sent yet. */
  soon(): Promise<void> {
    return this.jobs.record(this.dataSource.manager, EMAIL_DISPATCH, {});
  }

  /** Sends what is due; returns how many went out. */
  async dispatch(): Promise<number> {
    if (!this.config.SMTP_URL) {
      const [{ count }] = await this.dataSource.query(
        `SELECT count(*)::int AS count FROM email_outbox WHERE sent_at IS NULL`,
      );
      if (count > 0) this.logger.log(`${count} e-mails kept in the outbox (no SMTP_URL set)`);
      return 0;
    }
    this.transport ??= createTransport(this.config.SMTP_URL);
    let sent = 0;
    for (;;) {
      const claimed = await updateReturning<{
        id: string;
        to_address: string;
        subject: string;
        body: string;
        template: string;
      }>(
        this.dataSource.manager,
        `UPDATE email_outbox SET claimed_at = now(), attempts = attempts + 1
          WHERE id IN (SELECT id FROM email_outbox
                        WHERE sent_at IS NULL AND attempts < $1
                          AND (claimed_at IS NULL OR claimed_at < now() - interval '${CLAIM_TIMEOUT}')
                        ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, to_address, subject, body, template`,
        [EMAIL_ATTEMPTS, BATCH],
      );
      if (claimed.length === 0) return sent;
      for (const mail of claimed) {
        try {
          await this.transport.sendMail({
            from: this.config.MAIL_FROM,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.body,
          });
          await this.dataSource.query(
            `UPDATE email_outbox SET sent_at = now(), last_error = NULL WHERE id = $1`,
            [mail.id],
          );
          sent++;
        } catch (err) {
          // No address in the log: the e-mail's id and template say which one.
          this.logger.warn(`E-mail ${mail.id} (${mail.template}) not sent: ${(err as Error).message}`);
          // Left claimed: a later dispatch tries again once the claim times out.
          await this.dataSource.query(`UPDATE email_outbox SET last_error = $2 WHERE id = $1`, [
            mail.id,
            (err as Error).message.slice(0, 500),
          ]);
        }
      }
    }
  }

  /** The outbox, newest first: admins only (the e-mails hold names and addresses). */
  outbox(actor: Actor, unsentOnly: boolean, request: PageRequest): Promise<Page<EmailOutboxEntity>> {
    if (!isAdmin(actor)) throw forbidden('Only admins read the e-mail outbox');
    const repository = this.dataSource.getRepository(EmailOutboxEntity);
    const base = repository.createQueryBuilder('e');
    if (unsentOnly) base.where('e.sent_at IS NULL');
    return keysetPage(base, request, {
      keyColumn: 'e.created_at',
      idColumn: 'e.id',
      direction: 'DESC',
      fetch: (query) => query.getMany(),
      positionOf: (e) => ({ key: e.createdAt.toISOString(), id: e.id }),
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
