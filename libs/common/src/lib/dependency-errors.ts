/**
 * Whether an error means a dependency (PostgreSQL or Redis) could not be reached, as opposed to a bug or a refused
 * query: the api answers those with SERVICE_UNAVAILABLE ("try again shortly") instead of masking them as internal
 * errors, and a job that meets one is retried by its queue. Reads only the error's shape (codes and class names of
 * node, pg, pg-pool, TypeORM and ioredis), never its message text beyond the fixed phrases those libraries use,
 * so nothing of a query reaches the caller.
 */
export type Dependency = 'postgres' | 'redis';

/** Node's socket errors: the server refused, reset or never answered. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL's SQLSTATEs for "not now": class 08 (connection exception), the server shutting down or starting
 * (57P01–57P03), too many connections (53300).
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;

/** The fixed messages pg and pg-pool throw when a connection cannot be had or is lost. */
const PG_CONNECTION_MESSAGES = /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Connection is not established)$/;

/** ioredis' fixed messages when the server is gone and commands cannot be sent. */
const REDIS_CONNECTION_MESSAGES = /^(Connection is closed\.|Stream isn't writeable and enableOfflineQueue options is false|Reached the max retries per request limit \(which is \d+\)\..*)$/s;

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  thrownValue?: unknown;
  errors?: unknown;
}

/** The dependency an error says is unreachable, or null when it is any other error. */
export function unavailableDependency(error: unknown, depth = 0): Dependency | null {
  if (!error || typeof error !== 'object' || depth > 4) return null;
  const e = error as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (name === 'MaxRetriesPerRequestError' || REDIS_CONNECTION_MESSAGES.test(message)) return 'redis';
  if (POSTGRES_UNAVAILABLE.test(code) || PG_CONNECTION_MESSAGES.test(message)) return 'postgres';
  // TypeORM wraps the driver's error; Node's AggregateError (a refused IPv4 and IPv6) holds several; graphql-js
  // wraps a thrown value that is not an Error of its own realm (NonErrorThrown).
  for (const inner of [e.driverError, e.cause, e.thrownValue, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const found = unavailableDependency(inner, depth + 1);
    if (found) return found;
  }
  // A bare socket error reaches a caller from pg only: ioredis keeps its socket errors to its 'error' event and
  // rejects commands with the messages above.
  if (NETWORK_CODES.has(code)) return 'postgres';
  return null;
}
