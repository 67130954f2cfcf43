import type { EntityManager } from 'typeorm';
import type { ApplicantHistory, FairnessContext } from './matching.model';

/**
 * A read port: policy v2 scores what past seasons say, from placements (contingents own them) and evaluations
 * (rehire owns them), but both libraries depend on matching, not the reverse. So matching declares what it needs
 * and rehire provides it under this token (a global provider of RehireModule). Each read runs in the caller's
 * transaction or manager.
 */
export interface SeasonHistoryReader {
  /** What is known of these applicants' past seasons; applicants without history are absent (NO_HISTORY). */
  historiesOf(em: EntityManager, applicantIds: readonly string[]): Promise<Map<string, ApplicantHistory>>;
  /** Deployments against registrants per municipality and gender, for the fairness term. */
  fairness(em: EntityManager): Promise<FairnessContext>;
  /** Applicants who worked for this employer (a placement that ended), in id order. */
  formerWorkersOf(em: EntityManager, employerId: string): Promise<string[]>;
}

export const SEASON_HISTORY_READER = Symbol('SeasonHistoryReader');
