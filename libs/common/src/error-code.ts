/** Every error a client can receive, as GraphQL `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
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
  /** The organisation already has the most open mentorship requests allowed. */
  TOO_MANY_OPEN_REQUESTS = 'TOO_MANY_OPEN_REQUESTS',
  /** The organisation already has an open request to this mentor. */
  DUPLICATE_REQUEST = 'DUPLICATE_REQUEST',
  /** The pair fails a hard gate (no shared language, mentor not taking requests). */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  /** The mentor runs as many mentorships as their capacity allows. */
  CAPACITY_FULL = 'CAPACITY_FULL',
  /** The request was already accepted, declined, cancelled, withdrawn or expired. */
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  /** The mentorship has already completed or ended. */
  NOT_ACTIVE = 'NOT_ACTIVE',
  /** Feedback opens once the mentorship has completed or ended. */
  NOT_FINISHED = 'NOT_FINISHED',
  /** This side has already given its feedback. */
  ALREADY_SUBMITTED = 'ALREADY_SUBMITTED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** HTTP status that best describes each code (used when a whole request fails). */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.EMAIL_TAKEN]: 409,
  [ErrorCode.INVALID_CREDENTIALS]: 401,
  [ErrorCode.TOO_MANY_ATTEMPTS]: 429,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.QUERY_LIMIT_EXCEEDED]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.TOO_MANY_OPEN_REQUESTS]: 409,
  [ErrorCode.DUPLICATE_REQUEST]: 409,
  [ErrorCode.NOT_ELIGIBLE]: 400,
  [ErrorCode.CAPACITY_FULL]: 409,
  [ErrorCode.ALREADY_DECIDED]: 409,
  [ErrorCode.NOT_ACTIVE]: 409,
  [ErrorCode.NOT_FINISHED]: 409,
  [ErrorCode.ALREADY_SUBMITTED]: 409,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/** A failure the client caused or must know about; its message is safe to show. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
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
