import {
  changedDocumentFields,
  documentProblems,
  documentWarningDays,
  earliestMatchingExpiry,
  expiryWarningStands,
  maskDocumentNumber,
  normalizeDocumentNumber,
} from './document.rules';

const today = '2026-11-24';
const valid = { kind: 'POLICE_RECORD', number: 'PNC-123456', issueDate: '2026-10-01', expiryDate: '2027-04-01', issuingAuthority: 'Policía Nacional Civil' };
const fieldsOf = (d: Partial<typeof valid> & { number?: string | null }) => documentProblems({ ...valid, ...d }, today).map((p) => p.field);

describe('documentProblems', () => {
  it('accepts a complete document of each kind', () => {
    expect(documentProblems(valid, today)).toEqual([]);
    expect(documentProblems({ ...valid, kind: 'PASSPORT', number: 'A1234567' }, today)).toEqual([]);
    expect(documentProblems({ ...valid, kind: 'VISA', number: 'V12345' }, today)).toEqual([]);
    expect(documentProblems({ ...valid, kind: 'MEDICAL_CERTIFICATE', number: null }, today)).toEqual([]);
    expect(documentProblems({ ...valid, number: null }, today)).toEqual([]);
  });

  it('names an unknown kind', () => {
    expect(documentProblems({ ...valid, kind: 'BIRTH_CERTIFICATE' }, today)).toEqual([
      { field: 'kind', message: 'must be one of PASSPORT, MEDICAL_CERTIFICATE, POLICE_RECORD, VISA' },
    ]);
  });

  it('wants dates written YYYY-MM-DD', () => {
    expect(fieldsOf({ issueDate: '01/10/2026' })).toEqual(['issueDate']);
    expect(fieldsOf({ expiryDate: '2027-02-30' })).toEqual(['expiryDate']);
    expect(fieldsOf({ issueDate: '', expiryDate: '' })).toEqual(['issueDate', 'expiryDate']);
  });

  it('takes a document issued today at the latest', () => {
    expect(fieldsOf({ issueDate: today })).toEqual([]);
    expect(documentProblems({ ...valid, issueDate: '2026-11-25' }, today)).toEqual([{ field: 'issueDate', message: 'cannot be after today (2026-11-24)' }]);
  });

  it('wants the expiry after the issue date', () => {
    expect(fieldsOf({ issueDate: '2026-10-01', expiryDate: '2026-10-02' })).toEqual([]);
    expect(documentProblems({ ...valid, expiryDate: '2026-10-01' }, today)).toEqual([{ field: 'expiryDate', message: 'must be after the issue date (2026-10-01)' }]);
    expect(fieldsOf({ expiryDate: '2026-09-30' })).toEqual(['expiryDate']);
  });

  it('refuses an expired passport (it becomes the applicant\'s passport) but records another document expired', () => {
    const passport = { kind: 'PASSPORT', number: 'A1234567', issueDate: '2016-11-24' };
    expect(fieldsOf({ ...passport, expiryDate: '2026-11-25' })).toEqual([]);
    expect(documentProblems({ ...valid, ...passport, expiryDate: today }, today)).toEqual([
      { field: 'expiryDate', message: 'the passport has expired; record a valid passport' },
    ]);
    expect(fieldsOf({ issueDate: '2025-01-01', expiryDate: today })).toEqual([]);
    expect(fieldsOf({ issueDate: '2025-01-01', expiryDate: '2025-07-01' })).toEqual([]);
  });

  it('wants a number for a passport and a visa, none for a medical certificate, and takes a police record either way', () => {
    expect(documentProblems({ ...valid, kind: 'PASSPORT', number: null }, today)).toEqual([{ field: 'number', message: 'is required for a passport' }]);
    expect(documentProblems({ ...valid, kind: 'VISA', number: '  ' }, today)).toEqual([{ field: 'number', message: 'is required for a visa' }]);
    expect(documentProblems({ ...valid, kind: 'MEDICAL_CERTIFICATE', number: 'M1234' }, today)).toEqual([
      { field: 'number', message: 'a medical certificate has no number; leave it empty' },
    ]);
    expect(fieldsOf({ number: '' })).toEqual([]);
  });

  it('checks the number\'s form: a passport as registration does, others 4 to 20 letters or digits', () => {
    expect(fieldsOf({ kind: 'PASSPORT', number: 'a12-345 67' })).toEqual([]);
    expect(fieldsOf({ kind: 'PASSPORT', number: 'A1234' })).toEqual(['number']);
    expect(fieldsOf({ kind: 'PASSPORT', number: 'A123456789012' })).toEqual(['number']);
    expect(fieldsOf({ kind: 'PASSPORT', number: 'A123456789012'.slice(0, 12) })).toEqual([]);
    expect(fieldsOf({ number: 'P123' })).toEqual([]);
    expect(fieldsOf({ number: 'P12' })).toEqual(['number']);
    expect(fieldsOf({ kind: 'VISA', number: 'V'.repeat(20) })).toEqual([]);
    expect(fieldsOf({ kind: 'VISA', number: 'V'.repeat(21) })).toEqual(['number']);
    expect(fieldsOf({ number: 'PNC#1234' })).toEqual(['number']);
  });

  it('wants the issuing authority, 2 to 200 characters', () => {
    expect(fieldsOf({ issuingAuthority: 'PN' })).toEqual([]);
    expect(fieldsOf({ issuingAuthority: ' P ' })).toEqual(['issuingAuthority']);
    expect(fieldsOf({ issuingAuthority: 'x'.repeat(200) })).toEqual([]);
    expect(fieldsOf({ issuingAuthority: 'x'.repeat(201) })).toEqual(['issuingAuthority']);
  });

  it('reports every problem at once', () => {
    expect(documentProblems({ kind: 'PASSPORT', number: null, issueDate: '2027-01-01', expiryDate: '2026-01-01', issuingAuthority: '' }, today).map((p) => p.field)).toEqual([
      'issueDate',
      'expiryDate',
      'expiryDate',
      'number',
      'issuingAuthority',
    ]);
  });
});

