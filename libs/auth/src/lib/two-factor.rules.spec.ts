import { Role } from '@puente/common';
import {
  acceptsStep,
  assertMayConfirmEnrolment,
  assertMayDisable,
  assertMayEnrol,
  assertMayReset,
  assertMayStartEnrolment,
  assertTwoFactorOn,
  mayEnrolInTwoFactor,
  normalizeRecoveryCode,
  recoveryCode,
  secondFactorRefusal,
  totpCodeOf,
} from './two-factor.rules';

describe('two-factor rules', () => {
  it('staff (consuls too) and employers may enrol; applicants may not', () => {
    expect(mayEnrolInTwoFactor(Role.ADMIN)).toBe(true);
    expect(mayEnrolInTwoFactor(Role.CONSUL)).toBe(true);
    expect(mayEnrolInTwoFactor(Role.COORDINATOR)).toBe(true);
    expect(mayEnrolInTwoFactor(Role.EMPLOYER)).toBe(true);
    expect(mayEnrolInTwoFactor(Role.APPLICANT)).toBe(false);
  });

  describe('secondFactorRefusal', () => {
    const off = { staffTotpRequired: false, allowsPending: false, allowsEnrolment: false };

    it('a half-signed-in token may only complete the login', () => {
      expect(secondFactorRefusal({ role: Role.COORDINATOR, secondFactor: 'pending' }, off)).toMatch(/completeLogin/);
      expect(secondFactorRefusal({ role: Role.COORDINATOR, secondFactor: 'pending' }, { ...off, allowsEnrolment: true })).toMatch(/completeLogin/);
      expect(secondFactorRefusal({ role: Role.COORDINATOR, secondFactor: 'pending' }, { ...off, allowsPending: true })).toBeNull();
    });


    it('without the switch, users who have not enrolled do everything their role allows', () => {
      expect(secondFactorRefusal({ role: Role.COORDINATOR }, off)).toBeNull();
      expect(secondFactorRefusal({ role: Role.COORDINATOR, secondFactor: 'passed' }, off)).toBeNull();
    });

    it('with STAFF_TOTP_REQUIRED, staff who have not enrolled may only enrol; employers and applicants are not held', () => {
      const on = { ...off, staffTotpRequired: true };
      expect(secondFactorRefusal({ role: Role.COORDINATOR }, on)).toMatch(/enrol first/);
      expect(secondFactorRefusal({ role: Role.ADMIN }, on)).toMatch(/enrol first/);
      expect(secondFactorRefusal({ role: Role.CONSUL }, on)).toMatch(/enrol first/);
      expect(secondFactorRefusal({ role: Role.ADMIN }, { ...on, allowsEnrolment: true })).toBeNull();
      expect(secondFactorRefusal({ role: Role.ADMIN, secondFactor: 'passed' }, on)).toBeNull();
      expect(secondFactorRefusal({ role: Role.EMPLOYER }, on)).toBeNull();
      expect(secondFactorRefusal({ role: Role.APPLICANT }, on)).toBeNull();
    });
  });

  it('a code is accepted only for a step after the last accepted one (no replay)', () => {
    expect(acceptsStep(100, null)).toBe(true);
    expect(acceptsStep(101, 100)).toBe(true);
    expect(acceptsStep(100, 100)).toBe(false);
    expect(acceptsStep(99, 100)).toBe(false);
  });

  it('reads a TOTP code of six digits, spaces allowed', () => {
    expect(totpCodeOf('123 456')).toBe('123456');
    expect(totpCodeOf('12345')).toBeNull();
    expect(totpCodeOf('abcde-fghij')).toBeNull();
  });

  it('recovery codes: xxxxx-xxxxx, read in any case with or without the dash', () => {
    let i = 0;
    const code = recoveryCode((max) => i++ % max);
    expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normalizeRecoveryCode(code.toUpperCase())).toBe(code.replace('-', ''));
    expect(normalizeRecoveryCode(` ${code.replace('-', ' ')} `)).toBe(code.replace('-', ''));
  });
});

describe('two-factor guards', () => {
  const off = { totpEnabledAt: null, totpSecret: null };
  const enrolling = { totpEnabledAt: null, totpSecret: 'sealed' };
  const on = { totpEnabledAt: new Date('2027-01-01T00:00:00Z'), totpSecret: 'sealed' };

  it('enrols staff and employers while it is off, and confirms an enrolment once it was started', () => {
    expect(() => assertMayEnrol(Role.APPLICANT)).toThrow('Applicants do not use two-factor sign-in.');
    expect(() => assertMayEnrol(Role.EMPLOYER)).not.toThrow();
    expect(() => assertMayStartEnrolment(enrolling)).not.toThrow();
    expect(() => assertMayStartEnrolment(on)).toThrow(/already on; turn it off first/);
    expect(() => assertMayConfirmEnrolment(enrolling)).not.toThrow();
    expect(() => assertMayConfirmEnrolment(off)).toThrow(/Start the enrolment first/);
    expect(() => assertMayConfirmEnrolment(on)).toThrow('Two-factor sign-in is already on.');
    expect(() => assertTwoFactorOn(enrolling)).toThrow(/not on for this account/);
    expect(() => assertTwoFactorOn(on)).not.toThrow();
  });

  it('keeps a required second factor on for staff', () => {
    expect(() => assertMayDisable(Role.COORDINATOR, true)).toThrow(/required for staff/);
    expect(() => assertMayDisable(Role.COORDINATOR, false)).not.toThrow();
    expect(() => assertMayDisable(Role.EMPLOYER, true)).not.toThrow();
  });

  it('lets an administrator reset someone else’s two-factor sign-in when there is one', () => {
    const admin = { userId: 'a', role: Role.ADMIN };
    expect(() => assertMayReset(admin, { ...on, id: 'u' })).not.toThrow();
    expect(() => assertMayReset(admin, { ...enrolling, id: 'u' })).not.toThrow();
    expect(() => assertMayReset({ userId: 'c', role: Role.COORDINATOR }, { ...on, id: 'u' })).toThrow('Only an administrator resets two-factor sign-in.');
    expect(() => assertMayReset(admin, { ...on, id: 'a' })).toThrow(/your own two-factor/);
    expect(() => assertMayReset(admin, { ...off, id: 'u' })).toThrow('This login has no two-factor sign-in to reset.');
  });
});
