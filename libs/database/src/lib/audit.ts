import type { EntityManager } from 'typeorm';
import type { Actor } from '@puente/common';

export interface AuditEntry {
  /** What was done, `verb-noun` in kebab case: `update-applicant`, `cancel-job-order`, `waive-step`. */
  action: string;
  /** The table of the record acted on, and its id. */
  entity: string;
  entityId: string;
  /** The reason the person gave, when the operation asks for one. */
  reason?: string | null;
  /** The names of the fields changed, never their values. */
  fields?: readonly string[];
}

/**
 * Records who did what, in the caller's transaction, so an operation and its audit line commit together or not
 * at all. Only names and ids are kept: an audit trail must not become a second copy of personal data.
 */
export async function recordAudit(em: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
  await em.query(
    `INSERT INTO audit_event (actor_user_id, actor_role, action, entity, entity_id, reason, fields, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [actor.userId, actor.role, entry.action, entry.entity, entry.entityId, entry.reason ?? null, [...(entry.fields ?? [])], actor.requestId ?? null],
  );
}
