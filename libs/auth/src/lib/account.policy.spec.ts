import { Role } from '@puente/common';
import { accountChangeRefusal, assertActiveChange, assertStaffAccount } from './account.policy';

describe('accountChangeRefusal', () => {
  const admin = { userId: 'a', role: Role.ADMIN };
  const coordinator = { userId: 'c', role: Role.COORDINATOR };

  it('lets an administrator change any login but their own', () => {
    for (const role of Object.values(Role)) expect(accountChangeRefusal(admin, { id: 'x', role })).toBeNull();
    expect(accountChangeRefusal(admin, { id: 'a', role: Role.ADMIN })).toMatch(/your own login/);
  });

  it('lets a coordinator change applicants only', () => {
    expect(accountChangeRefusal(coordinator, { id: 'x', role: Role.APPLICANT })).toBeNull();
    for (const role of [Role.ADMIN, Role.COORDINATOR, Role.EMPLOYER]) expect(accountChangeRefusal(coordinator, { id: 'x', role })).toMatch(/applicants’ logins only/);
  });

  it('refuses everyone else', () => {
    expect(accountChangeRefusal({ userId: 'e', role: Role.EMPLOYER }, { id: 'x', role: Role.APPLICANT })).not.toBeNull();
    expect(accountChangeRefusal({ userId: 'p', role: Role.APPLICANT }, { id: 'x', role: Role.APPLICANT })).not.toBeNull();
  });
});

describe('assertStaffAccount', () => {
  it('opens coordinators and administrators with a valid e-mail address only', () => {
    expect(() => assertStaffAccount({ role: Role.COORDINATOR, email: ' ana@trabajo.gob.sv ' })).not.toThrow();
    expect(() => assertStaffAccount({ role: Role.ADMIN, email: 'admin@trabajo.gob.sv' })).not.toThrow();
    expect(() => assertStaffAccount({ role: Role.EMPLOYER, email: 'x@farm.example' })).toThrow(expect.objectContaining({ fields: [{ field: 'role', message: 'must be COORDINATOR or ADMIN' }] }));
    expect(() => assertStaffAccount({ role: Role.COORDINATOR, email: 'not-an-address' })).toThrow('Please enter a valid e-mail address.');
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
