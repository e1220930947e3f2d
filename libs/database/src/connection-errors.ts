/**
 * PostgreSQL SQLSTATEs that mean the connection, not the statement, failed: class 08
 * (connection exception), admin_shutdown / crash_shutdown / cannot_connect_now (57P01-57P03,
 * a restart or pg_terminate_backend), too_many_connections (53300).
 */
const CONNECTION_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Socket and DNS failures reaching the server. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EAI_AGAIN',
]);

/** What node-postgres (`pg`, `pg-pool`) throws, as plain Errors without a code, when a connection fails. */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
];

/**
 * True when `error` (or what it wraps: TypeORM's `driverError`, `cause`, an `AggregateError`'s
 * errors, GraphQL's `originalError`) says the database connection failed or was closed, as
 * opposed to the statement being wrong. Such a failure is worth answering SERVICE_UNAVAILABLE and,
 * for a read, trying again on a fresh connection. Recognised by codes, not message text, except
 * for the few pg errors that have nothing else.
 */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const e = error as {
    stack?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  // An error, possibly from another realm (Node's own errors under Jest), not any object with a code.
  if (typeof e.stack !== 'string' || typeof e.message !== 'string') return false;
  if (typeof e.code === 'string') {
    if (CONNECTION_SQLSTATE.test(e.code) || SOCKET_CODES.has(e.code)) return true;
  } else if (PG_CONNECTION_MESSAGES.some((m) => m.test(e.message as string))) {
    return true;
  }
  const inner = [e.driverError, e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => x !== error && isConnectionError(x, depth + 1));
}
