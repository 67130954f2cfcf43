import { DomainException, ErrorCode, Role } from '@puente/common';
import {
  assertRowLimit,
  contentTypeOf,
  csvCell,
  downloadRefusal,
  exportFileName,
  exportFilterOf,
  failureMessage,
  FILE_TTL_MS,
  fileExpiresAt,
  filterFieldNames,
  guardFormula,
  holdsPersonalData,
  listReaderOf,
  localDateTime,
  localized,
  MAX_ERROR_LENGTH,
  MAX_EXPORT_ROWS,
  mayExport,
  retriesBuild,
  sheetName,
  xlsxCell,
  xlsxNumberFormat,
} from './export.rules';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainException).code;
  }
};

describe('export rules', () => {
  describe('guardFormula', () => {
    it.each(['=1+2', '+50370001234', '-3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])('prefixes %j with a quote', (text) => {
      expect(guardFormula(text)).toBe(`'${text}`);
    });
    it.each(['', 'Ana', ' =1', 'a=b', "'quoted", '50370001234', 'María José'])('leaves %j as it is', (text) => {
      expect(guardFormula(text)).toBe(text);
    });
  });

  describe('csvCell', () => {
    it('writes nothing for no value, whatever the type', () => {
      for (const type of ['text', 'number', 'date', 'datetime', 'boolean'] as const) expect(csvCell(type, null, 'ES')).toBe('');
    });
    it('writes numbers with a decimal point, and nothing for what is not a finite number', () => {
      expect(csvCell('number', 16.1, 'ES')).toBe('16.1');
      expect(csvCell('number', 0, 'EN')).toBe('0');
      expect(csvCell('number', -2, 'EN')).toBe('-2');
      expect(csvCell('number', Number.NaN, 'EN')).toBe('');
      expect(csvCell('number', '12', 'EN')).toBe('');
    });
    it('writes a date of the calendar as YYYY-MM-DD and an instant in El Salvador (UTC-6) either side of its midnight', () => {
      expect(csvCell('date', '2026-12-02', 'ES')).toBe('2026-12-02');
      expect(csvCell('datetime', new Date('2026-12-03T05:59:00Z'), 'ES')).toBe('2026-12-02 23:59');
      expect(csvCell('datetime', new Date('2026-12-03T06:00:00Z'), 'ES')).toBe('2026-12-03 00:00');
    });
    it('writes yes and no in the export language', () => {
      expect([csvCell('boolean', true, 'ES'), csvCell('boolean', false, 'ES')]).toEqual(['Sí', 'No']);
      expect([csvCell('boolean', true, 'EN'), csvCell('boolean', false, 'EN')]).toEqual(['Yes', 'No']);
    });
    it('guards text against formulas, and only text', () => {
      expect(csvCell('text', '=cmd|calc', 'EN')).toBe("'=cmd|calc");
      expect(csvCell('text', 'Saint-Hyacinthe', 'EN')).toBe('Saint-Hyacinthe');
      expect(csvCell('number', -5, 'EN')).toBe('-5');
    });
  });

  describe('xlsxCell', () => {
    it('keeps numbers and booleans typed', () => {
      expect(xlsxCell('number', 45)).toBe(45);
      expect(xlsxCell('number', 'x')).toBeNull();
      expect(xlsxCell('boolean', true)).toBe(true);
      expect(xlsxCell('text', '=1+1')).toBe('=1+1');
      expect(xlsxCell('text', null)).toBeNull();
    });
    it('makes a date that day at midnight UTC (how Excel reads it) and an instant the wall clock of El Salvador', () => {
      expect(xlsxCell('date', '2026-12-02')).toEqual(new Date('2026-12-02T00:00:00Z'));
      expect(xlsxCell('date', 'not a date')).toBeNull();
      expect(xlsxCell('datetime', new Date('2026-12-03T05:59:00Z'))).toEqual(new Date('2026-12-02T23:59:00Z'));
      expect(xlsxCell('datetime', new Date('2026-12-03T06:00:00Z'))).toEqual(new Date('2026-12-03T00:00:00Z'));
    });
    it('formats dates and instants, nothing else', () => {
      expect(xlsxNumberFormat('date')).toBe('yyyy-mm-dd');
      expect(xlsxNumberFormat('datetime')).toBe('yyyy-mm-dd hh:mm');
      expect(xlsxNumberFormat('number')).toBeUndefined();
      expect(xlsxNumberFormat('text')).toBeUndefined();
    });
  });

  it('localDateTime reads an instant on El Salvador’s clock, as Intl does at every hour of a year', () => {
    expect(localDateTime(new Date('2026-01-01T00:30:00Z'))).toBe('2025-12-31 18:30');
    const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/El_Salvador', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (let t = Date.UTC(2026, 0, 1, 0, 17, 59); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000 + 61_000) expect(localDateTime(new Date(t))).toBe(intl.format(new Date(t)));
  });

  it('localized picks the export language', () => {
    expect(localized({ es: 'Apellidos', en: 'Last names' }, 'ES')).toBe('Apellidos');
    expect(localized({ es: 'Apellidos', en: 'Last names' }, 'EN')).toBe('Last names');
  });

  describe('exportFilterOf', () => {
    it('takes the filter of the kind, drops empty fields, and reads none as everything', () => {
      expect(exportFilterOf('APPLICANTS', { applicants: { status: 'AVAILABLE', municipalityCode: null, skills: [], departmentCode: '' } })).toEqual({ status: 'AVAILABLE' });
      expect(exportFilterOf('EMPLOYERS', {})).toEqual({});
      expect(exportFilterOf('JOB_ORDERS', { jobOrders: null })).toEqual({});
      expect(exportFilterOf('CONTINGENTS', { contingents: { regionCode: 'CA-QC' }, applicants: null })).toEqual({ regionCode: 'CA-QC' });
    });
    it('refuses the filter of another kind, naming it', () => {
      try {
        exportFilterOf('EMPLOYERS', { employers: {}, applicants: { status: 'AVAILABLE' } });
        throw new Error('not refused');
      } catch (e) {
        expect(e).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'applicants', message: expect.stringContaining('"employers"') }] });
      }
    });
    it('needs the period of a statistics export', () => {
      expect(codeOf(() => exportFilterOf('STATISTICS', {}))).toBe(ErrorCode.BAD_USER_INPUT);
      expect(exportFilterOf('STATISTICS', { statistics: { from: '2026-01-01', to: '2026-06-30', groupBy: [] } })).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    });
  });

  it('filterFieldNames names the fields set, sorted, never their values', () => {
    expect(filterFieldNames({ status: 'AVAILABLE', nationalId: '04567891-2', gender: null, skills: [] })).toEqual(['nationalId', 'status']);
    expect(filterFieldNames({})).toEqual([]);
  });

  it('holdsPersonalData: applicants and employers (their contact person), not orders, contingents or statistics', () => {
    expect(['APPLICANTS', 'EMPLOYERS', 'JOB_ORDERS', 'CONTINGENTS', 'STATISTICS'].filter((k) => holdsPersonalData(k as never))).toEqual(['APPLICANTS', 'EMPLOYERS']);
  });

  it('mayExport: coordinators and administrators only', () => {
    expect(Object.values(Role).filter(mayExport)).toEqual([Role.ADMIN, Role.COORDINATOR]);
  });

  it('listReaderOf reads an administrator’s list as a coordinator’s, anyone else as themselves', () => {
    const admin = { userId: 'u', role: Role.ADMIN, employerId: null, applicantId: null };
    expect(listReaderOf(admin)).toEqual({ ...admin, role: Role.COORDINATOR });
    const coordinator = { ...admin, role: Role.COORDINATOR };
    expect(listReaderOf(coordinator)).toBe(coordinator);
    const employer = { ...admin, role: Role.EMPLOYER, employerId: 'e' };
    expect(listReaderOf(employer)).toBe(employer);
  });

  it('exportFileName is dated the day it was built in El Salvador, either side of its midnight', () => {
    expect(exportFileName('APPLICANTS', 'XLSX', new Date('2026-12-03T05:59:59Z'))).toBe('puente-applicants-2026-12-02.xlsx');
    expect(exportFileName('JOB_ORDERS', 'CSV', new Date('2026-12-03T06:00:00Z'))).toBe('puente-job-orders-2026-12-03.csv');
  });

  it('contentTypeOf', () => {
    expect(contentTypeOf('CSV')).toBe('text/csv; charset=utf-8');
    expect(contentTypeOf('XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('fileExpiresAt: 24 hours after the build', () => {
    expect(FILE_TTL_MS).toBe(86_400_000);
    expect(fileExpiresAt(new Date('2026-12-02T10:00:00Z'))).toEqual(new Date('2026-12-03T10:00:00Z'));
  });

  it('assertRowLimit allows the limit and refuses one more', () => {
    expect(codeOf(() => assertRowLimit(MAX_EXPORT_ROWS))).toBeNull();
    expect(codeOf(() => assertRowLimit(MAX_EXPORT_ROWS + 1))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  describe('sheetName', () => {
    it('keeps Excel’s rules: 31 characters, none of : \\ / ? * [ ]', () => {
      const taken = new Set<string>();
      expect(sheetName('Flujos: sexo / grupo de edad [2026]*?', taken)).toBe('Flujos sexo grupo de edad 2026');
      expect(sheetName('A'.repeat(40), taken)).toBe('A'.repeat(31));
      expect(sheetName('   ', taken)).toBe('Sheet');
    });
    it('numbers a repeated name, whatever its case, within 31 characters', () => {
      const taken = new Set<string>();
      expect(sheetName('Totals', taken)).toBe('Totals');
      expect(sheetName('TOTALS', taken)).toBe('TOTALS (2)');
      expect(sheetName('totals', taken)).toBe('totals (3)');
      expect(sheetName('B'.repeat(31), taken)).toBe('B'.repeat(31));
      expect(sheetName('B'.repeat(35), taken)).toBe(`${'B'.repeat(27)} (2)`);
    });
  });

  describe('failureMessage', () => {
    it('passes a refusal on and masks anything else, whose text may quote a value', () => {
      expect(failureMessage(new DomainException(ErrorCode.BAD_USER_INPUT, 'Narrow the filter.'))).toBe('Narrow the filter.');
      const masked = failureMessage(new Error('duplicate key (national_id)=(04567891-2)'));
      expect(masked).not.toContain('04567891-2');
      expect(masked).toMatch(/could not be built/);
    });
    it('cuts a long message to what the table keeps', () => {
      const long = failureMessage(new DomainException(ErrorCode.BAD_USER_INPUT, 'x'.repeat(900)));
      expect(long).toHaveLength(MAX_ERROR_LENGTH);
    });
  });

  it('retriesBuild: never a refusal, anything else until the last attempt', () => {
    const refusal = new DomainException(ErrorCode.BAD_USER_INPUT, 'no');
    expect(retriesBuild(refusal, 1, 5)).toBe(false);
    expect(retriesBuild(new Error('connection reset'), 4, 5)).toBe(true);
    expect(retriesBuild(new Error('connection reset'), 5, 5)).toBe(false);
  });

  describe('downloadRefusal', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const user = { id: 'u1', role: 'COORDINATOR', active: true };
    const ready = { requestedBy: 'u1', status: 'READY', expiresAt: new Date(now.getTime() + 1) };
    it('sends the requester’s ready file before it expires', () => {
      expect(downloadRefusal(user, ready, now)).toBeNull();
      expect(downloadRefusal({ ...user, role: 'ADMIN' }, ready, now)).toBeNull();
    });
    it('FORBIDDEN for a user gone, deactivated or no longer staff', () => {
      expect(downloadRefusal(null, ready, now)).toBe('FORBIDDEN');
      expect(downloadRefusal({ ...user, active: false }, ready, now)).toBe('FORBIDDEN');
      expect(downloadRefusal({ ...user, role: 'EMPLOYER' }, ready, now)).toBe('FORBIDDEN');
      expect(downloadRefusal({ ...user, role: 'CONSUL' }, ready, now)).toBe('FORBIDDEN');
    });
    it('NOT_FOUND for someone else’s export, one not ready, and a file expired at this instant', () => {
      expect(downloadRefusal(user, null, now)).toBe('NOT_FOUND');
      expect(downloadRefusal(user, { ...ready, requestedBy: 'u2' }, now)).toBe('NOT_FOUND');
      expect(downloadRefusal(user, { ...ready, status: 'PENDING' }, now)).toBe('NOT_FOUND');
      expect(downloadRefusal(user, { ...ready, status: 'EXPIRED' }, now)).toBe('NOT_FOUND');
      expect(downloadRefusal(user, { ...ready, expiresAt: now }, now)).toBe('NOT_FOUND');
      expect(downloadRefusal(user, { ...ready, expiresAt: null }, now)).toBe('NOT_FOUND');
    });
  });
});
