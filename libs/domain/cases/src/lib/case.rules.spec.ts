import { ErrorCode } from '@puente/common';
import {
  assertAssignable,
  assertMayMove,
  assertWithinReportingWindow,
  CASE_CATEGORIES,
  CASE_DEADLINE_POLICY_V1,
  caseReportProblems,
  dueAfterRaise,
  FORCED_LABOUR_INDICATORS,
  isOverdue,
  nextStepDue,
  raiseSeverity,
  reportingWindowCloses,
  triageCase,
  TRIAGE_RULE_V1,
  TRIAGE_RULES,
} from './case.rules';

const H = 3_600_000;

describe('case rules', () => {
  describe('the vocabularies', () => {
    it('lists the ILO forced-labour indicators, all eleven, each once', () => {
      expect(FORCED_LABOUR_INDICATORS).toHaveLength(11);
      expect(new Set(FORCED_LABOUR_INDICATORS).size).toBe(11);
      expect(FORCED_LABOUR_INDICATORS).toEqual(
        expect.arrayContaining(['RETENTION_OF_IDENTITY_DOCUMENTS', 'RESTRICTION_OF_MOVEMENT', 'DEBT_BONDAGE', 'WITHHOLDING_OF_WAGES', 'EXCESSIVE_OVERTIME']),
      );
    });

    it('lists the issue\'s ten categories', () => {
      expect(CASE_CATEGORIES).toHaveLength(10);
      expect(CASE_CATEGORIES).toContain('OTHER');
    });
  });

  describe('triage v1', () => {
    it('makes documents withheld with restricted movement CRITICAL, however each is told (category or indicator)', () => {
      for (const facts of [
        { categories: ['DOCUMENTS_WITHHELD', 'MOVEMENT_RESTRICTED'] as const, indicators: [] as const },
        { categories: ['DOCUMENTS_WITHHELD'] as const, indicators: ['RESTRICTION_OF_MOVEMENT'] as const },
        { categories: ['OTHER'] as const, indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS', 'RESTRICTION_OF_MOVEMENT'] as const },
        { categories: ['MOVEMENT_RESTRICTED'] as const, indicators: ['RETENTION_OF_IDENTITY_DOCUMENTS'] as const },
      ]) {
        const t = triageCase(facts);
        expect(t.severity).toBe('CRITICAL');
        expect(t.reasons[0]).toEqual(expect.objectContaining({ code: 'DOCUMENTS_AND_MOVEMENT', severity: 'CRITICAL' }));
        expect(t.version).toBe(TRIAGE_RULE_V1);
      }
    });

    it('keeps documents withheld alone, or movement alone, at HIGH', () => {
      expect(triageCase({ categories: ['DOCUMENTS_WITHHELD'], indicators: [] }).severity).toBe('HIGH');
      expect(triageCase({ categories: ['MOVEMENT_RESTRICTED'], indicators: [] }).severity).toBe('HIGH');
      expect(triageCase({ categories: ['DOCUMENTS_WITHHELD'], indicators: [] }).reasons.map((r) => r.code)).not.toContain('DOCUMENTS_AND_MOVEMENT');
    });

    it('raises severity with the number of indicators: one MEDIUM, two HIGH, three CRITICAL', () => {
      expect(triageCase({ categories: ['OTHER'], indicators: [] }).severity).toBe('LOW');
      expect(triageCase({ categories: ['OTHER'], indicators: ['DECEPTION'] }).severity).toBe('MEDIUM');
      expect(triageCase({ categories: ['OTHER'], indicators: ['DECEPTION', 'ISOLATION'] }).severity).toBe('HIGH');
      const three = triageCase({ categories: ['OTHER'], indicators: ['DECEPTION', 'ISOLATION', 'DEBT_BONDAGE'] });
      expect(three.severity).toBe('CRITICAL');
      expect(three.reasons[0].message).toMatch(/3 forced-labour indicators/);
    });

    it('makes physical or sexual violence CRITICAL on its own', () => {
      const t = triageCase({ categories: ['HARASSMENT_ABUSE'], indicators: ['PHYSICAL_AND_SEXUAL_VIOLENCE'] });
      expect(t.severity).toBe('CRITICAL');
      expect(t.reasons.map((r) => r.code)).toEqual(['VIOLENCE', 'CATEGORY_HARASSMENT_ABUSE', 'INDICATORS_1']);
    });

    it('gives each category its own least severity, and says every reason, highest first', () => {
      const t = triageCase({ categories: ['UNPAID_WAGES', 'HOUSING', 'OTHER'], indicators: [] });
      expect(t.severity).toBe('MEDIUM');
      expect(t.reasons.map((r) => [r.code, r.severity])).toEqual([
        ['CATEGORY_UNPAID_WAGES', 'MEDIUM'],
        ['CATEGORY_HOUSING', 'MEDIUM'],
        ['CATEGORY_OTHER', 'LOW'],
      ]);
      expect(triageCase({ categories: ['UNSAFE_WORK'], indicators: [] }).severity).toBe('HIGH');
    });

    it('is found by its version', () => {
      expect(TRIAGE_RULES[TRIAGE_RULE_V1]).toBe(triageCase);
    });
  });

  describe('a report', () => {
    const ok = { categories: ['UNPAID_WAGES'], indicators: ['WITHHOLDING_OF_WAGES'], description: 'Three weeks without pay.' };

    it('accepts a complete one', () => expect(caseReportProblems(ok)).toEqual([]));

    it('names every problem with its field', () => {
      expect(caseReportProblems({ categories: [], indicators: ['NOPE'], description: 'short' })).toEqual([
        { field: 'categories', message: 'name at least one category' },
        { field: 'indicators', message: 'unknown indicator NOPE' },
        { field: 'description', message: 'must be 10 to 8000 characters' },
      ]);
      expect(caseReportProblems({ ...ok, categories: ['UNPAID_WAGES', 'UNPAID_WAGES'] })).toEqual([{ field: 'categories', message: 'each category once' }]);
      expect(caseReportProblems({ ...ok, categories: ['WAGES'] })).toEqual([{ field: 'categories', message: 'unknown category WAGES' }]);
      expect(caseReportProblems({ ...ok, indicators: ['DECEPTION', 'DECEPTION'] })).toEqual([{ field: 'indicators', message: 'each indicator once' }]);
      expect(caseReportProblems({ ...ok, description: 'x'.repeat(8001) })).toHaveLength(1);
      expect(caseReportProblems({ ...ok, description: 'x'.repeat(8000) })).toEqual([]);
      expect(caseReportProblems({ ...ok, description: '   nine 9   ' })).toHaveLength(1);
      expect(caseReportProblems({ ...ok, indicators: null })).toEqual([]);
    });
  });

  describe('severity changes', () => {
    it('raises with a reason', () => expect(raiseSeverity('MEDIUM', 'CRITICAL', 'The worker was threatened again.')).toBe('CRITICAL'));

    it('refuses to lower, to stay level, or to raise without a reason', () => {
      expect(() => raiseSeverity('HIGH', 'LOW', 'It was less bad than it sounded.')).toThrow(/can only be raised: it is HIGH, and LOW is lower/);
      expect(() => raiseSeverity('HIGH', 'LOW', 'It was less bad than it sounded.')).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
      expect(() => raiseSeverity('HIGH', 'HIGH', 'Same again, for the record.')).toThrow(/already HIGH/);
      expect(() => raiseSeverity('LOW', 'HIGH', '')).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'severityReason' })] }));
      expect(() => raiseSeverity('LOW', 'HIGH', null)).toThrow(/Say why/);
      expect(raiseSeverity('LOW', 'HIGH', '  0123456789 ')).toBe('HIGH'); // 10 characters, spaces aside
      expect(() => raiseSeverity('LOW', 'HIGH', '  012345678   ')).toThrow(/Say why/);
    });
  });

  describe('deadlines', () => {
    const t0 = new Date('2026-05-01T12:00:00Z');

    it('gives each severity its hours for the next step of an open case', () => {
      expect(CASE_DEADLINE_POLICY_V1.hoursBySeverity).toEqual({ CRITICAL: 24, HIGH: 72, MEDIUM: 168, LOW: 336 });
      expect(nextStepDue('REPORTED', 'CRITICAL', t0)).toEqual(new Date('2026-05-02T12:00:00Z'));
      expect(nextStepDue('TRIAGED', 'HIGH', t0)).toEqual(new Date('2026-05-04T12:00:00Z'));
      expect(nextStepDue('INVESTIGATING', 'MEDIUM', t0)).toEqual(new Date('2026-05-08T12:00:00Z'));
      expect(nextStepDue('REFERRED', 'LOW', t0)).toEqual(new Date('2026-05-15T12:00:00Z'));
    });

    it('gives a decided or closed case none', () => {
      for (const s of ['SUBSTANTIATED', 'UNSUBSTANTIATED', 'CLOSED']) expect(nextStepDue(s, 'CRITICAL', t0)).toBeNull();
    });

    it('brings the deadline forward on a raise, never back', () => {
      const due = new Date(t0.getTime() + 168 * H);
      expect(dueAfterRaise(due, 'CRITICAL', t0)).toEqual(new Date(t0.getTime() + 24 * H));
      const soon = new Date(t0.getTime() + 2 * H);
      expect(dueAfterRaise(soon, 'HIGH', t0)).toEqual(soon);
      expect(dueAfterRaise(null, 'CRITICAL', t0)).toBeNull();
    });

    it('finds a case overdue only for the deadline the check was planned for, once it passed, once', () => {
      const due = new Date(t0.getTime() + 24 * H);
      expect(isOverdue({ nextStepDueAt: due, overdueSince: null }, due, new Date(due.getTime() - 1))).toBe(false);
      expect(isOverdue({ nextStepDueAt: due, overdueSince: null }, due, due)).toBe(true);
      expect(isOverdue({ nextStepDueAt: new Date(due.getTime() + H), overdueSince: null }, due, new Date(due.getTime() + 2 * H))).toBe(false);
      expect(isOverdue({ nextStepDueAt: null, overdueSince: null }, due, new Date(due.getTime() + H))).toBe(false);
      expect(isOverdue({ nextStepDueAt: due, overdueSince: due }, due, new Date(due.getTime() + H))).toBe(false);
    });
  });

  describe('the reporting window', () => {
    const ended = { status: 'COMPLETED', endDate: '2026-10-31', endedOn: null, returnedOn: '2026-11-03' };

    it('is open while the placement is active', () => {
      expect(reportingWindowCloses({ ...ended, status: 'ACTIVE', returnedOn: null })).toBeNull();
      expect(() => assertWithinReportingWindow({ ...ended, status: 'ACTIVE', returnedOn: null }, '2099-01-01')).not.toThrow();
    });

    it('closes a year after the return, or after the end when no return is recorded', () => {
      expect(reportingWindowCloses(ended)).toBe('2027-11-03');
      expect(reportingWindowCloses({ ...ended, returnedOn: null })).toBe('2027-10-31');
      expect(reportingWindowCloses({ ...ended, status: 'TERMINATED_EARLY', returnedOn: null, endedOn: '2026-07-10' })).toBe('2027-07-10');
    });

    it('accepts a report on the last day and refuses one the day after', () => {
      expect(() => assertWithinReportingWindow(ended, '2027-11-03')).not.toThrow();
      expect(() => assertWithinReportingWindow(ended, '2027-11-04')).toThrow(/until 2027-11-03/);
      expect(() => assertWithinReportingWindow(ended, '2027-11-04')).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    });
  });

  describe('assignment', () => {
    it('takes an active coordinator, or an active consul of the case\'s region', () => {
      expect(() => assertAssignable({ role: 'COORDINATOR', active: true, regionCodes: null }, 'CA-QC')).not.toThrow();
      expect(() => assertAssignable({ role: 'CONSUL', active: true, regionCodes: ['CA-ON', 'ca-qc'] }, 'CA-QC')).not.toThrow();
    });

    it('refuses a consul elsewhere, an inactive login, another role, or nobody, on assignTo', () => {
      for (const who of [
        { role: 'CONSUL', active: true, regionCodes: ['CA-ON'] },
        { role: 'CONSUL', active: true, regionCodes: null },
        { role: 'COORDINATOR', active: false, regionCodes: null },
        { role: 'EMPLOYER', active: true, regionCodes: null },
        { role: 'APPLICANT', active: true, regionCodes: null },
        { role: 'ADMIN', active: true, regionCodes: null },
        null,
      ]) {
        expect(() => assertAssignable(who, 'CA-QC')).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, fields: [expect.objectContaining({ field: 'assignTo' })] }));
      }
    });
  });

  describe('who may move a case', () => {
    it('leaves deciding and closing to a coordinator', () => {
      for (const move of ['SUBSTANTIATE', 'UNSUBSTANTIATE', 'CLOSE']) {
        expect(() => assertMayMove('COORDINATOR', move)).not.toThrow();
        expect(() => assertMayMove('CONSUL', move)).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN, message: expect.stringMatching(/coordinator/) }));
      }
    });

    it('lets a consul triage, investigate and refer', () => {
      for (const move of ['TRIAGE', 'INVESTIGATE', 'REFER']) expect(() => assertMayMove('CONSUL', move)).not.toThrow();
    });
  });
});
