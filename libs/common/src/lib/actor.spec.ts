import { Actor, inJurisdiction, jurisdictionOf, Role } from './actor';

const base = { userId: 'u', employerId: null, applicantId: null };
const consul = (regionCodes: string[], countryCode = 'CA'): Actor => ({
  ...base,
  role: Role.CONSUL,
  jurisdiction: { countryCode, regionCodes },
});

describe('consul jurisdiction', () => {
  it('a consul is inside the regions of the jurisdiction only', () => {
    const a = consul(['CA-QC', 'CA-ON']);
    expect(inJurisdiction(a, 'CA-QC')).toBe(true);
    expect(inJurisdiction(a, 'CA-ON')).toBe(true);
    expect(inJurisdiction(a, 'CA-BC')).toBe(false);
    expect(inJurisdiction(a, 'US-NY')).toBe(false);
  });

  it('compares region codes without regard to case', () => {
    expect(inJurisdiction(consul(['CA-QC']), 'ca-qc')).toBe(true);
  });

  it('a missing region is outside', () => {
    expect(inJurisdiction(consul(['CA-QC']), '')).toBe(false);
    expect(inJurisdiction(consul(['CA-QC']), null)).toBe(false);
  });

  it('a consul without a jurisdiction (or with no regions) sees nothing', () => {
    expect(inJurisdiction({ ...base, role: Role.CONSUL }, 'CA-QC')).toBe(false);
    expect(inJurisdiction({ ...base, role: Role.CONSUL, jurisdiction: null }, 'CA-QC')).toBe(false);
    expect(inJurisdiction(consul([]), 'CA-QC')).toBe(false);
    expect(jurisdictionOf(consul([]))).toBeNull();
  });

  it.each([Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.APPLICANT])(
    '%s is never "in jurisdiction" and has none, even with a stray jurisdiction on the actor',
    (role) => {
      const a: Actor = { ...base, role, jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC'] } };
      expect(inJurisdiction(a, 'CA-QC')).toBe(false);
      expect(jurisdictionOf(a)).toBeNull();
    },
  );

  it('jurisdictionOf returns a copy the caller cannot use to change the actor', () => {
    const a = consul(['CA-QC']);
    const j = jurisdictionOf(a)!;
    expect(j).toEqual({ countryCode: 'CA', regionCodes: ['CA-QC'] });
    j.regionCodes.push('CA-BC');
    expect(inJurisdiction(a, 'CA-BC')).toBe(false);
  });
});
