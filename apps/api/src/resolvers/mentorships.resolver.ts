import { Args, Context, Int, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Actor, notFound } from '@app/common';
import { RecommendationsService, type Recommendation } from '@app/matching';
import type { MentorProfileView } from '@app/profiles';
import {
  EmailDispatcher,
  MentorshipRecordsService,
  MentorshipRequestsService,
  MentorshipsService,
  NotificationsService,
} from '@app/mentorships';
import { CurrentActor } from '../auth/auth.decorators';
import type { GraphQLContext } from '../graphql/graphql-context';
import { IdArgs } from '../inputs/id.args';
import {
  AddGoalArgs,
  CaseStudyArgs,
  DeclineRequestArgs,
  LogSessionArgs,
  ReportOutcomesArgs,
  SubmitFeedbackArgs,
  UpdateGoalArgs,
  EndMentorshipArgs,
  MentorshipRequestsArgs,
  MentorshipsArgs,
  NotificationsArgs,
  OutboxArgs,
  RequestMentorshipInput,
} from '../inputs/mentorship.input';
import { connectionOf } from '../models/connection.model';
import { MentorProfileModel } from '../models/mentor-profile.model';
import {
  MentorshipConnection,
  MentorshipFeedbackModel,
  MentorshipGoalModel,
  MentorshipModel,
  MentorshipOutcomeModel,
  MentorshipSessionModel,
  MentorshipRequestConnection,
  MentorshipRequestModel,
  NotificationConnection,
  NotificationModel,
  OutboxEmailConnection,
  OutboxEmailModel,
} from '../models/mentorship.model';
import { OrganizationModel } from '../models/organization.model';
import { MentorRecommendationModel, PairMatchModel, breakdownOf } from '../models/recommendation.model';

/**
 * The organisation of a request or mentorship: whoever may see the record may see it (a mentor
 * sees the organisation that asked them). Null once the organisation has been deleted.
 */
async function organizationOf(
  record: { organizationId: string },
  ctx: GraphQLContext,
): Promise<OrganizationModel | null> {
  const found = await ctx.loaders.organizationById.load(record.organizationId);
  return found ? OrganizationModel.from(found) : null;
}

/** The mentor of a request or mentorship (mentor profiles are never deleted). */
async function mentorOf(record: { mentorId: string }, ctx: GraphQLContext): Promise<MentorProfileModel> {
  const found = await ctx.loaders.mentorById.load(record.mentorId);
  if (!found) throw notFound('Mentor profile');
  return MentorProfileModel.from(found);
}

@Resolver(() => MentorshipRequestModel)
export class MentorshipRequestsResolver {
  constructor(
    private readonly requests: MentorshipRequestsService,
    private readonly recommendations: RecommendationsService,
  ) {}

  @Mutation(() => MentorshipRequestModel, {
    description:
      'Asks a mentor to mentor an organisation (its owner only). Errors: MENTORS_WANTED_REACHED (it runs as ' +
      'many mentorships as mentorsWanted), NOT_ELIGIBLE (no shared language, mentor not taking requests), ' +
      'CAPACITY_FULL, DUPLICATE_REQUEST, TOO_MANY_OPEN_REQUESTS.',
  })
  async requestMentorship(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestMentorshipInput,
  ): Promise<MentorshipRequestModel> {
    return MentorshipRequestModel.from(await this.requests.request(actor, input));
  }

  @Mutation(() => MentorshipRequestModel, {
    description:
      'The mentor accepts: a mentorship starts. Errors: ALREADY_DECIDED, MENTORS_WANTED_REACHED, CAPACITY_FULL.',
  })
  async acceptMentorshipRequest(
    @CurrentActor() actor: Actor,
    @Args() { id }: IdArgs,
  ): Promise<MentorshipRequestModel> {
    return MentorshipRequestModel.from(await this.requests.accept(actor, id));
  }

  @Mutation(() => MentorshipRequestModel, {
    description: 'The mentor declines, with a reason. ALREADY_DECIDED if answered.',
  })
  async declineMentorshipRequest(
    @CurrentActor() actor: Actor,
    @Args() { id, reason, comment }: DeclineRequestArgs,
  ): Promise<MentorshipRequestModel> {
    return MentorshipRequestModel.from(await this.requests.decline(actor, id, reason, comment));
  }

  @Mutation(() => MentorshipRequestModel, {
    description: 'The owner withdraws an open request. ALREADY_DECIDED if answered.',
  })
  async cancelMentorshipRequest(
    @CurrentActor() actor: Actor,
    @Args() { id }: IdArgs,
  ): Promise<MentorshipRequestModel> {
    return MentorshipRequestModel.from(await this.requests.cancel(actor, id));
  }

  @Query(() => MentorshipRequestConnection, {
    description:
      'Newest first. Owners see their organisations’ requests, mentors those addressed to them, program ' +
      'managers those of organisations in their economies, admins all.',
  })
  async mentorshipRequests(
    @CurrentActor() actor: Actor,
    @Args() { filter, first, after }: MentorshipRequestsArgs,
  ): Promise<InstanceType<typeof MentorshipRequestConnection>> {
    const page = await this.requests.list(actor, filter ?? {}, { first, after });
    return connectionOf(page, MentorshipRequestModel.from);
  }

