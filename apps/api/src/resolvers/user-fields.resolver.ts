import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { isAdmin } from '@app/common';
import type { GraphQLContext } from '../graphql/graphql-context';
import { EconomyModel } from '../models/taxonomy.model';
import { UserModel } from '../models/user.model';

/** Field-level privacy of accounts: email and managed economies to the user and admins only. */
@Resolver(() => UserModel)
export class UserFieldsResolver {
  @ResolveField(() => String, { nullable: true })
  email(@Root() user: UserModel, @Context() ctx: GraphQLContext): string | null {
    return canSeePrivate(user, ctx) ? user.email : null;
  }

  @ResolveField(() => [EconomyModel])
  managedEconomies(@Root() user: UserModel, @Context() ctx: GraphQLContext): EconomyModel[] {
    return canSeePrivate(user, ctx) ? user.managedEconomies : [];
  }
}

const canSeePrivate = (user: UserModel, ctx: GraphQLContext): boolean =>
  user.isCaller === true || (ctx.actor !== null && (ctx.actor.userId === user.id || isAdmin(ctx.actor)));
