import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainException, ErrorCode } from '@puente/common';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * Domain exceptions are expected outcomes (a refusal, a bad input), not faults: hand them to the GraphQL error
 * formatter untouched instead of letting Nest log them as unhandled errors.
 */
@Catch(DomainException)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainException, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<{ header(name: string, value: string): void; status(code: number): { send(body: unknown): void } }>();
    // A plain HTTP route (the public feeds) refused by a throttle: when to try again, as GraphQL answers say it.
    if (exception.retryAfterSeconds) reply.header('retry-after', String(exception.retryAfterSeconds));
    reply.status(HTTP_STATUS[exception.code] ?? HttpStatus.BAD_REQUEST).send({ code: exception.code, message: exception.message });
    return undefined;
  }
}
