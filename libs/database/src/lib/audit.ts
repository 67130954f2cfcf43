import type { EntityManager } from 'typeorm';
import type { Actor, Page } from '@puente/common';

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

/** One request record: who, what (operation and the ids it targeted), from where, with which outcome. */
export interface AuditRecord {
  userId: string | null;
  /** The caller's role, or ANONYMOUS. */
  role: string;
  /** `mutation` for every mutation called, `read` for a staff read of applicants' personal data. */
  action: 'mutation' | 'read';
  operation: string;
  entity: string | null;
  targetIds: readonly string[];
  /** SUCCESS, or the error code the caller received. */
  outcome: string;
  ip: string | null;
  requestId: string | null;
}

export interface AuditLogFilter {
  userId?: string | null;
  operation?: string | null;
  entity?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditEventRow {
  id: string;
  createdAt: Date;
  userId: string | null;
  role: string;
  action: string;
  operation: string | null;
  entity: string | null;
  entityId: string | null;
  targetIds: string[];
  outcome: string;
  ip: string | null;
  requestId: string | null;
  reason: string | null;
  fields: string[];
}

const COLUMNS = `id, created_at AS "createdAt", actor_user_id AS "userId", actor_role AS role, action, operation, entity,
  entity_id AS "entityId", target_ids AS "targetIds", outcome, ip, request_id AS "requestId", reason, fields`;

/** Appends request records to the trail (append-only: the database refuses UPDATE and DELETE), in one statement. */
export async function appendAuditRecords(em: EntityManager, records: readonly AuditRecord[]): Promise<void> {
  if (!records.length) return;
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const values = records.map(
    (r) =>
      `(${param(r.userId)}::uuid, ${param(r.role)}, ${param(r.action)}, ${param(r.operation)}, ${param(r.entity)}, ` +
      `${param([...r.targetIds])}::uuid[], ${param(r.outcome)}, ${param(r.ip)}, ${param(r.requestId)})`,
  );
  await em.query(
    `INSERT INTO audit_event (actor_user_id, actor_role, action, operation, entity, target_ids, outcome, ip, request_id) VALUES ${values.join(', ')}`,
    params,
  );
}

/** The trail, newest first, keyset-paged on (created_at, id); the filter's ids are checked by the caller. */
export function listAuditEvents(em: EntityManager, filter: AuditLogFilter, page: Page): Promise<AuditEventRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.userId) where.push(`actor_user_id = ${param(filter.userId)}::uuid`);
  if (filter.operation) where.push(`${param(filter.operation)} IN (operation, action)`);
  if (filter.entity) where.push(`entity = ${param(filter.entity)}`);
  if (filter.entityId) {
    const id = param(filter.entityId);
    where.push(`(entity_id = ${id}::uuid OR target_ids @> ARRAY[${id}::uuid])`);
  }
  if (filter.from) where.push(`created_at >= ${param(filter.from)}::timestamptz`);
  if (filter.to) where.push(`created_at <= ${param(filter.to)}::timestamptz`);
  if (page.after) where.push(`(created_at, id) < (${param(page.after.createdAt)}::timestamptz, ${param(page.after.id)}::uuid)`);
  return em.query(
    `SELECT ${COLUMNS} FROM audit_event${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id DESC LIMIT ${param(page.limit + 1)}`,
    params,
  );
}
