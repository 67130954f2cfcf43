import { ErrorCode } from './error-code';

/** One problem with one input field, so a form can show the message beside the field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What services and rules throw. It carries no framework type: the api's error formatter turns it into a
 * GraphQL error with `extensions.code`, and the worker logs it.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    /** TOO_MANY_REQUESTS: when to try again, in seconds (extensions.retryAfterSeconds, and Retry-After over HTTP). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static notFound(what: string): DomainException {
    return new DomainException(ErrorCode.NOT_FOUND, `${what} was not found.`);
  }

  static forbidden(message = 'You are not allowed to do this.'): DomainException {
    return new DomainException(ErrorCode.FORBIDDEN, message);
  }

  static conflict(message: string): DomainException {
    return new DomainException(ErrorCode.CONFLICT, message);
  }

  /** Throws one BAD_USER_INPUT listing every problem, or nothing when the list is empty. */
  static assertValid(problems: readonly FieldProblem[]): void {
    if (problems.length === 0) return;
    const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `Please correct the input. ${summary}`, problems);
  }
}
