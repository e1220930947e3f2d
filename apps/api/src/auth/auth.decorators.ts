import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor, Role } from '@app/common';
import type { GraphQLContext } from '../graphql/graphql-context';

export const PUBLIC_KEY = 'mentorlink:public';
export const ROLES_KEY = 'mentorlink:roles';

/** Marks a resolver that anonymous callers may use; every other resolver requires a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Restricts a resolver to callers holding any of these roles (FORBIDDEN otherwise). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller (the guard has already ensured there is one). */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    GqlExecutionContext.create(context).getContext<GraphQLContext>().actor as Actor,
);
