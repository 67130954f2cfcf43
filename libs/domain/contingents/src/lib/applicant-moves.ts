import type { EntityManager } from 'typeorm';
import { ApplicantEntity, ApplicantEvent, ApplicantStatus, applicantStateMachine } from '@puente/domain/applicants';

/**
 * Moves applicants by an event of their state machine, in the caller's transaction, rows locked in id order (as
 * selection and rehire decisions lock them, so none waits on another in a cycle). With `from`, only those in one
 * of those statuses move; the others are left as they are.
 */
export async function moveApplicants(em: EntityManager, ids: readonly string[], event: ApplicantEvent, from?: readonly ApplicantStatus[]): Promise<void> {
  if (!ids.length) return;
  const applicants = await em.createQueryBuilder(ApplicantEntity, 'a').where('a.id IN (:...ids)', { ids }).orderBy('a.id').setLock('pessimistic_write').getMany();
  const moving = applicants.filter((a) => !from || from.includes(a.status));
  for (const a of moving) a.status = applicantStateMachine.next(a.status, event);
  await em.save(moving, { chunk: 500 });
}
