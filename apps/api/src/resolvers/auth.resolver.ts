import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountsService } from '@app/accounts';
import { Actor, Role } from '@app/common';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import type { GraphQLContext } from '../graphql/graphql-context';
import { connectionOf } from '../models/connection.model';
import { AuthPayloadModel, UserConnection, UserModel } from '../models/user.model';
import {
  CreateUserInput,
  LoginArgs,
  RegisterInput,
  UpdateUserRolesInput,
  UsersArgs,
} from '../inputs/auth.input';
import { IdArgs } from '../inputs/id.args';

@Resolver()
export class AuthResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Sign up as an MSME owner or a mentor.' })
  async register(@Args('input') input: RegisterInput): Promise<AuthPayloadModel> {
    const session = await this.accounts.register(input);
    return { token: session.token, user: UserModel.from(session.user, true) };
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Failures are limited per account and client, and per client: TOO_MANY_ATTEMPTS carries retryAfterSeconds.',
  })
  async login(
    @Args() { email, password }: LoginArgs,
    @Context() { req }: GraphQLContext,
  ): Promise<AuthPayloadModel> {
    // req.ip is the TCP peer unless TRUST_PROXY names the proxy in front.
    const session = await this.accounts.login(email, password, req.ip);
    return { token: session.token, user: UserModel.from(session.user, true) };
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return UserModel.from(await this.accounts.me(actor));
  }

  @Roles(Role.ADMIN)
  @Query(() => UserConnection)
  async users(
    @CurrentActor() actor: Actor,
    @Args() args: UsersArgs,
  ): Promise<InstanceType<typeof UserConnection>> {
    return connectionOf(await this.accounts.list(actor, args), UserModel.from);
  }

  @Query(() => UserModel, { description: 'A user: yourself, or anyone for admins.' })
  async user(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<UserModel> {
    return UserModel.from(await this.accounts.findById(actor, id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'Admins create program managers, admins and other accounts.' })
  async createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return UserModel.from(await this.accounts.createUser(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description:
      'Ends the user’s current sessions (UNAUTHENTICATED on their next request): they sign in again.',
  })
  async updateUserRoles(
    @CurrentActor() actor: Actor,
    @Args() { id }: IdArgs,
    @Args('input') input: UpdateUserRolesInput,
  ): Promise<UserModel> {
    return UserModel.from(await this.accounts.updateUserRoles(actor, id, input));
  }
}
