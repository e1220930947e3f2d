import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EmailOutboxEntity } from './email-outbox.entity';
import { MENTORSHIP_RECORD_ENTITIES, sqlValues } from './mentorship-records.entities';

export enum RequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum RequestSource {
  /** Sent by the organisation's owner. */
  DIRECT = 'DIRECT',
  /** Sent on by the platform after an earlier request expired (autoReroute). */
  REROUTE = 'REROUTE',
  /** Created by publishing a matching round. */
  ROUND = 'ROUND',
}

export enum DeclineReason {
  NO_CAPACITY = 'NO_CAPACITY',
  OUTSIDE_EXPERTISE = 'OUTSIDE_EXPERTISE',
  LANGUAGE = 'LANGUAGE',
  TIMING = 'TIMING',
  OTHER = 'OTHER',
}

export enum MentorshipStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ENDED = 'ENDED',
}

/**
 * A request from an organisation to a mentor. At most one PENDING request per pair (a partial
 * unique index); decided once (every decision is a conditional update on PENDING).
 */
@Entity('mentorship_requests')
@Index('mentorship_requests_open_pair', ['organizationId', 'mentorId'], {
  unique: true,
  where: `status = 'PENDING'`,
})
@Index('mentorship_requests_mentor', ['mentorId', 'createdAt'])
@Index('mentorship_requests_organization', ['organizationId', 'createdAt'])
@Check('mentorship_requests_status_known', `status IN (${sqlValues(RequestStatus)})`)
@Check('mentorship_requests_source_known', `source IN (${sqlValues(RequestSource)})`)
@Check(
  'mentorship_requests_decline_reason',
  `(status = 'DECLINED') = (decline_reason IS NOT NULL) AND (decline_reason IS NULL OR decline_reason IN (${sqlValues(DeclineReason)}))`,
)
@Check('mentorship_requests_decided', `(status = 'PENDING') = (decided_at IS NULL)`)
export class MentorshipRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  /** The user who sent it (null: the platform, for reroutes and rounds). */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  goals: string[];

  @Column({ name: 'auto_reroute', type: 'boolean', default: false })
  autoReroute: boolean;

  @Column({ type: 'text', default: RequestSource.DIRECT })
  source: RequestSource;

  @Column({ type: 'text', default: RequestStatus.PENDING })
  status: RequestStatus;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: DeclineReason | null;

  @Column({ name: 'decline_comment', type: 'text', nullable: true })
  declineComment: string | null;

  /** Milliseconds: the sort key of keyset pages, which carry it as a JavaScript date. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}

/** A running or finished mentorship, started by an accepted request (one per request). */
@Entity('mentorships')
@Index('mentorships_mentor', ['mentorId', 'status'])
@Index('mentorships_organization', ['organizationId', 'status'])
@Check('mentorships_status_known', `status IN (${sqlValues(MentorshipStatus)})`)
@Check('mentorships_finished', `(status = 'ACTIVE') = (ended_at IS NULL)`)
export class MentorshipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('mentorships_request_key', { unique: true })
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ type: 'text', default: MentorshipStatus.ACTIVE })
  status: MentorshipStatus;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;

  /** When the six-month outcome survey went to the organisation (once). */
  @Column({ name: 'outcome_survey_sent_at', type: 'timestamptz', nullable: true })
  outcomeSurveySentAt: Date | null;
}

export enum NotificationKind {
  REQUEST_RECEIVED = 'REQUEST_RECEIVED',
  REQUEST_ACCEPTED = 'REQUEST_ACCEPTED',
  REQUEST_DECLINED = 'REQUEST_DECLINED',
  REQUEST_CANCELLED = 'REQUEST_CANCELLED',
  REQUEST_WITHDRAWN = 'REQUEST_WITHDRAWN',
  REQUEST_REMINDER = 'REQUEST_REMINDER',
  REQUEST_EXPIRED = 'REQUEST_EXPIRED',
  /** The platform sent an expired request on to the next-best mentor (autoReroute). */
  REQUEST_REROUTED = 'REQUEST_REROUTED',
  MENTORSHIP_COMPLETED = 'MENTORSHIP_COMPLETED',
  MENTORSHIP_ENDED = 'MENTORSHIP_ENDED',
  FEEDBACK_DUE = 'FEEDBACK_DUE',
  OUTCOME_SURVEY_DUE = 'OUTCOME_SURVEY_DUE',
}

/** An in-app notification: what happened, naming the objects by id (read through the API). */
@Entity('notifications')
@Index('notifications_user', ['userId', 'createdAt'])
@Check('notifications_kind_known', `kind IN (${sqlValues(NotificationKind)})`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'mentorship_id', type: 'uuid', nullable: true })
  mentorshipId: string | null;

  /** Milliseconds: the sort key of keyset pages, which carry it as a JavaScript date. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

export const MENTORSHIP_ENTITIES = [
  MentorshipRequestEntity,
  MentorshipEntity,
  NotificationEntity,
  ...MENTORSHIP_RECORD_ENTITIES,
  EmailOutboxEntity,
];