describe('document numbers', () => {
  it('are stored in capitals without spaces or dashes', () => {
    expect(normalizeDocumentNumber(' pnc-12 34 ')).toBe('PNC1234');
  });

  it('are shown masked as their last three characters, whatever their length', () => {
    expect(maskDocumentNumber('A12345678')).toBe('****678');
    expect(maskDocumentNumber('P1234')).toBe('****234');
  });
});

describe('changedDocumentFields', () => {
  const values = { number: 'PNC1234', issueDate: '2026-10-01', expiryDate: '2027-04-01', issuingAuthority: 'PNC' };

  it('names every field a first document has', () => {
    expect(changedDocumentFields('POLICE_RECORD', null, values)).toEqual([
      'POLICE_RECORD.number',
      'POLICE_RECORD.issueDate',
      'POLICE_RECORD.expiryDate',
      'POLICE_RECORD.issuingAuthority',
    ]);
    expect(changedDocumentFields('MEDICAL_CERTIFICATE', null, { ...values, number: null })).toEqual([
      'MEDICAL_CERTIFICATE.issueDate',
      'MEDICAL_CERTIFICATE.expiryDate',
      'MEDICAL_CERTIFICATE.issuingAuthority',
    ]);
  });

  it('names only what a renewal changes, and nothing for the same document again', () => {
    expect(changedDocumentFields('POLICE_RECORD', values, { ...values, issueDate: '2027-03-01', expiryDate: '2027-09-01' })).toEqual([
      'POLICE_RECORD.issueDate',
      'POLICE_RECORD.expiryDate',
    ]);
    expect(changedDocumentFields('PASSPORT', { ...values, issueDate: null, issuingAuthority: null }, values)).toEqual(['PASSPORT.issueDate', 'PASSPORT.issuingAuthority']);
    expect(changedDocumentFields('POLICE_RECORD', values, { ...values })).toEqual([]);
  });
});

describe('earliestMatchingExpiry', () => {
  it('is the earliest of the current medical certificate and police record, with its kind', () => {
    expect(
      earliestMatchingExpiry([
        { kind: 'MEDICAL_CERTIFICATE', expiryDate: '2027-05-01' },
        { kind: 'POLICE_RECORD', expiryDate: '2027-03-01' },
      ]),
    ).toEqual({ kind: 'POLICE_RECORD', expiryDate: '2027-03-01' });
  });

  it('leaves out the passport (a requirement of its own) and the visa (obtained after selection)', () => {
    expect(
      earliestMatchingExpiry([
        { kind: 'PASSPORT', expiryDate: '2026-12-01' },
        { kind: 'VISA', expiryDate: '2026-12-02' },
        { kind: 'MEDICAL_CERTIFICATE', expiryDate: '2027-05-01' },
      ]),
    ).toEqual({ kind: 'MEDICAL_CERTIFICATE', expiryDate: '2027-05-01' });
    expect(earliestMatchingExpiry([{ kind: 'PASSPORT', expiryDate: '2026-12-01' }, { kind: 'VISA', expiryDate: '2026-12-02' }])).toBeNull();
    expect(earliestMatchingExpiry([])).toBeNull();
  });

  it('gives a tie to the medical certificate, whatever the order read', () => {
    const tie = [
      { kind: 'POLICE_RECORD' as const, expiryDate: '2027-03-01' },
      { kind: 'MEDICAL_CERTIFICATE' as const, expiryDate: '2027-03-01' },
    ];
    expect(earliestMatchingExpiry(tie)?.kind).toBe('MEDICAL_CERTIFICATE');
    expect(earliestMatchingExpiry([...tie].reverse())?.kind).toBe('MEDICAL_CERTIFICATE');
  });
});

