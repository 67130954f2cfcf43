import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuthService } from '@puente/auth';
import { Actor, DomainException, ErrorCode, isUuid, Page, Role } from '@puente/common';
import { FieldCipher, PuenteConfig } from '@puente/config';
import { recordAudit } from '@puente/database';
import { UnitOfWork } from '@puente/queue';
import { DEFAULT_JOB_OPTIONS, jobId, JobName } from '@puente/queue-contracts';
import { downloadPath, linkExpiresAt, signExportLink, verifyExportLink } from './export-link.rules';
import { ExportSources } from './export-sources';
import { openWriter } from './export-writers';
import {
  contentTypeOf,
  downloadRefusal,
  DownloadRefusal,
  exportFileName,
  exportFilterOf,
  ExportFormat,
  ExportKind,
  ExportLanguage,
  failureMessage,
  fileExpiresAt,
  filterFieldNames,
  holdsPersonalData,
  localized,
  mayExport,
  retriesBuild,
} from './export.rules';
import { ExportStatus, exportStateMachine } from './export.state-machine';

/** What a coordinator asks for: a kind, a format, a language, and the list query's own filter of that kind. */
export interface RequestExport {
  kind: ExportKind;
  format: ExportFormat;
  language: ExportLanguage;
  applicants?: object | null;
  employers?: object | null;
  jobOrders?: object | null;
  contingents?: object | null;
  statistics?: object | null;
}

/** An export as its requester reads it; `downloadUrl` only while the file may be downloaded, signed for them. */
export interface ExportView {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  language: ExportLanguage;
  status: ExportStatus;
  filterFields: string[];
  rowCount: number | null;
  byteSize: number | null;
  requestedAt: Date;
  completedAt: Date | null;
  expiresAt: Date | null;
  downloadUrl: string | null;
  error: string | null;
  /** The keyset of `myExports`. */
  createdAt: Date;
}

/** What one build did: READY with its rows and bytes, FAILED (the error kept), or SKIPPED (nothing to build). */
export interface BuildResult {
  status: 'READY' | 'FAILED' | 'SKIPPED';
  rowCount: number;
  byteSize: number;
  parts: number;
}

/** A file ready to send: its name, type and size, and its bytes as a stream of its parts in order. */
export interface ExportDownload {
  fileName: string;
  contentType: string;
  byteSize: number;
  body: Readable;
}

