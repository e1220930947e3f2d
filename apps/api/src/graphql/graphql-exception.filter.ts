import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '@app/common';
import { isConnectionError } from '@app/database';
import { serviceUnavailable } from './connection-loss';
import { isApiErrorCode } from './error-codes';
import { GRAPHQL_PATH } from './graphql.options';

/**
 * The one place errors become GraphQL errors: every DomainError keeps its code (one of
 * API_ERROR_CODES; a code no feature declared is a bug, logged and masked); validation failures
 * are BAD_USER_INPUT; a lost database connection is SERVICE_UNAVAILABLE; anything unexpected is
 * logged and masked. Requests to the GraphQL endpoint that the HTTP layer refuses get a GraphQL
 * error body too.
 */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return toGraphQLError(exception, this.logger);
    if (this.answeredAsGraphQL(exception, host)) return undefined;
    // Other HTTP routes (health): a filter that returns an error leaves the answer to Nest's own
    // handling, which sends an HttpException's body (throwing lost /health's report instead).
    return exception instanceof Error ? exception : new Error(String(exception));
  }

  private answeredAsGraphQL(exception: unknown, host: ArgumentsHost): boolean {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const refused = refusedBeforeGraphQL(exception, request);
    if (!refused) return false;
    const accept = String(request.headers.accept ?? '');
    void http
      .getResponse<FastifyReply>()
      .status(refused.status)
      .type(`${accept.includes(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : 'application/json'}; charset=utf-8`)
      .send({ errors: [{ message: refused.message, extensions: { code: refused.code } }] });
    return true;
  }
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * A request to the GraphQL endpoint that Fastify refused before Apollo saw it (a body too large,
 * not JSON, of a content type it does not read): answered as GraphQL, with a code, so clients
 * handle it like any other error.
 */
function refusedBeforeGraphQL(
  exception: unknown,
  request: FastifyRequest,
): { status: number; code: ErrorCode; message: string } | null {
  if (!(exception instanceof HttpException)) return null;
  const status = exception.getStatus();
  const cause = (exception as { cause?: { code?: unknown } }).cause;
  const fastifyCode = typeof cause?.code === 'string' ? cause.code : '';
  if (status < 400 || status >= 500 || !fastifyCode.startsWith('FST_ERR_')) return null;
  if (request.url.split('?')[0] !== GRAPHQL_PATH) return null;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body is too large' };
  }
  if (fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status, code: ErrorCode.BAD_REQUEST, message: 'The request body is not valid JSON' };
  }
  return { status, code: ErrorCode.BAD_REQUEST, message: exception.message };
}

export function toGraphQLError(exception: unknown, logger?: Logger): GraphQLError {
  if (exception instanceof GraphQLError) return exception;
  if (exception instanceof DomainError && isApiErrorCode(exception.code)) {
    return new GraphQLError(exception.message, {
      extensions: { code: exception.code, ...(exception.details ?? {}) },
    });
  }
  if (exception instanceof ThrottlerException) {
    return new GraphQLError('Too many requests; slow down', {
      extensions: { code: ErrorCode.TOO_MANY_REQUESTS },
    });
  }
  if (exception instanceof HttpException && exception.getStatus() === 400) {
    const response = exception.getResponse() as { message?: string | string[] };
    const messages = Array.isArray(response.message)
      ? response.message
      : [response.message ?? exception.message];
    return new GraphQLError(`Invalid input: ${messages.join('; ')}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, problems: messages },
    });
  }
  if (isConnectionError(exception)) {
    // Expected during a database restart or outage: a line, not a stack trace.
    logger?.warn(`Database connection lost: ${describe(exception)}`);
    return serviceUnavailable(exception);
  }
  logger?.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}

const describe = (error: unknown): string => {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === 'string' && part).join(' ');
};
