import { Role } from '@puente/common';
import { acceptsStep, mayEnrolInTwoFactor, normalizeRecoveryCode, recoveryCode, secondFactorRefusal, totpCodeOf } from './two-factor.rules';

describe('two-factor rules', () => {
  it('staff and employers may enrol; applicants may not', () => {
    expect(mayEnrolInTwoFactor(Role.ADMIN)).toBe(true);
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
