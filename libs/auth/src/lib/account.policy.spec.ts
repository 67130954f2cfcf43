import { Role } from '@puente/common';
import { accountChangeRefusal, assertActiveChange, assertJurisdictionRegions, assertStaffAccount } from './account.policy';

describe('accountChangeRefusal', () => {
  const admin = { userId: 'a', role: Role.ADMIN };
  const coordinator = { userId: 'c', role: Role.COORDINATOR };

  it('lets an administrator change any login but their own', () => {
    for (const role of Object.values(Role)) expect(accountChangeRefusal(admin, { id: 'x', role })).toBeNull();
    expect(accountChangeRefusal(admin, { id: 'a', role: Role.ADMIN })).toMatch(/your own login/);
  });

  it('lets a coordinator change applicants only', () => {
    expect(accountChangeRefusal(coordinator, { id: 'x', role: Role.APPLICANT })).toBeNull();
    for (const role of [Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL]) expect(accountChangeRefusal(coordinator, { id: 'x', role })).toMatch(/applicants’ logins only/);
  });

  it('refuses everyone else', () => {
    expect(accountChangeRefusal({ userId: 'e', role: Role.EMPLOYER }, { id: 'x', role: Role.APPLICANT })).not.toBeNull();
    expect(accountChangeRefusal({ userId: 'p', role: Role.APPLICANT }, { id: 'x', role: Role.APPLICANT })).not.toBeNull();
  });
});

describe('assertStaffAccount', () => {
  it('opens coordinators, administrators and consuls with a valid e-mail address only', () => {
    expect(assertStaffAccount({ role: Role.COORDINATOR, email: ' ana@trabajo.gob.sv ' })).toBeNull();
    expect(assertStaffAccount({ role: Role.ADMIN, email: 'admin@trabajo.gob.sv' })).toBeNull();
    expect(() => assertStaffAccount({ role: Role.EMPLOYER, email: 'x@farm.example' })).toThrow(
      expect.objectContaining({ fields: [{ field: 'role', message: 'must be COORDINATOR, ADMIN or CONSUL' }] }),
    );
    expect(() => assertStaffAccount({ role: Role.APPLICANT, email: 'x@example.org' })).toThrow('Staff accounts are COORDINATOR, ADMIN or CONSUL.');
    expect(() => assertStaffAccount({ role: Role.COORDINATOR, email: 'not-an-address' })).toThrow('Please enter a valid e-mail address.');
  });

  it('a consul needs a country and at least one region; the codes are kept trimmed, upper-case and once each', () => {
    expect(assertStaffAccount({ role: Role.CONSUL, email: 'consul@rree.gob.sv', jurisdiction: { countryCode: ' ca', regionCodes: ['ca-qc', 'CA-ON ', 'CA-QC'] } })).toEqual({
      countryCode: 'CA',
      regionCodes: ['CA-QC', 'CA-ON'],
    });
    expect(() => assertStaffAccount({ role: Role.CONSUL, email: 'consul@rree.gob.sv' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'jurisdiction.countryCode' }), expect.objectContaining({ field: 'jurisdiction.regionCodes' })] }),
    );
    expect(() => assertStaffAccount({ role: Role.CONSUL, email: 'consul@rree.gob.sv', jurisdiction: { countryCode: 'CA', regionCodes: [' '] } })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'jurisdiction.regionCodes' })] }),
    );
    expect(() => assertStaffAccount({ role: Role.CONSUL, email: 'consul@rree.gob.sv', jurisdiction: { countryCode: 'CAN', regionCodes: ['CA-QC'] } })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'jurisdiction.countryCode' })] }),
    );
  });

  it('refuses a jurisdiction for any role but a consul', () => {
    for (const role of [Role.COORDINATOR, Role.ADMIN]) {
      expect(() => assertStaffAccount({ role, email: 'ana@trabajo.gob.sv', jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC'] } })).toThrow(
        expect.objectContaining({ fields: [{ field: 'jurisdiction', message: 'only for CONSUL' }] }),
      );
    }
  });
});

describe('assertJurisdictionRegions', () => {
  const countries = new Map([
    ['CA-QC', 'CA'],
    ['CA-ON', 'CA'],
    ['US-NC', 'US'],
  ]);

  it('accepts regions of the reference data in the country', () => {
    expect(() => assertJurisdictionRegions({ countryCode: 'CA', regionCodes: ['CA-QC', 'CA-ON'] }, countries)).not.toThrow();
  });

  it('refuses a region of another country and one that does not exist, naming each', () => {
    expect(() => assertJurisdictionRegions({ countryCode: 'CA', regionCodes: ['CA-QC', 'US-NC', 'CA-XX'] }, countries)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'jurisdiction.regionCodes', message: 'CA-XX is not a known region' },
          { field: 'jurisdiction.regionCodes', message: 'US-NC is not in CA' },
        ],
      }),
    );
    expect(() => assertJurisdictionRegions({ countryCode: 'US', regionCodes: ['CA-QC'] }, countries)).toThrow(/country \(US\)/);
  });
});

describe('assertActiveChange', () => {
  it('deactivates an active login and reactivates an inactive one, never twice', () => {
    expect(() => assertActiveChange({ active: true }, false)).not.toThrow();
    expect(() => assertActiveChange({ active: false }, true)).not.toThrow();
    expect(() => assertActiveChange({ active: false }, false)).toThrow('This login is already deactivated.');
    expect(() => assertActiveChange({ active: true }, true)).toThrow('This login is already active.');
  });
});
