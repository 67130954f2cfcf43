import { Actor, Role } from '@puente/common';
import { contingentScope } from './contingent-queries.service';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({ userId: 'u', role, employerId: null, applicantId: null, ...extra });

describe('contingentScope', () => {
  it('a coordinator sees every contingent', () => {
    expect(contingentScope(actor(Role.COORDINATOR))).toEqual({ employerId: null, regionCodes: null });
  });

  it("an employer sees those carrying its workers, wherever they go", () => {
    expect(contingentScope(actor(Role.EMPLOYER, { employerId: 'e' }))).toEqual({ employerId: 'e', regionCodes: null });
    expect(contingentScope(actor(Role.EMPLOYER))).toBeNull();
  });

  it("a consul sees those going to their jurisdiction's regions, and none without one", () => {
    const consul = actor(Role.CONSUL, { jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC', 'CA-ON'] } });
    expect(contingentScope(consul)).toEqual({ employerId: null, regionCodes: ['CA-QC', 'CA-ON'] });
    expect(contingentScope(actor(Role.CONSUL))).toBeNull();
    expect(contingentScope(actor(Role.CONSUL, { jurisdiction: { countryCode: 'CA', regionCodes: [] } }))).toBeNull();
  });

  it('an administrator or an applicant sees none through these reads', () => {
    expect(contingentScope(actor(Role.ADMIN))).toBeNull();
    expect(contingentScope(actor(Role.APPLICANT, { applicantId: 'a' }))).toBeNull();
  });
});
