import { DomainException, ErrorCode, FieldProblem } from '@puente/common';

/** What a worker can report: the kinds of harm a protection case is about (at least one per case). */
export const CASE_CATEGORIES = [
  'UNPAID_WAGES',
  'UNPAID_OVERTIME',
  'DOCUMENTS_WITHHELD',
  'RECRUITMENT_FEES',
  'HOUSING',
  'UNSAFE_WORK',
  'HARASSMENT_ABUSE',
  'CONTRACT_CHANGED',
  'MOVEMENT_RESTRICTED',
  'OTHER',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/**
 * The ILO's eleven indicators of forced labour ("ILO Indicators of Forced Labour", 2012), as a checklist: none
 * proves forced labour alone, several together point to it.
 */
export const FORCED_LABOUR_INDICATORS = [
  'ABUSE_OF_VULNERABILITY',
  'DECEPTION',
  'RESTRICTION_OF_MOVEMENT',
  'ISOLATION',
  'PHYSICAL_AND_SEXUAL_VIOLENCE',
  'INTIMIDATION_AND_THREATS',
  'RETENTION_OF_IDENTITY_DOCUMENTS',
  'WITHHOLDING_OF_WAGES',
  'DEBT_BONDAGE',
  'ABUSIVE_WORKING_AND_LIVING_CONDITIONS',
  'EXCESSIVE_OVERTIME',
] as const;
export type ForcedLabourIndicator = (typeof FORCED_LABOUR_INDICATORS)[number];

/** Severity, lowest first (the order `raiseSeverity` compares by). */
export const CASE_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];

/** What a substantiated case found: the employer at fault, or the worker's own misconduct. */
export const CASE_FINDINGS = ['EMPLOYER', 'WORKER_MISCONDUCT'] as const;
export type CaseFinding = (typeof CASE_FINDINGS)[number];

/** Who filed the case: the worker, or staff on the worker's behalf. */
export const CASE_REPORTER_ROLES = ['APPLICANT', 'COORDINATOR', 'CONSUL'] as const;
export type CaseReporterRole = (typeof CASE_REPORTER_ROLES)[number];

export const MAX_DESCRIPTION_LENGTH = 8000;
export const MIN_DESCRIPTION_LENGTH = 10;
export const MAX_AUTHORITY_LENGTH = 200;
export const MAX_NOTE_LENGTH = 4000;

const rank = (s: CaseSeverity) => CASE_SEVERITIES.indexOf(s);
const higher = (a: CaseSeverity, b: CaseSeverity): CaseSeverity => (rank(a) >= rank(b) ? a : b);

/** One reason the triage gave, with the severity it asks for at least. */
export interface TriageReason {
  code: string;
  severity: CaseSeverity;
  message: string;
}

export interface TriageResult {
  version: string;
  severity: CaseSeverity;
  /** Every rule that applied, highest first, so staff see why (not only the one that decided). */
  reasons: TriageReason[];
}

export interface TriageFacts {
  categories: readonly CaseCategory[];
  indicators: readonly ForcedLabourIndicator[];
}

export const TRIAGE_RULE_V1 = 'case-triage-v1';

/** The least severity each category asks for under v1 (harm to the person or their freedom: HIGH). */
const CATEGORY_SEVERITY_V1: Readonly<Record<CaseCategory, CaseSeverity>> = {
  UNPAID_WAGES: 'MEDIUM',
  UNPAID_OVERTIME: 'MEDIUM',
  DOCUMENTS_WITHHELD: 'HIGH',
  RECRUITMENT_FEES: 'MEDIUM',
  HOUSING: 'MEDIUM',
  UNSAFE_WORK: 'HIGH',
  HARASSMENT_ABUSE: 'HIGH',
  CONTRACT_CHANGED: 'MEDIUM',
  MOVEMENT_RESTRICTED: 'HIGH',
  OTHER: 'LOW',
};

/**
 * The triage rule v1: the severity of a new case from its categories and the forced-labour indicators checked,
 * with every reason. Documents withheld (the category or the indicator) together with restricted movement is
 * CRITICAL, as is physical or sexual violence or three indicators or more; two indicators are at least HIGH,
 * one at least MEDIUM; each category asks for its own least severity. The highest wins.
 */
