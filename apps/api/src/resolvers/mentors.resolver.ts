import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Actor, Role } from '@app/common';
import { MentorProfilesService } from '@app/profiles';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { GraphQLContext } from '../graphql/graphql-context';
import { IdArgs } from '../inputs/id.args';
import { MentorsArgs, UpsertMentorProfileInput } from '../inputs/mentor-profile.input';
import { connectionOf } from '../models/connection.model';
import { Gender } from '../models/enums';
import { MentorProfileConnection, MentorProfileModel } from '../models/mentor-profile.model';

@Resolver(() => MentorProfileModel)
export class MentorsResolver {
  constructor(private readonly profiles: MentorProfilesService) {}

  @Query(() => MentorProfileModel)
  async mentorProfile(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<MentorProfileModel> {
    return MentorProfileModel.from(await this.profiles.findOne(actor, id));
  }

  @Roles(Role.MENTOR)
  @Query(() => MentorProfileModel, { nullable: true, description: 'My profile, null until created.' })
  async myMentorProfile(@CurrentActor() actor: Actor): Promise<MentorProfileModel | null> {
    const profile = await this.profiles.findMine(actor);
    return profile ? MentorProfileModel.from(profile) : null;
  }

  @Query(() => MentorProfileConnection)
  async mentors(
    @CurrentActor() actor: Actor,
    @Args() { filter, first, after }: MentorsArgs,
  ): Promise<InstanceType<typeof MentorProfileConnection>> {
    const page = await this.profiles.list(actor, filter ?? {}, { first, after });
    return connectionOf(page, MentorProfileModel.from);
  }

  @Roles(Role.MENTOR)
  @Mutation(() => MentorProfileModel, {
    description: 'Creates my profile (headline, economy and languages required) or changes the fields given.',
  })
  async upsertMentorProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpsertMentorProfileInput,
  ): Promise<MentorProfileModel> {
    return MentorProfileModel.from(await this.profiles.upsert(actor, input));
  }

  @ResolveField(() => Gender, { nullable: true })
  gender(@Root() profile: MentorProfileModel, @Context() ctx: GraphQLContext): Gender | null {
    return ctx.actor && this.profiles.canSeeGender(ctx.actor, profile.userId) ? profile.gender : null;
  }
}
