/** Errors of the network and of the store client: the service could not be reached. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ESTOREREJECTED']);

/**
 * PostgreSQL answers (SQLSTATE) that say "not now" rather than "never":
 * the same request may well succeed a moment later, on a restarted server,
 * a promoted replica or a new connection.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '25006', // read_only_sql_transaction: the connection reaches a server demoted to standby by a failover
  '25P03', // idle_in_transaction_session_timeout: the server ended the session
  '53300', // too_many_connections
  '57P01', // admin_shutdown: PostgreSQL is stopping, or the backend was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: PostgreSQL is starting or still in recovery
  '57P04', // database_dropped
  '57P05', // idle_session_timeout
]);
/** Class 08, connection exception: every code in it (08000, 08003, 08006, 08001…). */
const CONNECTION_EXCEPTION_CLASS = /^08[0-9A-Z]{3}$/;

// TypeORM releases a query runner whose connection fails (the pg client's 'error' event), so
// the next query of a transaction cut off by a database restart fails with "already released".
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Query runner already released/i;

/**
 * True when the error means a backing service (database, store) could not
 * take the request now: unreachable, restarting, or read-only after a
 * failover. Such a request answers 503 with Retry-After, never 500.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, driverError } = error as { code?: unknown; message?: unknown; driverError?: unknown };
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || CONNECTION_EXCEPTION_CLASS.test(code))) return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  return driverError ? isConnectionFailure(driverError) : false;
}
