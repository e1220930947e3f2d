import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, ErrorCode, forbidden, type Role } from '@app/common';
import type { GraphQLContext } from '../graphql/graphql-context';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

/** Global: every GraphQL resolver needs an authenticated actor unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const { actor, tokenRejected } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (!actor) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        tokenRejected ? 'The access token is invalid or expired' : 'Authentication required',
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((role) => actor.roles.includes(role))) throw forbidden();
    return true;
  }
}
