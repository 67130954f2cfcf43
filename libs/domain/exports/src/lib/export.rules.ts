import { Actor, DomainException, ErrorCode, PROGRAM_TIME_ZONE, Role, todayIso } from '@puente/common';

export const EXPORT_KINDS = ['APPLICANTS', 'EMPLOYERS', 'JOB_ORDERS', 'CONTINGENTS', 'STATISTICS'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LANGUAGES = ['ES', 'EN'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** A text in both languages of the exports. */
export interface Localized {
  es: string;
  en: string;
}

/** How a column's values are written: typed cells in a workbook, text in a CSV file. */
export type CellType = 'text' | 'number' | 'date' | 'datetime' | 'boolean';
/** A value as the sources give it: a date of the calendar as 'YYYY-MM-DD', an instant as a Date. */
export type CellValue = string | number | boolean | Date | null;

/** The field of `requestExport`'s input that carries each kind's filter (the list query's own filter input). */
export const FILTER_FIELD: Readonly<Record<ExportKind, 'applicants' | 'employers' | 'jobOrders' | 'contingents' | 'statistics'>> = {
  APPLICANTS: 'applicants',
  EMPLOYERS: 'employers',
  JOB_ORDERS: 'jobOrders',
  CONTINGENTS: 'contingents',
  STATISTICS: 'statistics',
};

/** How long a built file may be downloaded: 24 hours, then the nightly purge deletes it. */
export const FILE_TTL_MS = 24 * 3_600_000;
/** How long a download link works once it was handed out: 15 minutes (ask for the export again for a new one). */
export const LINK_TTL_MS = 15 * 60_000;
/** The most rows one export may hold: a worksheet holds 1,048,576 rows, the header among them. */
export const MAX_EXPORT_ROWS = 1_000_000;
/** The longest error message kept (the table refuses more). */
export const MAX_ERROR_LENGTH = 500;

/** Who may ask for an export, and download it: the ministry's coordinators and administrators. */
export function mayExport(role: Role | string): boolean {
  return role === Role.COORDINATOR || role === Role.ADMIN;
}

/**
 * The actor a list is read as for an export: the requester, an administrator as a coordinator (administrators
 * reach everything a coordinator reaches; the owners' list services know coordinators only).
 */
export function listReaderOf(actor: Actor): Actor {
  return actor.role === Role.ADMIN ? { ...actor, role: Role.COORDINATOR } : actor;
}

const present = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * The filter of an export from a request: the input's field of the export's kind, its empty fields dropped; none
 * is everything. Another kind's filter is refused (BAD_USER_INPUT naming it) rather than ignored, and a
 * statistics export needs its filter (the period).
 */
export function exportFilterOf(kind: ExportKind, input: Partial<Record<(typeof FILTER_FIELD)[ExportKind], object | null>>): Record<string, unknown> {
  const own = FILTER_FIELD[kind];
  const others = (Object.values(FILTER_FIELD) as string[]).filter((field) => field !== own && present(input[field as keyof typeof input]));
  DomainException.assertValid(others.map((field) => ({ field, message: `is not the filter of a ${kind} export; give only "${own}"` })));
  const given = input[own];
  if (kind === 'STATISTICS' && !given) DomainException.assertValid([{ field: own, message: 'is required: the period (from, to) of the statistics' }]);
  return Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => present(value)));
}

/** The names of the fields a filter sets, sorted: what the audit trail and the list of exports keep, never the values. */
export function filterFieldNames(filter: Record<string, unknown>): string[] {
  return Object.keys(filter)
    .filter((key) => present(filter[key]))
    .sort();
}

/**
 * Whether an export's rows carry personal data, so that building it is recorded in the audit trail: applicants
 * (names, DUI, contacts) and employers (their contact person's name, e-mail and phone).
 */
export function holdsPersonalData(kind: ExportKind): boolean {
  return kind === 'APPLICANTS' || kind === 'EMPLOYERS';
}

const FILE_KIND: Readonly<Record<ExportKind, string>> = {
  APPLICANTS: 'applicants',
  EMPLOYERS: 'employers',
  JOB_ORDERS: 'job-orders',
  CONTINGENTS: 'contingents',
  STATISTICS: 'statistics',
};

/** The name a file is downloaded under: `puente-applicants-2026-12-02.xlsx`, dated the day it was built in El Salvador. */
export function exportFileName(kind: ExportKind, format: ExportFormat, builtAt: Date): string {
  return `puente-${FILE_KIND[kind]}-${todayIso(builtAt)}.${format.toLowerCase()}`;
}