describe('documentWarningDays', () => {
  const contractEnd = '2027-10-31';

  it('plans 90, 60 and 30 days before an expiry that falls before the contract ends', () => {
    expect(documentWarningDays('2027-06-30', contractEnd, today)).toEqual([
      { days: 90, warnOn: '2027-04-01' },
      { days: 60, warnOn: '2027-05-01' },
      { days: 30, warnOn: '2027-05-31' },
    ]);
  });

  it('plans nothing for a document valid through the contract: expiring on its last day or after', () => {
    expect(documentWarningDays(contractEnd, contractEnd, today)).toEqual([]);
    expect(documentWarningDays('2027-11-01', contractEnd, today)).toEqual([]);
    expect(documentWarningDays('2027-10-30', contractEnd, today).map((w) => w.days)).toEqual([90, 60, 30]);
  });

  it('plans nothing without a next contract', () => {
    expect(documentWarningDays('2027-06-30', null, today)).toEqual([]);
  });

  it('skips the days already past: recorded 45 days before the expiry, the 30-day warning only', () => {
    expect(documentWarningDays('2027-01-08', contractEnd, today)).toEqual([{ days: 30, warnOn: '2026-12-09' }]);
  });

  it('sends a warning whose day is today, not one of yesterday', () => {
    // Exactly 90 days before: all three, the first today.
    expect(documentWarningDays('2027-02-22', contractEnd, today)).toEqual([
      { days: 90, warnOn: today },
      { days: 60, warnOn: '2026-12-24' },
      { days: 30, warnOn: '2027-01-23' },
    ]);
    // 91 days before: all three, the first tomorrow; 89 days: the 90-day one was yesterday.
    expect(documentWarningDays('2027-02-23', contractEnd, today)[0]).toEqual({ days: 90, warnOn: '2026-11-25' });
    expect(documentWarningDays('2027-02-21', contractEnd, today).map((w) => w.days)).toEqual([60, 30]);
    // 30 days before: the last one, today; 29 days or an expired document: none.
    expect(documentWarningDays('2026-12-24', contractEnd, today)).toEqual([{ days: 30, warnOn: today }]);
    expect(documentWarningDays('2026-12-23', contractEnd, today)).toEqual([]);
    expect(documentWarningDays('2026-11-01', contractEnd, today)).toEqual([]);
  });

  it('counts calendar days across a leap day', () => {
    // 2028 is a leap year: 30 days before 2028-03-15 is 2028-02-14 (29 days of February), 90 days 2027-12-16.
    expect(documentWarningDays('2028-03-15', '2028-12-31', today)).toEqual([
      { days: 90, warnOn: '2027-12-16' },
      { days: 60, warnOn: '2028-01-15' },
      { days: 30, warnOn: '2028-02-14' },
    ]);
    // The same expiry a year earlier (2027 has no 29 February) is warned a day later in February.
    expect(documentWarningDays('2027-03-15', '2027-12-31', today).at(-1)).toEqual({ days: 30, warnOn: '2027-02-13' });
    expect(documentWarningDays('2028-03-30', '2028-12-31', today).at(-1)).toEqual({ days: 30, warnOn: '2028-02-29' });
  });
});

describe('expiryWarningStands', () => {
  const planned = { current: true, expiry: '2027-06-30', contractEnd: '2027-10-31', days: 30, warnOn: '2027-05-31' };

  it('holds for the current document, still expiring before the contract ends, on the day planned', () => {
    expect(expiryWarningStands(planned)).toBe(true);
  });

  it('fails for a renewed document, a contract that ended or now ends first, and a day that moved', () => {
    expect(expiryWarningStands({ ...planned, current: false })).toBe(false);
    expect(expiryWarningStands({ ...planned, contractEnd: null })).toBe(false);
    expect(expiryWarningStands({ ...planned, contractEnd: '2027-06-30' })).toBe(false);
    expect(expiryWarningStands({ ...planned, contractEnd: '2027-07-01' })).toBe(true);
    expect(expiryWarningStands({ ...planned, warnOn: '2027-06-01' })).toBe(false);
    expect(expiryWarningStands({ ...planned, days: 60 })).toBe(false);
  });
});
