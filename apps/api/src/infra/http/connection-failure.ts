const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: PostgreSQL is stopping
  '57P02',
  '57P03', // cannot_connect_now: PostgreSQL is starting
  '08000',
  '08003',
  '08006',
  'ESTOREREJECTED',
]);

// TypeORM releases a query runner whose connection fails (the pg client's 'error' event), so
// the next query of a transaction cut off by a database restart fails with "already released".
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Query runner already released/i;

/** True when the error means a backing service (database, store) could not be reached. */
export function isConnectionFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, driverError } = error as { code?: unknown; message?: unknown; driverError?: unknown };
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  return driverError ? isConnectionFailure(driverError) : false;
}
