import type { EntityManager } from 'typeorm';
import { isUuid } from '@puente/common';
import { PlacementEntity } from './contingent.entity';
import { placementStateMachine } from './contingent.state-machine';

/*
 * How rehire locks and changes placements after they began (an end, a return, an evaluation window), in the
 * caller's transaction, so that only this library writes the placement table.
 */

/**
 * Reads one placement and locks it; null when there is none. FOR NO KEY UPDATE, not FOR UPDATE: writers of a
 * placement still take turns, but the foreign-key checks of rows that reference it (a decision or an evaluation
 * being inserted by a job holding the applicant's lock) are not blocked, so a job deciding the applicant and an
 * office correction of the placement cannot deadlock.
 */
export function lockPlacement(em: EntityManager, id: string): Promise<PlacementEntity | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return em.createQueryBuilder(PlacementEntity, 'p').where('p.id = :id', { id }).setLock('for_no_key_update').getOne();
}

/** Ends a placement, read under its lock, before the contract's end: early or abandoned, with who, why and whose fault. */
export function endPlacement(
  em: EntityManager,
  p: PlacementEntity,
  end: { event: 'TERMINATE_EARLY' | 'ABANDON' } & Pick<PlacementEntity, 'endedOn' | 'endedBy' | 'endReason' | 'endFault'>,
): Promise<PlacementEntity> {
  const { event, ...fields } = end;
  p.status = placementStateMachine.next(p.status, event);
  Object.assign(p, fields);
  return em.save(p);
}

/** The day the worker of a placement, read under its lock, was home. */
export function recordPlacementReturn(em: EntityManager, p: PlacementEntity, returnedOn: string): Promise<PlacementEntity> {
  p.returnedOn = returnedOn;
  return em.save(p);
}

/** Opens (or extends) the evaluation window of a placement, read under its lock, until a date. */
export function reopenPlacementEvaluation(em: EntityManager, p: PlacementEntity, until: string): Promise<PlacementEntity> {
  p.evaluationOpenUntil = until;
  return em.save(p);
}
