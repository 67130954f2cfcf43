import { Injectable } from '@nestjs/common';
import { Actor, Cursor, Page } from '@puente/common';
import { ApplicantFilter, ApplicantIdentifiers, ApplicantService } from '@puente/domain/applicants';
import { ContingentFilter, ContingentQueriesService } from '@puente/domain/contingents';
import { EmployerFilter, EmployerService } from '@puente/domain/employers';
import { JobOrderFilter, JobOrderService } from '@puente/domain/job-orders';
import { ReferenceService } from '@puente/domain/reference';
import { StatisticsFilterFacts, StatisticsService, StatisticsTable } from '@puente/domain/statistics';
import { applicantColumns, contingentColumns, employerColumns, ExportColumn, jobOrderColumns, LIST_TITLES } from './export-columns';
import { assertRowLimit, CellType, CellValue, ExportKind, ExportLanguage, listReaderOf, Localized } from './export.rules';

/** One table of an export: its title and columns in both languages, and its rows in batches, in order. */
export interface ExportTable {
  title: Localized;
  columns: { header: Localized; type: CellType }[];
  batches: AsyncIterable<CellValue[][]>;
}

/** Rows of a list read page after page through its owner's keyset (newest first), `size` at a time. */
async function* keysetPages<R extends { createdAt: Date; id: string }>(read: (page: Page) => Promise<R[]>, size: number): AsyncGenerator<R[]> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await read({ limit: size, after });
    const page = rows.slice(0, size);
    if (page.length) yield page;
    if (rows.length <= size || !page.length) return;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** The cells of each page, column by column, counting rows against the limit as they come. */
async function* cellsOf<R>(pages: AsyncIterable<R[]>, columns: ExportColumn<R>[], prepare?: (page: R[]) => Promise<void>): AsyncGenerator<CellValue[][]> {
  let count = 0;
  for await (const page of pages) {
    count += page.length;
    assertRowLimit(count);
    await prepare?.(page);
    yield page.map((row) => columns.map((c) => c.value(row)));
  }
}

function listTable<R>(title: Localized, columns: ExportColumn<R>[], pages: AsyncIterable<R[]>, prepare?: (page: R[]) => Promise<void>): ExportTable {
  return { title, columns: columns.map((c) => ({ header: c.header, type: c.type })), batches: cellsOf(pages, columns, prepare) };
}

/** A statistics table as a sheet: a column is numeric when any of its values is a number, text otherwise. */
export function statisticsTable(table: StatisticsTable): ExportTable {
  const columns = table.columns.map((c) => ({
    header: c.header,
    type: (table.rows.some((r) => typeof r[c.key] === 'number') ? 'number' : 'text') as CellType,
  }));
  assertRowLimit(table.rows.length);
  const rows = table.rows.map((r) => table.columns.map((c) => r[c.key] ?? null));
  return {
    title: table.title,
    columns,
    batches: (async function* () {
      yield rows;
    })(),
  };
}

/**
 * What each kind of export reads, through the owners' exported services only: the lists page by page on their
 * keysets (`ApplicantService.list`, `EmployerService.list`, `JobOrderService.list`, `ContingentQueriesService.listForActor`,
 * with the list queries' own filters, as the requester: an administrator as a coordinator), the statistics all
 * at once (`StatisticsService.tables`, one table per sheet).
 */
@Injectable()
export class ExportSources {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly identifiers: ApplicantIdentifiers,
    private readonly employers: EmployerService,
    private readonly orders: JobOrderService,
    private readonly contingents: ContingentQueriesService,
    private readonly reference: ReferenceService,
    private readonly statistics: StatisticsService,
  ) {}

  async tables(kind: ExportKind, requester: Actor, filter: Record<string, unknown>, language: ExportLanguage, pageSize: number): Promise<ExportTable[]> {
    const reader = listReaderOf(requester);
    const ref = await this.reference.data();
    switch (kind) {
      case 'APPLICANTS':
        return [
          listTable(
            LIST_TITLES.APPLICANTS,
            applicantColumns({ ref, nationalIdOf: (a) => this.identifiers.nationalIdOf(a) }),
            keysetPages((page) => this.applicants.list(reader, filter as ApplicantFilter, page), pageSize),
          ),
        ];
      case 'EMPLOYERS':
        return [listTable(LIST_TITLES.EMPLOYERS, employerColumns({ ref }), keysetPages((page) => this.employers.list(filter as EmployerFilter, page), pageSize))];
      case 'JOB_ORDERS': {
        // The employers' names, a page's at a time.
        const names = new Map<string, string | null>();
        const prepare = async (page: { employerId: string }[]) => {
          const missing = [...new Set(page.map((o) => o.employerId))].filter((id) => !names.has(id));
          if (!missing.length) return;
          (await this.employers.findByIds(missing)).forEach((e, i) => names.set(missing[i]!, e?.legalName ?? null));
        };
        return [
          listTable(
            LIST_TITLES.JOB_ORDERS,
            jobOrderColumns({ ref, employerName: (id) => names.get(id) ?? null }),
            keysetPages((page) => this.orders.list(reader, filter as JobOrderFilter, page), pageSize),
            prepare,
          ),
        ];
      }
      case 'CONTINGENTS':
        return [
          listTable(LIST_TITLES.CONTINGENTS, contingentColumns({ ref }), keysetPages((page) => this.contingents.listForActor(reader, filter as ContingentFilter, page), pageSize)),
        ];
      case 'STATISTICS':
        // Group and measure names in the export's language too.
        return (await this.statistics.tables(requester, { groupBy: [], ...filter } as unknown as StatisticsFilterFacts, language === 'ES' ? 'es' : 'en')).map(statisticsTable);
    }
  }
}
