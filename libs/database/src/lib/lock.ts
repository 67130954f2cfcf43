import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { isUuid } from '@puente/common';

/**
 * Reads one row by id and locks it for the rest of the transaction (SELECT … FOR UPDATE), so two concurrent
 * transitions of the same aggregate run one after the other. A malformed id finds nothing instead of failing.
 */
export function lockForUpdate<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, id: string): Promise<T | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return em.createQueryBuilder(entity, 'row').where('row.id = :id', { id }).setLock('pessimistic_write').getOne();
}
