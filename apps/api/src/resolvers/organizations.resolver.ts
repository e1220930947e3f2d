import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Actor } from '@app/common';
import { OrganizationsService, type OrganizationFields } from '@app/profiles';
import { CurrentActor } from '../auth/auth.decorators';
import type { GraphQLContext } from '../graphql/graphql-context';
import { IdArgs } from '../inputs/id.args';
import {
  CreateOrganizationInput,
  OrganizationsArgs,
  UpdateOrganizationArgs,
} from '../inputs/organization.input';
import { connectionOf } from '../models/connection.model';
import { OrganizationConnection, OrganizationModel } from '../models/organization.model';
import { UserModel } from '../models/user.model';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => OrganizationModel)
  async organization(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<OrganizationModel> {
    return OrganizationModel.from(await this.service.findOne(actor, id));
  }

  @Query(() => OrganizationConnection, {
    description: 'Owners see theirs, program managers their economies, admins all.',
  })
  async organizations(
    @CurrentActor() actor: Actor,
    @Args() { filter, first, after }: OrganizationsArgs,
  ): Promise<InstanceType<typeof OrganizationConnection>> {
    const page = await this.service.list(actor, filter ?? {}, { first, after });
    return connectionOf(page, OrganizationModel.from);
  }

  @Mutation(() => OrganizationModel)
  async createOrganization(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<OrganizationModel> {
    return OrganizationModel.from(await this.service.create(actor, input as OrganizationFields));
  }

  @Mutation(() => OrganizationModel, { description: 'Changes only the fields given.' })
  async updateOrganization(
    @CurrentActor() actor: Actor,
    @Args() { id, input }: UpdateOrganizationArgs,
  ): Promise<OrganizationModel> {
    const changes = input as Partial<OrganizationFields>;
    return OrganizationModel.from(await this.service.update(actor, id, changes));
  }

  @Mutation(() => OrganizationModel, { description: 'Returns the organisation as it was.' })
  async deleteOrganization(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<OrganizationModel> {
    return OrganizationModel.from(await this.service.delete(actor, id));
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The MSME owner account, if any.' })
  async owner(@Root() org: OrganizationModel, @Context() ctx: GraphQLContext): Promise<UserModel | null> {
    if (!org.ownerId) return null;
    const user = await ctx.loaders.userById.load(org.ownerId);
    return user ? UserModel.from(user) : null;
  }
}
