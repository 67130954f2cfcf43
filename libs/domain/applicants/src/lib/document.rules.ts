import { addDays, cleanText, FieldProblem, isIsoDate, Problems } from '@puente/common';
import { normalizePassport } from './applicant.rules';

/** The documents Puente records for a worker, in the order they are shown. */
export const DOCUMENT_KINDS = ['PASSPORT', 'MEDICAL_CERTIFICATE', 'POLICE_RECORD', 'VISA'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Each kind in words, for the messages a coordinator and a worker read. */
export const DOCUMENT_NAMES: Readonly<Record<DocumentKind, { en: string; es: string }>> = {
  PASSPORT: { en: 'passport', es: 'pasaporte' },
  MEDICAL_CERTIFICATE: { en: 'medical certificate', es: 'certificado médico' },
  POLICE_RECORD: { en: 'police record', es: 'solvencia policial' },
  VISA: { en: 'visa', es: 'visa' },
};

/**
 * Whether a kind carries a number: a passport and a visa always, a police record when it shows one (the
 * solvencia has a control number, not every certificate does), a medical certificate never.
 */
export const DOCUMENT_NUMBER: Readonly<Record<DocumentKind, 'REQUIRED' | 'OPTIONAL' | 'NONE'>> = {
  PASSPORT: 'REQUIRED',
  VISA: 'REQUIRED',
  POLICE_RECORD: 'OPTIONAL',
  MEDICAL_CERTIFICATE: 'NONE',
};

/**
 * The kinds matching holds against the order's dates besides the passport (which has its own requirement): a
 * medical certificate or police record on file that expires before the contract's end plus the margin is an unmet
 * requirement. A visa is not among them: it is obtained for the contract after selection (pre-departure), so last
 * season's, expired or about to, says nothing about the next one; its expiry is still warned about.
 */
export const MATCHING_DOCUMENT_KINDS: readonly DocumentKind[] = ['MEDICAL_CERTIFICATE', 'POLICE_RECORD'];

/** The issuing authority as printed on the document, at most this many characters. */
export const MAX_AUTHORITY_LENGTH = 200;

/** What a coordinator types when recording a document they checked against the original. */
export interface DocumentDraft {
  kind: string;
  number?: string | null;
  issueDate: string;
  expiryDate: string;
  issuingAuthority: string;
}

/** A document number as stored and compared: capitals and digits, without spaces or dashes. */
export function normalizeDocumentNumber(raw: string): string {
  return normalizePassport(raw);
}

/**
 * What is wrong with a document a coordinator records, every problem at once and named by field: a known kind;
 * issue and expiry written YYYY-MM-DD, issued today at the latest, expiring after the issue (a passport after
 * today too, as registration and `updateApplicant` require, since it becomes the applicant's passport; another
 * document may be recorded expired: it is what the worker holds, and matching then names it); a number for a
 * passport (6 to 12 letters or digits, as registration) and a visa, none for a medical certificate, 4 to 20 letters
 * or digits when given; the issuing authority, 2 to 200 characters.
 */
export function documentProblems(d: DocumentDraft, today: string): FieldProblem[] {
  const p = new Problems();
  const kind = DOCUMENT_KINDS.includes(d.kind as DocumentKind) ? (d.kind as DocumentKind) : null;
  p.check(kind !== null, 'kind', `must be one of ${DOCUMENT_KINDS.join(', ')}`);
  const issueOk = isIsoDate(d.issueDate);
  p.check(issueOk, 'issueDate', 'must be a date written YYYY-MM-DD');
  if (issueOk) p.check(d.issueDate <= today, 'issueDate', `cannot be after today (${today})`);
  const expiryOk = isIsoDate(d.expiryDate);
  p.check(expiryOk, 'expiryDate', 'must be a date written YYYY-MM-DD');
  if (expiryOk && issueOk) p.check(d.expiryDate > d.issueDate, 'expiryDate', `must be after the issue date (${d.issueDate})`);
  if (expiryOk && kind === 'PASSPORT') {
    p.check(d.expiryDate > today, 'expiryDate', 'the passport has expired; record a valid passport');
  }
  const number = d.number ? normalizeDocumentNumber(d.number) : '';
  if (kind && DOCUMENT_NUMBER[kind] === 'REQUIRED') p.check(number !== '', 'number', `is required for a ${DOCUMENT_NAMES[kind].en}`);
  if (kind && DOCUMENT_NUMBER[kind] === 'NONE') p.check(number === '', 'number', `a ${DOCUMENT_NAMES[kind].en} has no number; leave it empty`);
  if (number && kind && DOCUMENT_NUMBER[kind] !== 'NONE') {
    if (kind === 'PASSPORT') p.check(/^[A-Z0-9]{6,12}$/.test(number), 'number', 'must be 6 to 12 letters or digits');
    else p.check(/^[A-Z0-9]{4,20}$/.test(number), 'number', 'must be 4 to 20 letters or digits');
  }
  const authority = cleanText(d.issuingAuthority);
  p.check(authority.length >= 2 && authority.length <= MAX_AUTHORITY_LENGTH, 'issuingAuthority', `must be between 2 and ${MAX_AUTHORITY_LENGTH} characters`);
  return p.list;
}

/** A number as shown to anyone but staff: its last three characters, the rest hidden (never its length). */
export function maskDocumentNumber(number: string): string {
  return `****${number.slice(-3)}`;
}

/** The fields of a recorded document, as the audit trail names them (never their values). */
export const DOCUMENT_FIELDS = ['number', 'issueDate', 'expiryDate', 'issuingAuthority'] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];
export type DocumentValues = Record<DocumentField, string | null>;

