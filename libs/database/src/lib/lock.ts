import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { isUuid, todayIso } from '@puente/common';

/**
 * Reads one row by id and locks it for the rest of the transaction (SELECT … FOR UPDATE), so two concurrent
 * transitions of the same aggregate run one after the other. A malformed id finds nothing instead of failing.
 */
export function lockForUpdate<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, id: string): Promise<T | null> {
  return lockRow(em, entity, id, 'pessimistic_write');
}

/** The same with a share lock (SELECT … FOR SHARE): readers go together, a writer of the row waits for them. */
export function lockForShare<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, id: string): Promise<T | null> {
  return lockRow(em, entity, id, 'pessimistic_read');
}

function lockRow<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, id: string, mode: 'pessimistic_write' | 'pessimistic_read'): Promise<T | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return em.createQueryBuilder(entity, 'row').where('row.id = :id', { id }).setLock(mode).getOne();
}

/**
 * The next human reference of a numbered record, e.g. `JO-2026-000042`: the prefix, El Salvador's year and the
 * sequence's next number, in the caller's transaction.
 */
export async function nextReference(em: EntityManager, sequence: string, prefix: string, now = new Date()): Promise<string> {
  const [{ n }] = await em.query(`SELECT nextval($1::regclass) AS n`, [sequence]);
  return `${prefix}-${todayIso(now).slice(0, 4)}-${String(n).padStart(6, '0')}`;
}
