import type { EntityManager } from 'typeorm';

/**
 * A read port: the users of a suspended employer cannot sign in or refresh, but employers own that status and
 * auth sits below the domains. So auth declares what it needs and the employers library provides it under this
 * token (a global provider of EmployersModule). Read in the caller's transaction.
 */
export interface EmployerStandingReader {
  isSuspended(em: EntityManager, employerId: string): Promise<boolean>;
}

export const EMPLOYER_STANDING_READER = Symbol('EmployerStandingReader');
