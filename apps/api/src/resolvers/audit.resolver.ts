import { Args, Context, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AuditService } from '@app/audit';
import { Actor, Role } from '@app/common';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AuditEventsArgs } from '../inputs/audit.args';
import { AuditEventConnection, AuditEventModel } from '../models/audit-event.model';
import { connectionOf } from '../models/connection.model';
import { UserModel } from '../models/user.model';

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first (admins).' })
  async auditEvents(
    @CurrentActor() actor: Actor,
    @Args() { first, after, action, targetId, actorId }: AuditEventsArgs,
  ): Promise<InstanceType<typeof AuditEventConnection>> {
    const page = await this.audit.list(actor, { action, targetId, actorId }, { first, after });
    return connectionOf(page, AuditEventModel.from);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for the system (imports).' })
  async actor(@Root() event: AuditEventModel, @Context() ctx: GraphQLContext): Promise<UserModel | null> {
    if (!event.actorId) return null;
    const user = await ctx.loaders.userById.load(event.actorId);
    return user ? UserModel.from(user) : null;
  }
}
