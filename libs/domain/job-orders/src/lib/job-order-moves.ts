import type { EntityManager } from 'typeorm';
import { lockForUpdate } from '@puente/database';
import { JobOrderEntity } from './job-order.entity';
import { JobOrderEvent, jobOrderStateMachine } from './job-order.state-machine';

/*
 * How other domains lock and move job orders (matching fills them, contingents start, reopen and complete them,
 * rehire names workers on them), in the caller's transaction, so that only this library writes the job_order table.
 */

/** Reads one order and locks its row for the rest of the caller's transaction; null when there is none. */
export function lockJobOrder(em: EntityManager, id: string): Promise<JobOrderEntity | null> {
  return lockForUpdate(em, JobOrderEntity, id);
}

/** Moves orders by an event of their state machine (refused, as a whole, if one of them may not take it) and saves them. */
export function moveJobOrders(em: EntityManager, orders: JobOrderEntity[], event: JobOrderEvent): Promise<JobOrderEntity[]> {
  for (const order of orders) order.status = jobOrderStateMachine.next(order.status, event);
  return em.save(orders);
}
