import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * E-mails to send, written in the transaction of the change they report (a transactional
 * outbox): a dispatcher job sends them when SMTP_URL is set; otherwise they stay here for
 * admins to read.
 */
@Entity('email_outbox')
@Index('email_outbox_unsent', ['createdAt'], { where: 'sent_at IS NULL' })
export class EmailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  /** The notification kind it was written for. */
  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** A dispatcher took it to send at this time (taken again if it never reported back). */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
