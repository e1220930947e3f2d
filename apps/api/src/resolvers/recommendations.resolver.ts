import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Role, notFound } from '@app/common';
import { InterestSide, MatchInterestsService, RecommendationsService, ScoringService } from '@app/matching';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdArgs } from '../inputs/id.args';
import { RecommendedMentorsArgs, RecommendedOrganizationsArgs } from '../inputs/recommendation.args';
import {
  MentorRecommendationModel,
  OrganizationRecommendationModel,
  ScoringRunModel,
} from '../models/recommendation.model';

@Resolver()
export class RecommendationsResolver {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly scoring: ScoringService,
    private readonly interests: MatchInterestsService,
  ) {}

  @Query(() => [MentorRecommendationModel], {
    description:
      'Best mentors for an organisation, best first, among mentors taking requests who share a language. ' +
      'Owners see their organisations’, program managers those in their economies, admins all.',
  })
  async recommendedMentors(
    @CurrentActor() actor: Actor,
    @Args() { organizationId, first }: RecommendedMentorsArgs,
  ): Promise<MentorRecommendationModel[]> {
    const found = await this.recommendations.forOrganization(actor, organizationId, first);
    const signals = await this.interests.signalsOf(
      InterestSide.ORGANIZATION,
      [organizationId],
      found.map((r) => r.candidate.id),
    );
    return found.map((r) =>
      MentorRecommendationModel.from(r, signals.get(`${organizationId}:${r.candidate.id}`) ?? null),
    );
  }

  @Query(() => [OrganizationRecommendationModel], {
    description:
      'Best organisations for a mentor, best first. The mentor sees theirs, program managers those of mentors ' +
      'in their economies, admins all.',
  })
  async recommendedOrganizations(
    @CurrentActor() actor: Actor,
    @Args() { mentorId, first }: RecommendedOrganizationsArgs,
  ): Promise<OrganizationRecommendationModel[]> {
    const found = await this.recommendations.forMentor(actor, mentorId, first);
    const signals = await this.interests.signalsOf(
      InterestSide.MENTOR,
      found.map((r) => r.candidate.id),
      [mentorId],
    );
    return found.map((r) =>
      OrganizationRecommendationModel.from(r, signals.get(`${r.candidate.id}:${mentorId}`) ?? null),
    );
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ScoringRunModel, {
    description:
      'Recomputes every stored recommendation list in shards shared by all workers. Returns the run already ' +
      'queued or running, if there is one.',
  })
  async recomputeAllScores(@CurrentActor() actor: Actor): Promise<ScoringRunModel> {
    return ScoringRunModel.from(await this.scoring.startFullRun(actor.userId));
  }

  @Roles(Role.ADMIN)
  @Query(() => ScoringRunModel)
  async scoringRun(@Args() { id }: IdArgs): Promise<ScoringRunModel> {
    const run = await this.scoring.findRun(id);
    if (!run) throw notFound('Scoring run');
    return ScoringRunModel.from(run);
  }
}
