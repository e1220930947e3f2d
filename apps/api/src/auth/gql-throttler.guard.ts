import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLContext } from '../graphql/graphql-context';

/** Per-client request limit; counts each root field, so aliases cannot multiply requests. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext): {
    req: FastifyRequest;
    res: FastifyReply;
  } {
    if (context.getType<string>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
      return { req: ctx.req, res: ctx.reply };
    }
    const http = context.switchToHttp();
    return { req: http.getRequest<FastifyRequest>(), res: http.getResponse<FastifyReply>() };
  }
}
