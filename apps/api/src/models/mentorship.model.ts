import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { MentorshipEntity, MentorshipRequestEntity, NotificationEntity } from '@app/mentorships';
import { Connection } from './connection.model';
import { DeclineReason, MentorshipStatus, NotificationKind, RequestSource, RequestStatus } from './enums';

@ObjectType('MentorshipRequest')
export class MentorshipRequestModel {
  @Field(() => ID)
  id: string;

  organizationId: string;
  mentorId: string;

  @Field(() => RequestStatus)
  status: RequestStatus;

  @Field(() => RequestSource)
  source: RequestSource;

  @Field()
  message: string;

  @Field(() => [String])
  goals: string[];

  @Field({ description: 'On expiry, send the request on to the best available mentor by itself.' })
  autoReroute: boolean;

  @Field(() => DeclineReason, { nullable: true })
  declineReason: DeclineReason | null;

  @Field(() => String, { nullable: true })
  declineComment: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field({ description: 'When it expires if still unanswered.' })
  expiresAt: Date;

  static from(r: MentorshipRequestEntity): MentorshipRequestModel {
    return Object.assign(new MentorshipRequestModel(), {
      id: r.id,
      organizationId: r.organizationId,
      mentorId: r.mentorId,
      status: r.status,
      source: r.source,
      message: r.message,
      goals: r.goals,
      autoReroute: r.autoReroute,
      declineReason: r.declineReason,
      declineComment: r.declineComment,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      expiresAt: r.expiresAt,
    });
  }
}

@ObjectType('Mentorship')
export class MentorshipModel {
  @Field(() => ID)
  id: string;

  requestId: string;
  organizationId: string;
  mentorId: string;

  @Field(() => MentorshipStatus)
  status: MentorshipStatus;

  @Field()
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  endedAt: Date | null;

  @Field(() => String, { nullable: true })
  endReason: string | null;

  static from(m: MentorshipEntity): MentorshipModel {
    return Object.assign(new MentorshipModel(), {
      id: m.id,
      requestId: m.requestId,
      organizationId: m.organizationId,
      mentorId: m.mentorId,
      status: m.status,
      startedAt: m.startedAt,
      endedAt: m.endedAt,
      endReason: m.endReason,
    });
  }
}

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => ID, { nullable: true, description: 'The mentorship request it is about, if any.' })
  requestId: string | null;

  @Field(() => ID, { nullable: true, description: 'The mentorship it is about, if any.' })
  mentorshipId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  static from(n: NotificationEntity): NotificationModel {
    return Object.assign(new NotificationModel(), {
      id: n.id,
      kind: n.kind,
      requestId: n.requestId,
      mentorshipId: n.mentorshipId,
      createdAt: n.createdAt,
      readAt: n.readAt,
    });
  }
}

export const MentorshipRequestConnection = Connection(MentorshipRequestModel, 'MentorshipRequest');
export const MentorshipConnection = Connection(MentorshipModel, 'Mentorship');
export const NotificationConnection = Connection(NotificationModel, 'Notification');
