import { ErrorCode } from '@puente/common';
import { assertHoldClearable, EmployerDraft, employerProblems, mayPlaceApprovalHold } from './employer.rules';
import { employerStateMachine as m } from './employer.state-machine';

const regions = new Map([
  ['US-FL', 'US'],
  ['CA-QC', 'CA'],
]);
const valid: EmployerDraft = {
  legalName: 'Ferme Laitière Exemple inc.',
  country: 'CA',
  regionCode: 'CA-QC',
  city: 'Saint-Hyacinthe',
  sector: 'LIVESTOCK',
  program: 'CA_TFWP_AGRICULTURAL',
  programReference: '9000001',
  contactName: 'Julie Tremblay',
  contactEmail: 'rh@ferme.example',
  contactPhone: '+14505550123',
};
const fieldsOf = (d: Partial<EmployerDraft>) => employerProblems({ ...valid, ...d }, regions).map((p) => p.field);

describe('employerProblems', () => {
  it('accepts a consistent registration', () => expect(fieldsOf({})).toEqual([]));

  it('refuses a region outside the country and a program of the other country', () => {
    expect(fieldsOf({ regionCode: 'US-FL' })).toEqual(['regionCode']);
    expect(fieldsOf({ program: 'US_H2A', programReference: 'H-300-26012-123456' })).toEqual(['program']);
  });

  it('checks the program reference format per stream', () => {
    expect(fieldsOf({ programReference: 'H-300-26012-123456' })).toEqual(['programReference']);
    expect(
      employerProblems(
        { ...valid, country: 'US', regionCode: 'US-FL', program: 'US_H2B', programReference: 'H-400-26012-123456', contactPhone: '+13055550123' },
        regions,
      ),
    ).toEqual([]);
  });

  it('names unknown codes and bad contacts', () => {
    expect(fieldsOf({ regionCode: 'MX-JAL', contactEmail: 'x', contactPhone: '555' })).toEqual(['regionCode', 'contactEmail', 'contactPhone']);
    expect(fieldsOf({ sector: 'MINING' })).toEqual(['sector']);
  });
});

describe('employer state machine', () => {
  it('verifies, suspends and reinstates', () => {
    expect(m.next('PENDING_VERIFICATION', 'VERIFY')).toBe('VERIFIED');
    expect(m.next('VERIFIED', 'SUSPEND')).toBe('SUSPENDED');
    expect(m.next('SUSPENDED', 'REINSTATE')).toBe('VERIFIED');
  });

  it('refuses to verify twice or a suspended employer', () => {
    expect(() => m.next('VERIFIED', 'VERIFY')).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    expect(() => m.next('SUSPENDED', 'VERIFY')).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
  });
});

describe('approval hold', () => {
  it('is placed only on an employer not on hold already', () => {
    expect(mayPlaceApprovalHold({ approvalHoldSince: null })).toBe(true);
    expect(mayPlaceApprovalHold({ approvalHoldSince: new Date() })).toBe(false);
  });

  it('is cleared only when there is one', () => {
    expect(() => assertHoldClearable({ approvalHoldSince: new Date() })).not.toThrow();
    expect(() => assertHoldClearable({ approvalHoldSince: null })).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
  });
});
