/**
 * PostgreSQL could not be reached, and the breaker refuses calls for a while (see DatabaseBreaker): no
 * connection was tried. `retryAfterMs` says when one probe goes through again.
 */
export class DatabaseUnavailableError extends Error {
  constructor(readonly retryAfterMs: number) {
    super('PostgreSQL is unreachable (circuit open)');
    this.name = 'DatabaseUnavailableError';
  }
}

/** Socket errors of a peer that is away, unreachable or gone mid-conversation. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
  // Node's own words for a socket that went away while the driver still wrote to or read from it.
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_SOCKET_CLOSED',
]);

/**
 * SQLSTATEs that say the server is away or will not take this session now: class 08 (connection
 * exception) is matched by prefix; admin/crash shutdown, "cannot connect now" (starting up, recovering),
 * idle-session timeout, too many connections.
 */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);

/**
 * What node-postgres and its pool say when a connection drops or cannot be made in time, and what
 * TypeORM says next inside a transaction whose connection dropped between two queries: it releases
 * that query runner on the socket's error event, so the transaction's next query finds it released.
 */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Connection ended unexpectedly',
  'Query runner already released',
];

/**
 * An error-like object. Not `instanceof Error`: errors from Node's own sockets come from another realm
 * under a test runner's sandbox, and drivers may throw plain objects.
 */
interface ErrorLike {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  driverError?: unknown;
}

const isErrorLike = (value: unknown): value is ErrorLike =>
  typeof value === 'object' && value !== null && ('message' in value || 'code' in value);

function lostHere(error: ErrorLike): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = typeof error.code === 'string' ? error.code : '';
  if (NETWORK_CODES.has(code) || SERVER_GONE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return DRIVER_MESSAGES.some((m) => message.includes(m));
}

/**
 * Whether a failure means PostgreSQL is out of reach (an outage: 503, try again), not that this
 * request was wrong or our code failed. Looks through TypeORM's wrapper (driverError), `cause` chains
 * and the AggregateError Node gives when every address of a host refused.
 */
export function isConnectionLoss(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e = queue.shift();
    if (!isErrorLike(e) || seen.has(e) || seen.size > 10) continue;
    seen.add(e);
    if (lostHere(e)) return true;
    // TypeORM's QueryFailedError keeps the driver's error; Node's AggregateError its attempts.
    queue.push(e.driverError, e.cause);
    if (Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]));
  }
  return false;
}

/**
 * How long after PostgreSQL was lost an error nobody recognised is still taken as part of the
 * outage: a dropped connection surfaces in more ways than the driver's words above (a released query
 * runner, a stream already destroyed …), and an outage is answered 503, never 500.
 */
export const OUTAGE_WINDOW_MS = 10_000;
let lastLossAt = Number.NEGATIVE_INFINITY;

/** Remembers that PostgreSQL was just lost: a dropped connection, a connect that failed. */
export function noteConnectionLoss(now = Date.now()): void {
  lastLossAt = now;
}

/** Whether PostgreSQL was lost within the outage window before `now`. */
export function duringConnectionLoss(now = Date.now(), windowMs = OUTAGE_WINDOW_MS): boolean {
  return now - lastLossAt <= windowMs;
}