interface ExportRow {
  id: string;
  requestedBy: string;
  requesterRole: 'COORDINATOR' | 'ADMIN';
  kind: ExportKind;
  format: ExportFormat;
  language: ExportLanguage;
  filter: Record<string, unknown>;
  filterFields: string[];
  status: ExportStatus;
  rowCount: number | null;
  byteSize: string | null;
  parts: number | null;
  error: string | null;
  completedAt: Date | null;
  expiresAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, requested_by AS "requestedBy", requester_role AS "requesterRole", kind, format, language, filter,
  filter_fields AS "filterFields", status, row_count AS "rowCount", byte_size AS "byteSize", parts, error,
  completed_at AS "completedAt", expires_at AS "expiresAt", created_at AS "createdAt"`;

/** A file is stored in parts of about this many bytes, each written as soon as it is full. */
export const PART_BYTES = 1024 * 1024;
/** How many rows a build reads from a list at a time. */
export const PAGE_ROWS = 1000;
/** The filter field holding a DUI (the applicants list's): kept encrypted, dropped with the file. */
const SECRET_FILTER_FIELD = 'nationalId';

/** Collects a file's bytes into parts of `PART_BYTES` and writes each to `export_file` in the build's transaction. */
class PartSink {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  parts = 0;
  bytes = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly exportId: string,
  ) {}

  readonly write = async (chunk: Buffer): Promise<void> => {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= PART_BYTES) await this.flush();
  };

  async flush(): Promise<void> {
    if (!this.pendingBytes) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.em.query(`INSERT INTO export_file (export_id, part, bytes) VALUES ($1, $2, $3)`, [this.exportId, this.parts, bytes]);
    this.parts++;
    this.bytes += bytes.length;
  }
}

/**
 * Exports of lists and statistics as CSV or Excel files. A request is stored and its build queued in one unit of
 * work (`exports.build`, job id = export id); the worker builds the file in one transaction under the export's row
 * lock, reading through the owners' services (ExportSources), writing the file in parts as it is produced, and
 * marks it READY (or FAILED, with an error without personal data). Building again rebuilds the file from the same
 * request. Its requester, and only they, read it and download it through a signed link for 24 hours; then the
 * nightly purge deletes the file. Building an export of personal data, and each download, are in the audit trail.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('exports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly sources: ExportSources,
    private readonly config: PuenteConfig,
    private readonly cipher: FieldCipher,
    private readonly auth: AuthService,
  ) {}

  /**
   * A coordinator or an administrator asks for an export (FORBIDDEN otherwise): stored PENDING with the filter of
   * its kind (another kind's filter is BAD_USER_INPUT), and its build queued in the same unit of work.
   */
  async request(actor: Actor, input: RequestExport): Promise<ExportView> {
    if (!mayExport(actor.role)) throw DomainException.forbidden('Only coordinators and administrators export.');
    const filter = exportFilterOf(input.kind, input as Parameters<typeof exportFilterOf>[1]);
    const stored = { ...filter };
    if (typeof stored[SECRET_FILTER_FIELD] === 'string') stored[SECRET_FILTER_FIELD] = this.cipher.encrypt('dui', stored[SECRET_FILTER_FIELD] as string);
    const row = await this.uow.run('exports.request', async (tx) => {
      const [created]: ExportRow[] = await tx.em.query(
        `INSERT INTO data_export (requested_by, requester_role, kind, format, language, filter, filter_fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [actor.userId, actor.role, input.kind, input.format, input.language, JSON.stringify(stored), filterFieldNames(filter)],
      );
      tx.addJob(JobName.BuildExport, { exportId: created!.id, requestId: actor.requestId }, { jobId: jobId(JobName.BuildExport, created!.id) });
      return created!;
    });
    return this.view(actor, row);
  }

  /** One of the actor's own exports; anyone else's, or none, is NOT_FOUND. */
  async findForActor(actor: Actor, id: string): Promise<ExportView> {
    const [row]: ExportRow[] = isUuid(id) ? await this.dataSource.query(`SELECT ${COLUMNS} FROM data_export WHERE id = $1 AND requested_by = $2`, [id, actor.userId]) : [];
    if (!row) throw DomainException.notFound('Export');
    return this.view(actor, row);
  }

  /** The actor's own exports, newest first, keyset-paged (none for a role that never exports). */
  async listForActor(actor: Actor, page: Page): Promise<ExportView[]> {
    const rows: ExportRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM data_export WHERE requested_by = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [actor.userId, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
    return rows.map((r) => this.view(actor, r));
  }

  /**
   * Builds an export's file (the `exports.build` job; the benchmark times it): under the export's row lock, the
   * old parts deleted, the rows read and written part by part, READY with its counts, its expiry and (for
   * personal data) its audit line, all in one transaction. An export already FAILED or EXPIRED is left alone
   * (SKIPPED). A refusal (a wrong filter, too many rows) fails it at once; any other error is thrown back to the
   * queue to be tried again, and fails it on the last attempt.
   */
  async build(exportId: string, options: { attempt?: number; maxAttempts?: number; pageSize?: number; now?: () => Date } = {}): Promise<BuildResult> {
    const skipped: BuildResult = { status: 'SKIPPED', rowCount: 0, byteSize: 0, parts: 0 };
    if (!isUuid(exportId)) return skipped;
    const now = options.now ?? (() => new Date());
    try {
      return await this.dataSource.transaction(async (em) => {
        const [row]: ExportRow[] = await em.query(`SELECT ${COLUMNS} FROM data_export WHERE id = $1 FOR UPDATE`, [exportId]);
        if (!row || !exportStateMachine.can(row.status, 'BUILD')) return skipped;
        const requester: Actor = { userId: row.requestedBy, role: row.requesterRole as Role, employerId: null, applicantId: null };
        await em.query(`DELETE FROM export_file WHERE export_id = $1`, [row.id]);
        const sink = new PartSink(em, row.id);
        const writer = openWriter(row.format, sink.write, { language: row.language, sections: row.kind === 'STATISTICS', created: row.createdAt });
        const tables = await this.sources.tables(row.kind, requester, this.filterOf(row), row.language, options.pageSize ?? PAGE_ROWS);
        let rowCount = 0;
        for (const table of tables) {
          await writer.sheet({ title: localized(table.title, row.language), columns: table.columns.map((c) => ({ header: localized(c.header, row.language), type: c.type })) });
          for await (const batch of table.batches) {
            await writer.rows(batch);
            rowCount += batch.length;
          }
        }
        await writer.close();
        await sink.flush();
        const builtAt = now();
        await em.query(
          `UPDATE data_export SET status = $2, row_count = $3, byte_size = $4, parts = $5, completed_at = $6, expires_at = $7, error = NULL, updated_at = now()
           WHERE id = $1`,
          [row.id, exportStateMachine.next(row.status, 'BUILD'), rowCount, sink.bytes, sink.parts, builtAt, fileExpiresAt(builtAt)],
        );
        if (holdsPersonalData(row.kind)) {
          // Who, what kind, the filter's field names and how many rows: never a value of the filter or of a row.
          await recordAudit(em, requester, {
            action: `export-${row.kind.toLowerCase().replace(/_/g, '-')}`,
            entity: 'data_export',
            entityId: row.id,
            fields: row.filterFields,
            reason: `${rowCount} rows, ${row.format}`,
          });
        }
        return { status: 'READY' as const, rowCount, byteSize: sink.bytes, parts: sink.parts };
      });
    } catch (error) {
      if (retriesBuild(error, options.attempt ?? 1, options.maxAttempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1)) throw error;
      this.logger.warn({ exportId, err: error }, 'Export failed');
      const failed = await this.fail(exportId, failureMessage(error), now());
      return failed ? { status: 'FAILED', rowCount: 0, byteSize: 0, parts: 0 } : skipped;
    }
  }

  /**
   * The nightly purge: every READY export whose file expired by `now` becomes EXPIRED, its parts deleted and a DUI
   * in its filter dropped. Returns how many. Running it again finds nothing more.
   */
  async purgeExpired(now: Date = new Date()): Promise<{ expired: number }> {
    // The READY → EXPIRED of exportStateMachine, for every file past its expiry at once, its parts deleted in the
    // same statement.
    const [{ expired }]: { expired: number }[] = await this.dataSource.query(
      `WITH expired AS (
         UPDATE data_export SET status = 'EXPIRED', filter = filter - $2, updated_at = now()
         WHERE status = 'READY' AND expires_at <= $1 RETURNING id
       ), gone AS (DELETE FROM export_file WHERE export_id IN (SELECT id FROM expired))
       SELECT count(*)::int AS expired FROM expired`,
      [now, SECRET_FILTER_FIELD],
    );
    return { expired };
  }

  /**
   * Opens a file for the download route: the link's signature, export and expiry (FORBIDDEN when any is wrong),
   * then its user still active and still a coordinator or an administrator (FORBIDDEN), the export still theirs,
   * READY and not expired (NOT_FOUND). Each download is in the audit trail. The refusal carries no detail.
   */
  async openDownload(exportId: string, token: string | null | undefined, now: Date = new Date()): Promise<ExportDownload | DownloadRefusal> {
    const link = verifyExportLink(token, this.config.exports.linkSecret, exportId, now);
    if (link.refusal) {
      this.logger.warn({ refusal: link.refusal }, 'Export link refused');
      return 'FORBIDDEN';
    }
    const { userId } = link.claims;
    const user = await this.auth.me({ userId, role: Role.COORDINATOR, employerId: null, applicantId: null }).catch(() => null);
    const [row]: ExportRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM data_export WHERE id = $1`, [link.claims.exportId]);
    const refusal = downloadRefusal(user && { id: user.id, role: user.role, active: user.active }, row ?? null, now);
    if (refusal || !row) return refusal ?? 'NOT_FOUND';
    await recordAudit(this.dataSource.manager, { userId, role: user!.role, employerId: null, applicantId: null }, {
      action: 'download-export',
      entity: 'data_export',
      entityId: row.id,
      fields: row.filterFields,
    });
    return {
      fileName: exportFileName(row.kind, row.format, row.completedAt ?? now),
      contentType: contentTypeOf(row.format),
      byteSize: Number(row.byteSize ?? 0),
      body: Readable.from(this.partsOf(row.id, row.parts ?? 0)),
    };
  }

  /** The parts of a file in order, one query each, so a large file is never all in memory. */
  private async *partsOf(exportId: string, parts: number): AsyncGenerator<Buffer> {
    for (let part = 0; part < parts; part++) {
      const [found]: { bytes: Buffer }[] = await this.dataSource.query(`SELECT bytes FROM export_file WHERE export_id = $1 AND part = $2`, [exportId, part]);
      if (!found) throw new DomainException(ErrorCode.NOT_FOUND, 'The file expired while it was downloaded.');
      yield found.bytes;
    }
  }

  /** PENDING → FAILED with the error (a DUI in the filter dropped); false when the export was not pending. */
  private async fail(exportId: string, error: string, at: Date): Promise<boolean> {
    // The FAIL of exportStateMachine: from PENDING only (a ready file stays as it was when a rebuild fails).
    const [{ failed }]: { failed: number }[] = await this.dataSource.query(
      `WITH failed AS (
         UPDATE data_export SET status = 'FAILED', error = $2, completed_at = $3, filter = filter - $4, updated_at = now()
         WHERE id = $1 AND status = 'PENDING' RETURNING id
       ) SELECT count(*)::int AS failed FROM failed`,
      [exportId, error, at, SECRET_FILTER_FIELD],
    );
    return failed > 0;
  }

  /** The stored filter with a DUI decrypted, for the build. */
  private filterOf(row: ExportRow): Record<string, unknown> {
    const filter = { ...row.filter };
    if (typeof filter[SECRET_FILTER_FIELD] === 'string') filter[SECRET_FILTER_FIELD] = this.cipher.decrypt('dui', filter[SECRET_FILTER_FIELD] as string);
    return filter;
  }

  private view(actor: Actor, row: ExportRow, now: Date = new Date()): ExportView {
    const downloadable = row.status === 'READY' && row.requestedBy === actor.userId && row.expiresAt !== null && row.expiresAt.getTime() > now.getTime();
    const downloadUrl = downloadable
      ? downloadPath(row.id, signExportLink({ exportId: row.id, userId: actor.userId, expiresAt: linkExpiresAt(now) }, this.config.exports.linkSecret))
      : null;
    return {
      id: row.id,
      kind: row.kind,
      format: row.format,
      language: row.language,
      status: row.status,
      filterFields: row.filterFields,
      rowCount: row.rowCount,
      byteSize: row.byteSize === null ? null : Number(row.byteSize),
      requestedAt: row.createdAt,
      completedAt: row.completedAt,
      expiresAt: row.expiresAt,
      downloadUrl,
      error: row.error,
      createdAt: row.createdAt,
    };
  }
}
