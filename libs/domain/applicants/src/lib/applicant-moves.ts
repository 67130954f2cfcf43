import type { EntityManager } from 'typeorm';
import { lockForUpdate } from '@puente/database';
import { ApplicantEntity } from './applicant.entity';
import { APPLICANT_STATUSES, ApplicantEvent, ApplicantStatus, applicantStateMachine } from './applicant.state-machine';

/*
 * How other domains lock and move applicant rows, in the caller's transaction (the EntityManager they pass), so
 * that only this library writes the applicant table. Rows are always locked in id order (selection, seating and
 * rehire decisions alike), so no two transactions wait on each other in a cycle.
 */

/** Reads one applicant and locks the row for the rest of the caller's transaction; null when there is none. */
export function lockApplicant(em: EntityManager, id: string): Promise<ApplicantEntity | null> {
  return lockForUpdate(em, ApplicantEntity, id);
}

/** Reads the applicants with these ids and locks their rows, in id order. */
export function lockApplicants(em: EntityManager, ids: readonly string[]): Promise<ApplicantEntity[]> {
  if (!ids.length) return Promise.resolve([]);
  return em.createQueryBuilder(ApplicantEntity, 'a').where('a.id IN (:...ids)', { ids }).orderBy('a.id').setLock('pessimistic_write').getMany();
}

/**
 * Locks the rows of these applicants, in id order, without reading them: for a batch that reads what it needs in
 * set-based statements of its own (rehire decisions lock thousands at a time).
 */
export async function lockApplicantRows(em: EntityManager, ids: readonly string[]): Promise<void> {
  await em.query(`SELECT id FROM applicant WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]);
}

/** Moves one applicant, read under its lock, by an event of the state machine. */
export function moveApplicant(em: EntityManager, applicant: ApplicantEntity, event: ApplicantEvent): Promise<ApplicantEntity> {
  applicant.status = applicantStateMachine.next(applicant.status, event);
  return em.save(applicant);
}

/**
 * Moves applicants by an event of their state machine, rows locked in id order. With `from`, only those in one
 * of those statuses move; the others are left as they are.
 */
export async function moveApplicants(em: EntityManager, ids: readonly string[], event: ApplicantEvent, from?: readonly ApplicantStatus[]): Promise<void> {
  if (!ids.length) return;
  const applicants = await lockApplicants(em, ids);
  const moving = applicants.filter((a) => !from || from.includes(a.status));
  for (const a of moving) a.status = applicantStateMachine.next(a.status, event);
  await em.save(moving, { chunk: 500 });
}

/**
 * The same move in one set-based statement, for batches: only the applicants in one of the `from` statuses
 * (by default every status the event leaves) move, all to the event's one target. Returns how many moved.
 */
export async function moveApplicantsInBulk(
  em: EntityManager,
  ids: readonly string[],
  event: ApplicantEvent,
  from: readonly ApplicantStatus[] = APPLICANT_STATUSES.filter((status) => applicantStateMachine.can(status, event)),
): Promise<number> {
  const [, moved]: [unknown, number] = await em.query(`UPDATE applicant SET status = $2, updated_at = now() WHERE id = ANY($1) AND status = ANY($3)`, [
    ids,
    applicantStateMachine.next(from[0]!, event),
    from,
  ]);
  return moved;
}
