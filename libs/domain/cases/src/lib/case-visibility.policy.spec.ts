import { caseViewFor, StoredCase, StoredCaseEvent } from './case-visibility.policy';
import { triageCase } from './case.rules';

const at = new Date('2026-05-01T12:00:00Z');
const stored = (over: Partial<StoredCase> = {}): StoredCase => ({
  id: 'c1',
  reference: 'CASE-2026-000001',
  placementId: 'p1',
  applicantId: 'a1',
  employerId: 'e1',
  jobOrderId: 'o1',
  regionCode: 'CA-QC',
  categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'],
  indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS'],
  description: 'They keep our passports.',
  reportedBy: 'u-worker',
  reporterRole: 'APPLICANT',
  discloseReporter: false,
  triageSeverity: 'CRITICAL',
  triageVersion: 'case-triage-v1',
  severity: 'CRITICAL',
  severityReason: null,
  status: 'TRIAGED',
  assignedTo: 'u-staff',
  referredTo: null,
  finding: null,
  nextStepDueAt: at,
  overdueSince: at,
  decidedAt: null,
  closedAt: null,
  createdAt: at,
  updatedAt: at,
  ...over,
});
const event = (over: Partial<StoredCaseEvent>): StoredCaseEvent => ({
  id: 'ev',
  kind: 'NOTE',
  fromStatus: null,
  toStatus: null,
  actorId: 'u-staff',
  actorRole: 'COORDINATOR',
  note: null,
  internal: false,
  data: { any: 'thing' },
  createdAt: at,
  ...over,
});
const events = [event({ id: 'e1', kind: 'REPORTED', actorId: 'u-worker', actorRole: 'APPLICANT' }), event({ id: 'e2', note: 'Employer has a prior.', internal: true }), event({ id: 'e3', note: 'We call you today.' })];
const reasons = triageCase({ categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'], indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS'] }).reasons;

describe('what each viewer sees of a case', () => {
  it('shows staff everything', () => {
    const v = caseViewFor('STAFF', stored(), events, reasons);
    expect(v).toMatchObject({ applicantId: 'a1', reportedBy: 'u-worker', description: 'They keep our passports.', severity: 'CRITICAL', assignedTo: 'u-staff', overdueSince: at });
    expect(v.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(v.triageReasons).toEqual(reasons);
  });

  it('shows the worker their case without internal events, staff names, assignee or overdue mark', () => {
    const v = caseViewFor('WORKER', stored(), events, reasons);
    expect(v.events.map((e) => [e.id, e.note, e.actorId, e.data])).toEqual([
      ['e1', null, null, {}],
      ['e3', 'We call you today.', null, {}],
    ]);
    expect(v).toMatchObject({ description: 'They keep our passports.', reportedBy: 'u-worker', assignedTo: null, overdueSince: null, severity: 'CRITICAL' });
    expect(caseViewFor('WORKER', stored({ reporterRole: 'CONSUL', reportedBy: 'u-consul' }), events, reasons).reportedBy).toBeNull();
  });

  it('shows the employer only existence, categories, status and outcome without consent', () => {
    const v = caseViewFor('EMPLOYER', stored({ status: 'SUBSTANTIATED', finding: 'EMPLOYER', decidedAt: at }), events, reasons);
    expect(v).toEqual({
      id: 'c1',
      reference: 'CASE-2026-000001',
      categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'],
      status: 'SUBSTANTIATED',
      finding: 'EMPLOYER',
      decidedAt: at,
      closedAt: null,
      createdAt: at,
      applicantId: null,
      placementId: null,
      reporterRole: null,
      reportedBy: null,
      discloseReporter: null,
      employerId: 'e1',
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
    });
    expect(JSON.stringify(v)).not.toMatch(/a1|p1|u-worker|passports|prior/);
  });

  it('adds the worker, the placement and the reporter\'s role for the employer when the worker consented, and nothing more', () => {
    const v = caseViewFor('EMPLOYER', stored({ discloseReporter: true }), events, reasons);
    expect(v).toMatchObject({ applicantId: 'a1', placementId: 'p1', reporterRole: 'APPLICANT', reportedBy: null, description: null, severity: null, events: [] });
  });
});