  @Query(() => MentorshipRequestModel)
  async mentorshipRequest(
    @CurrentActor() actor: Actor,
    @Args() { id }: IdArgs,
  ): Promise<MentorshipRequestModel> {
    return MentorshipRequestModel.from(await this.requests.findOne(actor, id));
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'Null once it has been deleted.' })
  async organization(
    @Root() r: MentorshipRequestModel,
    @Context() ctx: GraphQLContext,
  ): Promise<OrganizationModel | null> {
    return organizationOf(r, ctx);
  }

  @ResolveField(() => MentorProfileModel)
  async mentor(
    @Root() r: MentorshipRequestModel,
    @Context() ctx: GraphQLContext,
  ): Promise<MentorProfileModel> {
    return mentorOf(r, ctx);
  }

  @ResolveField(() => [MentorRecommendationModel], {
    description:
      'Once it has expired or been declined: mentors from the organisation’s recommendations who are open to ' +
      'requests and not yet asked, best first. For the owner and program managers; empty for others.',
  })
  async suggestedMentors(
    @CurrentActor() actor: Actor,
    @Root() r: MentorshipRequestModel,
    @Args('first', { type: () => Int, defaultValue: 3 }) first: number,
  ): Promise<MentorRecommendationModel[]> {
    const limit = Math.max(0, Math.min(first, 20));
    // Suggestions come from matching's recommendations (bound in @app/platform), so each is one.
    const suggestions = (await this.requests.suggestions(
      actor,
      r,
      limit,
    )) as Recommendation<MentorProfileView>[];
    return suggestions.map((s) => MentorRecommendationModel.from(s));
  }

  @ResolveField(() => PairMatchModel, {
    nullable: true,
    description:
      'The pair’s score and its breakdown from the current profiles (default weights), for whoever sees the ' +
      'request; null once the organisation has been deleted or they no longer share a language.',
  })
  async match(
    @Root() r: MentorshipRequestModel,
    @Context() ctx: GraphQLContext,
  ): Promise<PairMatchModel | null> {
    const [org, mentor] = await Promise.all([
      ctx.loaders.organizationById.load(r.organizationId),
      ctx.loaders.mentorById.load(r.mentorId),
    ]);
    const match = org && mentor ? this.recommendations.explainPair(org, mentor) : null;
    return match ? { score: match.score, breakdown: breakdownOf(match.breakdown) } : null;
  }

  @ResolveField(() => MentorshipModel, {
    nullable: true,
    description: 'The mentorship it started, once accepted.',
  })
  async mentorship(@Root() r: MentorshipRequestModel): Promise<MentorshipModel | null> {
    const found = await this.requests.mentorshipOf(r.id);
    return found ? MentorshipModel.from(found) : null;
  }
}

@Resolver(() => MentorshipModel)
export class MentorshipsResolver {
  constructor(
    private readonly service: MentorshipsService,
    private readonly records: MentorshipRecordsService,
  ) {}

  @Mutation(() => MentorshipGoalModel, { description: 'Either side adds a goal while the mentorship runs.' })
  async addMentorshipGoal(
    @CurrentActor() actor: Actor,
    @Args() { mentorshipId, title }: AddGoalArgs,
  ): Promise<MentorshipGoalModel> {
    return MentorshipGoalModel.from(await this.records.addGoal(actor, mentorshipId, title));
  }

  @Mutation(() => MentorshipGoalModel, { description: 'Either side moves a goal on (or renames it).' })
  async updateMentorshipGoal(
    @CurrentActor() actor: Actor,
    @Args() { id, status, title }: UpdateGoalArgs,
  ): Promise<MentorshipGoalModel> {
    return MentorshipGoalModel.from(await this.records.updateGoal(actor, id, { status, title }));
  }

  @Mutation(() => MentorshipSessionModel, {
    description: 'Either side logs a session held. NOT_ACTIVE once finished.',
  })
  async logMentorshipSession(
    @CurrentActor() actor: Actor,
    @Args() { mentorshipId, input }: LogSessionArgs,
  ): Promise<MentorshipSessionModel> {
    return MentorshipSessionModel.from(await this.records.logSession(actor, mentorshipId, input));
  }

  @Mutation(() => MentorshipFeedbackModel, {
    description:
      'Each side rates a finished mentorship once (1-5). The other side sees it once both have given theirs, ' +
      'or 14 days after the end. Errors: NOT_FINISHED, ALREADY_SUBMITTED.',
  })
  async submitMentorshipFeedback(
    @CurrentActor() actor: Actor,
    @Args() { mentorshipId, rating, comment }: SubmitFeedbackArgs,
  ): Promise<MentorshipFeedbackModel> {
    return MentorshipFeedbackModel.from(
      await this.records.submitFeedback(actor, mentorshipId, rating, comment),
    );
  }

