import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, ErrorCode, isUuid, Page } from '@puente/common';

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

/** Writes request records into `audit_event` (append-only: the database refuses UPDATE and DELETE) and reads the log. */
@Injectable()
export class AuditTrailService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(records: readonly AuditRecord[]): Promise<void> {
    if (!records.length) return;
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const values = records.map(
      (r) =>
        `(${param(r.userId)}::uuid, ${param(r.role)}, ${param(r.action)}, ${param(r.operation)}, ${param(r.entity)}, ` +
        `${param([...r.targetIds])}::uuid[], ${param(r.outcome)}, ${param(r.ip)}, ${param(r.requestId)})`,
    );
    await this.dataSource.query(
      `INSERT INTO audit_event (actor_user_id, actor_role, action, operation, entity, target_ids, outcome, ip, request_id) VALUES ${values.join(', ')}`,
      params,
    );
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async list(filter: AuditLogFilter, page: Page): Promise<AuditEventRow[]> {
    const invalid = (['userId', 'entityId'] as const).filter((k) => filter[k] != null && !isUuid(filter[k]!));
    if (invalid.length) {
      throw new DomainException(
        ErrorCode.BAD_USER_INPUT,
        'Filter by the id of a user or a record, as the audit log shows them.',
        invalid.map((field) => ({ field, message: 'not an id' })),
      );
    }
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, '"from" must not be after "to".', [{ field: 'from', message: 'after "to"' }]);
    }
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
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_event${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${param(page.limit + 1)}`,
      params,
    );
  }
}