export function triageCase(facts: TriageFacts): TriageResult {
  const categories = new Set(facts.categories);
  const indicators = new Set(facts.indicators);
  const reasons: TriageReason[] = [];
  const documents = categories.has('DOCUMENTS_WITHHELD') || indicators.has('RETENTION_OF_IDENTITY_DOCUMENTS');
  const movement = categories.has('MOVEMENT_RESTRICTED') || indicators.has('RESTRICTION_OF_MOVEMENT');
  if (documents && movement) {
    reasons.push({
      code: 'DOCUMENTS_AND_MOVEMENT',
      severity: 'CRITICAL',
      message: 'Identity documents withheld and movement restricted: the worker may be unable to leave.',
    });
  }
  if (indicators.has('PHYSICAL_AND_SEXUAL_VIOLENCE')) {
    reasons.push({ code: 'VIOLENCE', severity: 'CRITICAL', message: 'Physical or sexual violence reported.' });
  }
  const n = indicators.size;
  if (n >= 3) reasons.push({ code: 'INDICATORS_3_OR_MORE', severity: 'CRITICAL', message: `${n} forced-labour indicators checked (3 or more).` });
  else if (n === 2) reasons.push({ code: 'INDICATORS_2', severity: 'HIGH', message: '2 forced-labour indicators checked.' });
  else if (n === 1) reasons.push({ code: 'INDICATORS_1', severity: 'MEDIUM', message: `1 forced-labour indicator checked (${[...indicators][0]}).` });
  for (const c of CASE_CATEGORIES) {
    if (categories.has(c)) reasons.push({ code: `CATEGORY_${c}`, severity: CATEGORY_SEVERITY_V1[c], message: `Category ${c} is at least ${CATEGORY_SEVERITY_V1[c]}.` });
  }
  const severity = reasons.reduce<CaseSeverity>((s, r) => higher(s, r.severity), 'LOW');
  reasons.sort((a, b) => rank(b.severity) - rank(a.severity));
  return { version: TRIAGE_RULE_V1, severity, reasons };
}

/** The triage rules by version, so a stored case's reasons are told by the rule that triaged it. */
export const TRIAGE_RULES: Readonly<Record<string, (facts: TriageFacts) => TriageResult>> = { [TRIAGE_RULE_V1]: triageCase };

export interface CaseReportDraft {
  categories: readonly string[];
  indicators?: readonly string[] | null;
  description: string;
}

/**
 * What a report must hold: one category at least, each known and once; indicators from the ILO list, each once;
 * a description of 10 to 8,000 characters. Every problem at once, each naming its field.
 */
export function caseReportProblems(draft: CaseReportDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const cats = draft.categories ?? [];
  if (cats.length === 0) problems.push({ field: 'categories', message: 'name at least one category' });
  const unknownCat = cats.find((c) => !(CASE_CATEGORIES as readonly string[]).includes(c));
  if (unknownCat) problems.push({ field: 'categories', message: `unknown category ${unknownCat}` });
  else if (new Set(cats).size !== cats.length) problems.push({ field: 'categories', message: 'each category once' });
  const inds = draft.indicators ?? [];
  const unknownInd = inds.find((i) => !(FORCED_LABOUR_INDICATORS as readonly string[]).includes(i));
  if (unknownInd) problems.push({ field: 'indicators', message: `unknown indicator ${unknownInd}` });
  else if (new Set(inds).size !== inds.length) problems.push({ field: 'indicators', message: 'each indicator once' });
  const len = (draft.description ?? '').trim().length;
  if (len < MIN_DESCRIPTION_LENGTH || len > MAX_DESCRIPTION_LENGTH) {
    problems.push({ field: 'description', message: `must be ${MIN_DESCRIPTION_LENGTH} to ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  return problems;
}

/**
 * Staff change a case's severity only upwards, with a reason: lowering is refused (a case triaged too high is
 * decided UNSUBSTANTIATED with a note, never quietly downgraded), and so is "raising" to the same level.
 * Returns the new severity.
 */
export function raiseSeverity(current: CaseSeverity, requested: CaseSeverity, reason: string | null | undefined): CaseSeverity {
  if (rank(requested) < rank(current)) {
    throw new DomainException(
      ErrorCode.BAD_USER_INPUT,
      `A case's severity can only be raised: it is ${current}, and ${requested} is lower. Record what changed in a note instead, or decide the case.`,
      [{ field: 'severity', message: `must be above ${current}` }],
    );
  }
  if (requested === current) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, `The case is already ${current}.`, [{ field: 'severity', message: `must be above ${current}` }]);
  }
  if (!reason || reason.trim().length < MIN_DESCRIPTION_LENGTH) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Say why the severity is raised (at least 10 characters); the case keeps the reason.', [
      { field: 'severityReason', message: 'required to raise the severity' },
    ]);
  }
  return requested;
}

/** The deadline policy: how long each severity gives staff for a case's next step. */
export interface CaseDeadlinePolicy {
  version: string;
  hoursBySeverity: Readonly<Record<CaseSeverity, number>>;
}

export const CASE_DEADLINE_POLICY_V1: CaseDeadlinePolicy = {
  version: 'case-deadlines-v1',
  hoursBySeverity: { CRITICAL: 24, HIGH: 72, MEDIUM: 7 * 24, LOW: 14 * 24 },
};