  @Mutation(() => [MentorshipOutcomeModel], {
    description: 'The organisation’s owner reports what the mentorship led to (NONE if nothing).',
  })
  async reportMentorshipOutcomes(
    @CurrentActor() actor: Actor,
    @Args() { mentorshipId, outcomes }: ReportOutcomesArgs,
  ): Promise<MentorshipOutcomeModel[]> {
    const saved = await this.records.reportOutcomes(actor, mentorshipId, outcomes);
    return saved.map(MentorshipOutcomeModel.from);
  }

  @Mutation(() => MentorshipOutcomeModel, {
    description:
      'A program manager of the organisation’s economy features an outcome as a best-practice case study.',
  })
  async markOutcomeCaseStudy(
    @CurrentActor() actor: Actor,
    @Args() { outcomeId, narrative }: CaseStudyArgs,
  ): Promise<MentorshipOutcomeModel> {
    return MentorshipOutcomeModel.from(await this.records.markCaseStudy(actor, outcomeId, narrative));
  }

  @ResolveField(() => [MentorshipGoalModel])
  async goals(@Root() m: MentorshipModel): Promise<MentorshipGoalModel[]> {
    return (await this.records.goals(m.id)).map(MentorshipGoalModel.from);
  }

  @ResolveField(() => [MentorshipSessionModel], { description: 'Oldest first.' })
  async sessions(@Root() m: MentorshipModel): Promise<MentorshipSessionModel[]> {
    return (await this.records.sessions(m.id)).map(MentorshipSessionModel.from);
  }

  @ResolveField(() => [MentorshipFeedbackModel], {
    description: 'Your side’s, and the other side’s once both have given theirs or 14 days after the end.',
  })
  async feedback(
    @CurrentActor() actor: Actor,
    @Root() m: MentorshipModel,
  ): Promise<MentorshipFeedbackModel[]> {
    return (await this.records.feedback(actor, m.id)).map(MentorshipFeedbackModel.from);
  }

  @ResolveField(() => [MentorshipOutcomeModel])
  async outcomes(@Root() m: MentorshipModel): Promise<MentorshipOutcomeModel[]> {
    return (await this.records.outcomes(m.id)).map(MentorshipOutcomeModel.from);
  }

  @Query(() => MentorshipConnection, { description: 'Newest first; visible to the same people as requests.' })
  async mentorships(
    @CurrentActor() actor: Actor,
    @Args() { filter, first, after }: MentorshipsArgs,
  ): Promise<InstanceType<typeof MentorshipConnection>> {
    const page = await this.service.list(actor, filter ?? {}, { first, after });
    return connectionOf(page, MentorshipModel.from);
  }

  @Query(() => MentorshipModel)
  async mentorship(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<MentorshipModel> {
    return MentorshipModel.from(await this.service.findOne(actor, id));
  }

  @Mutation(() => MentorshipModel, {
    description: 'Either side marks it completed; the mentor’s capacity frees. NOT_ACTIVE if finished.',
  })
  async completeMentorship(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<MentorshipModel> {
    return MentorshipModel.from(await this.service.complete(actor, id));
  }

  @Mutation(() => MentorshipModel, {
    description: 'Either side ends it early, with a reason; the mentor’s capacity frees.',
  })
  async endMentorship(
    @CurrentActor() actor: Actor,
    @Args() { id, reason }: EndMentorshipArgs,
  ): Promise<MentorshipModel> {
    return MentorshipModel.from(await this.service.end(actor, id, reason));
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'Null once it has been deleted.' })
  async organization(
    @Root() m: MentorshipModel,
    @Context() ctx: GraphQLContext,
  ): Promise<OrganizationModel | null> {
    return organizationOf(m, ctx);
  }

  @ResolveField(() => MentorProfileModel)
  async mentor(@Root() m: MentorshipModel, @Context() ctx: GraphQLContext): Promise<MentorProfileModel> {
    return mentorOf(m, ctx);
  }
}

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly emails: EmailDispatcher,
  ) {}

  @Query(() => OutboxEmailConnection, {
    description: 'E-mails written, newest first (admins). Without SMTP_URL they are only kept here.',
  })
  async emailOutbox(
    @CurrentActor() actor: Actor,
    @Args() { unsentOnly, first, after }: OutboxArgs,
  ): Promise<InstanceType<typeof OutboxEmailConnection>> {
    const page = await this.emails.outbox(actor, unsentOnly ?? false, { first, after });
    return connectionOf(page, OutboxEmailModel.from);
  }

  @Query(() => NotificationConnection, { description: 'The caller’s own notifications, newest first.' })
  async notifications(
    @CurrentActor() actor: Actor,
    @Args() { unreadOnly, first, after }: NotificationsArgs,
  ): Promise<InstanceType<typeof NotificationConnection>> {
    const page = await this.service.list(actor, unreadOnly ?? false, { first, after });
    return connectionOf(page, NotificationModel.from);
  }

  @Mutation(() => NotificationModel)
  async markNotificationRead(
    @CurrentActor() actor: Actor,
    @Args() { id }: IdArgs,
  ): Promise<NotificationModel> {
    return NotificationModel.from(await this.service.markRead(actor, id));
  }
}
