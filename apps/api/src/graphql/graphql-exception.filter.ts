import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { ThrottlerException } from '@nestjs/throttler';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '@app/common';
import { isApiErrorCode } from './error-codes';

/**
 * The one place errors become GraphQL errors: every DomainError keeps its code (one of
 * API_ERROR_CODES; a code no feature declared is a bug, logged and masked); validation failures
 * are BAD_USER_INPUT; anything unexpected is logged and masked.
 */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const error = toGraphQLError(exception, this.logger);
    if (host.getType<string>() === 'graphql') return error;
    // HTTP routes (health) are answered by Nest's own handling of HttpExceptions.
    throw exception;
  }
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
  logger?.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}
