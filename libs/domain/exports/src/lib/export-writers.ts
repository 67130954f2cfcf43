import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { CellType, CellValue, csvCell, ExportFormat, ExportLanguage, guardFormula, sheetName, xlsxCell, xlsxNumberFormat } from './export.rules';

/** A table's head as written: its title and its columns' headers, in the export's language, and how each is typed. */
export interface SheetHead {
  title: string;
  columns: { header: string; type: CellType }[];
}

/** Where a file's bytes go as they are written (the export's parts in the database, or memory in a test). */
export type ByteSink = (chunk: Buffer) => Promise<void>;

/**
 * Writes one file table by table, rows in batches, with the writer's own backpressure: each call resolves once
 * what it wrote can be taken, so a large export is never all in memory.
 */
export interface FileWriter {
  sheet(head: SheetHead): Promise<void>;
  rows(rows: readonly (readonly CellValue[])[]): Promise<void>;
  /** Ends the file and resolves once the sink has taken its last byte. */
  close(): Promise<void>;
}

export interface WriterOptions {
  language: ExportLanguage;
  /** CSV: write each table's title above it, with a blank line between tables (a file of several tables). */
  sections: boolean;
  /** The workbook's creation date, the export's request: a rebuild writes the same properties. */
  created: Date;
}

/** A CSV file (RFC 4180, CRLF, UTF-8 with a BOM so Excel reads the accents) or an Excel workbook (streamed). */
export function openWriter(format: ExportFormat, sink: ByteSink, options: WriterOptions): FileWriter {
  return format === 'CSV' ? new CsvWriter(sink, options) : new XlsxWriter(sink, options);
}

/** Carries a stream's bytes to the sink; rejects (and stops the stream) when the sink fails. */
async function pump(readable: Readable, sink: ByteSink): Promise<void> {
  try {
    for await (const chunk of readable) await sink(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  } catch (error) {
    readable.destroy(error as Error);
    throw error;
  }
}

/** The bytes of a file on their way to the sink: `done` settles when the last one was taken or the sink failed. */
class Outlet {
  readonly done: Promise<void>;
  /** Rejects once the stream ended, for whatever reason: a writer waiting for room must not wait for ever. */
  private readonly ended: Promise<never>;
  private failure: unknown = null;

  constructor(
    private readonly stream: Readable & Writable,
    sink: ByteSink,
  ) {
    this.done = pump(stream, sink);
    this.done.catch((error: unknown) => (this.failure = error ?? new Error('The file could not be written.')));
    this.ended = this.done.then(() => Promise.reject(new Error('The file was closed while it was written.')));
    this.ended.catch(() => undefined);
  }

  /** Throws the sink's error once it failed: nothing more is written. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Waits until the stream takes more, or fails with the sink's error. */
  async drained(): Promise<void> {
    this.check();
    if (!this.stream.writableNeedDrain) return;
    await Promise.race([once(this.stream, 'drain'), this.ended]);
  }
}

class CsvWriter implements FileWriter {
  // RFC 4180: a field holding a comma, a quote or a line break (a lone LF or CR too) is quoted, a quote doubled.
  private readonly out = stringify({ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  private readonly outlet: Outlet;
  private types: CellType[] = [];
  private tables = 0;

  constructor(
    sink: ByteSink,
    private readonly options: WriterOptions,
  ) {
    this.outlet = new Outlet(this.out, sink);
  }

  async sheet(head: SheetHead): Promise<void> {
    if (this.options.sections) {
      if (this.tables > 0) await this.write(['']);
      await this.write([guardFormula(head.title)]);
    }
    this.tables++;
    this.types = head.columns.map((c) => c.type);
    await this.write(head.columns.map((c) => guardFormula(c.header)));
  }

  async rows(rows: readonly (readonly CellValue[])[]): Promise<void> {
    for (const row of rows) await this.write(row.map((value, i) => csvCell(this.types[i] ?? 'text', value, this.options.language)));
  }

  async close(): Promise<void> {
    this.outlet.check();
    this.out.end();
    await this.outlet.done;
  }

  private async write(record: string[]): Promise<void> {
    this.outlet.check();
    this.out.write(record);
    await this.outlet.drained();
  }
}

/** Characters wide: the header's length within 10 to 40, dates and instants as wide as they are written. */
function widthOf(column: SheetHead['columns'][number]): number {
  if (column.type === 'date') return Math.max(12, Math.min(column.header.length + 2, 40));
  if (column.type === 'datetime') return Math.max(17, Math.min(column.header.length + 2, 40));
  return Math.max(10, Math.min(column.header.length + 2, 40));
}

class XlsxWriter implements FileWriter {
  private readonly out = new PassThrough();
  private readonly outlet: Outlet;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly names = new Set<string>();
  private sheetOpen: ExcelJS.Worksheet | null = null;
  private types: CellType[] = [];
  /**
   * One style object per column, shared by every cell of the column (and one for empty cells): ExcelJS files a
   * style once per object it has seen, and a new object per cell made it work each cell's style out again, half of
   * a 100,000-row workbook's time.
   */
  private styles: Partial<ExcelJS.Style>[] = [];
  private readonly plain: Partial<ExcelJS.Style> = {};

  constructor(sink: ByteSink, options: WriterOptions) {
    this.outlet = new Outlet(this.out, sink);
    // Styles for the bold header and the date formats; inline strings, so no table of every string is kept in memory.
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.out, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'Puente';
    this.workbook.created = options.created;
    this.workbook.modified = options.created;
  }

  async sheet(head: SheetHead): Promise<void> {
    this.sheetOpen?.commit();
    const sheet = this.workbook.addWorksheet(sheetName(head.title, this.names), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    sheet.columns = head.columns.map((c, i) => ({ header: c.header, key: String(i), width: widthOf(c) }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    this.sheetOpen = sheet;
    this.types = head.columns.map((c) => c.type);
    this.styles = this.types.map((type) => {
      const numFmt = xlsxNumberFormat(type);
      return numFmt ? { numFmt } : this.plain;
    });
    await this.outlet.drained();
  }

  async rows(rows: readonly (readonly CellValue[])[]): Promise<void> {
    const sheet = this.sheetOpen;
    if (!sheet) throw new Error('A table starts with its head.');
    this.outlet.check();
    for (const values of rows) {
      const row = sheet.addRow(values.map((value, i) => xlsxCell(this.types[i] ?? 'text', value)));
      this.styles.forEach((style, i) => {
        row.getCell(i + 1).style = values[i] === null || values[i] === undefined ? this.plain : style;
      });
      row.commit();
    }
    // Let the compressed bytes reach the sink before the next batch is read.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await this.outlet.drained();
  }

  async close(): Promise<void> {
    this.outlet.check();
    this.sheetOpen?.commit();
    await Promise.all([this.workbook.commit(), this.outlet.done]);
  }
}
