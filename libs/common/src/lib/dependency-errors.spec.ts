import { unavailableDependency } from './dependency-errors';

const withCode = (message: string, code: string, name = 'Error') => Object.assign(new Error(message), { code, name });

describe('unavailableDependency', () => {
  it('names PostgreSQL for a refused or lost connection, in the shapes pg, pg-pool and TypeORM throw', () => {
    expect(unavailableDependency(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('postgres');
    expect(unavailableDependency(new Error('Connection terminated unexpectedly'))).toBe('postgres');
    expect(unavailableDependency(new Error('Connection terminated due to connection timeout'))).toBe('postgres');
    expect(unavailableDependency(new Error('timeout exceeded when trying to connect'))).toBe('postgres');
    // The server shutting down (57P01), starting (57P03), out of connections (53300), a class-08 failure.
    for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001']) expect(unavailableDependency(withCode('x', code))).toBe('postgres');
    // TypeORM's QueryFailedError carries the driver's error; Node's AggregateError holds the IPv4 and IPv6 refusals.
    expect(unavailableDependency(Object.assign(new Error('select'), { name: 'QueryFailedError', driverError: withCode('terminating connection due to administrator command', '57P01') }))).toBe('postgres');
    expect(unavailableDependency(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''))).toBe('postgres');
    expect(unavailableDependency(new Error('wrapped', { cause: withCode('read ECONNRESET', 'ECONNRESET') }))).toBe('postgres');
    // What graphql-js makes of a thrown value that is not an Error of its realm.
    expect(unavailableDependency(Object.assign(new Error('Unexpected error value'), { name: 'NonErrorThrown', thrownValue: { errno: -111, code: 'ECONNREFUSED', syscall: 'connect' } }))).toBe('postgres');
  });

  it('names Redis for the errors ioredis rejects commands with while its server is gone', () => {
    expect(unavailableDependency(Object.assign(new Error('Reached the max retries per request limit (which is 2). Refer to "maxRetriesPerRequest" option for details.'), { name: 'MaxRetriesPerRequestError' }))).toBe('redis');
    expect(unavailableDependency(new Error('Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'))).toBe('redis');
    expect(unavailableDependency(new Error('Connection is closed.'))).toBe('redis');
    expect(unavailableDependency(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe('redis');
  });

  it('leaves every other error alone: a refused query, a bug, a constraint, a lock timeout, nothing at all', () => {
    expect(unavailableDependency(withCode('duplicate key value violates unique constraint', '23505'))).toBeNull();
    expect(unavailableDependency(withCode('canceling statement due to lock timeout', '55P03'))).toBeNull();
    expect(unavailableDependency(withCode('syntax error at or near "x"', '42601'))).toBeNull();
    expect(unavailableDependency(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    expect(unavailableDependency(new Error('Connection terminated by the user, and then some'))).toBeNull();
    expect(unavailableDependency(Object.assign(new Error('select'), { name: 'QueryFailedError', driverError: withCode('deadlock detected', '40P01') }))).toBeNull();
    for (const nothing of [null, undefined, 'ECONNREFUSED', 42, {}]) expect(unavailableDependency(nothing)).toBeNull();
  });

  it('stops following causes that loop', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(unavailableDependency(a)).toBeNull();
  });
});
