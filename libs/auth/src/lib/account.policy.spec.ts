import { Role } from '@puente/common';
import { accountChangeRefusal } from './account.policy';

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
