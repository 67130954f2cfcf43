import type { EntityManager } from 'typeorm';
import { Actor, DomainException, isUuid, requireReason } from '@puente/common';
import { lockForShare, lockForUpdate, recordAudit } from '@puente/database';
import { EmployerEntity } from './employer.entity';
import { assertHoldClearable, mayPlaceApprovalHold } from './employer.rules';

/*
 * The approval hold on an employer, placed and cleared in the caller's transaction (standing hears a case
 * decided and a coordinator's decision), so that only this library writes the employer table.
 */

/**
 * Places an approval hold on the employer, under its row lock, for a substantiated critical case: no order of
 * it is approved until a coordinator clears the hold (or suspends it). An employer already on hold keeps its
 * first hold. Gives the employer when a hold was placed, null when none was (none to place, or no employer).
 */
export async function placeApprovalHold(em: EntityManager, employerId: string, hold: { caseId: string | null; reason: string }): Promise<EmployerEntity | null> {
  const employer = await lockForUpdate(em, EmployerEntity, employerId);
  if (!employer || !mayPlaceApprovalHold(employer)) return null;
  Object.assign(employer, { approvalHoldCaseId: hold.caseId, approvalHoldSince: new Date(), approvalHoldReason: hold.reason });
  return em.save(employer);
}

/**
 * A coordinator clears the employer's approval hold, under its row lock, with a reason the audit trail keeps:
 * its orders can be approved again. NOT_FOUND without an employer, INVALID_TRANSITION without a hold. Gives the
 * employer and the hold it cleared.
 */
export async function clearApprovalHold(
  em: EntityManager,
  actor: Actor,
  employerId: string,
  reason: string,
): Promise<{ employer: EmployerEntity; cleared: { since: Date; caseId: string | null } }> {
  const why = requireReason(reason, 'for clearing the hold; the audit trail keeps it');
  const employer = await lockForUpdate(em, EmployerEntity, employerId);
  if (!employer) throw DomainException.notFound('Employer');
  assertHoldClearable(employer);
  const cleared = { since: employer.approvalHoldSince!, caseId: employer.approvalHoldCaseId };
  Object.assign(employer, { approvalHoldCaseId: null, approvalHoldSince: null, approvalHoldReason: null });
  const saved = await em.save(employer);
  await recordAudit(em, actor, { action: 'clear-approval-hold', entity: 'employer', entityId: employer.id, reason: why });
  return { employer: saved, cleared };
}

/**
 * The employer as an approval sees it, read under a share lock in the approval's transaction: a hold placed at
 * the same moment waits for the approval to commit, or the approval sees the hold.
 */
export function employerForApproval(em: EntityManager, employerId: string): Promise<EmployerEntity | null> {
  return lockForShare(em, EmployerEntity, employerId);
}

/** The approval holds of some employers (those on hold only), in the caller's transaction. */
export async function approvalHoldsOf(em: EntityManager, employerIds: readonly string[]): Promise<Map<string, { since: Date; caseId: string | null }>> {
  const ids = [...new Set(employerIds)].filter(isUuid);
  if (!ids.length) return new Map();
  const rows: { id: string; since: Date; caseId: string | null }[] = await em.query(
    `SELECT id, approval_hold_since AS since, approval_hold_case_id AS "caseId" FROM employer WHERE id = ANY($1::uuid[]) AND approval_hold_since IS NOT NULL`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { since: r.since, caseId: r.caseId }]));
}