/**
 * The fields a new document changes against the one of its kind it supersedes (every field it has, when there is
 * none), named `<KIND>.<field>` for the audit trail: `POLICE_RECORD.expiryDate`.
 */
export function changedDocumentFields(kind: DocumentKind, previous: DocumentValues | null, next: DocumentValues): string[] {
  return DOCUMENT_FIELDS.filter((f) => (previous ? (previous[f] ?? null) !== (next[f] ?? null) : next[f] !== null)).map((f) => `${kind}.${f}`);
}

/** A current document as the expiry rules read it. */
export interface DocumentExpiry {
  kind: DocumentKind;
  expiryDate: string;
}

/**
 * The earliest expiry among the current documents matching holds against an order (`MATCHING_DOCUMENT_KINDS`),
 * with its kind for the message; null when none is on file. The applicant's `document_expiry` and
 * `document_expiry_kind` keep it, so matching compares one column per candidate. A tie goes to the kind listed
 * first in `DOCUMENT_KINDS`.
 */
export function earliestMatchingExpiry(current: readonly DocumentExpiry[]): DocumentExpiry | null {
  const held = current
    .filter((d) => MATCHING_DOCUMENT_KINDS.includes(d.kind))
    .sort((a, b) => a.expiryDate.localeCompare(b.expiryDate) || DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind));
  return held[0] ? { kind: held[0].kind, expiryDate: held[0].expiryDate } : null;
}

/** How many days before an expiry the worker and the coordinators are warned, earliest first. */
export const EXPIRY_WARNING_DAYS = [90, 60, 30] as const;
export type ExpiryWarningDays = (typeof EXPIRY_WARNING_DAYS)[number];

export interface PlannedWarning {
  days: ExpiryWarningDays;
  /** The day it goes out (El Salvador's calendar): the expiry less `days`. */
  warnOn: string;
}

/**
 * The expiry warnings still to send for a document, given the end of the worker's next contract (null: none is
 * known): only when the document expires before the contract ends (a document expiring on the last day of the
 * contract is valid through it), and only those whose day is today or later. A day already past is skipped, not
 * sent late, so a document recorded 45 days before it expires gets the 30-day warning only, and one recorded 90
 * days before gets all three, the first today.
 */
export function documentWarningDays(expiry: string, contractEnd: string | null, today: string): PlannedWarning[] {
  if (!contractEnd || expiry >= contractEnd) return [];
  return EXPIRY_WARNING_DAYS.map((days) => ({ days, warnOn: addDays(expiry, -days) })).filter((w) => w.warnOn >= today);
}

/**
 * Whether a planned warning still goes out when its job runs: the document is still the current one of its kind,
 * it still expires before the end of the worker's next contract, and the day planned is still `days` before its
 * expiry. Otherwise the job does nothing (a renewal, a contract that ended or changed meanwhile).
 */
export function expiryWarningStands(w: { current: boolean; expiry: string; contractEnd: string | null; days: number; warnOn: string }): boolean {
  return w.current && w.contractEnd !== null && w.expiry < w.contractEnd && addDays(w.expiry, -w.days) === w.warnOn;
}
