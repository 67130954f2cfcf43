import type { CaseCategory, CaseFinding, CaseReporterRole, CaseSeverity, ForcedLabourIndicator, TriageReason } from './case.rules';
import type { CaseStatus } from './case.state-machine';

/** Who is looking at a case, as far as what they may see goes (their scope is checked before, by the service). */
export type CaseViewer = 'STAFF' | 'WORKER' | 'EMPLOYER';

/** A case as stored, with its events: what the views are cut from. */
export interface StoredCase {
  id: string;
  reference: string;
  placementId: string;
  applicantId: string;
  employerId: string;
  jobOrderId: string;
  regionCode: string;
  categories: CaseCategory[];
  indicators: ForcedLabourIndicator[];
  description: string;
  reportedBy: string;
  reporterRole: CaseReporterRole;
  discloseReporter: boolean;
  triageSeverity: CaseSeverity;
  triageVersion: string;
  severity: CaseSeverity;
  severityReason: string | null;
  status: CaseStatus;
  assignedTo: string | null;
  referredTo: string | null;
  finding: CaseFinding | null;
  nextStepDueAt: Date | null;
  overdueSince: Date | null;
  decidedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredCaseEvent {
  id: string;
  kind: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  actorId: string | null;
  actorRole: string;
  note: string | null;
  internal: boolean;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** What one viewer is shown: every field a viewer may not see is null (lists empty), never left to the client. */
export interface CaseView {
  id: string;
  reference: string;
  categories: CaseCategory[];
  status: CaseStatus;
  /** The outcome: the finding of a substantiated case. */
  finding: CaseFinding | null;
  decidedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  /** The worker the case is about: staff, the worker, and the employer only when the worker consented. */
  applicantId: string | null;
  placementId: string | null;
  reporterRole: CaseReporterRole | null;
  reportedBy: string | null;
  discloseReporter: boolean | null;
  employerId: string | null;
  jobOrderId: string | null;
  regionCode: string | null;
  indicators: ForcedLabourIndicator[];
  description: string | null;
  triageSeverity: CaseSeverity | null;
  triageVersion: string | null;
  triageReasons: TriageReason[];
  severity: CaseSeverity | null;
  severityReason: string | null;
  assignedTo: string | null;
  referredTo: string | null;
  nextStepDueAt: Date | null;
  overdueSince: Date | null;
  events: StoredCaseEvent[];
}

/**
 * What each viewer sees of a case. Staff (coordinators, and consuls within their jurisdiction) see everything.
 * The worker sees their case and its events without internal ones (internal notes, overdue alerts) and without
 * which staff member acted (the role only). The employer sees that the case exists, its categories, status and
 * outcome, and never the description, the indicators, the severity, the notes or who reported, unless the
 * worker consented to their identity being shared (`disclose_reporter`): then also the worker, the placement and
 * the reporter's role.
 */
export function caseViewFor(viewer: CaseViewer, c: StoredCase, events: readonly StoredCaseEvent[], triageReasons: readonly TriageReason[]): CaseView {
  const base = {
    id: c.id,
    reference: c.reference,
    categories: [...c.categories],
    status: c.status,
    finding: c.finding,
    decidedAt: c.decidedAt,
    closedAt: c.closedAt,
    createdAt: c.createdAt,
  };
  if (viewer === 'EMPLOYER') {
    const disclosed = c.discloseReporter;
    return {
      ...base,
      applicantId: disclosed ? c.applicantId : null,
      placementId: disclosed ? c.placementId : null,
      reporterRole: disclosed ? c.reporterRole : null,
      reportedBy: null,
      discloseReporter: null,
      employerId: c.employerId,
      jobOrderId: null,
      regionCode: null,
      indicators: [],
      description: null,
      triageSeverity: null,
      triageVersion: null,
      triageReasons: [],
      severity: null,
      severityReason: null,
      assignedTo: null,
      referredTo: null,
      nextStepDueAt: null,
      overdueSince: null,
      events: [],
    };
  }
  const full = {
    ...base,
    applicantId: c.applicantId,
    placementId: c.placementId,
    reporterRole: c.reporterRole,
    reportedBy: c.reportedBy,
    discloseReporter: c.discloseReporter,
    employerId: c.employerId,
    jobOrderId: c.jobOrderId,
    regionCode: c.regionCode,
    indicators: [...c.indicators],
    description: c.description,
    triageSeverity: c.triageSeverity,
    triageVersion: c.triageVersion,
    triageReasons: [...triageReasons],
    severity: c.severity,
    severityReason: c.severityReason,
    assignedTo: c.assignedTo,
    referredTo: c.referredTo,
    nextStepDueAt: c.nextStepDueAt,
    overdueSince: c.overdueSince,
    events: [...events],
  };
  if (viewer === 'STAFF') return full;
  return {
    ...full,
    reportedBy: c.reporterRole === 'APPLICANT' ? c.reportedBy : null,
    assignedTo: null,
    overdueSince: null,
    events: events.filter((e) => !e.internal).map((e) => ({ ...e, actorId: null, data: {} })),
  };
}
