import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { ErrorCode } from '@app/common';
import { isConnectionError } from '@app/database';

export const UNAVAILABLE_MESSAGE = 'The database cannot be reached; try again shortly';

/** The answer for a database connection that failed or was closed: the client may try again. */
export function serviceUnavailable(cause: unknown): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    // Kept (never sent) so a read can see why it failed and try once more.
    originalError: cause instanceof Error ? cause : undefined,
  });
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Wraps every resolver so that, in a query, a field whose database connection failed or was
 * closed under it (a PostgreSQL restart, pg_terminate_backend, a connection the pool still held)
 * runs once more after a short pause, on a fresh connection, instead of failing the request.
 * The whole resolver runs again, guards and pipes included. Mutations are never run twice: a
 * mutation whose connection dropped may or may not have committed.
 */
export function retryReadsOnConnectionLoss(schema: GraphQLSchema, pauseMs = 100): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const wrapped: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
        if (info.operation.operation !== 'query') return resolve(source, args, context, info);
        const again = (): Promise<unknown> =>
          new Promise((done) => setTimeout(done, pauseMs)).then(() => resolve(source, args, context, info));
        let result: unknown;
        try {
          result = resolve(source, args, context, info);
        } catch (error) {
          if (isConnectionError(error)) return again();
          throw error;
        }
        if (!isThenable(result)) return isConnectionError(result) ? again() : result;
        // Nest's exception filter hands errors back as values; a throw gets here as a rejection.
        return Promise.resolve(result).then(
          (value) => (isConnectionError(value) ? again() : value),
          (error: unknown) => {
            if (isConnectionError(error)) return again();
            throw error;
          },
        );
      };
      field.resolve = wrapped;
    }
  }
  return schema;
}

/** SERVICE_UNAVAILABLE answering nothing at all (no data) is the whole request failing: HTTP 503. */
export const unavailableStatusPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        const body = response.body;
        if (body.kind !== 'single' || body.singleResult.data != null) return Promise.resolve();
        const codes = (body.singleResult.errors ?? []).map((e: GraphQLFormattedError) => e.extensions?.code);
        if (codes.includes(ErrorCode.SERVICE_UNAVAILABLE)) response.http.status = 503;
        return Promise.resolve();
      },
    });
  },
};