/** Statuses with a next step that has a deadline: the case is still open (not yet decided). */
export const STATUSES_WITH_DEADLINE = ['REPORTED', 'TRIAGED', 'INVESTIGATING', 'REFERRED'] as const;

/**
 * When a case's next step is due: the policy's hours for its severity after the step began (a report or a
 * transition); none once the case is decided or closed.
 */
export function nextStepDue(status: string, severity: CaseSeverity, stepStartedAt: Date, policy: CaseDeadlinePolicy = CASE_DEADLINE_POLICY_V1): Date | null {
  if (!(STATUSES_WITH_DEADLINE as readonly string[]).includes(status)) return null;
  return new Date(stepStartedAt.getTime() + policy.hoursBySeverity[severity] * 3_600_000);
}

/**
 * The deadline after a severity raise: the sooner of the current one and the new severity's hours from now, so a
 * raise never gives staff more time.
 */
export function dueAfterRaise(currentDue: Date | null, severity: CaseSeverity, now: Date, policy: CaseDeadlinePolicy = CASE_DEADLINE_POLICY_V1): Date | null {
  if (!currentDue) return null;
  const fresh = new Date(now.getTime() + policy.hoursBySeverity[severity] * 3_600_000);
  return fresh < currentDue ? fresh : currentDue;
}

/** Whether an overdue check planned for `plannedDue` applies now: the case still waits for that same deadline, and it has passed. */
export function isOverdue(current: { nextStepDueAt: Date | null; overdueSince: Date | null }, plannedDue: Date, now: Date): boolean {
  if (!current.nextStepDueAt || current.nextStepDueAt.getTime() !== plannedDue.getTime()) return false;
  return current.overdueSince === null && now.getTime() >= plannedDue.getTime();
}

/** How long after coming home (or the placement's end) a worker may still report a case about it. */
export const REPORTING_WINDOW_YEARS = 1;

export interface PlacementForReport {
  status: string;
  endDate: string;
  endedOn: string | null;
  returnedOn: string | null;
}

/** The last day a worker may report a case about a placement, or null while it is active (always open). */
export function reportingWindowCloses(p: PlacementForReport): string | null {
  if (p.status === 'ACTIVE') return null;
  const from = p.returnedOn ?? p.endedOn ?? p.endDate;
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + REPORTING_WINDOW_YEARS);
  return d.toISOString().slice(0, 10);
}

/**
 * A worker reports about their own placement while it is active and up to a year after they came home (or, if
 * no return is recorded, after it ended). Staff reporting on a worker's behalf are not bound by the window: a
 * case can come to light later, through an inspection or another worker.
 */
export function assertWithinReportingWindow(p: PlacementForReport, today: string): void {
  const closes = reportingWindowCloses(p);
  if (closes && today > closes) {
    throw new DomainException(
      ErrorCode.BAD_USER_INPUT,
      `Cases about this placement could be reported until ${closes}, a year after it ended. Please call your coordinator or the consulate, who can still open one for you.`,
      [{ field: 'placementId', message: `reporting closed on ${closes}` }],
    );
  }
}

/** The user a case would be assigned to, as auth keeps them. */
export interface AssigneeFacts {
  role: string;
  active: boolean;
  regionCodes: readonly string[] | null;
}

/**
 * A case is assigned to an active coordinator, or to an active consul whose jurisdiction covers the case's region
 * (a consul cannot follow a case they may not read). Anyone else, or no such user, is refused on `assignTo`.
 */
export function assertAssignable(assignee: AssigneeFacts | null, caseRegion: string): void {
  const ok =
    !!assignee &&
    assignee.active &&
    (assignee.role === 'COORDINATOR' || (assignee.role === 'CONSUL' && (assignee.regionCodes ?? []).some((r) => r.toUpperCase() === caseRegion.toUpperCase())));
  if (!ok) {
    throw new DomainException(ErrorCode.BAD_USER_INPUT, "Assign the case to an active coordinator, or to a consul whose jurisdiction covers the case's region.", [
      { field: 'assignTo', message: 'not a coordinator or a consul of this region' },
    ]);
  }
}

/** The moves that decide a case: its effects (a hold on the employer, the worker's rehire) are the ministry's to set. */
export const DECIDING_MOVES = ['SUBSTANTIATE', 'UNSUBSTANTIATE', 'CLOSE'] as const;

/**
 * Consuls follow, note, assign, triage, investigate and refer the cases of their jurisdiction; deciding and closing
 * one is a coordinator's (FORBIDDEN for a consul, with who to ask).
 */
export function assertMayMove(role: string, move: string): void {
  if (role !== 'COORDINATOR' && (DECIDING_MOVES as readonly string[]).includes(move)) {
    throw DomainException.forbidden('A coordinator of the ministry decides and closes a case; refer it or add a note for them.');
  }
}
