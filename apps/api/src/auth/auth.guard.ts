import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { TokenService, type SessionActor } from '@app/accounts';
import { DomainError, ErrorCode, forbidden, type Role } from '@app/common';
import type { GraphQLContext } from '../graphql/graphql-context';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

/**
 * Global: every GraphQL resolver needs an authenticated actor unless marked @Public(). A token
 * whose version is no longer the user's (roles changed since it was issued) is refused from the
 * next request on: the caller must sign in again. On a public resolver such a caller is treated
 * as anonymous.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** One version check per request, however many root fields it has. */
  private readonly checks = new WeakMap<GraphQLContext, Promise<boolean>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (ctx.actor) {
      let check = this.checks.get(ctx);
      if (!check) {
        check = this.tokens.isCurrent(ctx.actor as SessionActor);
        this.checks.set(ctx, check);
      }
      if (!(await check)) {
        ctx.actor = null;
        ctx.tokenRejected = true;
      }
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const { actor, tokenRejected } = ctx;
    if (!actor) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, this.reason(ctx, tokenRejected));
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((role) => actor.roles.includes(role))) throw forbidden();
    return true;
  }

  private reason(ctx: GraphQLContext, tokenRejected: boolean): string {
    // A version check ran and failed: the signature was good, the roles behind it are not.
    if (this.checks.has(ctx)) return 'Your access has changed since you signed in; sign in again';
    return tokenRejected
      ? 'The access token is invalid or expired; sign in again'
      : 'Authentication required';
  }
}
