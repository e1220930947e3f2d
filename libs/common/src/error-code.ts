/**
 * The codes any feature may raise, as GraphQL `extensions.code`. A feature adds codes of its own
 * in an enum beside its code (e.g. MentorshipErrorCode), without editing this file; the API's
 * one exception filter maps every DomainError to its code.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The operation exceeds a depth, alias, token or cost limit; rejected before any resolver runs. */
  QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED',
  /**
   * The database or the job queue cannot be reached; try again shortly. HTTP 503 when the
   * request could answer nothing.
   */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /**
   * The HTTP request is not a readable GraphQL request: a body that is not JSON, a content type
   * the server does not read, no query.
   */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The request body is larger than the server accepts (1 MiB); nothing in it ran. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * A failure the client caused or must know about; its message is safe to show. `code` is one of
 * ErrorCode or of a feature's own codes.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);

export const badInput = (message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, details);

export const forbidden = (message = 'You are not allowed to do this'): DomainError =>
  new DomainError(ErrorCode.FORBIDDEN, message);
