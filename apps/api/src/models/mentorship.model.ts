import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  EmailOutboxEntity,
  MentorshipEntity,
  MentorshipFeedbackEntity,
  MentorshipGoalEntity,
  MentorshipOutcomeEntity,
  MentorshipRequestEntity,
  MentorshipSessionEntity,
  NotificationEntity,
} from '@app/mentorships';
import { Connection } from './connection.model';
import {
  DeclineReason,
  FeedbackSide,
  FinancingBand,
  GoalStatus,
  MentorshipStatus,
  NotificationKind,
  OutcomeKind,
  RequestSource,
  RequestStatus,
} from './enums';

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

@ObjectType('OutboxEmail')
export class OutboxEmailModel {
  @Field(() => ID)
  id: string;

  @Field()
  toAddress: string;

  @Field({ description: 'The notification kind it was written for.' })
  template: string;

  @Field()
  subject: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  static from(e: EmailOutboxEntity): OutboxEmailModel {
    return Object.assign(new OutboxEmailModel(), {
      id: e.id,
      toAddress: e.toAddress,
      template: e.template,
      subject: e.subject,
      body: e.body,
      createdAt: e.createdAt,
      sentAt: e.sentAt,
      attempts: e.attempts,
      lastError: e.lastError,
    });
  }
}

export const OutboxEmailConnection = Connection(OutboxEmailModel, 'OutboxEmail');
export const MentorshipRequestConnection = Connection(MentorshipRequestModel, 'MentorshipRequest');
export const MentorshipConnection = Connection(MentorshipModel, 'Mentorship');
export const NotificationConnection = Connection(NotificationModel, 'Notification');

@ObjectType('MentorshipGoal')
export class MentorshipGoalModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => GoalStatus)
  status: GoalStatus;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(g: MentorshipGoalEntity): MentorshipGoalModel {
    return Object.assign(new MentorshipGoalModel(), {
      id: g.id,
      title: g.title,
      status: g.status,
      createdAt: g.createdAt,
      updatedAt: g.updatedAt,
    });
  }
}

@ObjectType('MentorshipSession')
export class MentorshipSessionModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'YYYY-MM-DD' })
  heldOn: string;

  @Field(() => Int)
  minutes: number;

  @Field(() => [String], { description: 'Expertise topic codes.' })
  topics: string[];

  @Field()
  notes: string;

  @Field()
  createdAt: Date;

  static from(s: MentorshipSessionEntity): MentorshipSessionModel {
    return Object.assign(new MentorshipSessionModel(), {
      id: s.id,
      heldOn: s.heldOn,
      minutes: s.minutes,
      topics: s.topics,
      notes: s.notes,
      createdAt: s.createdAt,
    });
  }
}

@ObjectType('MentorshipFeedback')
export class MentorshipFeedbackModel {
  @Field(() => FeedbackSide, { description: 'Who gave it.' })
  side: FeedbackSide;

  @Field(() => Int, { description: '1 to 5' })
  rating: number;

  @Field()
  comment: string;

  @Field()
  submittedAt: Date;

  static from(f: MentorshipFeedbackEntity): MentorshipFeedbackModel {
    return Object.assign(new MentorshipFeedbackModel(), {
      side: f.side,
      rating: f.rating,
      comment: f.comment,
      submittedAt: f.submittedAt,
    });
  }
}

@ObjectType('MentorshipOutcome')
export class MentorshipOutcomeModel {
  @Field(() => ID)
  id: string;

  @Field(() => OutcomeKind)
  kind: OutcomeKind;

  @Field(() => [String], { description: 'EXPORT_STARTED: economy codes exported to.' })
  economies: string[];

  @Field(() => FinancingBand, { nullable: true })
  financingBand: FinancingBand | null;

  @Field(() => Int, { nullable: true })
  jobsCreated: number | null;

  @Field()
  note: string;

  @Field()
  reportedAt: Date;

  @Field({ description: 'Featured by a program manager as a best-practice case study.' })
  caseStudy: boolean;

  @Field(() => String, { nullable: true })
  caseStudyNarrative: string | null;

  static from(o: MentorshipOutcomeEntity): MentorshipOutcomeModel {
    return Object.assign(new MentorshipOutcomeModel(), {
      id: o.id,
      kind: o.kind,
      economies: o.economies,
      financingBand: o.financingBand,
      jobsCreated: o.jobsCreated,
      note: o.note,
      reportedAt: o.reportedAt,
      caseStudy: o.caseStudyNarrative !== null,
      caseStudyNarrative: o.caseStudyNarrative,
    });
  }
}