/** The media type a file is sent with. */
export function contentTypeOf(format: ExportFormat): string {
  return format === 'CSV' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

/** When a file built at `builtAt` expires: `FILE_TTL_MS` later. */
export function fileExpiresAt(builtAt: Date): Date {
  return new Date(builtAt.getTime() + FILE_TTL_MS);
}

/** One export holds at most `MAX_EXPORT_ROWS` rows; more is refused with what to do about it. */
export function assertRowLimit(rows: number): void {
  if (rows > MAX_EXPORT_ROWS) {
    throw new DomainException(
      ErrorCode.BAD_USER_INPUT,
      `More than ${MAX_EXPORT_ROWS.toLocaleString('en-US')} rows match this filter, more than a worksheet holds: narrow the filter and ask again.`,
    );
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is
 * written with a leading apostrophe, so opening a CSV file never runs what someone typed into a field (OWASP,
 * CSV injection). Other text is left as it is.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A header, a title or a word in the export's language. */
export function localized(text: Localized, language: ExportLanguage): string {
  return language === 'ES' ? text.es : text.en;
}

const YES_NO: Readonly<Record<ExportLanguage, [string, string]>> = { ES: ['Sí', 'No'], EN: ['Yes', 'No'] };

/** Made once: a formatter costs far more to build than to use, and an export writes an instant per cell. */
const WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const HOUR_MS = 3_600_000;
/** El Salvador's offset from UTC for each hour asked about (an offset changes on an hour, if ever), so Intl runs once an hour. */
const OFFSETS = new Map<number, number>();

function offsetAt(hourStart: number): number {
  let offset = OFFSETS.get(hourStart);
  if (offset === undefined) {
    const p: Record<string, string> = {};
    for (const part of WALL_CLOCK.formatToParts(new Date(hourStart))) p[part.type] = part.value;
    offset = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second'])) - hourStart;
    if (OFFSETS.size > 100_000) OFFSETS.clear();
    OFFSETS.set(hourStart, offset);
  }
  return offset;
}

/** An instant as El Salvador's wall clock, `YYYY-MM-DD HH:mm` (no daylight saving time there: UTC-6 all year). */
export function localDateTime(instant: Date): string {
  const t = instant.getTime();
  return new Date(t + offsetAt(Math.floor(t / HOUR_MS) * HOUR_MS)).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A cell of a CSV file: empty for no value, numbers as JavaScript writes them (a point for decimals), dates as
 * `YYYY-MM-DD`, instants in El Salvador's time, yes or no in the export's language, and text guarded against
 * formulas (`guardFormula`). Quoting is the CSV writer's (RFC 4180).
 */
export function csvCell(type: CellType, value: CellValue, language: ExportLanguage): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : value instanceof Date ? todayIso(value) : '';
    case 'datetime':
      return value instanceof Date ? localDateTime(value) : guardFormula(String(value));
    case 'boolean':
      return YES_NO[language][value ? 0 : 1];
    default:
      return guardFormula(String(value));
  }
}

/**
 * A cell of a workbook, typed: numbers as numbers, booleans as booleans, a date of the calendar as that day and
 * an instant as El Salvador's wall clock (Excel has no time zones: a Date whose UTC reading is that wall clock,
 * shown with the column's date format), text as text (a string cell is never a formula, so it needs no guard).
 */
export function xlsxCell(type: CellType, value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'date': {
      const day = typeof value === 'string' ? value.slice(0, 10) : value instanceof Date ? todayIso(value) : '';
      return /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
    }
    case 'datetime':
      return value instanceof Date ? new Date(`${localDateTime(value).replace(' ', 'T')}:00Z`) : String(value);
    case 'boolean':
      return Boolean(value);
    default:
      return String(value);
  }
}

/** The number format of a workbook column of this type (none for text and yes/no). */
export function xlsxNumberFormat(type: CellType): string | undefined {
  return type === 'date' ? 'yyyy-mm-dd' : type === 'datetime' ? 'yyyy-mm-dd hh:mm' : undefined;
}

/**
 * A worksheet's name from a table's title: Excel's rules (at most 31 characters, none of : \ / ? * [ ], not
 * empty) and unique in the workbook (a number added to a repeated name); `taken` gets the name.
 */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
  }
  taken.add(name);
  return name;
}

/**
 * The error an export failed with, as its requester reads it: a domain refusal says what to change; anything
 * else (a database or a worker that gave up) only that it failed, since its text may quote a value.
 */
export function failureMessage(error: unknown): string {
  const message = error instanceof DomainException ? error.message : 'The export could not be built. Ask for it again; if it fails again, tell the ministry\'s support.';
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

/**
 * Whether a failed build is tried again (the job thrown back to the queue): a refusal of the export itself (a
 * DomainException: a wrong filter, too many rows) never, as it would fail the same way; anything else until the
 * job's last attempt, after which the export is FAILED.
 */
export function retriesBuild(error: unknown, attempt: number, maxAttempts: number): boolean {
  return !(error instanceof DomainException) && attempt < maxAttempts;
}

/** What the download route answers when it does not send the file: no detail either way. */
export type DownloadRefusal = 'FORBIDDEN' | 'NOT_FOUND';

/**
 * Whether a user holding a valid link may download the export now: still active, still a coordinator or an
 * administrator (FORBIDDEN otherwise), and the export still theirs and ready, its file not expired (NOT_FOUND
 * otherwise, as for an export that does not exist). Null: send the file.
 */
export function downloadRefusal(
  user: { id: string; role: string; active: boolean } | null,
  exp: { requestedBy: string; status: string; expiresAt: Date | null } | null,
  now: Date,
): DownloadRefusal | null {
  if (!user || !user.active || !mayExport(user.role)) return 'FORBIDDEN';
  if (!exp || exp.requestedBy !== user.id || exp.status !== 'READY' || !exp.expiresAt || exp.expiresAt.getTime() <= now.getTime()) return 'NOT_FOUND';
  return null;
}
