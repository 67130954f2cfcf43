import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, ErrorCode, isUuid, Page } from '@puente/common';
import { appendAuditRecords, AuditEventRow, AuditLogFilter, AuditRecord, listAuditEvents } from '@puente/database';

export type { AuditEventRow, AuditLogFilter, AuditRecord } from '@puente/database';

/** The api's request trail: appends request records and reads the log, through the database library's audit functions. */
@Injectable()
export class AuditTrailService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  append(records: readonly AuditRecord[]): Promise<void> {
    return appendAuditRecords(this.dataSource.manager, records);
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
    return listAuditEvents(this.dataSource.manager, filter, page);
  }
}
